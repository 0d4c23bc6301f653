package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An SVG sprite the site serves, fetched as a {@code use} element fetches it (an image in same-origin mode): the
 * elements of its symbols load what they name in the page, so it is judged as an XML document loaded as a page is.
 * The same file fetched by an {@code img} (no-cors), where nothing in it loads, passes as it came.
 */
class SvgSpritesThroughGatewayIntegrationTest {

    private static final String PIXEL = "https://www.facebook.com/tr?id=1&amp;ev=PageView";
    private static final String SPRITE = "<svg xmlns=\"http://www.w3.org/2000/svg\"><symbol id=\"logo\">"
            + "<path d=\"M0 0h8v8z\"/></symbol><symbol id=\"px\"><image href=\"" + PIXEL
            + "\" width=\"1\" height=\"1\"/></symbol></svg>";

    private static RawClient.Response get(RunningGateway gateway, String headers) throws IOException {
        try (RawClient client = gateway.rawClient()) {
            return client.send("GET /img/sprite.svg HTTP/1.1\r\nHost: shop.test\r\n" + headers + "\r\n").read();
        }
    }

    private static TestUpstream.Responder sprite() {
        return TestUpstream.chunked("HTTP/1.1 200 OK\r\nContent-Type: image/svg+xml\r\nETag: \"s1\"\r\n",
                SPRITE.getBytes(StandardCharsets.UTF_8), 7);
    }

    @Test
    void aSpriteFetchedForAUseElementLosesTheTrackersImage() throws Exception {
        // Before (2026-12-02): it passed as it came, and Chromium loaded the pixel of the symbol a page used
        try (TestUpstream upstream = TestUpstream.start(sprite());
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response r = get(gateway, "Sec-Fetch-Dest: image\r\nSec-Fetch-Mode: same-origin\r\n");
            assertEquals(200, r.status());
            assertFalse(r.bodyText().contains("facebook.com"), r.bodyText());
            assertTrue(r.bodyText().contains("<symbol id=\"logo\"><path d=\"M0 0h8v8z\"/></symbol>"), r.bodyText());
            assertTrue(r.headers("vary").toString().contains("Cookie"), r.head());
        }
    }

    @Test
    void theSameFileFetchedByAnImgPassesAsItCame() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(sprite());
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response r = get(gateway, "Sec-Fetch-Dest: image\r\nSec-Fetch-Mode: no-cors\r\n");
            assertEquals(SPRITE, r.bodyText());
            assertFalse(r.headers("vary").toString().contains("Cookie"), r.head());
            assertEquals(List.of("\"s1\""), r.headers("etag"));
        }
    }

    @Test
    void withEveryCategoryGrantedTheSpritePassesAsItCame() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(sprite());
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response r = get(gateway, "Sec-Fetch-Dest: image\r\nSec-Fetch-Mode: same-origin\r\n"
                    + "Cookie: cg_consent=2025-12-16:analytics+advertising+functionality\r\n");
            assertEquals(SPRITE, r.bodyText());
        }
    }

    @Test
    void aCopyCachedBeforeTheGatewayJudgedItIsNotRevalidated() throws Exception {
        // a 304 would bring back the sprite as the browser cached it from the upstream, pixel and all
        try (TestUpstream upstream = TestUpstream.start(sprite());
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            get(gateway, "Sec-Fetch-Dest: image\r\nSec-Fetch-Mode: same-origin\r\nIf-None-Match: \"s1\"\r\n"
                    + "If-Modified-Since: Tue, 01 Dec 2026 10:00:00 GMT\r\n");
            TestUpstream.Received asked = upstream.take();
            assertEquals(List.of(), asked.headers("if-none-match"), asked.head());
            assertEquals(List.of(), asked.headers("if-modified-since"), asked.head());
        }
    }
}
