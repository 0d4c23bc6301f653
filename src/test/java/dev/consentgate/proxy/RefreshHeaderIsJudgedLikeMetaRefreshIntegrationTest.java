package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.testing.FixedUpstreamBehindGateway;
import dev.consentgate.testing.RawClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code Refresh} response header loads its URL in the page's place, as {@code <meta http-equiv=refresh>} does
 * (HTML Standard, "shared declarative refresh steps"; Chromium follows it: checked 2026-11-30 with {@code chromium
 * --headless --virtual-time-budget=3000 --dump-dom} on a page whose {@code Refresh: 0;url=...} led to a second URL,
 * which was requested and whose title the dump showed). It must be judged like that element.
 */
class RefreshHeaderIsJudgedLikeMetaRefreshIntegrationTest {

    private static final String TRACKER_REFRESH = "0;url=https://www.googletagmanager.com/x?id=1";

    private static RawClient.Response get(String refreshLines, String cookie) throws Exception {
        String body = "<html><body><p>page</p></body></html>";
        String response = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + refreshLines + "Content-Length: "
                + body.length() + "\r\n\r\n" + body;
        return FixedUpstreamBehindGateway.response(response, "GET / HTTP/1.1\r\nHost: shop.test\r\n"
                + (cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n") + "\r\n");
    }

    @Test
    void aRefreshToAHostNotGrantedIsTakenOut() throws Exception {
        // Before (found by a review): "Refresh: 0;url=https://www.googletagmanager.com/x?id=1" reached the browser
        // of a visitor who granted only essential cookies, and Chromium loaded the tracker's URL in the page's place;
        // the same URL in a meta refresh was removed.
        assertEquals(List.of(), get("Refresh: " + TRACKER_REFRESH + "\r\n", "").headers("refresh"));
        // Before (found by a review): with a second line, the tracker's refresh passed as well (each line is judged,
        // whichever one a browser reads, and the lines joined, as Chromium reads them).
        assertEquals(List.of(), get("Refresh: 5\r\nRefresh: " + TRACKER_REFRESH + "\r\n", "").headers("refresh"));
    }

    @Test
    void aRefreshTheConsentAllowsIsKept() throws Exception {
        assertEquals(List.of("5;url=/next"), get("Refresh: 5;url=/next\r\n", "").headers("refresh"));
        assertEquals(List.of(TRACKER_REFRESH), get("Refresh: " + TRACKER_REFRESH + "\r\n",
                "cg_consent=2025-12-16:analytics+advertising+functionality").headers("refresh"));
    }
}
