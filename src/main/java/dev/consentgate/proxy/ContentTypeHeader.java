package dev.consentgate.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The MIME type a browser takes from a response's Content-Type field lines (Fetch, "extract a MIME type", with WHATWG
 * MIME Sniffing's "parse a MIME type", but with the type ended as Chromium ends it, see {@link #parse}): the values
 * of all lines, split at commas outside quoted strings; the last one that parses wins, and a charset carries over
 * from an earlier value of the same type. The gateway must read it as a browser does: a page it took for something
 * else, or whose charset it read otherwise, would pass unjudged.
 */
final class ContentTypeHeader {

    /**
     * A type and subtype in lower case ({@code text/html}), and its charset parameter as written; null when it has
     * none (an empty one is there, and names no encoding).
     */
    record MediaType(String essence, String charset) {
    }

    private ContentTypeHeader() {
    }

    /** The MIME type of these Content-Type lines; empty when none parses (or none is there): a browser sniffs. */
    static Optional<MediaType> extract(List<String> lines) {
        MediaType result = null;
        // the charset of the value that began the current run of one type (null if it had none): a later value of
        // that type without a charset takes it; one with its own keeps its own and does not change this
        String charset = null;
        String essence = null;
        for (String line : lines) {
            for (String value : splitAtCommas(line)) {
                MediaType parsed = parse(value);
                if (parsed == null || parsed.essence().equals("*/*")) {
                    continue;
                }
                if (!parsed.essence().equals(essence)) {
                    charset = parsed.charset();
                    essence = parsed.essence();
                } else if (parsed.charset() == null && charset != null) {
                    parsed = new MediaType(parsed.essence(), charset);
                }
                result = parsed;
            }
        }
        return Optional.ofNullable(result);
    }

    /** Splits a field value at commas outside quoted strings (quotes and escapes are kept for the parse). */
    private static List<String> splitAtCommas(String value) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\' && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                values.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        values.add(current.toString());
        return values;
    }

    /**
     * One value as a MIME type, or null when it is none. Only the charset parameter is kept: the first valid one.
     * The type ends at the first space, tab, ';' or '(', and what follows it up to the next ';' is ignored, as
     * Chromium and Firefox read it: "text/html garbage" and "text/html(utf-8)" are HTML to them, not the invalid
     * type WHATWG MIME Sniffing would make of them ("text/ html" is still no type).
     */
    static MediaType parse(String value) {
        String s = trimHttpWhitespace(value);
        int typeEnd = 0;
        while (typeEnd < s.length() && " \t;(".indexOf(s.charAt(typeEnd)) < 0) {
            typeEnd++;
        }
        String type = s.substring(0, typeEnd);
        int slash = type.indexOf('/');
        if (slash <= 0 || !HeaderTokens.isToken(type.substring(0, slash))
                || !HeaderTokens.isToken(type.substring(slash + 1))) {
            return null;
        }
        String essence = type.toLowerCase(Locale.ROOT);
        String charset = null;
        // the parameters begin at the first ';' after the type
        int semicolon = s.indexOf(';', typeEnd);
        int i = semicolon < 0 ? s.length() : semicolon;
        while (i < s.length()) {
            i++; // the ';'
            while (i < s.length() && isHttpWhitespace(s.charAt(i))) {
                i++;
            }
            int nameStart = i;
            while (i < s.length() && s.charAt(i) != ';' && s.charAt(i) != '=') {
                i++;
            }
            String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
            if (i == s.length()) {
                break;
            }
            if (s.charAt(i) == ';') {
                continue;
            }
            i++; // the '='
            if (i == s.length()) {
                break;
            }
            String paramValue;
            if (s.charAt(i) == '"') {
                StringBuilder unquoted = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    unquoted.append(s.charAt(i));
                    i++;
                }
                // whatever follows the closing quote, up to the next ';', is dropped
                while (i < s.length() && s.charAt(i) != ';') {
                    i++;
                }
                paramValue = unquoted.toString();
            } else {
                int valueStart = i;
                while (i < s.length() && s.charAt(i) != ';') {
                    i++;
                }
                paramValue = trimHttpWhitespace(s.substring(valueStart, i));
                if (paramValue.isEmpty()) {
                    continue;
                }
            }
            if (charset == null && name.equals("charset") && isQuotedStringText(paramValue)) {
                charset = paramValue;
            }
        }
        return new MediaType(essence, charset);
    }

    private static String trimHttpWhitespace(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isHttpWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && isHttpWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isHttpWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Tab, and the printable characters of Latin-1 but DEL: what a quoted string may hold. */
    private static boolean isQuotedStringText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c == '\t' || c >= 0x20 && c <= 0xff && c != 0x7f)) {
                return false;
            }
        }
        return true;
    }
}
