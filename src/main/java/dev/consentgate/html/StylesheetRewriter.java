package dev.consentgate.html;

import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.html.StylesheetReading.Pairs;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A stylesheet the site serves ({@code text/css}, or anything fetched as a style), rewritten as it streams: each
 * address a rule blocks ({@code @import}, {@code url()}, an image set's, a font's: see {@link CssUrls}) becomes
 * {@code none}, judged as a style element's are, and relative addresses against the stylesheet's own. The rest
 * passes byte for byte.
 *
 * <p>Streaming: the text is scanned token by token, and only the tokens that may still read otherwise when more
 * comes (the last few, or one that runs to the end of what arrived) are held; so memory stays bounded by the longest
 * token. A token longer than the inspect limit is judged on its first {@code limit} bytes, and the scan goes on inside
 * it, passing its rest as it comes: a string or URL goes as {@code none} with all it holds unless it is a data: URL
 * whose start no rule blocks and no import's (no start of any other URL settles where it leads; a data: stylesheet
 * is judged only whole); a data: URL (an icon font) or a comment passes, reported {@code passed-over-limit}. (A token of about the
 * limit's length may be read whole or so, depending on how the body arrives.)
 *
 * <p>Encodings: a stylesheet is read as CSS says, in its byte order mark's encoding, else its Content-Type
 * charset's, else its {@code @charset} rule's, else the encoding of the page that links it, which the gateway does
 * not see. So an undeclared stylesheet that is not plain ASCII is read in every encoding a page may have, failing
 * closed: an address any reading shows blocked goes. Readings that split the text into the same tokens (every
 * encoding whose second bytes are never ASCII) are one scan; only an address with bytes past ASCII is decoded again
 * in each of them. A UTF-16 or ISO-2022-JP stylesheet is converted to UTF-8 as it comes, read so, and converted
 * back as it goes (as such pages are: see {@link Transcoder}).
 */
public final class StylesheetRewriter implements BodyRewriter {

    private static final Logger LOG = LoggerFactory.getLogger(StylesheetRewriter.class);
    static final String ELEMENT = "stylesheet";

    private final StylesheetAddresses addresses;
    private final RewriteListener listener;
    private final int limit;
    private final String declaredLabel;

    /** Bytes from absolute offset {@link #heldStart}, none of them passed on yet. */
    private byte[] held = new byte[8192];
    private int heldLength;
    private long heldStart;
    /** Line breaks before {@link #heldStart}, for the line an address is reported on. */
    private long linesBeforeHeld;
    /** Null until the encoding is known; then one scan per way of splitting the text into tokens. */
    private List<StylesheetReading> readings;
    /** More readings join once a byte past ASCII comes (a stylesheet that declares no encoding). */
    private List<StylesheetReading> readingsPastAscii = List.of();
    /** A UTF-16 or ISO-2022-JP stylesheet: its bytes as UTF-8 as they come, and back as they go; null otherwise. */
    private Transcoder toUtf8;
    private Transcoder back;
    /** Held bytes up to here are known to be ASCII (while readings wait for a byte past ASCII). */
    private int asciiUpTo;
    /** No encoding is declared: ESC and NUL bytes are written so that every reading reads what is judged. */
    private boolean undeclared;
    /** What goes as none and is not yet passed on. */
    private final NoneSpans spans = new NoneSpans();
    private long passedOverLimit;

    /**
     * {@code path}: the stylesheet's path on the site, against which its relative addresses resolve;
     * {@code charsetLabel}: its Content-Type's charset, if any.
     */
    public StylesheetRewriter(TagPolicy policy, ConsentDecision consent, PageSite site, String path,
                              Optional<String> charsetLabel, RewriteListener listener) {
        this.addresses = new StylesheetAddresses(
                new ElementJudge(policy, consent, site, name -> false, Utf8OrWindows1252.INSTANCE).urls(), path);
        this.listener = listener;
        this.limit = policy.settings().inlineScriptInspectLimit();
        this.declaredLabel = charsetLabel.map(l -> l.trim().toLowerCase(Locale.ROOT)).orElse(null);
    }

    @Override
    public void feed(ByteBuf chunk, Consumer<ByteBuf> out) {
        try {
            int from = heldLength;
            append(chunk);
            if (undeclared) {
                harmlessControls(from);
            }
        } finally {
            chunk.release();
        }
        if (readings == null && !decideEncoding(false)) {
            return;
        }
        advance(false, converted(out));
    }

    /** Where output goes: as it is, or converted back to the stylesheet's encoding. */
    private Consumer<ByteBuf> converted(Consumer<ByteBuf> out) {
        return back == null ? out : back.converting(out);
    }

    @Override
    public void finish(Consumer<ByteBuf> out) {
        if (readings == null) {
            decideEncoding(true);
        }
        if (toUtf8 != null) {
            appendBytes(toUtf8.convert(new byte[0], 0, 0, true));
        }
        advance(true, converted(out));
        if (back != null) {
            byte[] tail = back.convert(new byte[0], 0, 0, true);
            if (tail.length > 0) {
                out.accept(Unpooled.wrappedBuffer(tail));
            }
        }
    }

    @Override
    public void release() {
        held = new byte[0];
        heldLength = 0;
    }

    @Override
    public long elementsPassedOverLimit() {
        return passedOverLimit;
    }

    private void append(ByteBuf chunk) {
        int n = chunk.readableBytes();
        if (toUtf8 != null) {
            byte[] bytes = new byte[n];
            chunk.readBytes(bytes);
            appendBytes(toUtf8.convert(bytes, 0, n, false));
            return;
        }
        makeRoom(n);
        chunk.readBytes(held, heldLength, n);
        heldLength += n;
    }

    private void appendBytes(byte[] bytes) {
        makeRoom(bytes.length);
        System.arraycopy(bytes, 0, held, heldLength, bytes.length);
        heldLength += bytes.length;
    }

    private void makeRoom(int n) {
        if (heldLength + n > held.length) {
            held = Arrays.copyOf(held, Math.max(heldLength + n, 2 * held.length));
        }
    }

    /**
     * Chooses the encodings to read in, once enough has come to tell (its first bytes, and an @charset rule's end):
     * false while it cannot tell yet.
     */
    private boolean decideEncoding(boolean atEnd) {
        if (!atEnd && heldLength < 3) {
            return false;
        }
        if (startsWith(0, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            convertFrom(StandardCharsets.UTF_16BE);
            return true;
        }
        if (startsWith(0, new byte[] {(byte) 0xFF, (byte) 0xFE})) {
            convertFrom(StandardCharsets.UTF_16LE);
            return true;
        }
        if (startsWith(0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
            // (the mark is no character of the text: a url( right after it starts a token)
            useEncoding(StandardCharsets.UTF_8, 3);
            return true;
        }
        if (declaredLabel != null && EncodingLabels.isLabel(declaredLabel)) {
            Charset declared = EncodingLabels.charset(declaredLabel);
            if (declared == StandardCharsets.UTF_16LE || declared == StandardCharsets.UTF_16BE) {
                convertFrom(declared);
            } else if (declared.name().equals("ISO-2022-JP")) {
                // its escapes switch to two-byte characters made of ASCII bytes: read as a browser decodes it
                convertFrom(Iso2022Jp.INSTANCE);
            } else {
                useEncoding(declared, 0);
            }
            return true;
        }
        String ruleLabel = charsetRuleLabel(atEnd);
        if (ruleLabel == null) {
            return false;
        }
        if (EncodingLabels.isLabel(ruleLabel)) {
            Charset named = EncodingLabels.charset(ruleLabel);
            // CSS Syntax 3: a rule naming UTF-16 is read as UTF-8 (the bytes it was found in are ASCII)
            if (named.name().equals("ISO-2022-JP")) {
                convertFrom(Iso2022Jp.INSTANCE);
            } else {
                useEncoding(named == StandardCharsets.UTF_16LE || named == StandardCharsets.UTF_16BE
                        ? StandardCharsets.UTF_8 : named, 0);
            }
            return true;
        }
        // the page's encoding: UTF-8 or windows-1252 first, every other one a page may have once past ASCII
        Map<String, List<Charset>> byTokens = new LinkedHashMap<>();
        byTokens.computeIfAbsent(CssBytes.pairingKind(Utf8OrWindows1252.INSTANCE), k -> new ArrayList<>())
                .add(Utf8OrWindows1252.INSTANCE);
        for (Charset c : EncodingLabels.DETECTABLE) {
            byTokens.computeIfAbsent(CssBytes.pairingKind(c), k -> new ArrayList<>()).add(c);
        }
        List<List<Charset>> groups = new ArrayList<>(byTokens.values());
        undeclared = true;
        harmlessControls(0);
        readings = new ArrayList<>(List.of(
                new StylesheetReading(groups.get(0), Pairs.AS_THE_TABLE_SAYS, 0, CssUrls.Resume.START)));
        readingsPastAscii = new ArrayList<>();
        for (List<Charset> group : groups.subList(1, groups.size())) {
            readingsPastAscii.add(
                    new StylesheetReading(group, Pairs.AS_THE_TABLE_SAYS, 0, CssUrls.Resume.START));
        }
        return true;
    }

    /**
     * A stylesheet in UTF-16 or ISO-2022-JP, whose bytes are no ASCII text: what came is converted to UTF-8, and so is
     * the rest as it comes, read as UTF-8 (a byte order mark, U+FEFF, is no part of the first token) and converted
     * back as it goes.
     */
    private void convertFrom(Charset encoding) {
        toUtf8 = new Transcoder(encoding, StandardCharsets.UTF_8);
        back = new Transcoder(StandardCharsets.UTF_8, encoding);
        byte[] utf8 = toUtf8.convert(held, 0, heldLength, false);
        heldLength = 0;
        appendBytes(utf8);
        boolean mark = startsWith(0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        useEncoding(StandardCharsets.UTF_8, mark ? 3 : 0);
    }

    /**
     * A declared encoding; one whose second bytes may be ASCII, and whose table the gateway has not found to be
     * Chromium's pair for pair, is read with every pair and as single bytes too. (Those readings cost the site's own
     * CSS: where one reads a string that runs on, a blocked address in it goes with all the string holds.)
     */
    private void useEncoding(Charset encoding, int from) {
        readings = new ArrayList<>(List.of(new StylesheetReading(List.of(encoding), Pairs.AS_THE_TABLE_SAYS, from,
                CssUrls.Resume.START)));
        if (CssBytes.pairsBytes(encoding) && !CssBytes.pairsAsBrowsersDo(encoding)) {
            readings.add(new StylesheetReading(List.of(encoding), Pairs.EVERY_PAIR, from, CssUrls.Resume.START));
            readings.add(new StylesheetReading(List.of(encoding), Pairs.NONE, from, CssUrls.Resume.START));
        }
    }

    /**
     * In an undeclared stylesheet, from {@code held[from]} on: each ESC byte is written '?' (without one no page's
     * ISO-2022-JP reads two-byte characters in it) and each NUL as U+FFFD in UTF-8 (which CSS reads a NUL as; without
     * one, a UTF-16 page reads no ASCII in it). Every reading the gateway does not take then sees what it judged.
     */
    private void harmlessControls(int from) {
        int nuls = 0;
        for (int i = from; i < heldLength; i++) {
            if (held[i] == 0x1B) {
                held[i] = '?';
            } else if (held[i] == 0) {
                nuls++;
            }
        }
        if (nuls == 0) {
            return;
        }
        byte[] written = new byte[Math.max(held.length, heldLength + 2 * nuls)];
        System.arraycopy(held, 0, written, 0, from);
        int w = from;
        for (int i = from; i < heldLength; i++) {
            if (held[i] == 0) {
                written[w++] = (byte) 0xEF;
                written[w++] = (byte) 0xBF;
                written[w++] = (byte) 0xBD;
            } else {
                written[w++] = held[i];
            }
        }
        held = written;
        heldLength = w;
    }

    /**
     * The label of an {@code @charset "...";} rule the stylesheet starts with, "" when it starts with none, null
     * while what came may still be the start of one.
     */
    private String charsetRuleLabel(boolean atEnd) {
        String label = CssBytes.charsetRuleLabel(held, heldLength);
        if (label != null) {
            return label;
        }
        boolean mayStillCome = CssBytes.startsWithCharsetRule(held, heldLength)
                && heldLength < CssBytes.CHARSET_RULE_SPAN;
        return atEnd || !mayStillCome ? "" : null;
    }

    private boolean startsWith(int at, byte[] prefix) {
        if (heldLength - at < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (held[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** Scans what has come as far as it reads for sure, and passes on what every reading has settled. */
    private void advance(boolean atEnd, Consumer<ByteBuf> out) {
        if (!readingsPastAscii.isEmpty() && !ValueReadings.isAscii(held, asciiUpTo, heldLength)) {
            // every reading splits plain ASCII alike: the others start where the first one stands
            StylesheetReading first = readings.get(0);
            for (StylesheetReading r : readingsPastAscii) {
                r.settled = first.settled;
                r.resume = first.resume;
                readings.add(r);
            }
            readingsPastAscii = List.of();
        }
        asciiUpTo = heldLength;
        long heldEnd = heldStart + heldLength;
        for (StylesheetReading r : readings) {
            if (!atEnd && heldEnd < r.retryAt) {
                continue;
            }
            scan(r, atEnd);
            while (!atEnd && heldEnd - r.settled > limit) {
                // a token longer than the limit: judged on its start, then passed over as it comes
                enterLongToken(r);
                scan(r, false);
            }
            r.retryAt = heldEnd + Math.max(64, heldEnd - r.settled);
        }
        long settled = atEnd ? heldEnd : readings.stream().mapToLong(r -> r.settled).min().orElse(heldEnd);
        emit(settled, out);
    }

    /**
     * Reading {@code r} holds a token longer than the limit: what it read up to a cut about the limit into it is
     * judged as if the text ended there (so the long token's address is judged as far as it came), and the scan goes
     * on from the cut inside that token. A string or URL goes as {@code none}, whole, unless it is a data: URL that
     * is neither blocked nor imported; any other long token passes.
     */
    private void enterLongToken(StylesheetReading r) {
        long cut = safeCut(r, r.settled, r.settled + limit);
        int from = (int) (r.settled - heldStart);
        byte[] start = Arrays.copyOfRange(held, from, (int) (cut - heldStart));
        CharSequence text = r.text(start, start.length);
        long base = r.settled;
        Object[][] last = {null};
        CssUrls.Resume inside = CssUrls.openAt(text, r.encoding, r.resume, (s, e, url, imported) -> {
            ElementJudge.Verdict v = judge(url, imported, r, start, s, e);
            if (v != null) {
                addBlocked(base + s, base + e, v);
            }
            last[0] = new Object[] {s, e, url, imported, v};
        });
        boolean address = inside.open() != CssUrls.Open.NONE && inside.open() != CssUrls.Open.COMMENT;
        boolean drop = false;
        if (address) {
            // the long token is the address reported up to the cut, or none yet (nothing but white space). No start
            // of a URL settles where it leads (slashes after the scheme, dot segments, padding in its host all go on
            // past any cut): only a data: URL, whose content is no address, passes (an icon font)
            boolean reported = last[0] != null && (Integer) last[0][1] == text.length();
            String url = reported ? (String) last[0][2] : "";
            boolean blocked = reported && last[0][4] != null;
            drop = blocked || !StylesheetAddresses.isDataUrl(url) || reported && (Boolean) last[0][3];
            if (drop && !blocked) {
                long tokenStart = reported ? base + (Integer) last[0][0] : base;
                spans.add(tokenStart, cut);
                listener.onAction(new RewriteEvent(lineAt(tokenStart), ELEMENT, "", "", LIMIT_SETTING,
                        RewriteEvent.Action.REMOVED));
            }
        }
        if (address && !drop) {
            LOG.debug("stylesheet address longer than {} bytes: judged on its start, the rest passes", limit);
            listener.onAction(new RewriteEvent(lineAt(base), ELEMENT, "", "", "",
                    RewriteEvent.Action.PASSED_OVER_LIMIT));
            passedOverLimit++;
        }
        r.settled = cut;
        r.resume = inside;
        r.dropping = drop;
    }

    /** The setting whose limit made a long address go unread, as the rule of its event. */
    private static final String LIMIT_SETTING = "inline_script_inspect_limit";

    /**
     * The last place at or before {@code limitEnd}, after {@code tokenStart}, where reading {@code r} may stand
     * inside a token: not between the two bytes of a character it pairs, nor after a backslash or a hex digit an
     * escape may still go on with, nor between the CR and LF of a line break or the '*' and '/' of a comment's end.
     * (Elsewhere the scan reads each byte as it would have read it whole: a byte past ASCII it does not pair is a
     * name's or a token's character, whichever side of a cut it falls.) Failing one, the body is refused rather
     * than judged wrongly.
     */
    private long safeCut(StylesheetReading r, long tokenStart, long limitEnd) {
        int first = (int) (tokenStart - heldStart);
        int last = (int) (limitEnd - heldStart);
        // the reading's own chars from the token's start: the second byte of a pair is marked past 0xFF
        byte[] window = Arrays.copyOfRange(held, first, Math.min(heldLength, last + 1));
        CharSequence text = r.text(window, window.length);
        for (int i = last; i > first + 1; i--) {
            int b = held[i - 1];
            int next = i < heldLength ? held[i] : -1;
            if (i - first < text.length() && text.charAt(i - first) >= 0x100) {
                continue;
            }
            if (b == '\\' || b == '\r' && next == '\n' || b == '*' && next == '/') {
                continue;
            }
            if (Character.digit(b, 16) >= 0 && backslashWithin(i - 1, 7)) {
                continue;
            }
            return heldStart + i;
        }
        throw new IllegalStateException("a stylesheet token of over " + limit + " bytes holds no place to read on"
                + " from (nothing but backslashes, escapes or paired bytes): the stylesheet is not passed on");
    }

    private boolean backslashWithin(int end, int n) {
        for (int i = Math.max(0, end - n); i < end; i++) {
            if (held[i] == '\\') {
                return true;
            }
        }
        return false;
    }

    /** Scans reading {@code r} from where it settled to what has come (to the end, {@code atEnd}). */
    private void scan(StylesheetReading r, boolean atEnd) {
        int from = (int) (r.settled - heldStart);
        byte[] rest = Arrays.copyOfRange(held, from, heldLength);
        CharSequence text = r.text(rest, rest.length);
        long base = r.settled;
        CssUrls.Visitor visitor = (start, end, url, imported) -> {
            ElementJudge.Verdict v = judge(url, imported, r, rest, start, end);
            if (v != null) {
                addBlocked(base + start, base + end, v);
            }
        };
        CssUrls.Settled s = CssUrls.findSettled(text, r.encoding, r.resume, atEnd, visitor);
        if (r.dropping) {
            // the rest of a long token that goes as none
            long end = s.openEnd() >= 0 ? base + s.openEnd() : atEnd ? base + text.length() : base + s.offset();
            if (end > base) {
                spans.addRest(base, end);
            }
            r.dropping = s.openEnd() < 0 && !atEnd;
        }
        r.settled = base + s.offset();
        r.resume = s.resume();
    }

    /**
     * The verdict on an address {@code r} read at {@code bytes[start, end)}: by its encoding, and where those bytes
     * go past ASCII, by each encoding that splits them alike. Reported when it blocks.
     */
    private ElementJudge.Verdict judge(String url, boolean imported, StylesheetReading r, byte[] bytes, int start,
                                       int end) {
        ElementJudge.Verdict v = addresses.verdict(url, imported);
        if (v == null && !r.alike.isEmpty() && !ValueReadings.isAscii(bytes, start, end)) {
            byte[] token = Arrays.copyOfRange(bytes, start, end);
            for (Charset other : r.alike) {
                ElementJudge.Verdict[] found = {null};
                CssUrls.find(r.text(token, token.length), other, (s, e, u, i) -> {
                    if (found[0] == null) {
                        found[0] = addresses.verdict(u, imported);
                    }
                });
                if (found[0] != null) {
                    v = found[0];
                    break;
                }
            }
        }
        return v;
    }

    /** Records a blocked span, reporting it once (several readings may find the same one). */
    private void addBlocked(long start, long end, ElementJudge.Verdict v) {
        if (spans.add(start, end)) {
            report(lineAt(start), v);
        }
    }

    private void report(long line, ElementJudge.Verdict v) {
        listener.onAction(new RewriteEvent(line, ELEMENT, v.host(), v.rule().category(), v.rule().id(),
                RewriteEvent.Action.NEUTRALIZED));
    }

    /**
     * Passes on the held bytes up to {@code settled}, each span that goes written {@code none} ({@link NoneSpans});
     * a span that reaches past {@code settled} waits, with what follows its start.
     */
    private void emit(long settled, Consumer<ByteBuf> out) {
        ByteBuf buf = Unpooled.buffer(Math.max(0, (int) (settled - heldStart)) + 16);
        dropHeldUpTo(spans.write(held, heldStart, settled, buf));
        if (buf.isReadable()) {
            out.accept(buf);
        } else {
            buf.release();
        }
    }

    private void dropHeldUpTo(long abs) {
        int n = (int) (abs - heldStart);
        if (n == 0) {
            return;
        }
        asciiUpTo = Math.max(0, asciiUpTo - n);
        for (int i = 0; i < n; i++) {
            if (held[i] == '\n') {
                linesBeforeHeld++;
            }
        }
        System.arraycopy(held, n, held, 0, heldLength - n);
        heldLength -= n;
        heldStart = abs;
    }

    private long lineAt(long abs) {
        long line = linesBeforeHeld + 1;
        for (int i = 0, n = (int) Math.min(abs - heldStart, heldLength); i < n; i++) {
            if (held[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
