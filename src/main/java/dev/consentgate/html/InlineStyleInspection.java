package dev.consentgate.html;

import dev.consentgate.config.TagRule;
import dev.consentgate.html.ElementJudge.Verdict;
import dev.consentgate.html.InlineScriptInspection.MarkupReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The style element a rewriter is reading: its content is held until its end tag (at most the inline inspect
 * limit), then passed on with each address a rule blocks ({@code @import}, {@code url()}, an image set's: see
 * {@link CssUrls}) replaced by {@code none}, which loads nothing. The rest of the stylesheet stays as written, so the
 * site keeps its layout; a rule, font or background that named a tracker is dropped by the browser.
 *
 * <p>Where the content may be markup to a browser (in SVG or MathML, in a template, after a frameset, in a page
 * parsed as XML), its text is also judged as that markup gives it ({@link StyleTextAsMarkup}), and the content, its
 * addresses replaced in place, is then read as markup (an {@code img} in it breaks out of SVG and loads). A blocked
 * address found only in that reading (split by a comment, written with a character reference) takes the content
 * with it, and so does the limit: what follows it would pass unread.
 */
final class InlineStyleInspection {

    private static final Logger LOG = LoggerFactory.getLogger(InlineStyleInspection.class);
    private static final byte[] NONE = CssUrls.NONE.getBytes(StandardCharsets.US_ASCII);
    /** A style element whose content may be markup, longer than the inspect limit. */
    static final TagRule MAYBE_MARKUP_STYLE_PAST_INSPECT_LIMIT =
            TagRule.builtinRemoval("maybe-markup-style-past-inspect-limit");
    /** A style element whose content, read as markup, names a blocked address its raw text hides. */
    static final TagRule ADDRESS_HIDDEN_BY_MARKUP = TagRule.builtinRemoval("style-address-hidden-by-markup");

    private final PendingOutput pending;
    private final EventReporter events;
    /** Judges each address as an image's: what a stylesheet loads is fetched like one, with the page. */
    private final UrlJudge urls;
    private final MarkupReader markupReader;
    private final Charset encoding;
    private final int limit;

    /** Start of the style's start tag and of its content; -1 when no style is being read. */
    private long tagStart = -1;
    private long contentStart;
    /** The content may be markup to a browser. */
    private boolean mayBeMarkup;
    /** The limit passed in content that may be markup: the rest is dropped up to the end tag. */
    private boolean droppingRest;
    /** Absolute offset of the next content byte. */
    private long nextAbs;
    private byte[] held = new byte[0];
    private int heldLength;

    InlineStyleInspection(PendingOutput pending, EventReporter events, UrlJudge urls, MarkupReader markupReader,
                          Charset encoding, int limit) {
        this.pending = pending;
        this.events = events;
        this.urls = urls;
        this.markupReader = markupReader;
        this.encoding = encoding;
        this.limit = limit;
    }

    /** A style's start tag ended at {@code tag.end}: its content is held from there. */
    void start(TagToken tag, boolean contentMayBeMarkup) {
        tagStart = tag.start;
        contentStart = tag.end;
        nextAbs = tag.end;
        mayBeMarkup = contentMayBeMarkup;
        droppingRest = false;
        heldLength = 0;
    }

    boolean active() {
        return tagStart >= 0;
    }

    /**
     * Start of the held style, -1 when none: its start tag's, which keeps the line it is reported on known (the tag
     * itself was passed on already, or is held with the content, which changes nothing); past the limit in content
     * that may be markup, the next content byte's, as what came before is dropped.
     */
    long heldFrom() {
        return droppingRest ? nextAbs : tagStart;
    }

    /** The next piece of the content. */
    void read(byte[] a, int from, int to) {
        nextAbs += to - from;
        if (droppingRest) {
            pending.dropUpTo(nextAbs);
            return;
        }
        int n = Math.min(to - from, limit - heldLength);
        if (heldLength + n > held.length) {
            held = Arrays.copyOf(held, Math.max(heldLength + n, Math.min(limit, Math.max(1024, 2 * held.length))));
        }
        System.arraycopy(a, from, held, heldLength, n);
        heldLength += n;
        if (n == to - from) {
            return;
        }
        if (mayBeMarkup) {
            // the rest, maybe markup to a browser, would pass unread: the content goes
            pending.emitUpTo(contentStart);
            pending.dropUpTo(nextAbs);
            droppingRest = true;
            events.report(tagStart, ElementNames.STYLE, "", MAYBE_MARKUP_STYLE_PAST_INSPECT_LIMIT.category(),
                    MAYBE_MARKUP_STYLE_PAST_INSPECT_LIMIT.id(), RewriteEvent.Action.REMOVED);
            return;
        }
        // judged as far as it was read (an address the limit cuts counts as read to there); the rest passes
        replaceBlocked();
        LOG.debug("style element at offset {} longer than {} bytes passed unjudged past the limit", tagStart, limit);
        events.report(tagStart, ElementNames.STYLE, "", "", "", RewriteEvent.Action.PASSED_OVER_LIMIT);
        tagStart = -1;
    }

    /** The style's end tag starts (or the input ends) at {@code endTagStart}. */
    void end(long endTagStart) {
        if (droppingRest) {
            pending.dropUpTo(endTagStart);
        } else if (mayBeMarkup) {
            judgeBothWays(endTagStart);
        } else {
            replaceBlocked();
        }
        tagStart = -1;
        droppingRest = false;
    }

    /** Replaces each blocked address in the held content as it passes on, reporting it. */
    private void replaceBlocked() {
        CharSequence css = CssUrls.latin1(held, heldLength);
        if (!CssUrls.mayLoad(css)) {
            return;
        }
        CssUrls.find(css, encoding, (start, end, url) -> {
            Verdict v = blocked(url);
            if (v != null) {
                pending.emitUpTo(contentStart + start);
                pending.dropUpTo(contentStart + end);
                pending.insert(NONE);
            }
        });
    }

    /**
     * Content that may be markup, read to its end tag: each blocked address is overwritten in place (so that the
     * markup reading's offsets, and lines, stay), then the content is judged as markup gives its text, and read as
     * markup when it holds any.
     */
    private void judgeBothWays(long endTagStart) {
        boolean markup = ByteScan.indexOf(held, 0, heldLength, (byte) '<') < heldLength;
        boolean references = ByteScan.indexOf(held, 0, heldLength, (byte) '&') < heldLength;
        if (!markup && !references) {
            // the same text either way
            replaceBlocked();
            return;
        }
        byte[] content = Arrays.copyOf(held, heldLength);
        CssUrls.find(CssUrls.latin1(held, heldLength), encoding, (start, end, url) -> {
            if (blocked(url) != null) {
                overwrite(content, start, end);
            }
        });
        pending.emitUpTo(contentStart);
        pending.dropUpTo(endTagStart);
        if (hidesBlockedAddress(content)) {
            events.report(tagStart, ElementNames.STYLE, "", ADDRESS_HIDDEN_BY_MARKUP.category(),
                    ADDRESS_HIDDEN_BY_MARKUP.id(), RewriteEvent.Action.REMOVED);
        } else if (markup) {
            markupReader.read(contentStart, content, content.length);
        } else {
            pending.insert(content);
        }
    }

    /** Whether the text markup gives {@code content} still names a blocked address. */
    private boolean hidesBlockedAddress(byte[] content) {
        String text = StyleTextAsMarkup.text(new String(content, encoding));
        boolean[] found = {false};
        CssUrls.find(text, null, (start, end, url) -> found[0] |= urls.url(url, ElementKind.PIXEL) != null);
        return found[0];
    }

    /** The verdict on an address, reported when it blocks. */
    private Verdict blocked(String url) {
        Verdict v = urls.url(url, ElementKind.PIXEL);
        if (v != null) {
            events.report(tagStart, ElementNames.STYLE, v.host(), v.rule().category(), v.rule().id(),
                    RewriteEvent.Action.NEUTRALIZED);
        }
        return v;
    }

    /**
     * Writes over {@code content[start, end)} what loads nothing, padded with spaces to the same length: {@code none},
     * or an empty string where the span is a string too short for it (an import's, an image set's).
     */
    private static void overwrite(byte[] content, int start, int end) {
        byte[] with = end - start >= NONE.length ? NONE : new byte[] {'"', '"'};
        System.arraycopy(with, 0, content, start, with.length);
        Arrays.fill(content, start + with.length, end, (byte) ' ');
    }
}
