package dev.consentgate.html;

/**
 * The code of a {@code javascript:} URL: a frame whose address is one runs it in the frame, with the page's origin
 * ({@code <iframe src="javascript:...">}, Chromium 150 by hand), so it is judged as a script's code. The code is what
 * HTML runs for it: the URL as the URL parser leaves it (tabs and line breaks taken out, which Chromium does here
 * too; the fragment kept, as part of the code) after the scheme, percent-decoded, in UTF-8.
 */
final class JavascriptUrls {

    private static final String SCHEME = "javascript:";

    private JavascriptUrls() {
    }

    /** Whether the value, after leading white space, is a javascript: URL (tabs and line breaks in its scheme aside). */
    static boolean isJavascriptUrl(String url) {
        return codeStart(url) >= 0;
    }

    /** The URL's code, at most {@code limit} bytes of it; null when it is no javascript: URL. */
    static byte[] code(String url, int limit) {
        int start = codeStart(url);
        return start < 0 ? null
                : DataUrls.percentDecoded(DataUrls.withoutTabsOrLineBreaks(url.substring(start)), 0, limit);
    }

    /**
     * Where the code starts after the scheme (leading white space, and tabs and line breaks in the scheme, aside), or
     * -1 when the value is no javascript: URL: only the first bytes are looked at.
     */
    private static int codeStart(String url) {
        int i = 0;
        while (i < url.length() && url.charAt(i) <= ' ') {
            i++;
        }
        int matched = 0;
        for (; i < url.length() && matched < SCHEME.length(); i++) {
            char c = url.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != SCHEME.charAt(matched)) {
                return -1;
            }
            matched++;
        }
        return matched == SCHEME.length() ? i : -1;
    }
}
