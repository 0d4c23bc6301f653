package dev.consentgate.html;

import java.util.Arrays;

/**
 * The one decoder of a JavaScript string's escapes, for two readings that must agree on what a string holds.
 * {@link #forUrls()}: script text for the URL search with the escapes of a JavaScript string written out, as the
 * string a browser's JavaScript makes and then parses as a URL reads: {@code \xHH}, {@code \u005CuHHHH} (a surrogate
 * pair as one character), {@code \u005Cu{H...}}, legacy octal ones ({@code \57}) and identity ones ({@code \f} is
 * 'f' in a host only where it is no control: {@code \b}, {@code \f}, {@code \v} and {@code \0} stay controls,
 * which end a URL). Serializers of page state write slashes so
 * ({@code "https:\u005Cu002F\u005Cu002Fwww.googletagmanager.com"}), and a tag can write any letter of a host so. A
 * line continuation, {@code \n}, {@code \r} and {@code \t} are left out: the string has none of the first, and the
 * URL parser drops tabs and line breaks. A character past ASCII is written percent-encoded in UTF-8, as a browser
 * puts it in a URL (and maps it in a host), whatever the page's encoding; an escaped backslash {@code \\} is '/' (a
 * URL's backslash is a slash to a browser).
 * The character references of markup the script writes ({@code document.write}, {@code innerHTML}) are written out
 * too, as the HTML parser decodes them before the attribute is a URL: {@code &#46;}, {@code &sol;}...
 * Streaming: an escape cut by the end of a piece is held until the next piece (or the script's end) completes it, so
 * the result does not depend on where the script is cut. Text without a backslash or an ampersand passes as it
 * is.
 * {@link #forStringText()}: the text of a string literal as the engine reads it, fed the bytes between its quotes
 * (as {@link CompactedCode} finds them), so that the code a string holds ({@code setTimeout("fbq (\"track\")")},
 * {@code eval('\x66bq(...)')}) reads as the code it runs, and a data: URL it holds as the URL it is: the same
 * escapes, each the character it stands for ({@code \n} a line feed, {@code \\} a backslash, a character past
 * ASCII in UTF-8), and no character references, which JavaScript does not read. {@link #end()} is the string's
 * end there, which completes a legacy octal escape ({@code "\0"}); an escape it cuts is left as written.
 */
final class StringEscapes {

    /**
     * The longest escape held across pieces: a surrogate pair ({@code \u005CuD83D\u005CuDE00}) or {@code \u005Cu{...}}
     * with leading zeros. A longer {@code \u005Cu{} is left as written.
     */
    private static final int LONGEST = 32;
    /** An escape to leave as written: not one a string holds (a syntax error, a regular expression's). */
    private static final int NONE = 0;
    /** An escape the piece's end cuts. */
    private static final int CUT = -1;

    /** The text is for the URL search (else it is a string's text as the engine reads it). */
    private final boolean forUrls;
    private final byte[] held = new byte[LONGEST];
    private int heldLength;
    /** What was held, joined to the next piece. */
    private byte[] joined = new byte[0];
    /** {@link #end()} reads what was held: no byte follows it, so an escape that could go on ends there. */
    private boolean ending;
    private byte[] out = new byte[0];
    private byte[] text = out;
    private int offset;
    private int length;
    /** What the last escape read stands for, as written into the URL text (at most 12 bytes: "%F4%8F%BF%BF"). */
    private final byte[] unescaped = new byte[12];
    private int unescapedLength;

    private StringEscapes(boolean forUrls) {
        this.forUrls = forUrls;
    }

    /** Script text for the URL search: escapes as a URL has them, the character references of markup read too. */
    static StringEscapes forUrls() {
        return new StringEscapes(true);
    }

    /** A string literal's text, escapes decoded as the engine decodes them. */
    static StringEscapes forStringText() {
        return new StringEscapes(false);
    }

    void reset() {
        heldLength = 0;
    }

    /**
     * As {@link #decode}, for a run of a string's text that its reader knows holds no backslash (a string's text comes
     * cut at each): when nothing is held either, the run is its own text, without a search for escapes. Returns
     * whether it was: false when an escape held from before was completed into the text.
     */
    boolean decodeRunWithoutBackslash(byte[] a, int from, int to) {
        if (heldLength > 0 || forUrls) {
            decode(a, from, to);
            return false;
        }
        text = a;
        offset = from;
        length = to - from;
        return true;
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
            // an escape the last piece's end cut, completed by this piece: the two joined (a string's text comes
            // cut at each backslash)
            n = heldLength + to - from;
            if (joined.length < n) {
                joined = new byte[Math.max(n, 2 * joined.length)];
            }
            in = joined;
            System.arraycopy(held, 0, in, 0, heldLength);
            System.arraycopy(a, from, in, heldLength, to - from);
            heldLength = 0;
            i = 0;
        } else if (nextEscape(a, from, to) == to) {
            text = a;
            offset = from;
            length = to - from;
            return;
        }
        // an escape's text is never more than three times as long as the escape ("&#0", a NUL that HTML reads as
        // U+FFFD, is "%EF%BF%BD"; "\xAD" is "%C2%AD")
        int room = 3 * (n - i);
        if (out.length < room) {
            out = new byte[Math.max(room, 2 * out.length)];
        }
        int w = 0;
        while (i < n) {
            int backslash = nextEscape(in, i, n);
            // the bytes up to the backslash, at once
            System.arraycopy(in, i, out, w, backslash - i);
            w += backslash - i;
            if (backslash == n) {
                break;
            }
            int escapeLength = in[backslash] == '&' ? characterReference(in, backslash, n) : escape(in, backslash, n);
            if (escapeLength == CUT && !ending && n - backslash <= LONGEST) {
                // cut by the end of the piece: held for the next one
                heldLength = n - backslash;
                System.arraycopy(in, backslash, held, 0, heldLength);
                break;
            }
            if (escapeLength <= 0) {
                out[w++] = in[backslash];
                i = backslash + 1;
                continue;
            }
            System.arraycopy(unescaped, 0, out, w, unescapedLength);
            w += unescapedLength;
            i = backslash + escapeLength;
        }
        text = out;
        offset = 0;
        length = w;
    }

    /** The first backslash, or for URLs ampersand, in {@code b[from, to)}; {@code to} when none. */
    private int nextEscape(byte[] b, int from, int to) {
        if (!forUrls) {
            return ByteScan.indexOf(b, from, to, (byte) '\\');
        }
        int k = from;
        while (k < to && b[k] != '\\' && b[k] != '&') {
            k++;
        }
        return k;
    }

    /**
     * Reads the character reference at {@code b[i]} (an ampersand) into {@link #unescaped}, as HTML decodes it in
     * an attribute of markup the script writes: a numeric one ({@code &#46;}, {@code &#x2F}, the semicolon optional)
     * or one of the names of what a URL's host and path are made of ({@code &period;}, {@code &sol;}, and those a
     * host's IDNA mapping reads as letters or as nothing, {@code &fopf;}, {@code &shy;}). Its length, {@link #NONE} for
     * no reference, {@link #CUT} when {@code b[n]} cuts it.
     */
    private int characterReference(byte[] b, int i, int n) {
        unescapedLength = 0;
        if (i + 1 >= n) {
            return CUT;
        }
        if (b[i + 1] == '#') {
            if (i + 2 >= n) {
                return CUT;
            }
            boolean hex = (b[i + 2] | 0x20) == 'x';
            int k = hex ? i + 3 : i + 2;
            int start = k;
            int value = 0;
            for (; k < n && k - i < LONGEST; k++) {
                int v = Character.digit(b[k], hex ? 16 : 10);
                if (v < 0) {
                    break;
                }
                value = Math.min(0x110000, value * (hex ? 16 : 10) + v);
            }
            if (k == n || k - i == LONGEST) {
                return k == n && n - i < LONGEST ? CUT : NONE;
            }
            if (k == start) {
                return NONE;
            }
            putCodePoint(value == 0 || value > 0x10ffff ? 0xfffd : value);
            return b[k] == ';' ? k + 1 - i : k - i;
        }
        int k = i + 1;
        while (k < n && k - i < LONGEST
                && ((b[k] | 0x20) >= 'a' && (b[k] | 0x20) <= 'z' || b[k] >= '0' && b[k] <= '9')) {
            k++;
        }
        if (k == n) {
            return n - i < LONGEST ? CUT : NONE;
        }
        if (b[k] != ';') {
            // the legacy names are 2 to 4 letters long: a query's "&b=2" or "&page" builds no name
            return k - i - 1 < 2 || k - i - 1 > 4 || b[k] == '=' ? NONE
                    : legacyReference(new String(b, i + 1, k - i - 1, java.nio.charset.StandardCharsets.US_ASCII));
        }
        String name = new String(b, i + 1, k - i - 1, java.nio.charset.StandardCharsets.US_ASCII);
        switch (name) {
            case "period" -> put('.');
            case "sol", "bsol" -> put('/');
            case "colon" -> put(':');
            case "num" -> put('#');
            case "quest" -> put('?');
            case "percnt" -> put('%');
            case "amp" -> put('&');
            // a tab or line break, which the URL parser drops
            case "Tab", "NewLine" -> { }
            default -> {
                // a name a host's IDNA mapping reads as letters or as nothing (&fopf; is an f in
                // www.&fopf;acebook.com, which Chromium 150 fetched from Meta; until 2026-11-30 it passed here, found
                // by a review)
                String spelled = CharRefs.hostSpelling(name);
                if (spelled == null) {
                    return NONE;
                }
                spelled.codePoints().forEach(this::putCodePoint);
            }
        }
        return k + 1 - i;
    }

    /**
     * A legacy name without its semicolon ({@code www.facebook&shy.com}: a soft hyphen, which a host's IDNA mapping
     * takes out; {@code &ordm}, {@code &sup1}: letters and digits), decoded as in an attribute, where a name followed
     * by '=' (or, as {@code name} is the whole run of letters and digits, by one of those) stays as written.
     * Until 2026-11-30 these were left as written here and such a pixel passed (found by a review).
     */
    private int legacyReference(String name) {
        if (CharRefs.legacyWithoutSemicolon(name) < 0) {
            return NONE;
        }
        // the same names as with a semicolon: those a URL's host is spelt with
        String spelled = name.equals("amp") ? "&" : CharRefs.hostSpelling(name);
        if (spelled == null) {
            return NONE;
        }
        spelled.codePoints().forEach(this::putCodePoint);
        return name.length() + 1;
    }

    /**
     * What is held at the script's end (for a string's text, the string's end): an escape that nothing had to
     * follow (a legacy octal one, {@code \r}, half a surrogate pair) read, one never completed as it is.
     */
    void end() {
        if (heldLength == 0) {
            // nothing held, the common case: called at every string's end, so no copy
            length = 0;
            return;
        }
        byte[] rest = Arrays.copyOf(held, heldLength);
        heldLength = 0;
        ending = true;
        decode(rest, 0, rest.length);
        ending = false;
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

    /**
     * Reads the escape at {@code b[i]} (a backslash) into {@link #unescaped}: its length, {@link #NONE} to leave it as
     * written, {@link #CUT} when {@code b[n]} cuts it.
     */
    private int escape(byte[] b, int i, int n) {
        unescapedLength = 0;
        if (i + 1 >= n) {
            return CUT;
        }
        int c = b[i + 1] & 0xff;
        switch (c) {
            case '\\' -> {
                // an escaped backslash: the string holds one, which a browser takes for a slash in an http(s) URL
                put(forUrls ? '/' : '\\');
                return 2;
            }
            case 'n', 't', 'r' -> {
                // the URL parser drops a tab or line break
                if (!forUrls) {
                    put(c == 'n' ? '\n' : c == 't' ? '\t' : '\r');
                }
                return 2;
            }
            case '\n' -> {
                // a line continuation is no character at all
                return 2;
            }
            case '\r' -> {
                if (i + 2 >= n) {
                    return ending ? 2 : CUT;
                }
                return b[i + 2] == '\n' ? 3 : 2;
            }
            case 'b' -> {
                put(0x08);
                return 2;
            }
            case 'f' -> {
                put(0x0c);
                return 2;
            }
            case 'v' -> {
                put(0x0b);
                return 2;
            }
            case 'x' -> {
                return hexEscape(b, i + 2, n, 2);
            }
            case 'u' -> {
                return unicodeEscape(b, i, n);
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    return octalEscape(b, i, n);
                }
                if (c == 0xe2) {
                    // U+2028 or U+2029 after the backslash: a line continuation
                    if (i + 3 >= n && !ending) {
                        return CUT;
                    }
                    if (i + 3 < n && b[i + 2] == (byte) 0x80 && (b[i + 3] == (byte) 0xa8 || b[i + 3] == (byte) 0xa9)) {
                        return 4;
                    }
                }
                if (c >= 0x80) {
                    // the character itself, whose bytes follow as they are
                    return 1;
                }
                // an identity escape: "\/", "\.", "\f"... are the character
                put(c);
                return 2;
            }
        }
    }

    /** {@code \xHH} (digits from {@code b[d]}): two hex digits. */
    private int hexEscape(byte[] b, int d, int n, int digits) {
        int value = 0;
        for (int k = 0; k < digits; k++) {
            if (d + k >= n) {
                return CUT;
            }
            int v = Character.digit(b[d + k], 16);
            if (v < 0) {
                return NONE;
            }
            value = value * 16 + v;
        }
        putCodePoint(value);
        return 2 + digits;
    }

    /** {@code \u005CuHHHH} (a surrogate pair read as one character) or {@code \u005Cu{H...}} at {@code b[i]}. */
    private int unicodeEscape(byte[] b, int i, int n) {
        if (i + 2 >= n) {
            return CUT;
        }
        if (b[i + 2] == '{') {
            int value = 0;
            for (int k = i + 3; k < n && k - i < LONGEST; k++) {
                if (b[k] == '}') {
                    if (k == i + 3 || value > 0x10ffff) {
                        return NONE;
                    }
                    putCodePoint(value);
                    return k + 1 - i;
                }
                int v = Character.digit(b[k], 16);
                if (v < 0) {
                    return NONE;
                }
                value = Math.min(0x110000, value * 16 + v);
            }
            return n - i < LONGEST ? CUT : NONE;
        }
        int unit = hexUnit(b, i + 2, n);
        if (unit < 0) {
            return unit == CUT ? CUT : NONE;
        }
        if (Character.isHighSurrogate((char) unit)) {
            // a pair written as two escapes is one character
            if (i + 7 >= n && !ending) {
                return CUT;
            }
            if (i + 7 < n && b[i + 6] == '\\' && b[i + 7] == 'u') {
                int low = hexUnit(b, i + 8, n);
                if (low == CUT && !ending) {
                    return CUT;
                }
                if (low >= 0 && Character.isLowSurrogate((char) low)) {
                    putCodePoint(Character.toCodePoint((char) unit, (char) low));
                    return 12;
                }
            }
        }
        putCodePoint(unit);
        return 6;
    }

    /** Four hex digits from {@code b[d]}: their value, {@link #CUT}, or -2 when they are not four hex digits. */
    private static int hexUnit(byte[] b, int d, int n) {
        int value = 0;
        for (int k = 0; k < 4; k++) {
            if (d + k >= n) {
                return CUT;
            }
            int v = Character.digit(b[d + k], 16);
            if (v < 0) {
                return -2;
            }
            value = value * 16 + v;
        }
        return value;
    }

    /**
     * A legacy octal escape at {@code b[i]} (ECMA-262 Annex B: up to three digits from 0 to 377): {@code \57} is '/';
     * {@code \0} alone is a NUL.
     */
    private int octalEscape(byte[] b, int i, int n) {
        int digits = b[i + 1] <= '3' ? 3 : 2;
        int value = 0;
        int k = 0;
        for (; k < digits; k++) {
            if (i + 1 + k >= n) {
                if (ending) {
                    // nothing follows: the digits read are the escape
                    break;
                }
                return CUT;
            }
            int d = b[i + 1 + k];
            if (d < '0' || d > '7') {
                break;
            }
            value = value * 8 + d - '0';
        }
        putCodePoint(value);
        return 1 + k;
    }

    /**
     * A character: ASCII as it is, any other in UTF-8, for URLs percent-encoded (a lone surrogate as U+FFFD, as a URL
     * has it; and in a string's text, where it is half a character no signature or URL holds).
     */
    private void putCodePoint(int cp) {
        if (cp < 0x80) {
            put(cp);
            return;
        }
        if (Character.isSurrogate((char) cp) && cp <= 0xffff) {
            cp = 0xfffd;
        }
        byte[] utf8 = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (!forUrls) {
            for (byte u : utf8) {
                put(u);
            }
            return;
        }
        for (byte u : utf8) {
            put('%');
            put(Character.toUpperCase(Character.forDigit((u >> 4) & 0xf, 16)));
            put(Character.toUpperCase(Character.forDigit(u & 0xf, 16)));
        }
    }

    private void put(int c) {
        unescaped[unescapedLength++] = (byte) c;
    }
}
