package dev.consentgate.html;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the URLs an inline script loads. A script URL anywhere: the {@code "https://host/path/tag.js"} or
 * {@code "//host/tag.js"} an async loader inserts, also with JSON-escaped slashes ({@code https:\/\/host\/tag.js}),
 * its host after any number of slashes or backslashes, as the URL parser reads an http(s) URL ({@code "https:/host"},
 * {@code "////host"}), and the scheme-less {@code 'host/tag.js'} that older loaders append to a protocol chosen at run
 * time; a script URL is one whose path ends in {@code .js}, {@code .mjs} or {@code /js}. And any URL a src is set to:
 * a pixel's
 * {@code img.src = "..."}, the {@code src="..."} of a tag written with {@code document.write}, a created frame's
 * {@code setAttribute("src", "...")}. A string that starts with a path ({@code '/js/utag.js'}) is a URL on the page's
 * own host, reported without one, for the rules with only a path. A tag rule's host named this way means the script
 * loads that tag, whether or not a signature knows the loader's code. Every other absolute URL is reported apart, as
 * only named: a beacon endpoint the script posts to counts, but share links and links in page data name tracker
 * hosts too without loading anything, so the caller decides which rules such a URL may match.
 *
 * <p>The state survives between calls, so a URL split across chunks is found as a whole. A URL longer than
 * {@link #MAX_URL} bytes is reported as far as that, when the limit falls in its path; any other candidate that long
 * is given up.
 */
final class ScriptUrlMentions {

    /** Receives each URL the script loads or names, as {@code https://host/path}. */
    interface Found {
        /** @return true to stop searching */
        boolean onLoadedUrl(String url);

        /**
         * An absolute URL the script names without loading it (an endpoint it sends data to, a tracker's address in
         * its settings, a link).
         *
         * @return true to stop searching
         */
        default boolean onNamedUrl(String url) {
            return false;
        }
    }

    static final int MAX_URL = 2048;
    /** The longest host name (RFC 1035). */
    private static final int MAX_HOST = 253;

    private static final int IDLE = 0;
    /** After a '/': a second one, or "\/", starts a URL's authority. */
    private static final int SLASH = 1;
    /** After "/\": a '/' starts the authority. */
    private static final int SLASH_BACKSLASH = 2;
    private static final int HOST = 3;
    private static final int PORT = 4;
    private static final int PATH = 5;
    /** In the path after a '\': a '/' continues it (an escaped slash), anything else ends it. */
    private static final int PATH_BACKSLASH = 6;
    /** In the host or port after a '\': a '/' starts the path. */
    private static final int AUTHORITY_BACKSLASH = 7;
    /** After a quote and a '/': a second '/' starts an authority, anything else a path on the page's own host. */
    private static final int QUOTED_SLASH = 8;
    /**
     * In what read as a host or port but is a URL's user info ("https://x@host", "https://u:p@host"): its '@' starts
     * the host again; a byte that ends an authority ends the candidate. Chromium fetches a module or a dynamic import
     * with user info from the host after it (found by a review: the host was given up at the '@').
     */
    private static final int USERINFO = 9;

    /**
     * The bytes kept from the last call, to look back as far as a whole call would: a scheme-less host before its
     * first '/', its quote and escape, then an assignment's '=' or a setAttribute's comma, spaces, quote and "src".
     */
    private static final int TAIL = MAX_HOST + 2 + SrcAssignments.LOOKBACK;

    private static final boolean[] HOST_BYTE = new boolean[256];
    private static final boolean[] PATH_END = new boolean[256];
    /** Bytes the path state acts on: those that end a path, and the backslash of an escape. */
    private static final boolean[] PATH_STOP = new boolean[256];

    static {
        for (int c = 'a'; c <= 'z'; c++) {
            HOST_BYTE[c] = true;
            HOST_BYTE[c - 32] = true;
        }
        for (int c = '0'; c <= '9'; c++) {
            HOST_BYTE[c] = true;
        }
        HOST_BYTE['.'] = true;
        HOST_BYTE['-'] = true;
        // a percent-encoded host ("www.googletagmanager%2Ecom"): browsers decode it, and so does UrlParts
        HOST_BYTE['%'] = true;
        // the UTF-8 bytes of characters a browser maps into a host name ("googletagmanager。com", fullwidth
        // letters, a soft hyphen): read as part of the host, which UrlParts maps as the browser does
        for (int c = 0x80; c <= 0xff; c++) {
            HOST_BYTE[c] = true;
        }
        for (char c : "\"'`<>(){}|^,; \t\n\r\f".toCharArray()) {
            PATH_END[c] = true;
        }
        for (int c = 0; c < 0x20; c++) {
            PATH_END[c] = true;
        }
        System.arraycopy(PATH_END, 0, PATH_STOP, 0, 256);
        PATH_STOP['\\'] = true;
    }

    private int state = IDLE;
    /** The URL read so far, from its host on, with escaped slashes unescaped; grown as needed up to MAX_URL. */
    private byte[] url = new byte[64];
    private int length;
    /** The URL being read is the value a src is set to: loaded whatever its path. */
    private boolean assigned;
    /** The URL being read is a path on the page's own host ({@code '/js/tag.js'}): kept without a host. */
    private boolean relative;
    /** This call's bytes and the last of the previous calls', for a host that starts before the chunk of its '/'. */
    private final ScriptBytesBehind behind = new ScriptBytesBehind(TAIL);
    /**
     * The encodings a browser may read the script's bytes, and so its strings, in: the page's, or for a page that
     * declares none each one its detector may choose (see {@link ValueReadings}); a URL with a byte past ASCII is
     * reported in each.
     */
    private final List<Charset> readings;
    /**
     * The rules' hosts and paths are all ASCII: a URL whose bytes past ASCII are all in its path is then judged alike
     * in every reading, and read in one (see {@link ValueReadings#pastAsciiOnlyInPath}).
     */
    private final boolean asciiRules;

    /** A script in UTF-8 (a data: URL's, a srcdoc's). */
    ScriptUrlMentions() {
        this(StandardCharsets.UTF_8);
    }

    /** A script of a page in {@code encoding}. */
    ScriptUrlMentions(Charset encoding) {
        this(ValueReadings.of(encoding), false);
    }

    /** A script of a page in {@code encoding}, judged by rules whose hosts and paths are ASCII when {@code asciiRules}. */
    ScriptUrlMentions(Charset encoding, boolean asciiRules) {
        this(ValueReadings.of(encoding), asciiRules);
    }

    /** A script a browser may read in any of {@code readings}. */
    ScriptUrlMentions(List<Charset> readings) {
        this(readings, false);
    }

    private ScriptUrlMentions(List<Charset> readings, boolean asciiRules) {
        this.readings = readings;
        this.asciiRules = asciiRules;
    }

    /** Forget any URL in progress: a new script starts. */
    void reset() {
        state = IDLE;
        length = 0;
        relative = false;
        behind.reset();
    }

    /**
     * Reads {@code a[from, to)}.
     *
     * @return true when {@code found} asked to stop
     */
    boolean scan(byte[] a, int from, int to, Found found) {
        int st = state;
        int i = from;
        while (i < to) {
            if (st == IDLE) {
                i = ByteScan.indexOf(a, i, to, (byte) '/');
                if (i == to) {
                    break;
                }
                // a quoted host just before the slash starts a scheme-less URL; after "http:" or "https:" one slash
                // starts the authority as two do; else the slash may start "//", and after a quote it may start a
                // path on the page's own host
                st = quotedHostBefore(a, from, i) && append((byte) '/') ? PATH
                        : webSchemeBefore(a, from, i) ? startHost(a, from, i)
                        : quoteBefore(a, from, i) ? QUOTED_SLASH : SLASH;
                i++;
                continue;
            }
            byte c = a[i];
            switch (st) {
                case SLASH -> st = c == '/' ? startHost(a, from, i - 1) : c == '\\' ? SLASH_BACKSLASH : IDLE;
                case SLASH_BACKSLASH -> st = c == '/' ? startHost(a, from, i - 2) : IDLE;
                case QUOTED_SLASH -> {
                    if (c == '/') {
                        st = startHost(a, from, i - 1);
                    } else if (c == '\\') {
                        st = SLASH_BACKSLASH;
                    } else if (PATH_END[c & 0xff]) {
                        st = IDLE;
                    } else {
                        // a path: read from this byte on by the path state
                        st = startRelativePath(a, from, i - 1);
                        continue;
                    }
                }
                case HOST -> {
                    if (length == 0 && (c == '/' || c == '\\')) {
                        // more slashes before the host ("https:///host", "////host"): a browser skips them all in an
                        // http(s) URL, as in one relative to an http(s) page
                        i++;
                        continue;
                    }
                    if (length > 0 && (c == '\t' || c == '\n' || c == '\r')) {
                        // a line break in a template literal's host, which the URL parser drops (no other string
                        // holds one, and a comment's URL loads nothing)
                        i++;
                        continue;
                    }
                    if (HOST_BYTE[c & 0xff] || isSecondByte(c) && length > 0 && url[length - 1] < 0) {
                        // the whole run of host bytes at once
                        int end = i + 1;
                        while (end < to && (HOST_BYTE[a[end] & 0xff] || isSecondByte(a[end]) && a[end - 1] < 0)) {
                            end++;
                        }
                        int over = appendRun(a, i, end);
                        st = over < 0 ? HOST : IDLE;
                        i = over < 0 ? end : over + 1;
                        continue;
                    } else if (c == ':') {
                        st = append(c) ? PORT : IDLE;
                    } else if ((c == '?' || c == '#') && isHost()) {
                        // a query or fragment right after the host ("https://www.google-analytics.com?v=1"): the
                        // browser loads the root path with it
                        st = append((byte) '/') ? PATH : IDLE;
                        continue;
                    } else if (PATH_END[c & 0xff]) {
                        // a URL that is only scheme and host ("https://www.googletagmanager.com")
                        st = IDLE;
                        if (isHost() && append((byte) '/') && report(found)) {
                            state = IDLE;
                            return true;
                        }
                        continue;
                    } else if (c == '@') {
                        st = HOST;
                        length = 0;
                    } else {
                        st = c == '/' || c == '\\' ? authorityEnd(c) : USERINFO;
                    }
                }
                case USERINFO -> {
                    if (c == '@') {
                        st = HOST;
                        length = 0;
                    } else if (c == '/' || c == '\\' || c == '?' || c == '#' || PATH_END[c & 0xff]) {
                        st = IDLE;
                    }
                }
                case PORT -> {
                    if (c >= '0' && c <= '9') {
                        st = append(c) ? PORT : IDLE;
                    } else if (c == '?' || c == '#') {
                        // a query or fragment right after the port: the browser loads the root path with it
                        st = append((byte) '/') ? PATH : IDLE;
                        continue;
                    } else if (c == '@') {
                        // "https://user:@host": what came before was user info
                        st = HOST;
                        length = 0;
                    } else {
                        st = c == '/' || c == '\\' || PATH_END[c & 0xff] ? authorityEnd(c) : USERINFO;
                    }
                }
                case AUTHORITY_BACKSLASH -> st = c == '/' && append(c) ? PATH : IDLE;
                case PATH -> {
                    if (c == '\\') {
                        st = PATH_BACKSLASH;
                    } else if (PATH_END[c & 0xff]) {
                        st = IDLE;
                        if (report(found)) {
                            state = IDLE;
                            return true;
                        }
                        // the byte that ended the URL may begin the next one
                        continue;
                    } else {
                        int end = i + 1;
                        while (end < to && !PATH_STOP[a[end] & 0xff]) {
                            end++;
                        }
                        int over = appendRun(a, i, end);
                        st = over < 0 ? PATH : IDLE;
                        i = over < 0 ? end : over + 1;
                        if (over >= 0 && reportCut(found)) {
                            state = IDLE;
                            return true;
                        }
                        continue;
                    }
                }
                case PATH_BACKSLASH -> {
                    if (c == '/') {
                        st = append(c) ? PATH : IDLE;
                        if (st == IDLE && reportCut(found)) {
                            state = IDLE;
                            return true;
                        }
                    } else {
                        // an escaped quote or another escape ends the string the URL was in
                        st = IDLE;
                        if (report(found)) {
                            state = IDLE;
                            return true;
                        }
                        continue;
                    }
                }
                default -> throw new IllegalStateException("state " + st);
            }
            i++;
        }
        state = st;
        behind.keep(a, from, to);
        return false;
    }

    /**
     * Whether a quote, then a host name with a dot, then (an escaping backslash and) the slash at {@code a[slash]}
     * come in that order; the host, without leading dots, is then the start of the URL.
     */
    private boolean quotedHostBefore(byte[] a, int from, int slash) {
        int k = slash - 1;
        if (behind.at(a, from, k) == '\\') {
            k--;
        }
        int end = k + 1;
        boolean dot = false;
        int c;
        while ((c = behind.at(a, from, k)) >= 0 && HOST_BYTE[c] && end - k <= MAX_HOST) {
            dot |= c == '.';
            k--;
        }
        // "https:host/tr" too: a browser reads it so on a page of the other scheme (an http: image on an https:
        // page is loaded upgraded)
        boolean quoteOrScheme = c == '"' || c == '\'' || c == '`' || c == ':' && webSchemeBefore(a, from, k + 1);
        if (!dot || !quoteOrScheme || end - k - 1 == 0) {
            return false;
        }
        // a host that starts with a dot is the rest of one built by concatenation ("sb" + ".scorecardresearch.com")
        int start = k + 1;
        while (start < end && behind.at(a, from, start) == '.') {
            start++;
        }
        if (start == end || behind.at(a, from, start) == '-') {
            return false;
        }
        length = 0;
        relative = false;
        for (int n = start; n < end; n++) {
            append((byte) behind.at(a, from, n));
        }
        assigned = SrcAssignments.loads(behind, a, from, k - 1);
        return true;
    }

    /**
     * Whether "http:" or "https:" (any case) comes just before the slash at {@code a[slash]}: the URL parser starts
     * the authority of such a URL after any number of slashes and backslashes, one included ("https:/host").
     */
    private boolean webSchemeBefore(byte[] a, int from, int slash) {
        if (behind.at(a, from, slash - 1) != ':') {
            return false;
        }
        int k = slash - 2;
        if ((behind.at(a, from, k) | 0x20) == 's') {
            k--;
        }
        return (behind.at(a, from, k) | 0x20) == 'p' && (behind.at(a, from, k - 1) | 0x20) == 't'
                && (behind.at(a, from, k - 2) | 0x20) == 't' && (behind.at(a, from, k - 3) | 0x20) == 'h';
    }

    /** Whether a quote, or a quote and an escaping backslash, comes just before the slash at {@code a[slash]}. */
    private boolean quoteBefore(byte[] a, int from, int slash) {
        int c = behind.at(a, from, slash - 1);
        if (c == '\\') {
            c = behind.at(a, from, slash - 2);
        }
        return c == '"' || c == '\'' || c == '`';
    }

    /**
     * A string starts with the slash at {@code a[slash]} and not "//": a path on the page's own host, which the
     * rules with only a path judge (a tracker the site serves itself, loaded by {@code s.src = '/js/utag.js'}).
     */
    private int startRelativePath(byte[] a, int from, int slash) {
        int quote = behind.at(a, from, slash - 1) == '\\' ? slash - 2 : slash - 1;
        length = 0;
        relative = true;
        assigned = SrcAssignments.loads(behind, a, from, quote - 1);
        append((byte) '/');
        return PATH;
    }

    /**
     * The script ended: a URL still being read ends with it.
     *
     * @return true when {@code found} asked to stop
     */
    boolean end(Found found) {
        boolean stop = (state == PATH || state == PATH_BACKSLASH) && report(found)
                || state == HOST && isHost() && append((byte) '/') && report(found);
        reset();
        return stop;
    }

    /** "//" starts an authority; the URL is loaded when a src is set to it. */
    private int startHost(byte[] a, int from, int firstSlash) {
        length = 0;
        relative = false;
        assigned = SrcAssignments.loads(behind, a, from, firstSlash - 1);
        return HOST;
    }

    /** A byte that is not part of the host or port: only a slash (plain or escaped) goes on to a path. */
    private int authorityEnd(byte c) {
        if (length == 0 || url[0] == '.' || url[0] == '-') {
            return IDLE;
        }
        if (c == '/') {
            return append(c) ? PATH : IDLE;
        }
        return c == '\\' ? AUTHORITY_BACKSLASH : IDLE;
    }

    /**
     * Appends {@code a[from, to)} as far as the limit allows: -1 when all of it fit, else the index of the first
     * byte that did not (where the candidate is given up, exactly as byte by byte).
     */
    private int appendRun(byte[] a, int from, int to) {
        int n = Math.min(to - from, MAX_URL - length);
        room(length + n);
        System.arraycopy(a, from, url, length, n);
        length += n;
        return from + n == to ? -1 : from + n;
    }

    private boolean append(byte c) {
        if (length == MAX_URL) {
            return false;
        }
        room(length + 1);
        url[length++] = c;
        return true;
    }

    private void room(int needed) {
        if (needed > url.length) {
            url = Arrays.copyOf(url, Math.min(MAX_URL, Math.max(needed, 2 * url.length)));
        }
    }

    /** Reports the URL read, as loaded or as named (a path on the page's own host counts only when loaded). */
    private boolean report(Found found) {
        if (!loads() && relative) {
            return false;
        }
        // a path on the page's own host, or past its host: read alike in each reading when only paths are past ASCII
        boolean readAlike = ValueReadings.isAscii(url, 0, length)
                || asciiRules && (relative || ValueReadings.pastAsciiOnlyAfterAuthority(url, 0, length));
        int n = readAlike ? 1 : readings.size();
        for (int k = 0; k < n; k++) {
            String read = urlString(readings.get(k));
            if (loads() ? found.onLoadedUrl(read) : found.onNamedUrl(read)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reports a URL the limit cut in its path as far as it was read: its host is known, and a browser loads a longer
     * URL as well (a pixel's query of 3 KB). Cut before its query, its path may still end in a script's name, so it
     * counts as loaded. A path on the page's own host is given up: a long string starting with a slash is more
     * often data (base64 starts "/9j/") than a URL, and the rules with only a path name short ones.
     */
    private boolean reportCut(Found found) {
        if (relative) {
            return false;
        }
        assigned |= indexOf((byte) '?') < 0 && indexOf((byte) '#') < 0;
        return report(found);
    }

    private int indexOf(byte b) {
        for (int k = 0; k < length; k++) {
            if (url[k] == b) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Whether {@code c}, right after a byte past ASCII, may be the second byte of a Shift_JIS, GBK or Big5 character,
     * and so part of the host: in Shift_JIS 'Ａ' is 0x82 0x60 ("`") and '－' 0x81 0x7C ("|"), which a browser maps
     * to ASCII in a host. A '\\' still ends it (an escaped slash); the letters are host bytes anyway. Read where
     * the byte is ASCII, the host then holds a character no rule's host has, as it does to a browser (or its URL
     * fails there).
     */
    private static boolean isSecondByte(byte c) {
        return c > '@' && c <= '~' && c != '\\';
    }

    /** Whether the authority read is a host name with a dot, not the rest of one built by concatenation. */
    private boolean isHost() {
        if (length == 0 || url[0] == '.' || url[0] == '-') {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (url[k] == '.') {
                return true;
            }
        }
        return false;
    }

    /** Whether the script loads the URL read: a src is set to it, or it names a script. */
    private boolean loads() {
        return assigned || isScript();
    }

    /** Whether the path, without query or fragment, names a script: it ends in .js, .mjs or /js. */
    private boolean isScript() {
        int end = length;
        for (int k = 0; k < length; k++) {
            if (url[k] == '?' || url[k] == '#') {
                end = k;
                break;
            }
        }
        return endsWith(end, ".js") || endsWith(end, ".mjs") || endsWith(end, "/js");
    }

    private boolean endsWith(int end, String suffix) {
        int n = suffix.length();
        if (end < n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if ((url[end - n + k] | 0x20) != (suffix.charAt(k) | 0x20)) {
                return false;
            }
        }
        return true;
    }

    /** The URL read: {@code https://host/path}, or {@code /path} for a path on the page's own host. */
    private String urlString(Charset encoding) {
        String read = ValueReadings.read(url, 0, length, encoding);
        return relative ? read : "https://" + read;
    }
}
