package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.assertEachBlocked;
import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * An http(s) URL without the two slashes of an authority ({@code https:gtm.js}, {@code http:/matomo.php}) is a
 * relative URL on a page of the same scheme (WHATWG URL, "special relative or authority state"): Chromium 150, on an
 * http page, fetched {@code http:gtm.js} and {@code http:/gtm.js} from the host of a base element on
 * www.googletagmanager.com, and {@code http:matomo.js} from the page's own host (by hand, and
 * UrlReadingsReachNoTrackerE2ETest). On a page of the other scheme the same URL names a host, which is judged too.
 */
class SchemeWithoutAuthorityIsRelativeOnAPageOfThatSchemeTest {

    /**
     * Before (found by a review): such a URL was read only as a host ({@code gtm.js}), so neither the base's host nor
     * a rule with only a path (Matomo's {@code /matomo.js}, Google Tag Manager's own {@code /gtm.js}) was looked for
     * in it, and the script passed.
     */
    @Test
    void itIsJudgedAgainstThePagesBasesAndByPathOnlyRules() {
        assertEachBlocked(
                "<base href=\"https://www.googletagmanager.com/\"><script src=\"https:gtm.js?id=GTM-1\"></script>",
                "<base href=\"https://www.googletagmanager.com/a/\"><script src=\"https:/x.js\"></script>",
                "<base href=\"https://www.googletagmanager.com/\"><script src=\"HTTPS:\\x.js\"></script>",
                "<base href=\"https://www.googletagmanager.com/\"><script src=\"https:\"></script>",
                "<base href=\"https://www.facebook.com/\"><img src=\"http:tr?id=1\">",
                "<script src=\"https:matomo.js\"></script>",
                "<script src=\"http:/matomo.js\"></script>",
                "<img src=\"https:&#9;/matomo.php?idsite=1\">",
                "<script src=\"https:js/piwik.js\"></script>");
    }

    /** The host the other scheme reads is still judged, and the site's own such URLs pass. */
    @Test
    void theHostReadingStaysAndOwnUrlsPass() {
        assertEachBlocked("<img src=\"https:www.facebook.com/tr?id=1\">",
                "<script src=\"http:/www.googletagmanager.com/gtm.js?id=GTM-1\"></script>");
        String own = "<base href=\"https://www.example.com/\"><img src=\"https:logo.png\"><script src=\"http:app.js\">"
                + "</script>";
        assertEquals(own, rewrite(own));
        assertEquals("gtm.js", UrlParts.sameSchemeRelative("https:gtm.js"));
        assertEquals("/x", UrlParts.sameSchemeRelative(" Http:\\x"));
        assertEquals("#", UrlParts.sameSchemeRelative("https:"));
        assertNull(UrlParts.sameSchemeRelative("https://a.example/"));
        assertNull(UrlParts.sameSchemeRelative("https:\\\\a.example/"));
        assertNull(UrlParts.sameSchemeRelative("wss:a.example"));
        assertNull(UrlParts.sameSchemeRelative("mailto:a@b.example"));
        assertNull(UrlParts.sameSchemeRelative("/x"));
    }
}
