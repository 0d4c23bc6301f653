package dev.consentgate.html;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The general entities a page parsed as XML declares in its DOCTYPE's internal subset (see {@link XmlProlog}), which
 * Chromium expands where they are used: {@code <script src="&t;"/>} loads what {@code t} holds. Judging expands them
 * in an attribute's value and a script's text before character references are decoded. An entity's value may name
 * others, expanded in turn, to a bounded depth and length (past them the rest stays as written: a parser refuses
 * such a page).
 */
final class DeclaredEntities {

    private static final int MAX_DEPTH = 8;
    private static final int MAX_LENGTH = 256 * 1024;
    /** XML's own five, which a declaration cannot change. */
    private static final List<String> PREDEFINED = List.of("lt", "gt", "amp", "quot", "apos");

    private final Map<String, String> values = new HashMap<>();

    DeclaredEntities(List<XmlProlog.Entity> entities) {
        for (XmlProlog.Entity e : entities) {
            if (!PREDEFINED.contains(e.name())) {
                values.putIfAbsent(e.name(), withCharacterReferencesDecoded(e.value()));
            }
        }
    }

    /**
     * An entity's literal value as its replacement text (XML 1.0, 4.5): its character references are decoded where it
     * is declared, and the text is parsed again where it is used, so {@code "&#38;#117;rl"} is {@code &#117;rl} there,
     * which reads {@code url} (found by a review, 2026-12-02). References to entities stay, expanded where used.
     */
    static String withCharacterReferencesDecoded(String literal) {
        if (literal.indexOf("&#") < 0) {
            return literal;
        }
        StringBuilder out = new StringBuilder(literal.length());
        int i = 0;
        for (int amp = literal.indexOf("&#"); amp >= 0; amp = literal.indexOf("&#", i)) {
            int semicolon = literal.indexOf(';', amp + 2);
            int cp = semicolon < 0 ? -1 : codePoint(literal.substring(amp + 2, semicolon));
            if (cp < 0) {
                // not well-formed: a parser refuses the page, and the text stays as written
                out.append(literal, i, amp + 2);
                i = amp + 2;
                continue;
            }
            out.append(literal, i, amp).appendCodePoint(cp);
            i = semicolon + 1;
        }
        return out.append(literal, i, literal.length()).toString();
    }

    /** The code point {@code 117} or {@code x75} names, -1 when it names none. */
    private static int codePoint(String digits) {
        boolean hex = digits.startsWith("x");
        String number = hex ? digits.substring(1) : digits;
        if (number.isEmpty() || number.length() > 8
                || !number.chars().allMatch(c -> Character.digit(c, hex ? 16 : 10) >= 0 && c < 0x80)) {
            return -1;
        }
        try {
            int cp = Integer.parseInt(number, hex ? 16 : 10);
            return cp > 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF) ? cp : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** {@code text} with each reference to a declared entity replaced by its value, expanded in turn. */
    String expand(String text) {
        if (text.indexOf('&') < 0 || values.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        expand(text, out, 0);
        return out.toString();
    }

    private void expand(String text, StringBuilder out, int depth) {
        int i = 0;
        for (int amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', i)) {
            int semicolon = text.indexOf(';', amp + 1);
            String value = semicolon < 0 ? null : values.get(text.substring(amp + 1, semicolon));
            if (value == null || depth >= MAX_DEPTH || out.length() + value.length() > MAX_LENGTH) {
                out.append(text, i, amp + 1);
                i = amp + 1;
                continue;
            }
            out.append(text, i, amp);
            expand(value, out, depth + 1);
            i = semicolon + 1;
        }
        out.append(text, i, text.length());
    }
}
