package dev.consentgate.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The microsyntaxes of the attribute values the rewriter judges: srcset candidates and space-separated tokens. */
final class AttributeSyntax {

    private AttributeSyntax() {
    }

    /**
     * The URLs of a srcset value, as the WHATWG "parse a srcset attribute" algorithm collects them: candidates are
     * separated by commas, a URL runs to the next ASCII whitespace (a comma inside it belongs to it, trailing
     * commas end the candidate), descriptors run to the next comma outside parentheses (which do not nest).
     */
    static List<String> srcsetUrls(String value) {
        List<String> urls = new ArrayList<>(2);
        int n = value.length();
        int i = 0;
        while (i < n) {
            while (i < n && (isSpace(value.charAt(i)) || value.charAt(i) == ',')) {
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            while (i < n && !isSpace(value.charAt(i))) {
                i++;
            }
            int end = i;
            boolean trailingComma = false;
            while (end > start && value.charAt(end - 1) == ',') {
                end--;
                trailingComma = true;
            }
            if (end > start) {
                urls.add(value.substring(start, end));
            }
            if (!trailingComma) {
                // descriptors: up to the next comma that is not inside parentheses, which do not nest: the first
                // ')' closes every '(' before it ("1x ((), b.jpg" is two candidates to a browser)
                boolean inParens = false;
                while (i < n && (value.charAt(i) != ',' || inParens)) {
                    char c = value.charAt(i);
                    inParens = c == '(' || inParens && c != ')';
                    i++;
                }
            }
        }
        return urls;
    }

    /**
     * Where a URL's content starts after {@code lowerScheme} (with its colon), as the URL parser reads it: leading
     * white space and controls skipped, tabs and line breaks anywhere in the scheme left out, ASCII letters in any
     * case; -1 when the URL has another scheme or none. Only the URL's first bytes are read.
     */
    static int afterScheme(String url, String lowerScheme) {
        int i = 0;
        while (i < url.length() && url.charAt(i) <= ' ') {
            i++;
        }
        int matched = 0;
        for (; i < url.length() && matched < lowerScheme.length(); i++) {
            char c = url.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lowerScheme.charAt(matched)) {
                return -1;
            }
            matched++;
        }
        return matched == lowerScheme.length() ? i : -1;
    }

    /** The ASCII-whitespace-separated tokens of {@code value}, as written (a ping's URLs). */
    static List<String> tokens(String value) {
        List<String> tokens = new ArrayList<>();
        int n = value.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(value.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(value.substring(start, i));
            }
        }
        return tokens;
    }

    /** Whether any ASCII-whitespace-separated token of {@code value}, lower-cased, is in {@code wanted}. */
    static boolean anyToken(String value, Set<String> wanted) {
        for (String token : tokens(value)) {
            if (wanted.contains(token.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** HTML's ASCII whitespace. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /**
     * Whether {@code s[from, from + lowerAscii.length())} is {@code lowerAscii} in any ASCII case, as browsers compare
     * keywords: Java's case-insensitive comparisons also fold other letters onto ASCII ones (a dotless ı onto i, a
     * long ſ onto s), which a browser keeps apart.
     */
    static boolean asciiMatchesIgnoreCase(String s, int from, String lowerAscii) {
        int n = lowerAscii.length();
        if (from < 0 || from + n > s.length()) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            char c = s.charAt(from + k);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lowerAscii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} is {@code lowerAscii} in any ASCII case (see {@link #asciiMatchesIgnoreCase}). */
    static boolean asciiEqualsIgnoreCase(String s, String lowerAscii) {
        return s.length() == lowerAscii.length() && asciiMatchesIgnoreCase(s, 0, lowerAscii);
    }
}
