package dev.consentgate.html;

import io.netty.buffer.ByteBuf;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Which pages the rewriter cannot read as bytes, decided from a page's start as Chromium decides its encoding: a
 * byte order mark, then the Content-Type's charset, then UTF-16 seen by a "<?x" spelt in it, then, for HTML, the
 * first meta charset (read as Chromium reads it, for as long as the head lasts: see {@link MetaCharsetScan}) or else
 * an XML declaration's encoding; for XML, the XML declaration's. ASCII-compatible encodings are read as bytes; a page
 * that declares nothing too (Chromium reads windows-1252 then), with its ESC bytes made harmless. UTF-16 is not
 * ASCII-compatible, and ISO-2022-JP writes its two-byte characters with ASCII bytes, so a character can spell
 * {@code <!--} and hide the tag after it: both are converted to UTF-8 around the rewriter and back.
 */
final class PageEncoding {

    /**
     * The most of a page's start held while its head is read for a meta charset; a head longer than this without
     * one is decided on what was read (the page is then read as bytes unless JIS escapes came first).
     */
    static final int MAX_HELD_BYTES = 64 * 1024;
    /** How much of a longer start is tried first. */
    private static final int FIRST_LOOK_BYTES = 4 * 1024;
    /** The XML declaration's encoding pseudo-attribute. */
    private static final byte[] ENCODING = "encoding".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] XML_DECLARATION = {'<', '?', 'x', 'm', 'l'};
    private static final byte[] UTF16_XML_LE = {'<', 0, '?', 0, 'x', 0};
    private static final byte[] UTF16_XML_BE = {0, '<', 0, '?', 0, 'x'};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * Not yet decided (more of the page is needed), or the charset to convert from, null to read as bytes; and the
     * encoding the bytes the rewriter reads are in, with which it decodes the values it judges (UTF-8 for a page
     * converted).
     */
    record Decision(boolean made, Charset transcodedFrom, boolean undeclared, Charset readAs) {
        static final Decision NOT_YET = new Decision(false, null, false, StandardCharsets.UTF_8);
        static final Decision UTF_8 = bytes(StandardCharsets.UTF_8);
        /**
         * Read as bytes, with nothing that declares the encoding: Chromium then reads windows-1252, while a browser
         * with an encoding detector may take JIS escapes for ISO-2022-JP; the ESC bytes are made harmless so that
         * both read the same markup (see {@link HtmlRewriter}). Its values are judged in both readings the gateway
         * can tell apart ({@link Utf8OrWindows1252}) and, where they are not plain ASCII, in every encoding a
         * detector may choose ({@link ValueReadings}).
         */
        static final Decision UNDECLARED = new Decision(true, null, true, Utf8OrWindows1252.INSTANCE);

        /** Read as bytes in {@code encoding}. */
        static Decision bytes(Charset encoding) {
            return new Decision(true, null, false, encoding);
        }

        static Decision convertFrom(Charset charset) {
            return new Decision(true, charset, false, StandardCharsets.UTF_8);
        }
    }

    private PageEncoding() {
    }

    /**
     * Decides from the page's start ({@code start}, not consumed; at most {@link #MAX_HELD_BYTES} of it are read),
     * {@code label} the Content-Type's charset in lower case ("" for none; a label that names no encoding counts as
     * none, as in a browser), {@code xml} for a page parsed as XML, {@code complete} when no more of the page will
     * come before the decision (its end, or the held bytes are full).
     */
    static Decision decide(ByteBuf start, String label, boolean xml, boolean complete) {
        int held = start.readableBytes();
        // a decision made on part of the start is final, as when the part came first and alone (most pages name
        // their encoding in their first kilobytes): copying 64 KiB per page showed in the benchmark of real pages
        if (held > FIRST_LOOK_BYTES) {
            Decision early = decide(start, FIRST_LOOK_BYTES, label, xml, false);
            if (early.made()) {
                return early;
            }
        }
        int n = Math.min(held, MAX_HELD_BYTES);
        return decide(start, n, label, xml, complete || n == MAX_HELD_BYTES);
    }

    /** {@link #decide} on the first {@code n} bytes of {@code start}; {@code certain}: no more will be looked at. */
    private static Decision decide(ByteBuf start, int n, String label, boolean xml, boolean certain) {
        // a byte order mark or a Content-Type charset decides on three bytes: only a search reads more
        byte[] bytes = new byte[EncodingLabels.isLabel(label) ? Math.min(n, UTF8_BOM.length) : n];
        start.getBytes(start.readerIndex(), bytes);
        if (n >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return Decision.convertFrom(StandardCharsets.UTF_16LE);
        }
        if (n >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return Decision.convertFrom(StandardCharsets.UTF_16BE);
        }
        if (n >= 3 && startsWith(bytes, n, UTF8_BOM)) {
            return Decision.UTF_8;
        }
        if (!certain && (n < 2 && n > 0 && ((bytes[0] & 0xff) == 0xFF || (bytes[0] & 0xff) == 0xFE)
                || n < 3 && startsWith(bytes, n, Arrays.copyOf(UTF8_BOM, n)))) {
            // the start of a byte order mark, or nothing yet
            return Decision.NOT_YET;
        }
        if (EncodingLabels.isLabel(label)) {
            return forLabel(label, false);
        }
        // UTF-16 without a byte order mark, seen by its "<?x" (Chromium's check of an XML declaration)
        if (n < UTF16_XML_LE.length && !certain && (startsWith(UTF16_XML_LE, n, Arrays.copyOf(bytes, n))
                || startsWith(UTF16_XML_BE, n, Arrays.copyOf(bytes, n)))) {
            return Decision.NOT_YET;
        }
        if (startsWith(bytes, n, UTF16_XML_LE)) {
            return Decision.convertFrom(StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, n, UTF16_XML_BE)) {
            return Decision.convertFrom(StandardCharsets.UTF_16BE);
        }
        // Chromium reads an XML declaration's encoding in HTML pages too, where a meta charset overrides it
        String declared = xmlDeclaredLabel(bytes, n, certain);
        if (declared == null) {
            return Decision.NOT_YET;
        }
        if (xml) {
            return declared.isEmpty() ? Decision.UTF_8 : forLabel(declared, true);
        }
        MetaCharsetScan.Result meta = MetaCharsetScan.scan(bytes, n);
        if (meta.outcome() == MetaCharsetScan.Outcome.NEED_MORE && !certain) {
            return Decision.NOT_YET;
        }
        if (meta.outcome() == MetaCharsetScan.Outcome.FOUND) {
            // a meta that names UTF-16 means UTF-8 (the bytes that named it are ASCII)
            return forLabel(meta.label(), true);
        }
        return EncodingLabels.isLabel(declared) ? forLabel(declared, true) : Decision.UNDECLARED;
    }

    private static Decision forLabel(String label, boolean inPage) {
        if (isIso2022JpLabel(label)) {
            return Decision.convertFrom(Iso2022Jp.INSTANCE);
        }
        if (isUtf16Label(label)) {
            // named in the page, in bytes that spell it in ASCII, UTF-16 means UTF-8
            return inPage ? Decision.UTF_8 : Decision.convertFrom(utf16FromLabel(label));
        }
        if (inPage && label.equals("x-user-defined")) {
            // named in the page, x-user-defined means windows-1252 (HTML's prescan; Chromium 150 reads 0xAA as 'ª'),
            // only a Content-Type's maps bytes past ASCII to private use characters
            return Decision.bytes(EncodingLabels.charset("windows-1252"));
        }
        return Decision.bytes(EncodingLabels.charset(label));
    }

    /**
     * The encoding label of an XML declaration at the page's start ("" for none or no declaration), as Chromium reads
     * it: up to the declaration's '>', however far; null while that is not yet held. An XML document names its
     * encoding there (XML 1.0, 4.3.3), not in a meta element; without one it is UTF-8. A declaration naming UTF-16 in
     * bytes that spell it in ASCII is read as UTF-8, as browsers do. Only the first "encoding" counts, and only when
     * '=' and a quoted label follow it, spaces aside: where that fails Chromium takes no label, and a later one
     * counts for nothing ({@code encodingx encoding="iso-2022-jp"}, {@code standalone="encoding" encoding=...}: until
     * 2026-12-02 a pattern that looked on found it, and the page read as ISO-2022-JP hid from the gateway an img that
     * Chromium, reading it as no such thing, loaded; found by a review).
     */
    private static String xmlDeclaredLabel(byte[] bytes, int n, boolean certain) {
        if (n < 5) {
            return !certain && startsWith(XML_DECLARATION, n, Arrays.copyOf(bytes, n)) ? null : "";
        }
        if (!startsWith(bytes, n, XML_DECLARATION)) {
            return "";
        }
        int end = 5;
        while (end < n && bytes[end] != '>') {
            end++;
        }
        if (end == n && !certain) {
            return null;
        }
        return encodingLabel(bytes, end);
    }

    /**
     * The label after the first "encoding" in {@code bytes[0, end)}, as Chromium's FindXMLEncoding reads it (spaces
     * and controls skipped around '=', a quote, the label up to the same quote), in lower case; "" when that fails or
     * the label is no plain one (letters, digits, '.', '_', '-').
     */
    private static String encodingLabel(byte[] bytes, int end) {
        int pos = indexOf(bytes, end, ENCODING);
        if (pos < 0) {
            return "";
        }
        pos = afterSpaces(bytes, pos + ENCODING.length, end);
        if (pos == end || bytes[pos] != '=') {
            return "";
        }
        pos = afterSpaces(bytes, pos + 1, end);
        if (pos == end || bytes[pos] != '"' && bytes[pos] != '\'') {
            return "";
        }
        byte quote = bytes[pos];
        int start = pos + 1;
        int close = start;
        while (close < end && bytes[close] != quote) {
            byte b = bytes[close];
            if (!(b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '.' || b == '_'
                    || b == '-')) {
                return "";
            }
            close++;
        }
        return close == end || close == start ? ""
                : MetaCharsetScan.asciiLower(new String(bytes, start, close - start, StandardCharsets.US_ASCII));
    }

    /** Past bytes up to ' ' (white space and controls), as Chromium skips them there. */
    private static int afterSpaces(byte[] bytes, int pos, int end) {
        while (pos < end && bytes[pos] >= 0 && bytes[pos] <= ' ') {
            pos++;
        }
        return pos;
    }

    private static int indexOf(byte[] bytes, int end, byte[] word) {
        for (int i = 0; i + word.length <= end; i++) {
            if (Arrays.equals(bytes, i, i + word.length, word, 0, word.length)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int n, byte[] prefix) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIso2022JpLabel(String label) {
        return label.equals("iso-2022-jp") || label.equals("csiso2022jp");
    }

    /** The labels of UTF-16LE and UTF-16BE (WHATWG Encoding), exactly: a browser takes no other for UTF-16. */
    private static final Set<String> UTF_16_LABELS = Set.of("utf-16", "utf-16le", "utf-16be", "ucs-2", "unicode",
            "unicodefeff", "iso-10646-ucs-2", "csunicode", "unicodefffe");

    private static boolean isUtf16Label(String label) {
        return UTF_16_LABELS.contains(label);
    }

    /** WHATWG Encoding: every UTF-16 label but utf-16be and unicodefffe means little-endian. */
    private static Charset utf16FromLabel(String label) {
        return label.equals("utf-16be") || label.equals("unicodefffe")
                ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
    }
}
