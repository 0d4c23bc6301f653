package dev.consentgate.html;

/**
 * The pieces of RFC 8941 structured fields that the header readers share (Speculation-Rules' list of strings,
 * Reporting-Endpoints' dictionary of strings): a quoted string, and the parameters after a member.
 */
final class StructuredFields {

    private StructuredFields() {
    }

    /**
     * Reads the sf-string whose opening quote is at {@code value[i]} into {@code out}; returns the index after its
     * closing quote, or -1 when it is none (a control or non-ASCII character, a backslash before anything but
     * {@code "} or {@code \}, no closing quote).
     */
    static int string(String value, int i, StringBuilder out) {
        int n = value.length();
        for (i++; i < n && value.charAt(i) != '"'; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < n && (value.charAt(i + 1) == '"' || value.charAt(i + 1) == '\\')) {
                c = value.charAt(++i);
            } else if (c < 0x20 || c > 0x7e || c == '\\') {
                return -1;
            }
            out.append(c);
        }
        return i == n ? -1 : i + 1;
    }

    /**
     * Where the member whose parameters ({@code ;key=value}) start at {@code i} ends: the next comma outside a quoted
     * string, or the value's length; -1 when a quoted string there is left open.
     */
    static int memberEnd(String value, int i) {
        int n = value.length();
        boolean quoted = false;
        for (; i < n && (quoted || value.charAt(i) != ','); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            }
        }
        return quoted ? -1 : Math.min(i, n);
    }

    /** The index of the first character at or after {@code i} that is not a space or a tab. */
    static int skipBlanks(String value, int i) {
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
