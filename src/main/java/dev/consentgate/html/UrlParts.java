package dev.consentgate.html;

import java.util.Locale;

/**
 * Host and path of a URL as it appears in an attribute, parsed the way a browser resolves it far enough to know
 * where a request would go: tabs and newlines dropped, backslashes read as slashes, userinfo and port stripped,
 * the host percent-decoded, lower-cased and without a trailing dot. A relative URL has no host (first party).
 *
 * @param host lower-case host, empty for relative URLs and schemes that do not fetch from a host
 * @param path path (with query), "/" when absent; the whole URL when it is relative
 */
record UrlParts(String host, String path) {

    static final UrlParts NONE = new UrlParts("", "");

    static UrlParts parse(String raw) {
        String url = clean(raw);
        int i = 0;
        int colon = schemeEnd(url);
        if (colon > 0) {
            String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("ws")
                    && !scheme.equals("wss") && !scheme.equals("ftp")) {
                return NONE;
            }
            i = colon + 1;
            // special schemes: any number of slashes (even none) before the authority
            while (i < url.length() && url.charAt(i) == '/') {
                i++;
            }
        } else if (url.startsWith("//")) {
            i = 2;
            while (i < url.length() && url.charAt(i) == '/') {
                i++;
            }
        } else {
            return new UrlParts("", url);
        }
        int end = i;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(i, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String host;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            host = close > 0 ? authority.substring(0, close + 1) : authority;
        } else {
            int port = authority.indexOf(':');
            host = port >= 0 ? authority.substring(0, port) : authority;
        }
        host = percentDecode(host).toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String path = end < url.length() && url.charAt(end) == '/' ? url.substring(end) : "/";
        return new UrlParts(host, path);
    }

    private static String clean(String raw) {
        if (isClean(raw)) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            sb.append(c == '\\' ? '/' : c);
        }
        // leading and trailing C0 controls and spaces are stripped by the URL parser
        int s = 0;
        int e = sb.length();
        while (s < e && sb.charAt(s) <= ' ') {
            s++;
        }
        while (e > s && sb.charAt(e - 1) <= ' ') {
            e--;
        }
        return sb.substring(s, e);
    }

    /** Nothing to strip or replace: the common case, without copying. */
    private static boolean isClean(String raw) {
        int n = raw.length();
        if (n == 0 || raw.charAt(0) <= ' ' || raw.charAt(n - 1) <= ' ') {
            return n == 0;
        }
        // one vectorized search per character beats a loop over long values (data: URLs)
        return raw.indexOf('\t') < 0 && raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0 && raw.indexOf('\\') < 0;
    }

    private static int schemeEnd(String url) {
        if (url.isEmpty() || !isAlpha(url.charAt(0))) {
            return -1;
        }
        for (int k = 1; k < url.length(); k++) {
            char c = url.charAt(k);
            if (c == ':') {
                return k;
            }
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '%' && k + 2 < s.length()
                    && Character.digit(s.charAt(k + 1), 16) >= 0 && Character.digit(s.charAt(k + 2), 16) >= 0) {
                sb.append((char) Integer.parseInt(s.substring(k + 1, k + 3), 16));
                k += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
