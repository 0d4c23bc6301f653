package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.FixedUpstreamBehindGateway;
import dev.consentgate.testing.RawClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A consent POST deletes, in the browser, the cookies of the categories it withdraws, and only those: never the
 * cookies of a category the same POST grants, nor essential ones.
 */
class ConsentPostDeletesOnlyWithdrawnCategoriesIntegrationTest {

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";

    /*
     * Input: a visitor who granted analytics (cg_consent=2025-12-16:analytics) and whose browser holds _ga
     *   (analytics), userId (functionality, written by the site's own script before this visitor allowed it) and
     *   JSESSIONID (essential) posts the choices form with functionality ticked and analytics not: granting
     *   functionality and withdrawing analytics in one request.
     * Before (found by a review): the answer deleted _ga and userId alike: the deletions were made for the old
     *   answer without the withdrawn category, which does not grant the category this POST grants either, so the
     *   cookies of the category the visitor had just allowed were deleted with those they withdrew.
     */
    @Test
    void grantingOneCategoryAndWithdrawingAnotherDeletesOnlyTheWithdrawnOnesCookies() throws Exception {
        FixedUpstreamBehindGateway.withClient(OK, (upstream, client) -> {
            String body = "categories=functionality&return=%2F";
            RawClient.Response posted = client.send("POST /.consentgate/consent HTTP/1.1\r\nHost: shop.example.com\r\n"
                    + "Origin: http://shop.example.com\r\nSec-Fetch-Site: same-origin\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.US_ASCII).length + "\r\n"
                    + "Cookie: cg_consent=2025-12-16:analytics; _ga=GA1.1.1.1; userId=42; JSESSIONID=abc\r\n\r\n"
                    + body).read();
            assertEquals(303, posted.status(), posted.head());
            List<String> setCookies = posted.headers("Set-Cookie");
            assertAll("Set-Cookie of the answer: " + setCookies,
                    () -> assertTrue(setCookies.stream()
                            .anyMatch(c -> c.startsWith("cg_consent=2025-12-16:functionality;")), "the new answer"),
                    () -> assertTrue(setCookies.stream().anyMatch(c -> c.startsWith("_ga=;")),
                            "the withdrawn category's cookie is deleted"),
                    () -> assertFalse(setCookies.stream().anyMatch(c -> c.startsWith("userId=")),
                            "the cookie of the category just granted is deleted"),
                    () -> assertFalse(setCookies.stream().anyMatch(c -> c.startsWith("JSESSIONID=")),
                            "an essential cookie is deleted"));

            // the page the visitor returns to: the granted category's cookie reaches the upstream
            client.send("GET / HTTP/1.1\r\nHost: shop.example.com\r\n"
                    + "Cookie: cg_consent=2025-12-16:functionality; userId=42; JSESSIONID=abc\r\n\r\n").read();
            assertEquals(List.of("cg_consent=2025-12-16:functionality; userId=42; JSESSIONID=abc"),
                    upstream.take().headers("Cookie"));
        });
    }
}
