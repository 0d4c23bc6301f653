package dev.consentgate.html;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The URLs naming no host in links' pings (and attributionsrc) that passed before the document's base: a browser
 * reads a ping against the document's base as the visitor follows the link, not as the link comes, so a base after
 * the link makes such a URL its host's (Chromium 150 pinged the stand-in www.facebook.com from {@code ping="/tr"} before a
 * {@code <base href="https://www.facebook.com/">}). They are judged again against that base when it comes.
 */
final class PingsBeforeBase {

    /** Enough for any real page; past it the URLs are not kept, and a base naming a host after them goes. */
    private static final int MAX_CHARS = 16 * 1024;

    private final Set<String> urls = new LinkedHashSet<>();
    private int chars;
    private boolean overflowed;

    /** A passing ping's value, read before the document's base. */
    void ping(String value) {
        for (String url : AttributeSyntax.tokens(value)) {
            if (!UrlParts.parse(url).host().isEmpty() || urls.contains(url)) {
                continue;
            }
            if (chars + url.length() > MAX_CHARS) {
                overflowed = true;
                return;
            }
            chars += url.length();
            urls.add(url);
        }
    }

    /** The URLs kept, in page order. */
    Set<String> urls() {
        return urls;
    }

    /** Whether some were not kept, too many for the limit: what they ping under a base is unknown. */
    boolean overflowed() {
        return overflowed;
    }
}
