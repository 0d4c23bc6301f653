package dev.consentgate.html;

import java.util.HashMap;
import java.util.Map;

/**
 * Character references as the HTML tokenizer decodes them. Numeric references are complete; named references are
 * limited to those that spell ASCII punctuation, the common legacy ones, and those a host's IDNA mapping reads as
 * ASCII letters or digits or as nothing ({@link #HOST_SPELLINGS}), which is what matters for judging URLs. Unknown
 * names stay literal.
 */
final class CharRefs {

    /** Names that may appear without the terminating semicolon (a subset of the legacy list). */
    private static final Map<String, Integer> LEGACY = Map.ofEntries(
            Map.entry("amp", 0x26), Map.entry("AMP", 0x26), Map.entry("lt", 0x3C), Map.entry("LT", 0x3C),
            Map.entry("gt", 0x3E), Map.entry("GT", 0x3E), Map.entry("quot", 0x22), Map.entry("QUOT", 0x22),
            Map.entry("nbsp", 0xA0), Map.entry("copy", 0xA9), Map.entry("COPY", 0xA9), Map.entry("reg", 0xAE),
            Map.entry("REG", 0xAE), Map.entry("ordf", 0xAA), Map.entry("ordm", 0xBA), Map.entry("shy", 0xAD),
            Map.entry("sup1", 0xB9), Map.entry("sup2", 0xB2), Map.entry("sup3", 0xB3));

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

    /**
     * The named references whose characters a host's IDNA mapping (see {@link UrlParts}) makes ASCII letters or
     * digits, or drops: the mathematical letters ({@code &gopf;}, {@code &gfr;}, {@code &gscr;}), the letterlike
     * symbols, ligatures, superscripts and invisible characters. Chromium 150 fetched
     * {@code https://www.&gopf;oogletagmanager.com/gtm.js} and {@code https://www.google&shy;tagmanager.com/gtm.js}
     * from www.googletagmanager.com; until 2026-11-30 they stayed literal here, a host no rule named (found by a
     * review).
     */
    private static final Map<String, String> HOST_SPELLINGS = hostSpellings();

    private static final int[] WINDOWS_1252 = {
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178};

    private CharRefs() {
    }

    /** Whether {@code name} (without {@code &} and {@code ;}) is a reference this decoder knows. */
    static boolean knows(String name) {
        return NAMED.containsKey(name) || HOST_SPELLINGS.containsKey(name);
    }

    /**
     * What the named reference {@code name} (without {@code &} and {@code ;}) spells when a host's IDNA mapping reads
     * it as ASCII letters or digits or as nothing ({@link #HOST_SPELLINGS}); null for any other name.
     */
    static String hostSpelling(String name) {
        return HOST_SPELLINGS.get(name);
    }

    /**
     * The character of a legacy name written without its semicolon ({@code &shy}, {@code &ordm}), or -1 for a name
     * that needs one.
     */
    static int legacyWithoutSemicolon(String name) {
        return LEGACY.getOrDefault(name, -1);
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
            if (end - i == 3 && s.startsWith("amp", i)) {
                // a query string's separator, by far the commonest: no look-up
                out.append('&');
                return end + 1;
            }
            String name = s.substring(i, end);
            Integer cp = NAMED.get(name);
            if (cp != null) {
                out.appendCodePoint(cp);
                return end + 1;
            }
            String spelled = HOST_SPELLINGS.get(name);
            if (spelled != null) {
                out.append(spelled);
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

    private static Map<String, String> hostSpellings() {
        Map<String, String> names = new HashMap<>();
        for (char letter = 'A'; letter <= 'z'; letter++) {
            if (letter > 'Z' && letter < 'a') {
                continue;
            }
            names.put(letter + "opf", mathLetter(letter, 0x1D538,
                    "C\u2102H\u210DN\u2115P\u2119Q\u211AR\u211DZ\u2124"));
            names.put(letter + "fr", mathLetter(letter, 0x1D504, "C\u212DH\u210CI\u2111R\u211CZ\u2128"));
            names.put(letter + "scr", mathLetter(letter, 0x1D49C,
                    "B\u212CE\u2130F\u2131H\u210BI\u2110L\u2112M\u2133R\u211Be\u212Fg\u210Ao\u2134"));
        }
        String[] aliases = {
            "ApplyFunction", "\u2061", "af", "\u2061", "InvisibleTimes", "\u2062", "it", "\u2062",
            "InvisibleComma", "\u2063", "ic", "\u2063", "NoBreak", "\u2060", "ZeroWidthSpace", "\u200B",
            "NegativeMediumSpace", "\u200B", "NegativeThickSpace", "\u200B", "NegativeThinSpace", "\u200B",
            "NegativeVeryThinSpace", "\u200B", "shy", "\u00AD", "ordf", "\u00AA", "ordm", "\u00BA",
            "sup1", "\u00B9", "sup2", "\u00B2", "sup3", "\u00B3", "fjlig", "fj", "fflig", "\uFB00",
            "filig", "\uFB01", "fllig", "\uFB02", "ffilig", "\uFB03", "ffllig", "\uFB04", "IJlig", "\u0132",
            "ijlig", "\u0133", "trade", "\u2122", "TRADE", "\u2122", "numero", "\u2116", "circledS", "\u24C8",
            "oS", "\u24C8", "hellip", "\u2026", "mldr", "\u2026", "nldr", "\u2025",
            "complexes", "\u2102", "hamilt", "\u210B", "HilbertSpace", "\u210B", "Poincareplane", "\u210C",
            "quaternions", "\u210D", "planckh", "\u210E", "imagline", "\u2110", "Im", "\u2111",
            "image", "\u2111", "imagpart", "\u2111", "lagran", "\u2112", "Laplacetrf", "\u2112", "ell", "\u2113",
            "naturals", "\u2115", "primes", "\u2119", "rationals", "\u211A", "realine", "\u211B", "Re", "\u211C",
            "real", "\u211C", "realpart", "\u211C", "reals", "\u211D", "integers", "\u2124", "zeetrf", "\u2128",
            "bernou", "\u212C", "Bernoullis", "\u212C", "Cayleys", "\u212D", "expectation", "\u2130",
            "Fouriertrf", "\u2131", "Mellintrf", "\u2133", "phmmat", "\u2133", "order", "\u2134",
            "orderof", "\u2134", "DD", "\u2145", "CapitalDifferentialD", "\u2145", "dd", "\u2146",
            "DifferentialD", "\u2146", "ee", "\u2147", "ExponentialE", "\u2147", "exponentiale", "\u2147",
            "ii", "\u2148", "ImaginaryI", "\u2148"};
        for (int k = 0; k < aliases.length; k += 2) {
            names.put(aliases[k], aliases[k + 1]);
        }
        return Map.copyOf(names);
    }

    /**
     * A letter of a mathematical alphabet whose capital A is {@code capitalA} (its small a follows Z's 26 letters):
     * where Unicode had the letter already among the letterlike symbols, {@code holes} names it (letter, symbol).
     */
    private static String mathLetter(char letter, int capitalA, String holes) {
        int hole = holes.indexOf(letter);
        if (hole >= 0 && hole % 2 == 0) {
            return holes.substring(hole + 1, hole + 2);
        }
        int cp = letter <= 'Z' ? capitalA + letter - 'A' : capitalA + 26 + letter - 'a';
        return new String(Character.toChars(cp));
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
