package dev.consentgate.html;

import dev.consentgate.config.TagRule;
import dev.consentgate.html.ElementJudge.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The style element a rewriter is reading: its content is held until its end tag (at most the inline inspect
 * limit), then passed on with each address a rule blocks ({@code @import}, {@code url()}, an image set's: see
 * {@link CssUrls}) replaced by {@code none}, which loads nothing. The rest of the stylesheet stays as written, so the
 * site keeps its layout; a rule, font or background that named a tracker is dropped by the browser.
 *
 * <p>Where the content may be markup to a browser (in SVG or MathML, in a template, after a frameset, in a page
 * parsed as XML) and holds some, it is read as markup first (an {@code img} in it breaks out of SVG and loads), and
 * what that reading passes on is judged as CSS, and also as the text markup gives it ({@link StyleTextAsMarkup}): a
 * blocked address only that reading shows (split by a comment, written with a character reference) takes the
 * content with it, and so does the limit, as what follows it would pass unread.
 */
final class InlineStyleInspection {

    /** Reads content as markup (every element in it judged as a pixel); returns what that reading passes on. */
    interface MarkupReading {
        byte[] read(long contentAbs, byte[] content, int length);
    }

    private static final Logger LOG = LoggerFactory.getLogger(InlineStyleInspection.class);
    private static final byte[] NONE = CssUrls.NONE.getBytes(StandardCharsets.US_ASCII);
    /** A style element whose content may be markup, longer than the inspect limit. */
    static final TagRule MAYBE_MARKUP_STYLE_PAST_INSPECT_LIMIT =
            TagRule.builtinRemoval("maybe-markup-style-past-inspect-limit");
    /**
     * A style element whose content names a blocked address that only another reading shows: as markup (split by a
     * comment, written with a character reference), or in another encoding a browser may read the page in.
     */
    static final TagRule ADDRESS_HIDDEN = TagRule.builtinRemoval("style-address-hidden-by-another-reading");

    private final PendingOutput pending;
    private final EventReporter events;
    /** Judges each address as an image's: what a stylesheet loads is fetched like one, with the page. */
    private final UrlJudge urls;
    private final MarkupReading markupReading;
    /** Expands the entities an XML page's DOCTYPE declares (the text unchanged where it declares none). */
    private final UnaryOperator<String> declaredEntities;
    private final Charset encoding;
    private final int limit;

    /** Start of the style's start tag and of its content; -1 when no style is being read. */
    private long tagStart = -1;
    private long contentStart;
    /** The content may be markup to a browser. */
    private boolean mayBeMarkup;
    /** The page is parsed as XML (a processing instruction in the content ends at "?>"). */
    private boolean xml;
    /** The limit passed in content that may be markup: the rest is dropped up to the end tag. */
    private boolean droppingRest;
    /** Absolute offset of the next content byte. */
    private long nextAbs;
    private byte[] held = new byte[0];
    private int heldLength;

    InlineStyleInspection(PendingOutput pending, EventReporter events, UrlJudge urls, MarkupReading markupReading,
                          UnaryOperator<String> declaredEntities, Charset encoding, int limit) {
        this.declaredEntities = declaredEntities;
        this.pending = pending;
        this.events = events;
        this.urls = urls;
        this.markupReading = markupReading;
        this.encoding = encoding;
        this.limit = limit;
    }

    /** A style's start tag ended at {@code tag.end}: its content is held from there. */
    void start(TagToken tag, boolean contentMayBeMarkup, boolean parsedAsXml) {
        tagStart = tag.start;
        xml = parsedAsXml;
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
        judgeHeld();
        LOG.debug("style element at offset {} longer than {} bytes passed unjudged past the limit", tagStart, limit);
        events.report(tagStart, ElementNames.STYLE, "", "", "", RewriteEvent.Action.PASSED_OVER_LIMIT);
        tagStart = -1;
    }

    /** The style's end tag starts (or the input ends) at {@code endTagStart}. */
    void end(long endTagStart) {
        if (droppingRest) {
            pending.dropUpTo(endTagStart);
        } else {
            judgeHeld();
        }
        tagStart = -1;
        droppingRest = false;
    }

    /**
     * Judges the held content (all of it, or what came before the limit). Where it may be markup and holds some, it
     * is first read as markup (a tracker's image in it goes), and what that reading passes on is judged. Each blocked
     * address is replaced by {@code none}; the text, those addresses overwritten, is then read as every other reading
     * a browser may take (the encodings a detector may choose for a page that declares none; where it may be markup,
     * the text that markup gives), and a blocked address only such a reading shows takes the content with it.
     */
    private void judgeHeld() {
        int n = heldLength;
        boolean markup = mayBeMarkup && ByteScan.indexOf(held, 0, n, (byte) '<') < n;
        boolean references = mayBeMarkup && ByteScan.indexOf(held, 0, n, (byte) '&') < n;
        byte[] text = markup ? markupReading.read(contentStart, held, n) : held;
        int length = markup ? text.length : n;
        List<int[]> spans = new ArrayList<>();
        if (CssUrls.mayLoad(CssBytes.latin1(text, length))) {
            CssUrls.find(CssBytes.pageText(text, length, encoding), encoding, (start, end, url, imported) -> {
                if (blocked(url, imported) != null) {
                    spans.add(new int[] {start, end});
                }
            });
        }
        boolean ascii = ValueReadings.isAscii(text, 0, length);
        List<Charset> otherReadings = ascii ? List.of() : ValueReadings.besides(encoding);
        // a pair of bytes a browser finds no character for is read as two: read as single bytes too, failing closed
        boolean asBytes = !ascii && CssBytes.pairsBytes(encoding);
        if (!markup && !references && otherReadings.isEmpty() && !asBytes) {
            replace(spans);
            return;
        }
        byte[] overwritten = Arrays.copyOf(text, length);
        for (int[] span : spans) {
            overwrite(overwritten, span[0], span[1]);
        }
        if (hidesBlockedAddress(overwritten, otherReadings, asBytes, markup || references)) {
            pending.emitUpTo(contentStart);
            pending.dropUpTo(contentStart + n);
            events.report(tagStart, ElementNames.STYLE, "", ADDRESS_HIDDEN.category(), ADDRESS_HIDDEN.id(),
                    RewriteEvent.Action.REMOVED);
        } else if (markup) {
            pending.emitUpTo(contentStart);
            pending.dropUpTo(contentStart + n);
            pending.insert(replaced(text, spans));
        } else {
            replace(spans);
        }
    }

    /** {@code text} with each span replaced by {@code none}. */
    private static byte[] replaced(byte[] text, List<int[]> spans) {
        if (spans.isEmpty()) {
            return text;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length);
        int from = 0;
        for (int[] span : spans) {
            out.write(text, from, span[0] - from);
            out.writeBytes(NONE);
            from = span[1];
        }
        out.write(text, from, text.length - from);
        return out.toByteArray();
    }

    /** Replaces each span of the content by {@code none} as it passes on. */
    private void replace(List<int[]> spans) {
        for (int[] span : spans) {
            pending.emitUpTo(contentStart + span[0]);
            pending.dropUpTo(contentStart + span[1]);
            pending.insert(NONE);
        }
    }

    /**
     * Whether {@code content}, its blocked addresses overwritten, still names one in another reading: in another
     * encoding, as single bytes or with every possible pair ({@code asBytes}), or ({@code asMarkup}) as the text
     * markup gives it.
     */
    private boolean hidesBlockedAddress(byte[] content, List<Charset> otherReadings, boolean asBytes,
                                        boolean asMarkup) {
        boolean[] found = {false};
        CssUrls.Visitor judge = (start, end, url, imported) -> found[0] |= judge(url, imported) != null;
        if (asBytes) {
            CssUrls.find(CssBytes.latin1(content, content.length), encoding, judge);
            CssUrls.find(CssBytes.everyPairText(content, content.length, encoding), encoding, judge);
        }
        for (Charset reading : otherReadings) {
            CssUrls.find(CssBytes.pageText(content, content.length, reading), reading, judge);
        }
        if (asMarkup) {
            for (Charset reading : ValueReadings.of(encoding)) {
                String text = BrowserDecoding.decode(content, reading);
                String stylesheet = StyleTextAsMarkup.text(xml ? declaredEntities.apply(text) : text, xml);
                if (stylesheet == null) {
                    // the markup reading runs on past the end tag: the content cannot be judged
                    return true;
                }
                CssUrls.find(stylesheet, null, judge);
            }
        }
        return found[0];
    }

    /** The verdict on an address: an image's, or an import's (see {@link UrlJudge#imported}). */
    private Verdict judge(String url, boolean imported) {
        return imported ? urls.imported(url) : urls.url(url, ElementKind.PIXEL);
    }

    /** The verdict on an address, reported when it blocks. */
    private Verdict blocked(String url, boolean imported) {
        Verdict v = judge(url, imported);
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
