package dev.consentgate.html;

import java.util.Arrays;

/**
 * Script text for the URL search with the escapes of a slash and of a dot a browser's JavaScript unescapes before the
 * URL is used written out: {@code \u002F} and {@code \x2F} (any case) become '/', {@code \u002E} and {@code \x2E}
 * '.' (serializers of page state write slashes so: {@code "https:\u002F\u002Fwww.googletagmanager.com\u002Fgtm.js"}),
 * and an escaped backslash {@code \\} '/' (a URL's backslash is a slash to a browser).
 * Streaming: an escape cut by the end of a piece is held until the next piece (or the script's end) completes it, so
 * the result does not depend on where the script is cut. Text without such an escape passes as it is.
 */
final class SlashEscapes {

    /** The longest escape, "\\u002F". */
    private static final int LONGEST = 6;

    private final byte[] held = new byte[LONGEST];
    private int heldLength;
    private byte[] out = new byte[0];
    private byte[] text = out;
    private int offset;
    private int length;

    void reset() {
        heldLength = 0;
    }

    /**
     * The text of {@code a[from, to)} (after what was held), unescaped: {@link #text()}[{@link #offset()},
     * {@link #offset()} + {@link #length()}), {@code a} itself when there is nothing to unescape.
     */
    void decode(byte[] a, int from, int to) {
        byte[] in = a;
        int i = from;
        int n = to;
        if (heldLength > 0) {
            // an escape the last piece's end cut, completed by this piece: the two joined (rare)
            in = new byte[heldLength + to - from];
            System.arraycopy(held, 0, in, 0, heldLength);
            System.arraycopy(a, from, in, heldLength, to - from);
            heldLength = 0;
            i = 0;
            n = in.length;
        } else if (firstEscape(a, from, to) == to) {
            text = a;
            offset = from;
            length = to - from;
            return;
        }
        if (out.length < n - i) {
            out = new byte[Math.max(n - i, 2 * out.length)];
        }
        int w = 0;
        while (i < n) {
            int escape = firstEscape(in, i, n);
            // the bytes up to the escape, at once
            System.arraycopy(in, i, out, w, escape - i);
            w += escape - i;
            if (escape == n) {
                break;
            }
            int escapeLength = escapeLength(in, escape, n);
            if (escapeLength < 0) {
                // cut by the end of the piece: held for the next one
                heldLength = n - escape;
                System.arraycopy(in, escape, held, 0, heldLength);
                break;
            }
            out[w++] = unescaped(in, escape, escapeLength);
            i = escape + escapeLength;
        }
        text = out;
        offset = 0;
        length = w;
    }

    /** The first escape to write out (or one the end cuts) in {@code b[from, to)}; {@code to} when none. */
    private static int firstEscape(byte[] b, int from, int to) {
        for (int i = ByteScan.indexOf(b, from, to, (byte) '\\'); i < to; i = ByteScan.indexOf(b, i + 1, to,
                (byte) '\\')) {
            if (escapeLength(b, i, to) != 0) {
                return i;
            }
        }
        return to;
    }

    /** What is held at the script's end: an escape never completed, as it is. */
    void end() {
        text = Arrays.copyOf(held, heldLength);
        offset = 0;
        length = heldLength;
        heldLength = 0;
    }

    byte[] text() {
        return text;
    }

    int offset() {
        return offset;
    }

    int length() {
        return length;
    }

    /** The length of the escape of '/' or '.' at {@code b[i]} (a backslash); 0 for none; -1 when cut at {@code n}. */
    private static int escapeLength(byte[] b, int i, int n) {
        if (i + 1 >= n) {
            return -1;
        }
        if (b[i + 1] == '\\') {
            // an escaped backslash: the string holds one, which a browser takes for a slash in an http(s) URL
            return 2;
        }
        int kind = b[i + 1] | 0x20;
        String rest = kind == 'u' ? "002" : kind == 'x' ? "2" : null;
        if (rest == null) {
            return 0;
        }
        int length = 2 + rest.length() + 1;
        for (int k = 0; k < rest.length() + 1; k++) {
            if (i + 2 + k >= n) {
                return -1;
            }
            int c = b[i + 2 + k];
            boolean matches = k < rest.length() ? c == rest.charAt(k) : (c | 0x20) == 'f' || (c | 0x20) == 'e';
            if (!matches) {
                return 0;
            }
        }
        return length;
    }

    private static byte unescaped(byte[] b, int i, int length) {
        return (byte) (length == 2 || (b[i + length - 1] | 0x20) == 'f' ? '/' : '.');
    }
}
