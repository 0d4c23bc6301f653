package dev.consentgate.html;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Host and path of a URL as it appears in an attribute, parsed the way a browser resolves it far enough to know
 * where a request would go: tabs and newlines dropped, backslashes read as slashes, userinfo and port stripped,
 * the host percent-decoded (as UTF-8), mapped as the browser's IDNA processing maps it (an ideographic full stop is a
 * dot, fullwidth letters are letters, a soft hyphen is nothing), lower-cased and without a trailing dot,
 * and dot segments taken out of the path ({@code /recaptcha/../pagead/} fetches {@code /pagead/}). In the path,
 * percent-encoded letters, digits and {@code -._~} are decoded, as the server that receives the request decodes
 * them ({@code /%74r} is {@code /tr} to it). A relative URL has no host (first party).
 *
 * @param host lower-case host, empty for relative URLs and schemes that do not fetch from a host
 * @param path path (with query), "/" when absent; the whole URL when it is relative
 */
record UrlParts(String host, String path) {

    static final UrlParts NONE = new UrlParts("", "");

    /** Longest host name DNS resolves (RFC 1035); a longer one is never fetched from. */
    private static final int MAX_HOST = 253;
    /** Up to this length a URL is checked for characters to strip in one pass, beyond it by vectorized searches. */
    private static final int SHORT_URL = 256;

    /** Schemes whose URLs are fetched from a host. */
    private static final String[] FETCH_SCHEMES = {"https", "http", "wss", "ws", "ftp"};

    static UrlParts parse(String raw) {
        return parse(raw, 0);
    }

    /**
     * The URL that starts at {@code from} in {@code raw} (a URL carried inside another one), read without copying
     * what follows its host: attribute values can be long data: URLs.
     */
    static UrlParts parse(String raw, int from) {
        String url = raw;
        int i = from;
        if (!isClean(raw, from)) {
            url = clean(raw.substring(from));
            i = 0;
        }
        int colon = schemeEnd(url, i);
        if (colon > 0) {
            if (!isFetchScheme(url, i, colon)) {
                return NONE;
            }
            i = colon + 1;
        } else if (url.startsWith("//", i)) {
            i += 2;
        } else {
            return new UrlParts("", withUnreservedDecoded(url.substring(i)));
        }
        // special schemes: any number of slashes (even none) before the authority
        while (i < url.length() && url.charAt(i) == '/') {
            i++;
        }
        int end = authorityEnd(url, i);
        // userinfo ends at the authority's last '@'
        int at = url.indexOf('@', i);
        while (at >= 0 && at < end) {
            i = at + 1;
            at = url.indexOf('@', i);
        }
        int hostEnd;
        if (i < end && url.charAt(i) == '[') {
            int close = url.indexOf(']', i);
            hostEnd = close >= 0 && close < end ? close + 1 : end;
        } else {
            int port = url.indexOf(':', i);
            hostEnd = port >= 0 && port < end ? port : end;
        }
        // (no bound on the host as written: characters mapped to nothing, a soft hyphen, as many as one likes,
        // leave a name of the length looked up; found by a review, 2026-12-02, 800 of them hid www.facebook.com)
        String host = asciiHost(percentDecode(url.substring(i, hostEnd)).toLowerCase(Locale.ROOT));
        int dots = host.length();
        while (dots > 0 && host.charAt(dots - 1) == '.') {
            dots--;
        }
        host = host.substring(0, dots);
        if (host.length() > MAX_HOST) {
            return NONE;
        }
        String path = end < url.length() && url.charAt(end) == '/'
                ? withoutDotSegments(withUnreservedDecoded(url.substring(end))) : "/";
        return new UrlParts(host, path);
    }

    /**
     * A host with characters beyond ASCII as a browser's IDNA mapping (UTS #46) sees it before it looks the name up,
     * as far as rules can tell: characters mapped to nothing taken out (a soft hyphen, zero-width and invisible ones,
     * Hangul fillers, variation selectors), the full stops of other scripts made dots, NFKC's compatibility forms
     * (fullwidth letters) made ASCII, and so are the letters of newer Unicode versions than the JDK's that NFKC makes
     * ASCII, so that such a spelling is judged as the host fetched from. Labels that stay non-ASCII match no rule,
     * whose hosts are ASCII, either way; no exception is thrown for them, so hostile text costs no more than this.
     */
    private static String asciiHost(String host) {
        int k = 0;
        while (k < host.length() && host.charAt(k) < 0x80) {
            k++;
        }
        if (k == host.length()) {
            return host;
        }
        StringBuilder mapped = new StringBuilder(host.length());
        for (int i = 0; i < host.length(); ) {
            int c = host.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\u3002' || c == '\uFF61') {
                mapped.append('.');
            } else if (!mapsToNothing(c)) {
                appendNewerCompatibilityForm(mapped, c);
            }
        }
        return Normalizer.normalize(mapped, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * Characters UTS #46 maps to nothing, as Chromium 150 maps them (each tried by hand between two labels' letters:
     * it fetched from the host without it). Until 2026-11-30 only those of older versions of UTS #46 were taken out
     * here, and Chromium fetched a host of www.google, U+2062 (or U+3164, U+FFA0, U+180F, U+E0100...) and
     * tagmanager.com from www.googletagmanager.com (found by a review).
     * U+1806, which Chromium 150 keeps, is taken out too, as older versions did: failing closed.
     */
    private static boolean mapsToNothing(int c) {
        return c == 0x00AD || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5
                || c == 0x1806 || (c >= 0x180B && c <= 0x180F) || c == 0x200B || (c >= 0x2060 && c <= 0x2064)
                || (c >= 0x206A && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF
                || c == 0xFFA0 || (c >= 0x1BCA0 && c <= 0x1BCA3) || (c >= 0x1D173 && c <= 0x1D17A)
                || (c >= 0xE0100 && c <= 0xE01EF);
    }

    /**
     * {@code c}, or the ASCII letter or digit it is to UTS #46 where it came with a Unicode version newer than the
     * JDK's normalizer knows: the outlined letters and digits of Unicode 16 (U+1CCD6 to U+1CCF9) and the modifier
     * letters capital S, C, F, Q and small q (U+A7F1 to U+A7F4, U+107A5). Chromium 150 fetched
     * www., an outlined G (U+1CCDC) and oogletagmanager.com from www.googletagmanager.com; until 2026-11-30 that
     * host was judged as one past ASCII (found by a review).
     */
    private static void appendNewerCompatibilityForm(StringBuilder mapped, int c) {
        if (c >= 0x1CCD6 && c <= 0x1CCEF) {
            mapped.append((char) ('a' + c - 0x1CCD6));
        } else if (c >= 0x1CCF0 && c <= 0x1CCF9) {
            mapped.append((char) ('0' + c - 0x1CCF0));
        } else if (c >= 0xA7F1 && c <= 0xA7F4) {
            mapped.append("scfq".charAt(c - 0xA7F1));
        } else if (c == 0x107A5) {
            mapped.append('q');
        } else {
            mapped.appendCodePoint(c);
        }
    }

    /**
     * The path (before its query and fragment) with its percent-encoded unreserved characters (RFC 3986: letters,
     * digits, {@code -._~}) decoded. The URL means the same either way, and a server decodes them before it routes the
     * request, so a path rule narrowed to {@code /tr} must take {@code /%74r}, which Chromium sends as written; until
     * 2026-11-30 it did not (found by a review). Other escapes ({@code %2F}, {@code %3F}) stay: decoded, they would
     * change where the path's segments or its query begin.
     */
    static String withUnreservedDecoded(String path) {
        int percent = path.indexOf('%');
        if (percent < 0) {
            // the common case, without a copy
            return path;
        }
        int end = segmentsEnd(path);
        StringBuilder decoded = null;
        int copied = 0;
        for (int k = percent; k + 2 < end; k++) {
            if (path.charAt(k) != '%') {
                continue;
            }
            int hi = asciiHexDigit(path.charAt(k + 1));
            int lo = asciiHexDigit(path.charAt(k + 2));
            if (hi < 0 || lo < 0 || !isUnreserved((char) (hi * 16 + lo))) {
                continue;
            }
            if (decoded == null) {
                decoded = new StringBuilder(path.length());
            }
            decoded.append(path, copied, k).append((char) (hi * 16 + lo));
            copied = k + 3;
            k += 2;
        }
        return decoded == null ? path : decoded.append(path, copied, path.length()).toString();
    }

    /** Where a path's segments end: at its query, its fragment or its end. */
    private static int segmentsEnd(String path) {
        int end = path.length();
        int query = path.indexOf('?');
        int fragment = path.indexOf('#');
        if (query >= 0) {
            end = query;
        }
        return fragment >= 0 && fragment < end ? fragment : end;
    }

    /** The value of an ASCII hex digit, -1 for any other character (a fullwidth or Arabic-Indic digit too). */
    private static int asciiHexDigit(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    /**
     * The path with "." and ".." segments (also written {@code %2e}) resolved as the URL parser resolves them, so
     * that a path rule is matched against the path fetched; query and fragment untouched.
     */
    static String withoutDotSegments(String path) {
        if (path.indexOf("/.") < 0 && path.indexOf('%') < 0) {
            // the common case, without a copy
            return path;
        }
        int end = segmentsEnd(path);
        String segments = path.substring(0, end);
        if (segments.indexOf("/.") < 0 && segments.toLowerCase(Locale.ROOT).indexOf("%2e") < 0) {
            return path;
        }
        ArrayDeque<String> kept = new ArrayDeque<>();
        String[] parts = segments.substring(1).split("/", -1);
        for (int k = 0; k < parts.length; k++) {
            String decoded = parts[k].toLowerCase(Locale.ROOT).replace("%2e", ".");
            boolean last = k == parts.length - 1;
            if (decoded.equals("..")) {
                kept.pollLast();
                if (last) {
                    kept.add("");
                }
            } else if (decoded.equals(".")) {
                if (last) {
                    kept.add("");
                }
            } else {
                kept.add(parts[k]);
            }
        }
        return "/" + String.join("/", kept) + path.substring(end);
    }

    /**
     * {@code raw} from {@code from} on as one path on no host, read as a URL's (tabs and line breaks dropped,
     * backslashes made slashes, unreserved escapes decoded): where the rules with a path and no host are looked for
     * in text whose URLs may run to its end.
     */
    static UrlParts restAsPath(String raw, int from) {
        String rest = raw.substring(from);
        return new UrlParts("", withUnreservedDecoded(isClean(rest, 0) ? rest : clean(rest)));
    }

    /** The end of the run of slashes and backslashes at {@code from}. */
    static int slashRunEnd(String raw, int from) {
        int i = from;
        while (i < raw.length() && (raw.charAt(i) == '/' || raw.charAt(i) == '\\')) {
            i++;
        }
        return i;
    }

    /**
     * Where to stop reading the URL whose authority starts at {@code authorityStart} (past its slashes) to know its
     * host and the first {@code pathChars} characters of its path: its authority ends at the first '/', '\', '?' or
     * '#' (userinfo and all, however long: the host is its last part).
     */
    static int readingEnd(String raw, int authorityStart, int pathChars) {
        int i = authorityStart;
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '/' || c == '\\' || c == '?' || c == '#') {
                break;
            }
            i++;
        }
        return (int) Math.min(n, (long) i + pathChars);
    }

    /** A relative URL (not empty): it loads from the page's host, or its base's. */
    boolean isRelative() {
        return host.isEmpty() && !path.isEmpty();
    }

    /**
     * This relative URL resolved against {@code base} (which names a host), far enough to judge it: the base's host,
     * and its path joined as a browser joins them, dot segments taken out ({@code ../tr} under a base's {@code /x/}
     * is {@code /tr}, which Chromium 150 fetched from a base on www.facebook.com; until 2026-11-30 it was judged as
     * {@code /x/../tr}, which a rule narrowed to {@code /tr} did not match, found by a review).
     */
    UrlParts resolvedAgainst(UrlParts base) {
        return new UrlParts(base.host, withoutDotSegments(joinedPath(base)));
    }

    /** This relative URL's path joined to {@code base}'s as a browser joins them. */
    private String joinedPath(UrlParts base) {
        if (path.startsWith("/")) {
            return path;
        }
        String basePath = base.path;
        int query = basePath.indexOf('?');
        int fragment = basePath.indexOf('#');
        int end = query >= 0 && (fragment < 0 || query < fragment) ? query : fragment >= 0 ? fragment : basePath.length();
        String directory = basePath.substring(0, end);
        if (path.startsWith("?") || path.startsWith("#")) {
            return directory + path;
        }
        return directory.substring(0, directory.lastIndexOf('/') + 1) + path;
    }

    /**
     * Whether the raw attribute bytes {@code a[from, to)} are a relative URL written plainly: not empty, printable
     * ASCII only, without a character reference ('&'), a percent-encoding, a backslash, a colon or "//".
     * {@link #parse} reads such a URL, decoded, as no host and itself as the path, and no URL is carried inside it.
     */
    static boolean isPlainRelative(byte[] a, int from, int to) {
        if (from >= to) {
            return false;
        }
        byte previous = 0;
        for (int i = from; i < to; i++) {
            byte c = a[i];
            if (c <= ' ' || c >= 0x7f || c == '&' || c == '%' || c == '\\' || c == ':'
                    || c == '/' && previous == '/') {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Where the authority starting at {@code from} ends: the first '/', '?' or '#', or the string's end. */
    private static int authorityEnd(String url, int from) {
        int end = url.length();
        int slash = url.indexOf('/', from);
        if (slash >= 0) {
            end = slash;
        }
        int query = url.indexOf('?', from);
        if (query >= 0 && query < end) {
            end = query;
        }
        int fragment = url.indexOf('#', from);
        return fragment >= 0 && fragment < end ? fragment : end;
    }

    private static String clean(String raw) {
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

    /** Nothing to strip or replace from {@code from} on: the common case, without copying. */
    private static boolean isClean(String raw, int from) {
        int n = raw.length();
        if (n == from || raw.charAt(from) <= ' ' || raw.charAt(n - 1) <= ' ') {
            return n == from;
        }
        if (n - from > SHORT_URL) {
            // one vectorized search per character beats a loop over long values (data: URLs)
            return raw.indexOf('\t', from) < 0 && raw.indexOf('\n', from) < 0 && raw.indexOf('\r', from) < 0
                    && raw.indexOf('\\', from) < 0;
        }
        // four searches cost four calls, more than one pass over a URL of common length
        for (int i = from; i < n; i++) {
            char c = raw.charAt(i);
            if (c == '\\' || c <= '\r' && (c == '\t' || c == '\n' || c == '\r')) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code url[from, colon)} names a scheme whose URLs are fetched from a host. */
    static boolean isFetchScheme(String url, int from, int colon) {
        int len = colon - from;
        for (String scheme : FETCH_SCHEMES) {
            if (scheme.length() == len && url.regionMatches(true, from, scheme, 0, len)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The relative URL that {@code raw} is on a page of its own scheme, when it names http or https without the two
     * slashes (or backslashes) of an authority ({@code https:gtm.js}, {@code http:/matomo.php}, {@code https:\\x}):
     * the URL parser reads it relative to a base URL of the same scheme, the page's or its base element's (WHATWG
     * URL, "special relative or authority state"), and as a host only on a page of the other scheme. An empty rest
     * ({@code https:}) is the base URL itself, written {@code "#"}. Null for any other URL.
     */
    static String sameSchemeRelative(String raw) {
        String url = isClean(raw, 0) ? raw : clean(raw);
        int colon = schemeEnd(url, 0);
        if (colon < 0 || url.startsWith("//", colon + 1)
                || !(url.regionMatches(true, 0, "https", 0, colon) && colon == 5
                        || url.regionMatches(true, 0, "http", 0, colon) && colon == 4)) {
            return null;
        }
        String rest = url.substring(colon + 1);
        return rest.isEmpty() ? "#" : rest;
    }

    /**
     * Index of the {@code "//"} before the authority when {@code raw} writes it literally, at its very start or right
     * after a scheme that starts it ({@code "//host"}, {@code "https://host"}); -1 otherwise (slashes written as
     * backslashes or split by a tab, leading white space: the caller then reads every {@code "//"} of it).
     */
    static int literalAuthorityStart(String raw) {
        if (raw.startsWith("//")) {
            return 0;
        }
        int colon = schemeEnd(raw, 0);
        return colon > 0 && raw.startsWith("//", colon + 1) ? colon + 1 : -1;
    }

    /** The ':' ending the scheme that starts {@code url} at {@code from}, or -1 when none does. */
    static int schemeEnd(String url, int from) {
        if (from >= url.length() || !isAlpha(url.charAt(from))) {
            return -1;
        }
        for (int k = from + 1; k < url.length(); k++) {
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

    /** The host's percent-encoded bytes decoded as UTF-8, as the URL parser decodes a host. */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '%' && k + 2 < s.length()
                    && Character.digit(s.charAt(k + 1), 16) >= 0 && Character.digit(s.charAt(k + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(s.substring(k + 1, k + 3), 16));
                k += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
