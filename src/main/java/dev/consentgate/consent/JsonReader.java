package dev.consentgate.consent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON (RFC 8259) reader for consent cookies and request bodies, and for the rewriter's speculation
 * rules. Objects become
 * {@code Map<String, Object>} (duplicate keys are malformed), arrays {@code List<Object>}, strings {@link String},
 * numbers {@link Num} (the literal text, never evaluated), booleans {@link Boolean}, null {@link #NULL}.
 * Nesting deeper than {@link #MAX_DEPTH} is malformed, so recursion stays bounded; callers bound the length.
 */
public final class JsonReader {

    static final int MAX_DEPTH = 32;

    /** JSON null (maps and lists here never hold Java null). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A number, kept as its literal text. */
    record Num(String text) {
    }

    private final String text;
    private int pos;

    private JsonReader(String text) {
        this.text = text;
    }

    /** @throws MalformedValue when the text is not exactly one JSON value */
    public static Object parse(String text) {
        JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.pos != text.length()) {
            throw new MalformedValue("JSON: trailing characters");
        }
        return value;
    }

    /** Parses and requires an object at the top. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new MalformedValue("JSON: not an object");
        }
        return (Map<String, Object>) value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new MalformedValue("JSON: nested too deeply");
        }
        if (pos >= text.length()) {
            throw new MalformedValue("JSON: unexpected end");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw new MalformedValue("JSON: unexpected character");
        }
    }

    private Map<String, Object> object(int depth) {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw new MalformedValue("JSON: object key is not a string");
            }
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = value(depth + 1);
            if (map.putIfAbsent(key, value) != null) {
                throw new MalformedValue("JSON: duplicate object key");
            }
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return Collections.unmodifiableMap(map);
            }
            if (c != ',') {
                throw new MalformedValue("JSON: expected , or }");
            }
        }
    }

    private List<Object> array(int depth) {
        pos++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWhitespace();
            list.add(value(depth + 1));
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return Collections.unmodifiableList(list);
            }
            if (c != ',') {
                throw new MalformedValue("JSON: expected , or ]");
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new MalformedValue("JSON: control character in string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(hex4());
                default -> throw new MalformedValue("JSON: bad escape");
            }
        }
    }

    private char hex4() {
        if (pos + 4 > text.length()) {
            throw new MalformedValue("JSON: truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            char h = text.charAt(pos++);
            int d = h < 0x80 ? Character.digit(h, 16) : -1;
            if (d < 0) {
                throw new MalformedValue("JSON: bad \\u escape");
            }
            v = v << 4 | d;
        }
        return (char) v;
    }

    private Num number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw new MalformedValue("JSON: bad number");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw new MalformedValue("JSON: bad number");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw new MalformedValue("JSON: bad number");
            }
            digits();
        }
        return new Num(text.substring(start, pos));
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw new MalformedValue("JSON: bad literal");
        }
        pos += word.length();
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) {
            throw new MalformedValue("JSON: unexpected end");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            throw new MalformedValue("JSON: expected " + c);
        }
    }
}
