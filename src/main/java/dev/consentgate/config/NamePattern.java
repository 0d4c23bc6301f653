package dev.consentgate.config;

import java.util.Locale;

/**
 * How a rule names cookies: exactly, by prefix, or by a glob with {@code *} (any run) and {@code ?} (one character).
 * Matching is case-sensitive, as cookie names are.
 */
public record NamePattern(Kind kind, String pattern) {

    public enum Kind { EXACT, PREFIX, GLOB }

    public NamePattern {
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("empty cookie name pattern");
        }
    }

    public static NamePattern exact(String name) {
        return new NamePattern(Kind.EXACT, name);
    }

    public boolean matches(String name) {
        return switch (kind) {
            case EXACT -> pattern.equals(name);
            case PREFIX -> name.startsWith(pattern);
            case GLOB -> globMatches(pattern, 0, name, 0);
        };
    }

    /**
     * Whether the name matches with ASCII letters of either case: the name some servers read (ASP.NET's cookie
     * collection takes "_GA" for "_ga").
     */
    public boolean matchesIgnoringCase(String name) {
        return new NamePattern(kind, asciiLower(pattern)).matches(asciiLower(name));
    }

    private static String asciiLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }

    /** Iterative glob match with single-star backtracking: linear for the patterns rules use. */
    private static boolean globMatches(String glob, int g, String s, int i) {
        int starG = -1;
        int starI = -1;
        while (i < s.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == s.charAt(i))) {
                g++;
                i++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                starG = g++;
                starI = i;
            } else if (starG >= 0) {
                g = starG + 1;
                i = ++starI;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + pattern;
    }
}
