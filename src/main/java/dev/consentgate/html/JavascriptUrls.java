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

    /** Where the code starts after the scheme, or -1 when the value is no javascript: URL. */
    private static int codeStart(String url) {
        return AttributeSyntax.afterScheme(url, SCHEME);
    }
}
