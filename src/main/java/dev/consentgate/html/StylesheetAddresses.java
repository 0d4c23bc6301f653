package dev.consentgate.html;

/**
 * The verdict on an address written in a stylesheet the site serves: an import's as an imported stylesheet's, any
 * other as an image's, a relative one against the stylesheet's own directory.
 */
final class StylesheetAddresses {

    private final UrlJudge urls;
    /** The directory of the stylesheet's path, which its relative addresses start from ({@code /css/}). */
    private final String directory;

    /** {@code path}: the stylesheet's path on the site. */
    StylesheetAddresses(UrlJudge urls, String path) {
        this.urls = urls;
        int slash = path.lastIndexOf('/');
        this.directory = slash < 0 ? "/" : path.substring(0, slash + 1);
    }

    /** What blocks {@code url}, or null when nothing does. */
    ElementJudge.Verdict verdict(String url, boolean imported) {
        String address = fromStylesheet(url);
        return imported ? urls.imported(address) : urls.url(address, ElementKind.PIXEL);
    }

    /** Whether {@code url} is a data: URL as a URL parser reads it (tabs, line breaks and leading spaces dropped). */
    static boolean isDataUrl(String url) {
        StringBuilder plain = new StringBuilder(5);
        for (int i = 0; i < url.length() && plain.length() < 5; i++) {
            char c = url.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r' && (plain.length() > 0 || c > ' ')) {
                plain.append(c);
            }
        }
        return plain.toString().equalsIgnoreCase("data:");
    }

    /**
     * A relative path as the stylesheet's directory gives it ({@code ../px.gif} in /css/site.css: {@code
     * /css/../px.gif}, whose rules' paths are looked for at each '/'); any other address as it is. Judged so, it
     * stays a URL on the site that the judge's cache remembers, where a base would have each resolved anew.
     */
    private String fromStylesheet(String url) {
        // a browser's URL parser drops tabs and line breaks, and leading spaces or controls
        String plain = withoutTabsOrLineBreaks(url).stripLeading();
        if (plain.isEmpty() || plain.charAt(0) == '/' || plain.charAt(0) == '\\' || plain.charAt(0) == '?'
                || plain.charAt(0) == '#' || plain.charAt(0) <= ' ' || startsWithScheme(plain)) {
            return url;
        }
        return directory + plain;
    }

    private static String withoutTabsOrLineBreaks(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                return url.replace("\t", "").replace("\n", "").replace("\r", "");
            }
        }
        return url;
    }

    /** Whether {@code url} starts with a scheme and its colon ({@code [A-Za-z][A-Za-z0-9+.-]*:}). */
    private static boolean startsWithScheme(String url) {
        if (!isAsciiLetter(url.charAt(0))) {
            return false;
        }
        for (int i = 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return true;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
                return false;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
