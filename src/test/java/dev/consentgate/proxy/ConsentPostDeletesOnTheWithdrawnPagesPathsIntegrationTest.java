package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A consent POST that withdraws a category deletes its cookies also on the paths of the page the visitor withdrew
 * from, the Referer's when it is a page of the same host. Chromium replaces a cookie only on the same path, and
 * sends the endpoint only the cookies of "/" (checked in Chromium 150: "_ga=; Max-Age=0; Path=/" sent from
 * /.consentgate/consent left _ga on /shop; "Path=/shop" removed the _ga set without a Path from /shop/cart and the
 * one set with "Path=/shop", not the one on "/shop/"; "Path=/shop/" and "Path=/shop/cart" removed those).
 * WithdrawalAtTheConsentEndpointE2ETest shows it in the browser's jar.
 */
class ConsentPostDeletesOnTheWithdrawnPagesPathsIntegrationTest {

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";
    private static final String GONE = "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";

    private static RawClient.Response post(RawClient client, String body, String referer, String cookies)
            throws Exception {
        return client.send("POST /.consentgate/consent HTTP/1.1\r\nHost: shop.example.com\r\n"
                + "Origin: http://shop.example.com\r\nSec-Fetch-Site: same-origin\r\n"
                + (referer.isEmpty() ? "" : "Referer: " + referer + "\r\n")
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.getBytes(StandardCharsets.US_ASCII).length + "\r\n"
                + "Cookie: " + cookies + "\r\n\r\n" + body).read();
    }

    /*
     * Input: a visitor who granted analytics, on http://shop.example.com/shop/cart?step=2 (whose response set
     *   "_ga=GA1.1.1.1" without a Path: Chromium keeps it on /shop, and so does not send it to the endpoint), posts
     *   essential only from there with return=/: "Cookie: cg_consent=2025-12-16:analytics" alone.
     * Before (found by a review): the answer deleted only what the POST carried, on Path=/ and the paths the rules
     *   name; Chromium kept _ga on /shop after the withdrawal, and the page the 303 led to (/) never carried it, so
     *   no later response deleted it either.
     */
    @Test
    void aWithdrawnCookieTheRulesetNamesIsDeletedOnTheDefaultPathOfThePageWithdrawnFrom() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(OK));
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            RawClient.Response posted = post(client, "categories=&return=%2F",
                    "http://shop.example.com/shop/cart?step=2", "cg_consent=2025-12-16:analytics");
            assertEquals(303, posted.status(), posted.head());
            List<String> setCookies = posted.headers("Set-Cookie");
            assertAll("Set-Cookie of the answer: " + setCookies,
                    () -> assertTrue(setCookies.contains("_ga" + GONE + "; Path=/shop"), "host-only on /shop"),
                    () -> assertTrue(setCookies.contains("_gid" + GONE + "; Path=/shop"), "host-only on /shop"),
                    // a cookie on "/" would have come with the POST: none for a name it did not carry
                    () -> assertFalse(setCookies.contains("_ga" + GONE + "; Path=/"), "on /"),
                    // nor for a category still granted
                    () -> assertFalse(setCookies.stream().anyMatch(c -> c.startsWith("JSESSIONID=")), "essential"),
                    () -> assertFalse(setCookies.stream().anyMatch(c -> c.startsWith("_fbp=")), "never granted"));
        }
    }

    /*
     * Input: the same POST carrying "_ga=GA1.1.1.1" (the browser holds a _ga on "/" too, and one on "/shop/" that
     *   the endpoint is not sent).
     * Before (found by a review): its deletions went to Path=/ only; the _ga on /shop/ stayed.
     */
    @Test
    void aCarriedCookieIsDeletedOnEveryPathOfThePageWithdrawnFrom() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(OK));
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            List<String> setCookies = post(client, "categories=&return=%2F", "http://shop.example.com/shop/cart",
                    "cg_consent=2025-12-16:analytics; _ga=GA1.1.1.1").headers("Set-Cookie");
            assertAll("Set-Cookie of the answer: " + setCookies,
                    () -> assertTrue(setCookies.contains("_ga" + GONE + "; Path=/")),
                    () -> assertTrue(setCookies.contains("_ga" + GONE + "; Path=/shop")),
                    () -> assertTrue(setCookies.contains("_ga" + GONE + "; Path=/shop/")),
                    () -> assertTrue(setCookies.contains("_ga" + GONE + "; Path=/shop/cart")),
                    () -> assertTrue(setCookies.contains("_ga" + GONE + "; Path=/shop/; Domain=example.com")),
                    () -> assertTrue(setCookies.contains("_ga" + GONE + "; Path=/shop; Secure; Partitioned")));
        }
    }

    /**
     * A Referer of another host, one that cannot be read, or the choices page the endpoint serves itself names no
     * page the visitor withdrew from: no path of it is taken.
     */
    @Test
    void aRefererOfAnotherHostAddsNoPath() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(OK));
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            for (String referer : List.of("http://www.example.com/shop/cart", "http://shop.example.com/sh op/x",
                    "", "http://shop.example.com/.consentgate/consent")) {
                List<String> setCookies = post(client, "categories=", referer,
                        "cg_consent=2025-12-16:analytics; _ga=GA1.1.1.1").headers("Set-Cookie");
                assertTrue(setCookies.contains("_ga" + GONE + "; Path=/"), setCookies::toString);
                assertFalse(setCookies.stream().anyMatch(c -> c.contains("Path=/sh") || c.contains("Path=/.")),
                        setCookies::toString);
                assertFalse(setCookies.stream().anyMatch(c -> c.startsWith("_gid=")), setCookies::toString);
            }
        }
    }

    /**
     * A withdrawal of everything from a deep page, by a request of 200 cookies, keeps within the bound of deletion
     * fields and bytes (512, 64 KiB); the deletions of names it did not carry add at most 128 fields.
     */
    @Test
    void theDeletionsStayBounded() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(OK));
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            String many = IntStream.range(0, 200).mapToObj(i -> "_ga_" + i + "=GA1.1." + i)
                    .collect(Collectors.joining("; "));
            String referer = "http://shop.example.com/shop/category/shoes/item-42";
            List<String> all = deletions(post(client, "categories=", referer,
                    "cg_consent=2025-12-16:analytics+advertising+functionality; " + many));
            assertTrue(all.size() <= 512, () -> all.size() + " deletion fields");
            assertTrue(all.stream().mapToInt(String::length).sum() <= 64 * 1024,
                    () -> "deletion fields of " + all.stream().mapToInt(String::length).sum() + " bytes");
            assertTrue(all.contains("_ga_0" + GONE + "; Path=/shop/category/shoes"), all::toString);

            List<String> unseen = deletions(post(client, "categories=", referer,
                    "cg_consent=2025-12-16:analytics+advertising+functionality"));
            assertTrue(unseen.size() <= 128, () -> unseen.size() + " deletion fields");
        }
    }

    private static List<String> deletions(RawClient.Response response) {
        return response.headers("Set-Cookie").stream().filter(c -> c.contains("Max-Age=0")).toList();
    }
}
