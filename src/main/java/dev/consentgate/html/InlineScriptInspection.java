package dev.consentgate.html;

import dev.consentgate.config.TagAction;
import dev.consentgate.config.TagRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inline script a rewriter is inspecting: its bytes are held while its code streams past the judge
 * ({@link InlineScriptJudge}), then passed on, removed or neutralized. In SVG or MathML a browser reads the
 * script's content as markup, and after a frameset it may ignore the script and read its content as markup too, so
 * there the content kept is replaced by what a markup reading makes of it.
 */
final class InlineScriptInspection {

    /** Reads code as markup in place of a script's content, from {@code contentAbs} to its end tag. */
    interface MarkupReader {
        void read(long contentAbs, byte[] code, int length);
    }

    private static final Logger LOG = LoggerFactory.getLogger(InlineScriptInspection.class);
    private final TagPolicy policy;
    private final InlineScriptJudge judge;
    private final PendingOutput pending;
    private final EventReporter events;
    private final MarkupReader markupReader;
    /** Carries out a block as it would on the start tag: the same replacement, event and stand-ins. */
    private final ElementActions actions;
    /** How blocked scripts count: as pixels in a noscript's content read as markup. */
    private final ElementKind kind;
    /** Judges the URLs a speculation rule set reaches, against the page's bases. */
    private final UrlJudge urls;

    /** The script being inspected, null when none; the tokenizer reuses the token only after the script's end. */
    private TagToken script;
    /** That script is inside SVG or MathML. */
    private boolean inSvgOrMath;
    /** That script's content is, or may be, markup to a browser: in SVG or MathML, or after a frameset. */
    private boolean contentMayBeMarkup;
    /** That script is a speculation rule set, judged whole at its end. */
    private boolean speculationRules;
    /** Absolute offset of that script's end tag, once read. */
    private long contentEnd;

    InlineScriptInspection(TagPolicy policy, InlineScriptJudge judge, PendingOutput pending, EventReporter events,
                           MarkupReader markupReader, ElementActions actions, boolean inNoscript, UrlJudge urls) {
        this.policy = policy;
        this.urls = urls;
        this.judge = judge;
        this.pending = pending;
        this.events = events;
        this.markupReader = markupReader;
        this.actions = actions;
        this.kind = inNoscript ? ElementKind.PIXEL : ElementKind.SCRIPT;
    }

    /**
     * A script starts: {@code inSvgOrMath}, a browser runs its text, read as markup; {@code contentMayBeMarkup},
     * a browser may read its content as markup (inSvgOrMath implies it).
     */
    void start(TagToken tag, boolean inSvgOrMath, boolean contentMayBeMarkup) {
        script = tag;
        this.inSvgOrMath = inSvgOrMath;
        this.contentMayBeMarkup = inSvgOrMath || contentMayBeMarkup;
        this.speculationRules = ScriptTypes.isSpeculationRules(tag);
        judge.start(ScriptTypes.isImportMap(tag), speculationRules, this.contentMayBeMarkup);
    }

    boolean active() {
        return script != null;
    }

    /** Start of the held script, -1 when none. */
    long heldFrom() {
        return script == null ? -1 : script.start;
    }

    /** The chunk the tokenizer read ends: the held start tag must outlive the chunk's array. */
    void chunkEnded() {
        if (script != null) {
            script.materialize();
        }
    }

    /** The next piece of the script's content. */
    void read(byte[] a, int from, int to) {
        int readTo = judge.read(a, from, to);
        if (readTo < 0) {
            int keep = judge.keepRule();
            if (keep >= 0) {
                // the site's own script, passed whole
                TagRule rule = policy.rule(keep);
                events.report(script.start, ElementNames.SCRIPT, "", rule.category(), rule.id(),
                        RewriteEvent.Action.KEPT);
                script = null;
            } else {
                block(policy.rule(judge.rule()), "", false);
            }
            return;
        }
        if (readTo < to) {
            // the limit is judged as the script's end: a URL read up to it counts, as in a data: URL cut at it
            if (blockedWhenReadToEnd(false)) {
                return;
            }
            if (speculationRules) {
                // a rule set is read whole or not at all: the rest may name a tracker
                block(SpeculationRules.UNREAD, "", false);
                return;
            }
            if (contentMayBeMarkup) {
                // the rest, markup to a browser, would pass unread: the script goes
                block((inSvgOrMath ? ElementJudge.SVG_SCRIPT_PAST_INSPECT_LIMIT
                        : ElementJudge.MAYBE_MARKUP_SCRIPT_PAST_INSPECT_LIMIT).rule(), "", false);
                return;
            }
            LOG.debug("inline script at offset {} longer than {} bytes passed unjudged past the limit",
                    script.start, policy.settings().inlineScriptInspectLimit());
            events.report(script.start, ElementNames.SCRIPT, "", "", "", RewriteEvent.Action.PASSED_OVER_LIMIT);
            script = null;
        }
    }

    /** The script's end tag starts at {@code endTagStart}. */
    void end(long endTagStart) {
        contentEnd = endTagStart;
        if (blockedWhenReadToEnd(true) || inSvgOrMath && blockedAsRunnableText()
                || speculationRules && blockedAsRuleSet()) {
            return;
        }
        if (contentMayBeMarkup) {
            readContentAsMarkup(script.end);
        }
        script = null;
    }

    /**
     * Decides the script read so far as a whole, at its end or at the inspect limit: a signature first, then the
     * URLs it loads or names (one still being read ends here), then what a data: URL in its strings carries. Returns
     * whether it was blocked.
     */
    private boolean blockedWhenReadToEnd(boolean contentEnded) {
        int k = judge.ruleAtEnd();
        if (k >= 0) {
            block(policy.rule(k), judge.host(), contentEnded);
            return true;
        }
        EmbeddedContentJudge.Match carried = judge.dataUrlAtEnd();
        if (carried == null) {
            return false;
        }
        block(carried.rule(), carried.host(), contentEnded);
        return true;
    }

    /**
     * Judges the script in SVG or MathML, read to its end, again as the text a browser runs there (see
     * {@link ForeignScriptText}); returns whether it was blocked.
     */
    private boolean blockedAsRunnableText() {
        int k = judge.ruleAsRunnableText();
        if (k < 0) {
            return false;
        }
        block(policy.rule(k), judge.host(), true);
        return true;
    }

    /** Judges a speculation rule set read to its end by what it makes Chromium fetch; returns whether it was blocked. */
    private boolean blockedAsRuleSet() {
        ElementJudge.Verdict v = SpeculationRules.judge(judge.text(), urls, kind);
        if (v == null) {
            return false;
        }
        block(v.rule(), v.host(), true);
        return true;
    }

    /** Replaces the content, from {@code contentAbs} to its end tag, with its markup reading. */
    private void readContentAsMarkup(long contentAbs) {
        pending.emitUpTo(contentAbs);
        pending.dropUpTo(contentEnd);
        if (judge.keptLength() > 0) {
            markupReader.read(contentAbs, judge.kept(), judge.keptLength());
        }
    }

    /**
     * Blocks the held script as a verdict on its start tag would have (its start tag was held, not yet sent).
     * Neutralizing keeps the content; where that content may be markup, only once all of it was read
     * ({@code contentEnded}), to be read as markup: else the script goes.
     */
    private void block(TagRule rule, String host, boolean contentEnded) {
        TagToken tag = script;
        script = null;
        TagAction action = contentMayBeMarkup && !contentEnded ? TagAction.REMOVE : policy.action(rule, kind);
        actions.apply(tag, new ElementJudge.Verdict(rule, host, kind, action));
        if (action == TagAction.NEUTRALIZE && contentMayBeMarkup) {
            readContentAsMarkup(tag.end);
        }
    }
}
