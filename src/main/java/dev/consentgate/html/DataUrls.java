package dev.consentgate.html;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The content of a {@code data:} URL (RFC 2397, as the WHATWG fetch standard reads it): script-delaying plugins
 * (LiteSpeed, WP Rocket, Perfmatters) move an inline script into {@code src="data:text/javascript;base64,..."},
 * where no tag host and no signature is readable until it is decoded.
 */
final class DataUrls {

    private DataUrls() {
    }

    /**
     * Whether the value, after leading white space, starts with the {@code data:} scheme (tabs and line breaks in it
     * aside: {@code da&#10;ta:} is one to Chromium too).
     */
    static boolean isDataUrl(String url) {
        // a script's or a frame's every URL is asked this, and most are long: only its first bytes are read
        return AttributeSyntax.afterScheme(url, SCHEME) >= 0;
    }

    private static final String SCHEME = "data:";

    /** Whether {@code url} is a {@code data:} URL whose content is base64 (RFC 2397) in any of its {@link #readings}. */
    static boolean isBase64(String url) {
        // every URL judged is asked this, and few are data: URLs: their readings are made only for those
        if (!isDataUrl(url)) {
            return false;
        }
        for (String reading : readings(url)) {
            int start = schemeStart(reading);
            if (start >= 0 && hasBase64Marker(reading, start, reading.indexOf(',', start))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The URL as each browser hands it to the Fetch Standard's data: URL processor, each to be read for its content:
     * without its fragment, which is no part of the data ({@code ;base64,...#top} is base64 up to the '#'); then, when
     * it has tabs or line breaks, the URL parser's reading too, which takes them out ({@code fb&#10;q(} is
     * {@code fbq(}: the URL Standard's, Firefox's and Safari's reading), where Chromium keeps them (150, by hand: in
     * its content, {@code 'x&#10;y'} is a string broken by a line end, and {@code ;base&#10;64} no base64 marker).
     */
    static List<String> readings(String url) {
        String written = withoutFragment(url);
        String parsed = withoutTabsOrLineBreaks(written);
        return parsed.equals(written) ? List.of(written) : List.of(written, parsed);
    }

    /** The value without its tabs and line breaks; the same string when it has none. */
    static String withoutTabsOrLineBreaks(String url) {
        if (url.indexOf('\t') < 0 && url.indexOf('\n') < 0 && url.indexOf('\r') < 0) {
            return url;
        }
        StringBuilder kept = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** The URL without its fragment (see {@link #readings}). */
    private static String withoutFragment(String url) {
        int fragment = url.indexOf('#');
        return fragment < 0 ? url : url.substring(0, fragment);
    }

    /** Where {@code data:} starts after leading white space, or -1 when the value is no data URL. */
    private static int schemeStart(String url) {
        int i = 0;
        while (i < url.length() && url.charAt(i) <= ' ') {
            i++;
        }
        return AttributeSyntax.asciiMatchesIgnoreCase(url, i, "data:") ? i : -1;
    }

    /**
     * Whether the media type before the comma ends in {@code ;base64} as the Fetch Standard reads it: white space
     * after the marker stripped, spaces allowed between ';' and "base64" ({@code text/javascript; base64}).
     */
    private static boolean hasBase64Marker(String url, int start, int comma) {
        int end = comma;
        while (end > start && url.charAt(end - 1) <= ' ') {
            end--;
        }
        if (end - 6 <= start || !AttributeSyntax.asciiMatchesIgnoreCase(url, end - 6, "base64")) {
            return false;
        }
        int i = end - 6;
        while (i > start && url.charAt(i - 1) == ' ') {
            i--;
        }
        return i > start && url.charAt(i - 1) == ';';
    }

    /**
     * The {@code charset} parameter of a data URL's media type, unquoted, trimmed and in lower case; "" when it has
     * none (its content is then read in the encoding of what reads it: the page's, for a script).
     */
    static String charsetLabel(String url) {
        url = withoutFragment(url);
        int start = schemeStart(url);
        int comma = start < 0 ? -1 : url.indexOf(',', start);
        if (comma < 0) {
            return "";
        }
        String[] parameters = url.substring(start + 5, comma).split(";");
        for (int k = 1; k < parameters.length; k++) {
            String parameter = parameters[k].strip();
            int eq = parameter.indexOf('=');
            if (eq > 0 && AttributeSyntax.asciiEqualsIgnoreCase(parameter.substring(0, eq).strip(), "charset")) {
                String value = parameter.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return MetaCharsetScan.asciiLower(value.strip());
            }
        }
        return "";
    }

    /**
     * Whether the data URL names a media type ({@code type/subtype} before its first ';' or ','): without one
     * ({@code data:,...}) its content is {@code text/plain;charset=US-ASCII}, which a browser decodes as
     * windows-1252.
     */
    static boolean hasMediaType(String url) {
        String type = writtenMediaType(withoutFragment(url));
        if (type == null) {
            return false;
        }
        int slash = type.indexOf('/');
        return slash > 0 && slash < type.length() - 1;
    }

    /** What a data URL has before its first ';' or ',' (its media type as written), stripped; null for no data URL. */
    private static String writtenMediaType(String url) {
        int start = schemeStart(url);
        if (start < 0) {
            return null;
        }
        int end = start + 5;
        while (end < url.length() && url.charAt(end) != ';' && url.charAt(end) != ',') {
            end++;
        }
        return url.substring(start + 5, end).strip();
    }

    /**
     * Whether a browser may apply the data URL's content as a stylesheet (imported, or linked): {@code text/css},
     * and failing closed {@code text/plain} or no type; not an image, a font or media, which CSS only draws or plays.
     */
    static boolean mayBeStylesheet(String url) {
        String written = writtenMediaType(withoutFragment(withoutTabsOrLineBreaks(url)));
        if (written == null) {
            return false;
        }
        String type = MetaCharsetScan.asciiLower(written);
        return type.isEmpty() || type.equals("text/css") || type.equals("text/plain");
    }

    /**
     * Whether a frame may read the data URL's content as a document that runs or loads something: any media type but
     * one Chromium shows as text or media (a JavaScript type, {@code text/plain} or none, {@code text/css}, an image
     * other than SVG, audio, video, a font). Failing closed, an unknown type counts.
     */
    static boolean mayBeMarkupToAFrame(String url) {
        String written = writtenMediaType(withoutFragment(withoutTabsOrLineBreaks(url)));
        if (written == null) {
            return false;
        }
        String type = MetaCharsetScan.asciiLower(written);
        boolean shownAsTextOrMedia = type.isEmpty() || type.equals("text/plain") || type.equals("text/css")
                || type.contains("javascript") || type.contains("ecmascript")
                || type.startsWith("image/") && !type.equals("image/svg+xml")
                || type.startsWith("audio/") || type.startsWith("video/") || type.startsWith("font/");
        return !shownAsTextOrMedia;
    }

    /**
     * The body of a data URL (without its fragment; each of its {@link #readings} has its own), percent-decoded and,
     * when its type says base64, base64-decoded (white space ignored, as browsers do); at most {@code limit} bytes of
     * it. Null when it is not a data URL or its base64 is broken, which a browser would not run either.
     */
    static byte[] body(String url, int limit) {
        url = withoutFragment(url);
        int start = schemeStart(url);
        int comma = start < 0 ? -1 : url.indexOf(',', start);
        if (comma < 0) {
            return null;
        }
        boolean base64 = hasBase64Marker(url, start, comma);
        // base64 grows data by 4/3: read enough of the URL for the limit
        int budget = base64 ? (int) Math.min(Integer.MAX_VALUE - 8, (long) limit * 4 / 3 + 4) : limit;
        byte[] raw = percentDecoded(url, comma + 1, budget);
        if (!base64) {
            return raw;
        }
        int kept = 0;
        byte[] compact = new byte[raw.length];
        for (byte b : raw) {
            if (b > ' ') {
                compact[kept++] = b;
            }
        }
        while (kept > 0 && compact[kept - 1] == '=') {
            kept--;
        }
        // cut at the budget: whole 4-byte groups only; complete: a lone sixth bit group is broken base64
        int usable = raw.length >= budget ? kept - kept % 4 : kept;
        if (usable % 4 == 1) {
            return null;
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(Arrays.copyOf(compact, usable));
            return decoded.length > limit ? Arrays.copyOf(decoded, limit) : decoded;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * {@code %XX} escapes decoded and other characters as UTF-8, from {@code from} on, up to {@code budget} bytes (as
     * a javascript: URL's code is decoded too).
     */
    static byte[] percentDecoded(String url, int from, int budget) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(url.length() - from, budget));
        for (int i = from; i < url.length() && out.size() < budget; i++) {
            char c = url.charAt(i);
            int hi;
            int lo;
            if (c == '%' && i + 2 < url.length() && (hi = Character.digit(url.charAt(i + 1), 16)) >= 0
                    && (lo = Character.digit(url.charAt(i + 2), 16)) >= 0) {
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                int codePoint = url.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        byte[] bytes = out.toByteArray();
        return bytes.length > budget ? Arrays.copyOf(bytes, budget) : bytes;
    }
}
