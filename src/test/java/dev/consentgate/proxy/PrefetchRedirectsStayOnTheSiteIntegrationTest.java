package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A prefetch's redirect to another site leads where that site sends it next, which the gateway never sees: Chromium
 * 150, prefetching the site's own /out-chain for a visitor who granted functionality, followed its redirect to
 * www.youtube.com/redirect (granted) and that one's to www.facebook.com/tr, Meta's pixel (advertising, not granted)
 * (SpeculationRulesReachNoTrackerE2ETest). Such a redirect loses its Location whatever its host; the visitor's own
 * navigation still gets it, and a prefetch's redirect within the site keeps it.
 */
class PrefetchRedirectsStayOnTheSiteIntegrationTest {

    private static final String FUNCTIONALITY = "Cookie: cg_consent=2025-12-16:functionality\r\n";

    private static RawClient.Response redirect(String location, String requestHeaders) throws Exception {
        String response = "HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n";
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(response));
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            return client.send("GET /out HTTP/1.1\r\nHost: www.shop.test\r\n" + requestHeaders + "\r\n").read();
        }
    }

    @Test
    void aPrefetchsRedirectToAnotherSiteLosesItsLocation() throws Exception {
        // Before (found by a review): each kept its Location (its host granted, or named by no rule), and Chromium
        // followed the redirector's own redirect on to the tracker
        for (String location : List.of("https://www.youtube.com/redirect?q=https%3A%2F%2Fwww.facebook.com%2Ftr%3Fid%3D1",
                "https://go.partner.example/r/abc", "//other.example/next")) {
            RawClient.Response r = redirect(location, "Sec-Purpose: prefetch\r\n" + FUNCTIONALITY);
            assertEquals(List.of(), r.headers("location"), location);
            assertEquals(List.of("no-store"), r.headers("cache-control"), location);
        }
    }

    @Test
    void aRedirectWithinTheSiteOrTheVisitorsOwnKeepsItsLocation() throws Exception {
        for (String location : List.of("/next", "https://shop.test/next", "https://cdn.shop.test/a")) {
            assertEquals(List.of(location), redirect(location, "Sec-Purpose: prefetch\r\n" + FUNCTIONALITY)
                    .headers("location"), location);
        }
        String away = "https://www.youtube.com/redirect?q=https%3A%2F%2Fwww.facebook.com%2Ftr%3Fid%3D1";
        assertEquals(List.of(away), redirect(away, FUNCTIONALITY).headers("location"));
    }
}
