package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.testing.FixedUpstreamBehindGateway;
import dev.consentgate.testing.RawClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Chromium fetches on its own for speculation rules, besides what a page's inline rules name (see
 * SpeculationRulesReachNoTrackerE2ETest, Chromium 150): each rule set a {@code Speculation-Rules} header names, as
 * soon as it reads the head, then what that rule set names, and the target of a first-party URL it prefetches or prerenders that redirects
 * elsewhere, which it follows before the visitor chose to go anywhere.
 */
class SpeculativeFetchesReachNoTrackerIntegrationTest {

    private static final String EVERYTHING = "cg_consent=2025-12-16:analytics+advertising+functionality";

    private static RawClient.Response get(String response, String requestHeaders) throws Exception {
        return FixedUpstreamBehindGateway.response(response,
                "GET /out HTTP/1.1\r\nHost: shop.test\r\n" + requestHeaders + "\r\n");
    }

    private static RawClient.Response page(String speculationRules, String cookie) throws Exception {
        String body = "<html><body><p>page</p></body></html>";
        return get("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nSpeculation-Rules: " + speculationRules + "\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body,
                cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n");
    }

    private static RawClient.Response redirect(String location, String requestHeaders) throws Exception {
        return get("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n", requestHeaders);
    }

    @Test
    void aRuleSetOnATrackersHostIsTakenOutOfTheHeader() throws Exception {
        // Before (found by a review): the header passed, and Chromium requested the rule set from the tracker's
        // host (www.youtube.com, not granted) as soon as it read the page's head.
        assertEquals(List.of(), page("\"https://www.youtube.com/embed/rules.json\"", "").headers("speculation-rules"));
        assertEquals(List.of("\"/rules.json\";x=1"), page("\"/rules.json\";x=1, \"https://www.googletagmanager.com"
                + "/r.json\"", "").headers("speculation-rules"));
        // Before (found by a review): a value Chromium ignores passed, though a browser might read part of it.
        assertEquals(List.of(), page("/rules.json", "").headers("speculation-rules"));
    }

    @Test
    void theSitesOwnRuleSetsPass() throws Exception {
        assertEquals(List.of("\"/rules.json\", \"/more.json\""), page("\"/rules.json\", \"/more.json\"", "")
                .headers("speculation-rules"));
        assertEquals(List.of("\"https://www.youtube.com/embed/rules.json\""),
                page("\"https://www.youtube.com/embed/rules.json\"", EVERYTHING).headers("speculation-rules"));
    }

    private static RawClient.Response ruleSet(String json) throws Exception {
        byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return get("HTTP/1.1 200 OK\r\nContent-Type: application/speculationrules+json\r\nContent-Length: "
                + body.length + "\r\n\r\n" + json, "");
    }

    @Test
    void aFirstPartyRuleSetIsJudgedAsAPagesRuleSetIs() throws Exception {
        // Before (found by a review): the site's own /rules.json, which a Speculation-Rules header named, passed
        // as it came, and Chromium prefetched the tracker's URL in it (www.youtube.com/embed/, not granted).
        assertEquals("{}", ruleSet("{\"prefetch\":[{\"urls\":[\"/a\",\"https://www.youtub\\u0065.com/embed/x\"]}]}")
                .bodyText());
        assertEquals("{}", ruleSet("{\"prefetch\":[{\"where\":{\"selector_matches\":\"a\"}}]}").bodyText());
        String own = "{\"prefetch\":[{\"where\":{\"href_matches\":\"/*\"},\"eagerness\":\"moderate\"}]}";
        RawClient.Response kept = ruleSet(own);
        assertEquals(own, kept.bodyText());
        assertEquals(List.of("Cookie, Sec-GPC"), kept.headers("vary"));
    }

    @Test
    void aPrefetchsRedirectToATrackerLosesItsLocation() throws Exception {
        // Before (found by a review): Chromium, prefetching the site's own /out, followed its redirect to the
        // tracker (www.youtube.com/embed/..., not granted) before the visitor followed any link.
        for (String purpose : List.of("Sec-Purpose: prefetch\r\n", "Sec-Purpose: prefetch;prerender\r\n",
                "Purpose: prefetch\r\n")) {
            RawClient.Response r = redirect("https://www.youtube.com/embed/x", purpose);
            assertEquals(List.of(), r.headers("location"), purpose);
            assertEquals(List.of("no-store"), r.headers("cache-control"), purpose);
        }
    }

    @Test
    void otherRedirectsKeepTheirLocation() throws Exception {
        // the visitor's own navigation
        assertEquals(List.of("https://www.youtube.com/embed/x"),
                redirect("https://www.youtube.com/embed/x", "").headers("location"));
        // a prefetch of the site's own page, or one the consent allows
        assertEquals(List.of("/next"), redirect("/next", "Sec-Purpose: prefetch\r\n").headers("location"));
        assertEquals(List.of("https://www.youtube.com/embed/x"), redirect("https://www.youtube.com/embed/x",
                "Sec-Purpose: prefetch\r\nCookie: " + EVERYTHING + "\r\n").headers("location"));
    }
}
