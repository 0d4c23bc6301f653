package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A Content-Type value whose type is followed by junk ({@code text/html (utf-8)}, {@code text/html garbage}) is
 * HTML to Chromium, which ends the type at the first space, tab, ';' or '(' and reads the parameters after it: the
 * page must be judged as that HTML, in that charset. (Checked in Chromium 2026-11-30: each response below, served
 * directly, ran its inline script: {@code chromium --headless --dump-dom} showed the title it set.)
 */
class HtmlTypeReadAsChromiumReadsItIsJudgedIntegrationTest {

    private static final String TRACKER = "https://www.googletagmanager.com/gtag/js?id=G-1";
    private static final String PAGE = "<html><head><title>t</title></head><body><p>page</p>"
            + "<script src=\"" + TRACKER + "\"></script></body></html>";

    private static String served(String contentTypeLines, byte[] body, Charset charset) throws Exception {
        String head = "HTTP/1.1 200 OK\r\n" + contentTypeLines + "Content-Length: " + body.length + "\r\n\r\n";
        try (TestUpstream upstream = TestUpstream.start((request, out, socket) -> {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
        });
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            return new String(client.send("GET / HTTP/1.1\r\nHost: shop.test\r\n\r\n").read().body(), charset);
        }
    }

    private static void assertTrackerKept(String body) {
        assertTrue(body.contains("data-cg-src=\"" + TRACKER + "\""), body);
        assertFalse(body.contains("<script src=\"" + TRACKER), body);
    }

    @Test
    void aLaterLineOfHtmlWithJunkAfterTheTypeMakesThePageHtml() throws Exception {
        // Before (found by a review): "text/html garbage" was no type to the gateway, so the earlier text/plain won
        // and the page passed unjudged; Chromium rendered it as HTML and loaded the tracker.
        assertTrackerKept(served("Content-Type: text/plain\r\nContent-Type: text/html garbage\r\n",
                PAGE.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        // Before (found by a review): the same with a comment after the type, "text/html(utf-8)".
        assertTrackerKept(served("Content-Type: text/plain\r\nContent-Type: text/html(utf-8)\r\n",
                PAGE.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void aLaterValueOfHtmlWithJunkInTheSameLineMakesThePageHtml() throws Exception {
        // Before (found by a review): "text/plain, text/html (x)" was text/plain to the gateway: the page passed
        // unjudged, and Chromium ran its tracker.
        assertTrackerKept(served("Content-Type: text/plain, text/html (x)\r\n",
                PAGE.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void theCharsetAfterJunkIsThePagesCharset() throws Exception {
        // Before (found by a review): "text/html (x); charset=utf-16le" was no type, so the gateway sniffed, read
        // the UTF-16LE bytes as a single-byte encoding and found no script; Chromium decoded UTF-16LE and loaded the
        // tracker.
        assertTrackerKept(served("Content-Type: text/html (x); charset=utf-16le\r\n",
                PAGE.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE));
    }
}
