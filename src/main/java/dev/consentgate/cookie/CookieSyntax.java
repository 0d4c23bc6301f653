package dev.consentgate.cookie;

/**
 * The few lexical rules both cookie directions share. Whitespace is SP and HTAB only (RFC 6265 WSP); other control
 * bytes are kept, so a name carrying them matches no rule and is treated as undeclared.
 */
final class CookieSyntax {

    private CookieSyntax() {
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    /** Index of the first non-whitespace character in [from, to), or {@code to}. */
    static int skipWhitespace(String s, int from, int to) {
        int i = from;
        while (i < to && isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** End of [from, to) with trailing whitespace removed (never before {@code from}). */
    static int trimEnd(String s, int from, int to) {
        int i = to;
        while (i > from && isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** s[from, to) without leading and trailing whitespace. */
    static String trimmed(String s, int from, int to) {
        int start = skipWhitespace(s, from, to);
        return s.substring(start, trimEnd(s, start, to));
    }

    /**
     * Index of {@code c} in [from, to), or -1. Reads no further than {@code to}: a field's many short attributes
     * would otherwise each be searched to the end of the field.
     */
    static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
