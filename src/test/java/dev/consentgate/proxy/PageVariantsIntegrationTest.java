package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A browser revalidating its cached page through the gateway, against an upstream that answers conditions and
 * ranges as a static file server does: a 304 may only bring back a page made for the visitor's current choice.
 */
class PageVariantsIntegrationTest {

    private static final String LAST_MODIFIED = "Tue, 16 Dec 2025 08:00:00 GMT";
    private static final String FULL_CONSENT = "cg_consent=2025-12-16:functionality+analytics+advertising";
    private static final String TRACKER = "<script async src=\"https://www.googletagmanager.com";

    private static byte[] page;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = PageVariantsIntegrationTest.class.getResourceAsStream("/demo/index.html")) {
            page = in.readAllBytes();
        }
        assertTrue(new String(page, StandardCharsets.UTF_8).contains(TRACKER));
    }

    /** Conditional GET and ranges as nginx serves a file: ETag "v1", weak comparison for If-None-Match. */
    private static TestUpstream.Responder staticFile() {
        return staticFile(true);
    }

    /** The same, with or without an ETag (a server that sends only Last-Modified). */
    private static TestUpstream.Responder staticFile(boolean withEtag) {
        return (request, out, socket) -> {
            List<String> ifNoneMatch = request.headers("if-none-match");
            List<String> ifModifiedSince = request.headers("if-modified-since");
            List<String> ifRange = request.headers("if-range");
            // a range is served only while If-Range, when sent, still names the representation
            List<String> range = ifRange.isEmpty() || ifRange.get(0).equals("\"v1\"") ? request.headers("range")
                    : List.of();
            String validators = (withEtag ? "ETag: \"v1\"\r\n" : "") + "Last-Modified: " + LAST_MODIFIED + "\r\n";
            boolean notModified = ifNoneMatch.isEmpty()
                    ? ifModifiedSince.equals(List.of(LAST_MODIFIED))
                    : Arrays.stream(ifNoneMatch.get(0).split(",")).map(String::trim)
                            .anyMatch(t -> t.equals("\"v1\"") || t.equals("W/\"v1\"") || t.equals("*"));
            String head;
            byte[] body;
            if (notModified) {
                head = "HTTP/1.1 304 Not Modified\r\n" + validators;
                body = new byte[0];
            } else if (!range.isEmpty() && range.get(0).contains(",")) {
                // two ranges, as nginx sends them: one multipart body, each part with its own type
                String boundary = "00000000000000000001";
                String part1 = "\r\n--" + boundary + "\r\nContent-Type: text/html\r\nContent-Range: bytes 0-99/"
                        + page.length + "\r\n\r\n";
                String part2 = "\r\n--" + boundary + "\r\nContent-Type: text/html\r\nContent-Range: bytes 100-"
                        + (page.length - 1) + "/" + page.length + "\r\n\r\n";
                java.io.ByteArrayOutputStream parts = new java.io.ByteArrayOutputStream();
                parts.write(part1.getBytes(StandardCharsets.ISO_8859_1));
                parts.write(page, 0, 100);
                parts.write(part2.getBytes(StandardCharsets.ISO_8859_1));
                parts.write(page, 100, page.length - 100);
                parts.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
                body = parts.toByteArray();
                head = "HTTP/1.1 206 Partial Content\r\nContent-Type: multipart/byteranges; boundary=" + boundary
                        + "\r\n" + validators + "Content-Length: " + body.length + "\r\n";
            } else if (!range.isEmpty()) {
                body = Arrays.copyOfRange(page, 0, 100);
                head = "HTTP/1.1 206 Partial Content\r\nContent-Type: text/html\r\n" + validators
                        + "Content-Range: bytes 0-99/" + page.length + "\r\nContent-Length: 100\r\n";
            } else {
                body = page;
                head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nAccept-Ranges: bytes\r\n" + validators
                        + "Content-Length: " + page.length + "\r\n";
            }
            out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (!request.requestLine().startsWith("HEAD")) {
                out.write(body);
            }
        };
    }

    private static RawClient.Response send(RunningGateway gateway, String method, String cookie, String... headers)
            throws IOException {
        return request(gateway, method, "/", cookie, headers);
    }

    /** One request on a fresh connection, with the Cookie header when {@code cookie} is not empty. */
    static RawClient.Response request(RunningGateway gateway, String method, String target, String cookie,
                                      String... headers) throws IOException {
        StringBuilder raw = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: shop.test\r\n");
        if (!cookie.isEmpty()) {
            raw.append("Cookie: ").append(cookie).append("\r\n");
        }
        for (String h : headers) {
            raw.append(h).append("\r\n");
        }
        try (RawClient client = gateway.rawClient()) {
            return client.send(raw.append("\r\n").toString()).read(method.equals("HEAD"));
        }
    }

    private static String etag(RawClient.Response r) {
        List<String> tags = r.headers("etag");
        assertEquals(1, tags.size(), r.head());
        return tags.get(0);
    }

    @Test
    void withdrawingConsentAfterTheWholePageWasCachedGetsTheFilteredPageNotA304() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(staticFile());
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response full = send(gateway, "GET", FULL_CONSENT);
            assertEquals(200, full.status());
            assertArrayEquals(page, full.body());
            String fullTag = etag(full);
            assertTrue(fullTag.startsWith("\"v1.cg-"), fullTag);
            assertEquals(List.of(), full.headers("last-modified"), "a date cannot say which page a browser holds");
            upstream.take();

            // the visitor withdraws; the browser revalidates the page it holds
            RawClient.Response after = send(gateway, "GET", "", "If-None-Match: " + fullTag,
                    "If-Modified-Since: " + LAST_MODIFIED);
            assertEquals(200, after.status());
            assertFalse(after.bodyText().contains(TRACKER), "the tracker came back after the withdrawal");
            assertNotEquals(fullTag, etag(after).substring(2));
            TestUpstream.Received forwarded = upstream.take();
            assertEquals(List.of(), forwarded.headers("if-none-match"));
            assertEquals(List.of(), forwarded.headers("if-modified-since"));
        }
    }

    @Test
    void revalidatingThePageOfTheSameChoiceGetsA304WithItsTag() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(staticFile());
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response first = send(gateway, "GET", "");
            String tag = etag(first);
            assertTrue(tag.startsWith("W/\"v1.cg-"), tag);
            assertEquals(List.of(), first.headers("accept-ranges"));
            upstream.take();

            RawClient.Response again = send(gateway, "GET", "", "If-None-Match: " + tag);
            assertEquals(304, again.status());
            assertEquals(tag, etag(again));
            assertEquals(List.of("Cookie, Sec-GPC"), again.headers("vary"));
            assertEquals(List.of(), again.headers("last-modified"));
            assertEquals(List.of("W/\"v1\""), upstream.take().headers("if-none-match"));
        }
    }

    @Test
    void aPageWithOnlyADateIsRevalidatedByThatDate() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(staticFile(false));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response first = send(gateway, "GET", "", "Accept: text/html");
            String tag = etag(first);
            assertTrue(tag.startsWith("W/\"cg-date~"), tag);
            assertEquals(List.of(), first.headers("last-modified"));
            upstream.take();

            RawClient.Response again = send(gateway, "GET", "", "Accept: text/html", "If-None-Match: " + tag);
            assertEquals(304, again.status());
            assertEquals(tag, etag(again));
            TestUpstream.Received forwarded = upstream.take();
            assertEquals(List.of(LAST_MODIFIED), forwarded.headers("if-modified-since"));
            assertEquals(List.of(), forwarded.headers("if-none-match"));

            RawClient.Response otherChoice = send(gateway, "GET", FULL_CONSENT, "Accept: text/html",
                    "If-None-Match: " + tag);
            assertEquals(200, otherChoice.status(), "the date of another choice's page is not forwarded");
        }
    }

    @Test
    void grantingConsentAfterTheFilteredPageWasCachedGetsTheWholePage() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(staticFile());
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            String filteredTag = etag(send(gateway, "GET", ""));
            RawClient.Response full = send(gateway, "GET", FULL_CONSENT, "If-None-Match: " + filteredTag);
            assertEquals(200, full.status());
            assertArrayEquals(page, full.body());
        }
    }

    /**
     * The If-None-Match the upstream received for a request carrying {@code ifNoneMatch}, asking for HTML as a
     * browser's navigation does or for anything, as a script's or an image's request does.
     */
    private static List<String> forwardedIfNoneMatch(String ifNoneMatch, boolean asksForHtml) throws Exception {
        try (TestUpstream upstream = TestUpstream.start(staticFile());
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            assertEquals(200, send(gateway, "GET", "", "If-None-Match: " + ifNoneMatch,
                    "Accept: " + (asksForHtml ? "text/html,application/xhtml+xml" : "*/*")).status());
            return upstream.take().headers("if-none-match");
        }
    }

    @Test
    void tagsTheGatewayDidNotMakeAreForwardedForAnythingButAPage() throws Exception {
        assertEquals(List.of("\"other\", W/\"v0\""), forwardedIfNoneMatch("\"other\", W/\"v0\"", false));
        assertEquals(List.of(), forwardedIfNoneMatch("\"other\", W/\"v0\"", true));
    }

    @Test
    void anUnreadableConditionIsForwardedForAnythingButAPage() throws Exception {
        assertEquals(List.of("v1"), forwardedIfNoneMatch("v1", false));
        assertEquals(List.of(), forwardedIfNoneMatch("v1", true));
    }

    @Test
    void aPageCachedBeforeTheGatewayStoodInFrontIsNotBroughtBack() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(staticFile());
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response r = send(gateway, "GET", "", "Accept: text/html", "If-None-Match: \"v1\"",
                    "If-Modified-Since: " + LAST_MODIFIED);
            assertEquals(200, r.status(), "a 304 would keep the unfiltered page the browser holds");
            assertFalse(r.bodyText().contains(TRACKER));
            TestUpstream.Received forwarded = upstream.take();
            assertEquals(List.of(), forwarded.headers("if-none-match"));
            assertEquals(List.of(), forwarded.headers("if-modified-since"));
        }
    }

    @Test
    void aRangeOfAPageForABrowserGetsTheWholeFilteredPage() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(staticFile());
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response r = send(gateway, "GET", "", "Sec-Fetch-Dest: document", "Range: bytes=0-99");
            assertEquals(200, r.status());
            assertFalse(r.bodyText().contains(TRACKER));
            assertTrue(r.bodyText().endsWith("</html>\n"), "the whole page");
            assertEquals(List.of(), upstream.take().headers("range"));
        }
    }

    @Test
    void aRevalidatedScriptPassesAsTheUpstreamAnswered() throws Exception {
        TestUpstream.Responder script = (request, out, socket) -> out.write(("HTTP/1.1 304 Not Modified\r\n"
                + "ETag: \"js1\"\r\nLast-Modified: " + LAST_MODIFIED + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        try (TestUpstream upstream = TestUpstream.start(script);
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response r = send(gateway, "GET", "", "If-None-Match: \"js1\"", "Sec-Fetch-Dest: script");
            assertEquals(304, r.status());
            assertEquals(List.of("\"js1\""), r.headers("etag"));
            assertEquals(List.of(LAST_MODIFIED), r.headers("last-modified"));
            assertEquals(List.of(), r.headers("vary"));
            assertEquals(List.of("\"js1\""), upstream.take().headers("if-none-match"));
        }
    }

    @Test
    void theHeadOfAPageIsTheHeadOfTheFilteredPage() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(staticFile());
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response head = send(gateway, "HEAD", "");
            RawClient.Response get = send(gateway, "GET", "");
            assertEquals(200, head.status());
            assertEquals(List.of("Cookie, Sec-GPC"), head.headers("vary"));
            assertEquals(etag(get), etag(head));
            assertEquals(List.of(), head.headers("content-length"), "the filtered page's length is not the upstream's");
            assertEquals(List.of(), head.headers("accept-ranges"));
            assertEquals(List.of(), head.headers("last-modified"));
        }
    }

    @Test
    void theHeadOfAPageNamesTheCodingAGetWouldComeIn() throws Exception {
        TestUpstream.Responder zstdPage = (request, out, socket) -> out.write(("HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/html\r\nContent-Encoding: zstd\r\nContent-Digest: sha-256=:AAAA:\r\n"
                + "Content-Length: 1000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        try (TestUpstream upstream = TestUpstream.start(zstdPage);
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response head = send(gateway, "HEAD", "", "Accept-Encoding: gzip, zstd");
            assertEquals(List.of("gzip"), head.headers("content-encoding"), "pages are re-encoded as gzip or br");
            assertEquals(List.of(), head.headers("content-digest"));
        }
        TestUpstream.Responder compressed = (request, out, socket) -> out.write(("HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/html\r\nContent-Encoding: compress\r\nContent-Length: 1000\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        try (TestUpstream upstream = TestUpstream.start(compressed);
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            assertEquals(502, send(gateway, "HEAD", "", "Accept-Encoding: compress").status(),
                    "a GET would be refused: its body cannot be judged");
        }
    }

    @Test
    void aConnectionStaysUsableAfterTheHeadOfAPage() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(staticFile());
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            assertEquals(200, client.send("HEAD / HTTP/1.1\r\nHost: shop.test\r\n\r\n").read(true).status());
            RawClient.Response get = client.send("GET / HTTP/1.1\r\nHost: shop.test\r\n\r\n").read();
            assertEquals(200, get.status());
            assertFalse(get.bodyText().contains(TRACKER));
        }
    }

    @Test
    void aRangeOfAPageTheConsentChangesIsRefusedAndAWholePagesRangePasses() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(staticFile());
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response filtered = send(gateway, "GET", "", "Range: bytes=0-99");
            assertEquals(502, filtered.status());
            assertFalse(filtered.bodyText().contains("googletagmanager"));

            RawClient.Response whole = send(gateway, "GET", FULL_CONSENT, "Range: bytes=0-99");
            assertEquals(206, whole.status());
            assertArrayEquals(Arrays.copyOfRange(page, 0, 100), whole.body());
        }
    }

    @Test
    void severalRangesOfAPageForAScriptGetTheWholeFilteredPage() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(staticFile());
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            // a fetch() of the page (Accept */*): its parts would carry the trackers, judged by no one
            RawClient.Response filtered = send(gateway, "GET", "", "Sec-Fetch-Dest: empty", "Accept: */*",
                    "Range: bytes=0-99,100-", "If-Range: \"v1\"");
            TestUpstream.Received forwarded = upstream.take();
            assertEquals(List.of(), forwarded.headers("range"));
            assertEquals(List.of(), forwarded.headers("if-range"));
            assertEquals(200, filtered.status());
            assertFalse(filtered.bodyText().contains(TRACKER), "the whole page, filtered");

            RawClient.Response whole = send(gateway, "GET", FULL_CONSENT, "Sec-Fetch-Dest: empty", "Accept: */*",
                    "Range: bytes=0-99,100-");
            assertEquals(List.of("bytes=0-99,100-"), upstream.take().headers("range"));
            assertEquals(206, whole.status(), "with every category granted the parts pass as they are");
            assertTrue(whole.bodyText().contains(TRACKER));
        }
    }

    @Test
    void partsTheGatewayDidNotAskForAreRefused() throws Exception {
        // an upstream that answers one range with a multipart body, against RFC 9110
        TestUpstream.Responder multipartAlways = (request, out, socket) -> {
            String body = "\r\n--b\r\nContent-Type: text/html\r\nContent-Range: bytes 0-40/100\r\n\r\n"
                    + TRACKER + "\r\n--b--\r\n";
            out.write(("HTTP/1.1 206 Partial Content\r\nContent-Type: multipart/byteranges; boundary=b\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
        };
        try (TestUpstream upstream = TestUpstream.start(multipartAlways);
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response refused = send(gateway, "GET", "", "Accept: */*", "Range: bytes=0-40");
            assertEquals(502, refused.status());
            assertFalse(refused.bodyText().contains("googletagmanager"));
        }
    }

    @Test
    void resumingARangeOfAnUnchangedPageWithItsTagGetsTheRange() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(staticFile());
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            String tag = etag(send(gateway, "GET", FULL_CONSENT));
            upstream.take();
            assertFalse(tag.startsWith("W/"), "a page passed as it is keeps a strong tag, which If-Range needs: " + tag);
            RawClient.Response resumed = send(gateway, "GET", FULL_CONSENT, "Range: bytes=0-99", "If-Range: " + tag);
            assertEquals(List.of("\"v1\""), upstream.take().headers("if-range"));
            assertEquals(206, resumed.status());
            assertArrayEquals(Arrays.copyOfRange(page, 0, 100), resumed.body());
        }
    }
}
