package dev.consentgate.html;

import dev.consentgate.config.TagAction;
import dev.consentgate.config.TagRule;
import dev.consentgate.html.ElementJudge.Verdict;

import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/**
 * What a verdict on a start tag does to one rewriter's output: the tag's bytes replaced (neutralized, a placeholder,
 * its loading attributes made inert) or dropped with the element's content, the event reported, and a blocked
 * script's stand-ins placed. {@link ByteStreamRewriter} decides; this carries it out.
 */
final class ElementActions {

    private final PendingOutput pending;
    private final ElementRewrites rewrites;
    private final EventReporter events;
    private final ElementJudge elements;
    private final HtmlTokenizer tokenizer;
    private final DroppedContent dropped;
    private final SurrogatePlacement surrogates;
    /** Whether a script of the gateway's runs where the tokenizer is now, as the page's own would have. */
    private final BooleanSupplier standInsRunHere;

    ElementActions(PendingOutput pending, ElementRewrites rewrites, EventReporter events, ElementJudge elements,
                   HtmlTokenizer tokenizer, DroppedContent dropped, SurrogatePlacement surrogates,
                   BooleanSupplier standInsRunHere) {
        this.pending = pending;
        this.rewrites = rewrites;
        this.events = events;
        this.elements = elements;
        this.tokenizer = tokenizer;
        this.dropped = dropped;
        this.surrogates = surrogates;
        this.standInsRunHere = standInsRunHere;
    }

    /**
     * Carries out {@code v} on the start tag just read, or on an inline script's, held while its content was
     * inspected ({@link InlineScriptInspection}).
     */
    void apply(TagToken tag, Verdict v) {
        pending.emitUpTo(tag.start);
        pending.dropUpTo(tag.end);
        if (tag.nameId == ElementNames.A || tag.nameId == ElementNames.AREA) {
            // the link stays; its beacons and handlers go
            pending.insert(ElementRewrites.withPingsAndHandlersInert(tag, inertHandlers(tag)));
            events.report(tag.start, tag.nameId, v.host(), v.rule().category(), v.rule().id(),
                    RewriteEvent.Action.NEUTRALIZED);
            return;
        }
        if (keepsItsPlace(tag)) {
            // the page's structure stays; what loads or runs goes
            pending.insert(ElementRewrites.withBackgroundAndHandlersInert(tag, inertHandlers(tag)));
            events.report(tag.start, tag.nameId, v.host(), v.rule().category(), v.rule().id(),
                    RewriteEvent.Action.NEUTRALIZED);
            return;
        }
        boolean hasContent = tag.nameId == ElementNames.SCRIPT || tag.nameId == ElementNames.IFRAME
                || tag.nameId == ElementNames.OBJECT || tag.nameId == ElementNames.XSL_ELEMENT
                || tag.nameId == ElementNames.XSL_ATTRIBUTE || tag.nameId == ElementNames.XSL_TEXT
                || tag.nameId == ElementNames.XSL_VALUE_OF || tag.nameId == ElementNames.XSL_COPY_OF;
        RewriteEvent.Action done;
        // in SVG a placeholder's div would end it, where the element did not: the element goes
        switch (v.action() == TagAction.PLACEHOLDER && tokenizer.mayBeInForeignContent()
                && !ForeignContent.endsForeignContent(tag.nameString()) ? TagAction.REMOVE : v.action()) {
            case NEUTRALIZE -> {
                pending.insert(rewrites.neutralize(tag, v.rule()));
                if (tag.nameId == ElementNames.SCRIPT) {
                    scriptBlocked(tag, v.rule(), true);
                }
                done = RewriteEvent.Action.NEUTRALIZED;
            }
            case PLACEHOLDER -> {
                pending.insert(rewrites.placeholder(tag, v.rule(), v.host(),
                        elements.bases().placeholderOrigin(elements.site())));
                dropContent(tag, hasContent);
                done = RewriteEvent.Action.PLACEHOLDER;
            }
            default -> {
                if (tokenizer.mayBeInForeignContent() && ForeignContent.endsForeignContent(tag.nameString())) {
                    // gone, it would leave a browser in SVG, where the tokenizer is out of it
                    pending.insert(ElementRewrites.FOREIGN_CONTENT_END);
                }
                if (tag.nameId == ElementNames.SCRIPT) {
                    scriptBlocked(tag, v.rule(), false);
                }
                dropContent(tag, hasContent);
                done = RewriteEvent.Action.REMOVED;
            }
        }
        events.report(tag.start, tag.nameId, v.host(), v.rule().category(), v.rule().id(), done);
    }

    /**
     * A script of the page was blocked: the stand-ins for its vendor's globals go right after its end tag (a
     * neutralized one, whose text they record) or in its place (a removed one). Only in HTML outside SVG, MathML,
     * templates and noscript, where a script of the gateway's runs as the page's own would have.
     */
    private void scriptBlocked(TagToken tag, TagRule rule, boolean neutralized) {
        if (standInsRunHere.getAsBoolean()) {
            surrogates.scriptBlocked(tag, rule, neutralized, pending);
        }
    }

    /**
     * Whether a blocked element stays, its handlers (and a background) made inert: every element but those that
     * load or run something of their own, which go. The page's structure and content stay (a body, a table, a div,
     * an svg's drawing, a style's rules, a form's field), judged by their handlers and, for a body or a table, its
     * background.
     */
    private static boolean keepsItsPlace(TagToken tag) {
        return switch (tag.nameId) {
            case ElementNames.SCRIPT, ElementNames.IMG, ElementNames.SOURCE, ElementNames.IMAGE, ElementNames.AMP_PIXEL,
                 ElementNames.VIDEO, ElementNames.AUDIO, ElementNames.TRACK, ElementNames.FE_IMAGE,
                 ElementNames.IFRAME, ElementNames.FRAME, ElementNames.EMBED, ElementNames.OBJECT,
                 ElementNames.AMP_IFRAME, ElementNames.LINK, ElementNames.META, ElementNames.BASE, ElementNames.SET,
                 ElementNames.ANIMATE, ElementNames.XSL_ELEMENT, ElementNames.XSL_ATTRIBUTE, ElementNames.XSL_TEXT,
                 ElementNames.XSL_VALUE_OF, ElementNames.XSL_COPY_OF -> false;
            case ElementNames.INPUT -> !ElementJudge.isImageInput(tag);
            default -> true;
        };
    }

    /**
     * The handlers of a blocked element that stays to make inert: those a rule blocks, so that the site's own stay
     * and run. Every one when none is found so and nothing else can have blocked it (no background, ping or
     * attributionsrc: the verdict read the tag in another encoding), or when the size limit cut the tag.
     */
    private IntPredicate inertHandlers(TagToken tag) {
        boolean[] blocked = new boolean[tag.attrCount];
        boolean any = false;
        boolean other = false;
        for (int k = 0; k < tag.attrCount; k++) {
            if (EventHandlers.isHandler(tag, k)) {
                blocked[k] = elements.blocksHandler(tag, k);
                any |= blocked[k];
            } else if (StyleAttributes.isStyle(tag, k)) {
                blocked[k] = elements.blocksStyle(tag, k);
                any |= blocked[k];
            } else {
                other |= tag.attributeNameIs(k, "background") || tag.attributeNameIs(k, "ping")
                        || tag.attributeNameIs(k, "attributionsrc");
            }
        }
        if (!any && (tag.overflowed || !other)) {
            return k -> EventHandlers.isHandler(tag, k) || StyleAttributes.isStyle(tag, k);
        }
        return k -> k < blocked.length && blocked[k];
    }

    private void dropContent(TagToken tag, boolean hasContent) {
        // a self-closing frame, object or script in SVG, MathML or XML is closed: dropping up to an end tag would
        // take the page
        if (hasContent && !(tag.selfClosing && tokenizer.selfClosingHasNoContent())) {
            // markup the tokenizer follows into or out of SVG goes: the output leaves a browser where it was
            dropped.start(tag.nameId, tag.nameId == ElementNames.SCRIPT ? null : tokenizer.foreignContentState());
        }
    }
}
