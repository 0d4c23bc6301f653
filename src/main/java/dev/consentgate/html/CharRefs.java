package dev.consentgate.html;

import java.util.Map;

/**
 * Character references as the HTML tokenizer decodes them. Numeric references are complete; named references are
 * limited to those that spell ASCII punctuation and the common legacy ones, which is what matters for judging URLs
 * (no named reference spells an ASCII letter or digit). Unknown names stay literal.
 */
final class CharRefs {

    /** Names that may appear without the terminating semicolon (a subset of the legacy list). */
    private static final Map<String, Integer> LEGACY = Map.ofEntries(
            Map.entry("amp", 0x26), Map.entry("AMP", 0x26), Map.entry("lt", 0x3C), Map.entry("LT", 0x3C),
            Map.entry("gt", 0x3E), Map.entry("GT", 0x3E), Map.entry("quot", 0x22), Map.entry("QUOT", 0x22),
            Map.entry("nbsp", 0xA0), Map.entry("copy", 0xA9), Map.entry("COPY", 0xA9), Map.entry("reg", 0xAE),
            Map.entry("REG", 0xAE));

    private static final Map<String, Integer> NAMED = Map.ofEntries(
            Map.entry("Tab", 0x09), Map.entry("NewLine", 0x0A), Map.entry("excl", 0x21), Map.entry("quot", 0x22),
            Map.entry("QUOT", 0x22), Map.entry("num", 0x23), Map.entry("dollar", 0x24), Map.entry("percnt", 0x25),
            Map.entry("amp", 0x26), Map.entry("AMP", 0x26), Map.entry("apos", 0x27), Map.entry("lpar", 0x28),
            Map.entry("rpar", 0x29), Map.entry("ast", 0x2A), Map.entry("midast", 0x2A), Map.entry("plus", 0x2B),
            Map.entry("comma", 0x2C), Map.entry("period", 0x2E), Map.entry("sol", 0x2F), Map.entry("colon", 0x3A),
            Map.entry("semi", 0x3B), Map.entry("lt", 0x3C), Map.entry("LT", 0x3C), Map.entry("equals", 0x3D),
            Map.entry("gt", 0x3E), Map.entry("GT", 0x3E), Map.entry("quest", 0x3F), Map.entry("commat", 0x40),
            Map.entry("lsqb", 0x5B), Map.entry("lbrack", 0x5B), Map.entry("bsol", 0x5C), Map.entry("rsqb", 0x5D),
            Map.entry("rbrack", 0x5D), Map.entry("Hat", 0x5E), Map.entry("lowbar", 0x5F), Map.entry("UnderBar", 0x5F),
            Map.entry("grave", 0x60), Map.entry("DiacriticalGrave", 0x60), Map.entry("lcub", 0x7B),
            Map.entry("lbrace", 0x7B), Map.entry("verbar", 0x7C), Map.entry("vert", 0x7C),
            Map.entry("VerticalLine", 0x7C), Map.entry("rcub", 0x7D), Map.entry("rbrace", 0x7D),
            Map.entry("nbsp", 0xA0), Map.entry("NonBreakingSpace", 0xA0), Map.entry("copy", 0xA9),
            Map.entry("COPY", 0xA9), Map.entry("reg", 0xAE), Map.entry("REG", 0xAE), Map.entry("hyphen", 0x2010),
            Map.entry("dash", 0x2010));

    private static final int[] WINDOWS_1252 = {
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178};

    private CharRefs() {
    }

    /** Whether {@code name} (without {@code &} and {@code ;}) is a reference this decoder knows. */
    static boolean knows(String name) {
        return NAMED.containsKey(name);
    }

    /** Decodes the references in {@code s} as the tokenizer does in an attribute value or in text. */
    static String decode(String s, boolean inAttribute) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (amp >= 0) {
            out.append(s, i, amp);
            i = decodeOne(s, amp, inAttribute, out);
            amp = s.indexOf('&', i);
        }
        out.append(s, i, s.length());
        return out.toString();
    }

    /** Decodes the reference at {@code s[amp]} into {@code out}; returns the index after what it consumed. */
    private static int decodeOne(String s, int amp, boolean inAttribute, StringBuilder out) {
        int i = amp + 1;
        if (i < s.length() && s.charAt(i) == '#') {
            return decodeNumeric(s, amp, out);
        }
        int end = i;
        while (end < s.length() && isAlnum(s.charAt(end))) {
            end++;
        }
        if (end > i && end < s.length() && s.charAt(end) == ';') {
            Integer cp = NAMED.get(s.substring(i, end));
            if (cp != null) {
                out.appendCodePoint(cp);
                return end + 1;
            }
        }
        // legacy names without semicolon: longest known prefix
        for (int k = Math.min(end, i + 4); k > i; k--) {
            Integer cp = LEGACY.get(s.substring(i, k));
            if (cp != null) {
                boolean terminated = k < s.length() && s.charAt(k) == ';';
                if (!terminated && inAttribute && k < s.length() && (s.charAt(k) == '=' || isAlnum(s.charAt(k)))) {
                    break;
                }
                out.appendCodePoint(cp);
                return terminated ? k + 1 : k;
            }
        }
        out.append('&');
        return i;
    }

    private static int decodeNumeric(String s, int amp, StringBuilder out) {
        int i = amp + 2;
        boolean hex = i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
        if (hex) {
            i++;
        }
        int start = i;
        long value = 0;
        while (i < s.length()) {
            int digit = Character.digit(s.charAt(i), hex ? 16 : 10);
            if (digit < 0 || s.charAt(i) > 0x7f) {
                break;
            }
            value = Math.min(value * (hex ? 16 : 10) + digit, 0x110000L);
            i++;
        }
        if (i == start) {
            out.append(s, amp, i);
            return i;
        }
        if (i < s.length() && s.charAt(i) == ';') {
            i++;
        }
        out.appendCodePoint(map((int) value));
        return i;
    }

    private static int map(int cp) {
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return 0xFFFD;
        }
        if (cp >= 0x80 && cp <= 0x9F) {
            return WINDOWS_1252[cp - 0x80];
        }
        return cp;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
