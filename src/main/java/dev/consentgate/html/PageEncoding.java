package dev.consentgate.html;

import io.netty.buffer.ByteBuf;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which pages the rewriter cannot read as bytes, decided from a page's start as a browser decides its encoding: a
 * byte order mark, then the Content-Type's charset, then the first meta charset of the first 1024 bytes (comments
 * skipped), then, with none, a switch to two-byte JIS in those bytes (what an encoding detector takes for
 * ISO-2022-JP). ASCII-compatible encodings are read as bytes. UTF-16 is not ASCII-compatible, and ISO-2022-JP writes
 * its two-byte characters with ASCII bytes, so a character can spell {@code <!--} and hide the tag after it: both
 * are converted to UTF-8 around the rewriter and back.
 */
final class PageEncoding {

    /** How much of the start of a page a browser prescans for a meta charset (WHATWG HTML, 13.2.3.2). */
    private static final int PRESCAN_BYTES = 1024;
    /** A comment as the tokenizer ends it: {@code <!-->} and {@code <!--->} at once, else at --> or --!>. */
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--(?:-?>|.*?--!?>|.*$)");
    /** The first meta element's charset, as the prescan finds it (in either of its two forms). */
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?is)<meta[\\s/][^>]*?charset\\s*=\\s*[\"']?\\s*([^\\s\"';/>]+)");

    private PageEncoding() {
    }

    /**
     * How many bytes of the start decide: a byte order mark's two, or the prescan's 1024 when the Content-Type names
     * no charset ({@code label} empty).
     */
    static int bytesToDecide(String label) {
        return EncodingLabels.isLabel(label) ? 2 : PRESCAN_BYTES;
    }

    /**
     * The charset to convert the page from (and back to), or null to read it as bytes; {@code start} is the page's
     * start (not consumed), {@code label} the Content-Type's charset in lower case, "" for none. A label that names
     * no encoding counts as none, as in a browser.
     */
    static Charset transcodedFrom(ByteBuf start, String label) {
        int n = start.readableBytes();
        int b0 = n > 0 ? start.getUnsignedByte(start.readerIndex()) : -1;
        int b1 = n > 1 ? start.getUnsignedByte(start.readerIndex() + 1) : -1;
        if (b0 == 0xFF && b1 == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b0 == 0xEF && b1 == 0xBB) {
            return null;
        }
        if (EncodingLabels.isLabel(label)) {
            return isUtf16Label(label) ? utf16FromLabel(label) : isIso2022JpLabel(label) ? iso2022Jp() : null;
        }
        // a meta that names UTF-16 means UTF-8 (the prescan's rule)
        String declared = prescannedLabel(start);
        return isIso2022JpLabel(declared) || declared.isEmpty() && designatesJis(start) ? iso2022Jp() : null;
    }

    /** The charset label of the first meta element that has one in the first 1024 bytes, or "". */
    private static String prescannedLabel(ByteBuf start) {
        int n = Math.min(start.readableBytes(), PRESCAN_BYTES);
        // comments are skipped (an unterminated one hides the rest), as the prescan skips them
        String text = COMMENT.matcher(start.toString(start.readerIndex(), n, StandardCharsets.ISO_8859_1))
                .replaceAll(" ");
        Matcher meta = META_CHARSET.matcher(text);
        return meta.find() ? meta.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /** Whether the first 1024 bytes hold ESC $ B or ESC $ @, which switch ISO-2022-JP to JIS X 0208. */
    private static boolean designatesJis(ByteBuf start) {
        int end = start.readerIndex() + Math.min(start.readableBytes(), PRESCAN_BYTES) - 2;
        for (int i = start.readerIndex(); i < end; i++) {
            if (start.getByte(i) == 0x1b && start.getByte(i + 1) == '$'
                    && (start.getByte(i + 2) == 'B' || start.getByte(i + 2) == '@')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIso2022JpLabel(String label) {
        return label.equals("iso-2022-jp") || label.equals("csiso2022jp");
    }

    /**
     * ISO-2022-JP as browsers decode it (WHATWG Encoding), whose two-byte table includes NEC's row 13 (circled
     * numbers...): Java's Windows variant has it, and writes those characters back as they came.
     */
    private static Charset iso2022Jp() {
        return Charset.isSupported("x-windows-50221") ? Charset.forName("x-windows-50221")
                : Charset.forName("ISO-2022-JP");
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
