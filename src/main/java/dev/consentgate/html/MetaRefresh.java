package dev.consentgate.html;

/**
 * The URL of a {@code <meta http-equiv=refresh>} element's content, read as browsers read it (HTML Standard,
 * "shared declarative refresh steps"): a time, then a separator, then the URL, optionally after {@code url=} and in
 * quotes: {@code 0;url=https://...}, {@code 5, 'https://...'}, {@code 0; https://...}.
 */
final class MetaRefresh {

    private MetaRefresh() {
    }

    /** The URL the refresh loads; null when it loads none (a reload of the page itself) or the content is invalid. */
    static String url(String content) {
        if (content == null) {
            return null;
        }
        int n = content.length();
        int i = skipWhitespace(content, 0);
        int digits = i;
        while (i < n && content.charAt(i) >= '0' && content.charAt(i) <= '9') {
            i++;
        }
        if (i == digits && (i >= n || content.charAt(i) != '.')) {
            return null;
        }
        while (i < n && (content.charAt(i) >= '0' && content.charAt(i) <= '9' || content.charAt(i) == '.')) {
            i++;
        }
        if (i >= n) {
            return null;
        }
        char separator = content.charAt(i);
        if (separator != ';' && separator != ',' && !isWhitespace(separator)) {
            return null;
        }
        i = skipWhitespace(content, i);
        if (i < n && (content.charAt(i) == ';' || content.charAt(i) == ',')) {
            i++;
        }
        i = skipWhitespace(content, i);
        if (i >= n) {
            return null;
        }
        i = afterUrlEquals(content, i);
        char quote = i < n && (content.charAt(i) == '"' || content.charAt(i) == '\'') ? content.charAt(i) : 0;
        if (quote != 0) {
            i++;
        }
        String url = content.substring(i);
        int close = quote == 0 ? -1 : url.indexOf(quote);
        return close >= 0 ? url.substring(0, close) : url;
    }

    /** Past "url" and "=" (any case, spaces around '='), as far as they go: the steps stop at the first mismatch. */
    private static int afterUrlEquals(String content, int at) {
        int i = at;
        for (char letter : new char[] {'u', 'r', 'l'}) {
            if (i >= content.length() || Character.toLowerCase(content.charAt(i)) != letter) {
                return i;
            }
            i++;
        }
        i = skipWhitespace(content, i);
        if (i >= content.length() || content.charAt(i) != '=') {
            return i;
        }
        return skipWhitespace(content, i + 1);
    }

    private static int skipWhitespace(String s, int from) {
        int i = from;
        while (i < s.length() && isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
