package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.FixedUpstreamBehindGateway;
import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings of an outside review of the proxy code written today (framing, body deadline, CONNECT, deletions). */
class WithdrawalScopesThroughGatewayIntegrationTest {

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";

    /*
     * Input: a visitor without consent (no cg_consent) whose browser holds an undeclared cookie "trk" that a page at
     *   /shop/men/shoes/sale/item set without a Path attribute, so the browser stored it with the default-path
     *   /shop/men/shoes/sale (RFC 6265bis 5.1.4: the request path up to, not including, its right-most '/'). The
     *   browser sends it back only on requests under /shop/men/shoes/sale (RFC 6265bis 5.1.4 path-match), e.g. the
     *   same page again: GET /shop/men/shoes/sale/item, Cookie: trk=1.
     * Before (found by a review): the gateway strips trk from the request (correct) and sends deletions for Path=/, /shop, /shop/men and
     *   /shop/men/shoes only: CookieDeletion.directoryPaths keeps the first three directories from the top and drops
     *   the deepest ones, which are exactly the ones a cookie set on this page lives in. Since every request that
     *   carries a cookie stored on a path four or more directories deep is itself that deep, no response ever
     *   deletes it: the withdrawn cookie stays in the browser (readable by scripts) for its whole lifetime.
     * Expected: a deletion in the scope the browser holds it in (Path=/shop/men/shoes/sale), e.g. by keeping the
     *   deepest directories when bounding, as the commit 665fa7a promised ("the request path's directories").
     */
    @Test
    void aWithdrawnCookieStoredFourDirectoriesDeepIsDeletedInItsOwnScope() throws Exception {
        FixedUpstreamBehindGateway.withClient(OK, (upstream, client) -> {
            RawClient.Response r = client.send("GET /shop/men/shoes/sale/item HTTP/1.1\r\nHost: shop.example.com\r\n"
                    + "Cookie: trk=1\r\n\r\n").read();
            assertEquals(200, r.status());
            assertTrue(upstream.take().headers("Cookie").isEmpty(), "trk was stripped from the request");
            List<String> setCookies = r.headers("Set-Cookie");
            assertTrue(setCookies.stream().anyMatch(c -> c.startsWith("trk=;") && c.contains("; Path=/shop/men/shoes")),
                    "deletions are sent for the shallower directories: " + setCookies);
            assertTrue(setCookies.stream().anyMatch(c -> c.startsWith("trk=;")
                            && c.contains("; Path=/shop/men/shoes/sale;") || c.endsWith("; Path=/shop/men/shoes/sale")),
                    "no deletion in the only scope the browser can hold this cookie in: " + setCookies);
        });
    }

    /*
     * Input: one request well within every limit of the shipped ruleset: GET /a/b/c/p, Host: w.x.y.z.example.com
     *   (four parent domains), and a 7 KB Cookie header of 1,000 distinct undeclared names ("c1000=;c1001=;...").
     *   A visitor without consent.
     * Before (found by a review): for each removed name CookiePolicy.deletions writes one deletion per (path, domain) pair: 4 paths
     *   ("/" and three directories) x 6 domains = 24 Set-Cookie fields, 24,000 here, about 2 MB of response head;
     *   and it checks each new deletion against all earlier ones with List.contains, quadratic in their number:
     *   about 6 s of CPU on the event loop for 1,000 names, 39 s for 2,000 (a 14 KB header), during which every
     *   other connection on that event loop stalls. With long directories (the request line allows 8 KiB) each
     *   field repeats a path of kilobytes: a 24 KB request made the gateway work for over a minute on a head of
     *   hundreds of megabytes.
     * Expected: deletions bounded independently of the number of cookies and the path length, and built in linear
     *   time (a Set instead of List.contains); a response head under 256 KiB (Chrome refuses a larger one with
     *   ERR_RESPONSE_HEADERS_TOO_BIG, so the page would break too; a Path attribute over 1,024 octets is ignored
     *   by browsers, RFC 6265bis 5.6, so such deletions do nothing anyway).
     */
    @Test
    void withdrawalDeletionsForOneRequestWithinTheLimitsStayUnder256KiB() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(OK));
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             Socket socket = new Socket("127.0.0.1", gateway.address().getPort())) {
            StringBuilder cookie = new StringBuilder();
            for (int i = 1000; i < 2000; i++) {
                cookie.append(i == 1000 ? "" : ";").append('c').append(i).append('=');
            }
            String request = "GET /a/b/c/p HTTP/1.1\r\nHost: w.x.y.z.example.com\r\nCookie: " + cookie + "\r\n\r\n";
            socket.setSoTimeout(120_000);
            long started = System.nanoTime();
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            int b;
            while (matched < 4 && (b = in.read()) >= 0) {
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            String received = head.toString(StandardCharsets.ISO_8859_1);
            assertTrue(received.startsWith("HTTP/1.1 200"), received.substring(0, Math.min(200, received.length())));
            long fields = received.lines().filter(l -> l.regionMatches(true, 0, "Set-Cookie:", 0, 11)).count();
            assertTrue(head.size() < 256 * 1024, "a " + request.length() + "-byte request got a response head of "
                    + head.size() + " bytes with " + fields + " Set-Cookie fields, after " + millis + " ms");
        }
    }
}
