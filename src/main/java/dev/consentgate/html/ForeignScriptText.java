package dev.consentgate.html;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The code a browser runs for an inline script inside SVG or MathML. There a script's content is not script text but
 * markup: character references are decoded, comments and the markers of CDATA sections vanish, and tags make
 * elements. So {@code faceb&#111;ok.com} or {@code faceb<!---->ook.com} in such a script is {@code facebook.com} to
 * the browser, and the rewriter judges this text as well as the bytes.
 *
 * <p>A browser runs the script's own text only: what an element inside it holds is left out
 * ({@code faceb<a>x</a>ook.com} is {@code facebook.com}). A tag that breaks out of the SVG ends the script there; the
 * text after it is kept, which only adds to what is judged. Comments end as the tokenizer ends them: at {@code -->},
 * {@code --!>}, or at once in {@code <!-->} and {@code <!--->}.
 */
final class ForeignScriptText {

    private static final byte[] COMMENT_OPEN = "<!--".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CDATA_OPEN = "<![CDATA[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CDATA_CLOSE = "]]>".getBytes(StandardCharsets.US_ASCII);

    private ForeignScriptText() {
    }

    /** The text run for the script content {@code a[from, to)}, one byte per character below 256 ('?' above). */
    static byte[] runnableText(byte[] a, int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        // elements open inside the script: their text is not the script's
        int depth = 0;
        int runStart = from;
        int i = ByteScan.indexOf(a, from, to, (byte) '<');
        while (i < to) {
            int next;
            int opened = 0;
            String cdata = null;
            if (startsWith(a, i, to, COMMENT_OPEN)) {
                next = commentEnd(a, i + COMMENT_OPEN.length, to);
            } else if (startsWith(a, i, to, CDATA_OPEN)) {
                int close = indexOf(a, i + CDATA_OPEN.length, to, CDATA_CLOSE);
                cdata = new String(a, i + CDATA_OPEN.length, close - i - CDATA_OPEN.length, StandardCharsets.ISO_8859_1);
                next = Math.min(to, close + CDATA_CLOSE.length);
            } else if (opensMarkup(a, i, to)) {
                // a tag, an end tag, a bogus comment (<!x, <?x, </ x): up to the next '>'
                next = Math.min(to, ByteScan.indexOf(a, i + 1, to, (byte) '>') + 1);
                boolean selfClosing = next - 2 > i && a[next - 2] == '/' && a[next - 1] == '>';
                if (ByteClasses.isAlpha(a[i + 1]) && !selfClosing) {
                    opened = 1;
                } else if (a[i + 1] == '/' && i + 2 < to && ByteClasses.isAlpha(a[i + 2])) {
                    opened = -1;
                }
            } else {
                i = ByteScan.indexOf(a, i + 1, to, (byte) '<');
                continue;
            }
            if (depth == 0) {
                appendDecoded(text, a, runStart, i);
                if (cdata != null) {
                    // a CDATA section's text is taken as it is
                    text.append(cdata);
                }
            }
            depth = Math.max(0, depth + opened);
            runStart = next;
            i = ByteScan.indexOf(a, next, to, (byte) '<');
        }
        if (depth == 0) {
            appendDecoded(text, a, runStart, to);
        }
        byte[] out = new byte[text.length()];
        for (int k = 0; k < out.length; k++) {
            char c = text.charAt(k);
            out[k] = c < 256 ? (byte) c : (byte) '?';
        }
        return out;
    }

    /** Whether the {@code <} at {@code a[i]} opens a tag or a bogus comment rather than being text. */
    private static boolean opensMarkup(byte[] a, int i, int to) {
        if (i + 1 >= to) {
            return false;
        }
        byte next = a[i + 1];
        return ByteClasses.isAlpha(next) || next == '!' || next == '?' || next == '/';
    }

    /** Where a comment whose text starts at {@code a[i]} ends (after its closing {@code >}), or {@code to}. */
    private static int commentEnd(byte[] a, int i, int to) {
        // "<!-->" and "<!--->" end at once
        if (i < to && a[i] == '>') {
            return i + 1;
        }
        if (i + 1 < to && a[i] == '-' && a[i + 1] == '>') {
            return i + 2;
        }
        for (int k = i; k + 1 < to; k++) {
            if (a[k] != '-' || a[k + 1] != '-') {
                continue;
            }
            int j = k + 2;
            while (j < to && a[j] == '-') {
                j++;
            }
            if (j < to && a[j] == '>') {
                return j + 1;
            }
            if (j + 1 < to && a[j] == '!' && a[j + 1] == '>') {
                return j + 2;
            }
        }
        return to;
    }

    private static void appendDecoded(StringBuilder text, byte[] a, int from, int to) {
        if (from >= to) {
            return;
        }
        String run = new String(a, from, to - from, StandardCharsets.ISO_8859_1);
        text.append(run.indexOf('&') < 0 ? run : CharRefs.decode(run, false));
    }

    private static boolean startsWith(byte[] a, int i, int to, byte[] prefix) {
        return to - i >= prefix.length && Arrays.equals(a, i, i + prefix.length, prefix, 0, prefix.length);
    }

    /** Index of {@code needle} in {@code a[from, to)}, or {@code to}. */
    private static int indexOf(byte[] a, int from, int to, byte[] needle) {
        for (int i = ByteScan.indexOf(a, from, to, needle[0]); i < to; i = ByteScan.indexOf(a, i + 1, to, needle[0])) {
            if (startsWith(a, i, to, needle)) {
                return i;
            }
        }
        return to;
    }
}
