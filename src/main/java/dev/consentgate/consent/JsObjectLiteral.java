package dev.consentgate.consent;

import java.util.HashMap;
import java.util.Map;

/**
 * A tolerant reader of the flat JavaScript object literal Cookiebot stores, e.g.
 * {@code {stamp:'x',necessary:true,statistics:false,ver:1}}. Keys may be bare identifiers or quoted; values are
 * quoted strings (single or double quotes), numbers, true/false/null or bare words. Nested objects and arrays are
 * skipped (bounded depth) and reported as the marker {@code "[nested]"}. A key repeated with a different value is
 * malformed. Linear: no backtracking.
 */
final class JsObjectLiteral {

    static final String NESTED = "[nested]";
    private static final int MAX_NESTING = 16;

    private final String text;
    private int pos;

    private JsObjectLiteral(String text) {
        this.text = text;
    }

    /** Scalar values as their text (strings unquoted); throws {@link MalformedValue} when not an object literal. */
    static Map<String, String> parse(String text) {
        JsObjectLiteral reader = new JsObjectLiteral(text);
        Map<String, String> map = reader.object();
        reader.skipWhitespace();
        if (reader.pos != text.length()) {
            throw new MalformedValue("object literal: trailing characters");
        }
        return map;
    }

    private Map<String, String> object() {
        skipWhitespace();
        expect('{');
        Map<String, String> map = new HashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipWhitespace();
            String key = key();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            String value = value();
            String earlier = map.putIfAbsent(key, value);
            if (earlier != null && !earlier.equals(value)) {
                throw new MalformedValue("object literal: a key given twice with different values");
            }
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw new MalformedValue("object literal: expected , or }");
            }
        }
    }

    private String key() {
        char c = peek();
        if (c == '\'' || c == '"') {
            return quoted();
        }
        int start = pos;
        while (isWordChar(peek())) {
            pos++;
        }
        if (pos == start) {
            throw new MalformedValue("object literal: bad key");
        }
        return text.substring(start, pos);
    }

    private String value() {
        char c = peek();
        if (c == '\'' || c == '"') {
            return quoted();
        }
        if (c == '{' || c == '[') {
            skipNested();
            return NESTED;
        }
        int start = pos;
        while (isWordChar(peek()) || peek() == '-' || peek() == '+' || peek() == '.') {
            pos++;
        }
        if (pos == start) {
            throw new MalformedValue("object literal: bad value");
        }
        return text.substring(start, pos);
    }

    private String quoted() {
        char quote = next();
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == quote) {
                return out.toString();
            }
            out.append(c == '\\' ? next() : c);
        }
    }

    /** Skips a balanced {...} or [...] value, aware of quoted strings. */
    private void skipNested() {
        int depth = 0;
        do {
            char c = next();
            if (c == '{' || c == '[') {
                if (++depth > MAX_NESTING) {
                    throw new MalformedValue("object literal: nested too deeply");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == '\'' || c == '"') {
                pos--;
                quoted();
            }
        } while (depth > 0);
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
    }

    private void skipWhitespace() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t'
                || text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) {
            throw new MalformedValue("object literal: unexpected end");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            throw new MalformedValue("object literal: expected " + c);
        }
    }
}
