package dev.consentgate.html;

import java.nio.charset.StandardCharsets;

/**
 * Finds the script URLs an inline script names: the {@code "https://host/path/tag.js"} or {@code "//host/tag.js"} an
 * async loader inserts, also with JSON-escaped slashes ({@code https:\/\/host\/tag.js}). A tag rule's host named
 * this way means the script loads that tag, whether or not a signature knows the loader's code. Only URLs whose path
 * ends in {@code .js}, {@code .mjs} or {@code /js} count: share links and links in page data name tracker hosts too,
 * without loading anything from them.
 *
 * <p>The state survives between calls, so a URL split across chunks is found as a whole. A candidate longer than
 * {@link #MAX_URL} bytes is given up.
 */
final class ScriptUrlMentions {

    /** Receives each script URL found, as {@code https://host/path}. */
    interface Found {
        /** @return true to stop searching */
        boolean onScriptUrl(String url);
    }

    static final int MAX_URL = 2048;

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

    private static final boolean[] HOST_BYTE = new boolean[256];
    private static final boolean[] PATH_END = new boolean[256];

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
        for (char c : "\"'`<>(){}|^,; \t\n\r\f".toCharArray()) {
            PATH_END[c] = true;
        }
        for (int c = 0; c < 0x20; c++) {
            PATH_END[c] = true;
        }
    }

    private int state = IDLE;
    /** The URL read so far, from its host on, with escaped slashes unescaped. */
    private final byte[] url = new byte[MAX_URL];
    private int length;

    /** Forget any URL in progress: a new script starts. */
    void reset() {
        state = IDLE;
        length = 0;
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
                st = SLASH;
                i++;
                continue;
            }
            byte c = a[i];
            switch (st) {
                case SLASH -> st = c == '/' ? startHost() : c == '\\' ? SLASH_BACKSLASH : IDLE;
                case SLASH_BACKSLASH -> st = c == '/' ? startHost() : IDLE;
                case HOST -> {
                    if (HOST_BYTE[c & 0xff]) {
                        st = append(c) ? HOST : IDLE;
                    } else if (c == ':') {
                        st = append(c) ? PORT : IDLE;
                    } else {
                        st = authorityEnd(c);
                    }
                }
                case PORT -> st = c >= '0' && c <= '9' ? (append(c) ? PORT : IDLE) : authorityEnd(c);
                case AUTHORITY_BACKSLASH -> st = c == '/' && append(c) ? PATH : IDLE;
                case PATH -> {
                    if (c == '\\') {
                        st = PATH_BACKSLASH;
                    } else if (PATH_END[c & 0xff]) {
                        st = IDLE;
                        if (isScript() && found.onScriptUrl(urlString())) {
                            state = IDLE;
                            return true;
                        }
                        // the byte that ended the URL may begin the next one
                        continue;
                    } else {
                        st = append(c) ? PATH : IDLE;
                    }
                }
                case PATH_BACKSLASH -> {
                    if (c == '/') {
                        st = append(c) ? PATH : IDLE;
                    } else {
                        // an escaped quote or another escape ends the string the URL was in
                        st = IDLE;
                        if (isScript() && found.onScriptUrl(urlString())) {
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
        return false;
    }

    /**
     * The script ended: a URL still being read ends with it.
     *
     * @return true when {@code found} asked to stop
     */
    boolean end(Found found) {
        boolean stop = (state == PATH || state == PATH_BACKSLASH) && isScript() && found.onScriptUrl(urlString());
        reset();
        return stop;
    }

    private int startHost() {
        length = 0;
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

    private boolean append(byte c) {
        if (length == MAX_URL) {
            return false;
        }
        url[length++] = c;
        return true;
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

    private String urlString() {
        return "https://" + new String(url, 0, length, StandardCharsets.ISO_8859_1);
    }
}
