package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.encoder.Encoder;
import dev.consentgate.config.Ruleset;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.html.HtmlRewriter;
import dev.consentgate.html.RewriteListener;
import dev.consentgate.html.TagPolicy;
import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTML enforcement through the proxy: codings, chunking, headers, and failing closed. */
class HtmlThroughGatewayIntegrationTest {

    private static byte[] page;
    private static byte[] expectedEssentialOnly;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = HtmlThroughGatewayIntegrationTest.class.getResourceAsStream("/demo/index.html")) {
            page = in.readAllBytes();
        }
        Ruleset ruleset = RunningGateway.defaultRuleset();
        TagPolicy policy = new TagPolicy(ruleset.tagRules(), ruleset.categories(), ruleset.html());
        ConsentDecision essential = new ConsentDecision(Set.of("essential"), "default", Optional.empty(), false,
                Optional.empty());
        expectedEssentialOnly = HtmlRewriter.rewriteAll(policy, essential, page, RewriteListener.NONE);
        assertFalse(new String(expectedEssentialOnly, StandardCharsets.UTF_8).contains("<script async src=\"https://www.googletagmanager.com"));
    }

    private static TestUpstream.Responder serving(byte[] body, String coding, int chunkSize) {
        return TestUpstream.chunked("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nETag: \"v1\"\r\n"
                + (coding.isEmpty() ? "" : "Content-Encoding: " + coding + "\r\n"), body, chunkSize);
    }

    private static RawClient.Response get(RunningGateway gateway, String acceptEncoding, String cookie)
            throws IOException {
        try (RawClient client = gateway.rawClient()) {
            return client.send("GET / HTTP/1.1\r\nHost: shop.test\r\n"
                    + (acceptEncoding.isEmpty() ? "" : "Accept-Encoding: " + acceptEncoding + "\r\n")
                    + (cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n") + "\r\n").read();
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }

    @Test
    void gzipPageInSmallChunksIsRewrittenExactlyAsTheCommandLineWould() throws Exception {
        for (int chunk : List.of(7, 1000, 1 << 20)) {
            try (TestUpstream upstream = TestUpstream.start(serving(gzip(page), "gzip", chunk));
                 RunningGateway gateway = RunningGateway.in(upstream.uri())) {
                RawClient.Response r = get(gateway, "gzip, deflate, br, zstd", "");
                assertEquals(List.of("gzip"), r.headers("content-encoding"));
                assertArrayEquals(expectedEssentialOnly, gunzip(r.body()), "chunk size " + chunk);
                assertEquals(List.of("Cookie, Sec-GPC"), r.headers("vary"));
                assertTrue(r.headers("etag").get(0).startsWith("W/\"v1.cg-"), r.headers("etag").toString());
                assertEquals(List.of(), r.headers("content-length"));
                String askedFor = upstream.take().headers("accept-encoding").get(0);
                assertFalse(askedFor.contains("compress"), askedFor);
            }
        }
    }

    @Test
    void aPageOfTheSiteARuleNamesKeepsTheSitesOwnScripts() throws Exception {
        byte[] own = "<script src=\"https://www.youtube.com/s/player/base.js\"></script>".getBytes(StandardCharsets.UTF_8);
        try (TestUpstream upstream = TestUpstream.start(serving(own, "", 1000));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            for (String host : List.of("www.youtube.com", "m.youtube.com:8443", "shop.test")) {
                try (RawClient client = gateway.rawClient()) {
                    String body = new String(client.send("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").read().body(),
                            StandardCharsets.UTF_8);
                    if (host.equals("shop.test")) {
                        assertTrue(body.contains("type=\"text/plain\""), body);
                    } else {
                        assertArrayEquals(own, body.getBytes(StandardCharsets.UTF_8), host);
                    }
                }
            }
        }
    }

    @Test
    void digestsOfTheUpstreamsBytesAreNotSentWithTheFilteredPage() throws Exception {
        String digests = "Content-Digest: sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:\r\n"
                + "Repr-Digest: sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:\r\n"
                + "Digest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\r\n"
                + "Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==\r\n";
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + digests + "Content-Length: ";
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(head + page.length + "\r\n\r\n"
                + new String(page, StandardCharsets.ISO_8859_1)));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response filtered = get(gateway, "", "");
            assertArrayEquals(expectedEssentialOnly, filtered.body());
            for (String name : List.of("content-digest", "repr-digest", "digest", "content-md5")) {
                assertEquals(List.of(), filtered.headers(name), name);
            }
            RawClient.Response whole = get(gateway, "", "cg_consent=2025-12-16:functionality+analytics+advertising");
            assertEquals(1, whole.headers("content-digest").size(), "the upstream's bytes, passed as they are");
        }
    }


    @Test
    void anythingElseComesInACodingTheClientReads() throws Exception {
        String script = "console.log('app')";
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed("HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/javascript\r\nContent-Length: " + script.length() + "\r\n\r\n" + script));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            get(gateway, "gzip", "");
            assertEquals(List.of("gzip"), upstream.take().headers("accept-encoding"));
        }
    }

    @Test
    void everyAcceptEncodingLineCounts() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(serving(gzip(page), "gzip", 4096));
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            RawClient.Response r = client.send("GET / HTTP/1.1\r\nHost: shop.test\r\nAccept-Encoding: identity\r\n"
                    + "Accept-Encoding: gzip\r\n\r\n").read();
            assertEquals(List.of("gzip"), r.headers("content-encoding"));
            assertEquals(List.of("identity, gzip"), upstream.take().headers("accept-encoding"));
        }
    }

    @Test
    void aClientThatReadsNoCompressionGetsThePageUncompressedAndTheUpstreamIsAskedForNone() throws Exception {
        for (String accepts : List.of("", "identity")) {
            try (TestUpstream upstream = TestUpstream.start(serving(gzip(page), "gzip", 4096));
                 RunningGateway gateway = RunningGateway.in(upstream.uri())) {
                RawClient.Response r = get(gateway, accepts, "");
                assertEquals(List.of(), r.headers("content-encoding"), accepts);
                assertArrayEquals(expectedEssentialOnly, r.body(), accepts);
                assertEquals(accepts.isEmpty() ? List.of() : List.of("identity"),
                        upstream.take().headers("accept-encoding"), accepts);
            }
        }
    }

    @Test
    void brotliPageIsDecodedRewrittenAndReencoded() throws Exception {
        Brotli4jLoader.ensureAvailability();
        byte[] compressed = Encoder.compress(page);
        try (TestUpstream upstream = TestUpstream.start(serving(compressed, "br", 512));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response r = get(gateway, "br", "");
            assertEquals(List.of("br"), r.headers("content-encoding"));
            assertArrayEquals(expectedEssentialOnly, Decoder.decompress(r.body()).getDecompressedData());
        }
    }

    @Test
    void zstdPageIsDecodedAndSentAsGzip() throws Exception {
        byte[] compressed = com.github.luben.zstd.Zstd.compress(page);
        try (TestUpstream upstream = TestUpstream.start(serving(compressed, "zstd", 700));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response r = get(gateway, "gzip, zstd", "");
            assertEquals(List.of("gzip"), r.headers("content-encoding"));
            assertArrayEquals(expectedEssentialOnly, gunzip(r.body()));
        }
    }

    @Test
    void withEveryCategoryGrantedThePagePassesByteForByte() throws Exception {
        byte[] compressed = gzip(page);
        try (TestUpstream upstream = TestUpstream.start(serving(compressed, "gzip", 333));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response r = get(gateway, "gzip", "cg_consent=2025-12-16:functionality+analytics+advertising");
            assertArrayEquals(compressed, r.body());
            assertTrue(r.headers("etag").get(0).startsWith("\"v1.cg-"), "strong: the bytes are the upstream's");
            assertEquals(List.of("Cookie, Sec-GPC"), r.headers("vary"));
        }
    }

    @Test
    void htmlInACodingTheGatewayCannotDecodeIsNeverSent() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(serving(page, "compress", 4096));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response r = get(gateway, "gzip", "");
            assertEquals(502, r.status());
            assertFalse(r.bodyText().contains("googletagmanager"));
        }
    }

    @Test
    void gzipBombAbortsTheResponse() throws Exception {
        byte[] bomb = gzip(new byte[64 << 20]);
        try (TestUpstream upstream = TestUpstream.start(serving(bomb, "gzip", 8192));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            try (RawClient client = gateway.rawClient()) {
                client.send("GET / HTTP/1.1\r\nHost: shop.test\r\nAccept-Encoding: gzip\r\n\r\n");
                client.readAborted().ifPresent(r ->
                        assertFalse(r.complete(), "a bomb must not end as a complete response"));
            }
        }
    }

    @Test
    void brotliAndZstdBombsAbortTheResponse() throws Exception {
        Brotli4jLoader.ensureAvailability();
        byte[] zeros = new byte[64 << 20];
        for (String coding : List.of("br", "zstd")) {
            byte[] bomb = coding.equals("br") ? Encoder.compress(zeros) : com.github.luben.zstd.Zstd.compress(zeros);
            try (TestUpstream upstream = TestUpstream.start(serving(bomb, coding, 8192));
                 RunningGateway gateway = RunningGateway.in(upstream.uri())) {
                try (RawClient client = gateway.rawClient()) {
                    client.send("GET / HTTP/1.1\r\nHost: shop.test\r\nAccept-Encoding: gzip\r\n\r\n");
                    client.readAborted().ifPresent(r -> {
                        assertFalse(r.complete(), coding + ": a bomb must not end as a complete response");
                        assertTrue(r.body().length < 64 << 20, coding + ": " + r.body().length + " bytes sent");
                    });
                }
            }
        }
    }

    @Test
    void aBodyCutShortDoesNotEndAsACompleteResponse() throws Exception {
        Brotli4jLoader.ensureAvailability();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(deflated)) {
            z.write(page);
        }
        for (String coding : List.of("br", "zstd", "gzip", "deflate")) {
            byte[] coded = switch (coding) {
                case "br" -> Encoder.compress(page);
                case "zstd" -> com.github.luben.zstd.Zstd.compress(page);
                case "gzip" -> gzip(page);
                default -> deflated.toByteArray();
            };
            byte[] cut = java.util.Arrays.copyOf(coded, coded.length - 3);
            try (TestUpstream upstream = TestUpstream.start(serving(cut, coding, 4096));
                 RunningGateway gateway = RunningGateway.in(upstream.uri())) {
                try (RawClient client = gateway.rawClient()) {
                    client.send("GET / HTTP/1.1\r\nHost: shop.test\r\n\r\n");
                    client.readAborted().ifPresent(r -> assertFalse(r.status() == 200 && r.complete(),
                            coding + ": a truncated body must not end as a whole page"));
                }
            }
        }
    }

    @Test
    void corruptGzipAbortsTheResponseInsteadOfSendingRawBytes() throws Exception {
        byte[] corrupt = gzip(page);
        for (int i = 40; i < corrupt.length - 8; i += 3) {
            corrupt[i] ^= 0x5a;
        }
        try (TestUpstream upstream = TestUpstream.start(serving(corrupt, "gzip", 4096));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            try (RawClient client = gateway.rawClient()) {
                client.send("GET / HTTP/1.1\r\nHost: shop.test\r\nAccept-Encoding: gzip\r\n\r\n");
                client.readAborted().ifPresent(r -> {
                    assertFalse(r.complete());
                    assertTrue(r.body().length < corrupt.length);
                });
            }
        }
    }

    /** A response of these head lines (each ending in CRLF) and the page, with a Content-Length. */
    private static TestUpstream.Responder withHead(String headLines, byte[] body) {
        return TestUpstream.fixed("HTTP/1.1 200 OK\r\n" + headLines + "Content-Length: " + body.length + "\r\n\r\n"
                + new String(body, StandardCharsets.ISO_8859_1));
    }

    @Test
    void aPageABrowserTakesForHtmlIsRewrittenWhateverElseItsContentTypeLinesSay() throws Exception {
        // a browser sniffs an empty, unparsable or "unknown" type, and takes the last type of several
        for (String lines : List.of("Content-Type:\r\n", "Content-Type: application/unknown\r\n",
                "Content-Type: unknown/unknown\r\n", "Content-Type: */*\r\n", "Content-Type: text\r\n",
                "Content-Type: text/plain\r\nContent-Type: text/html\r\n", "Content-Type: text/plain, text/html\r\n",
                "Content-Type: text/html, */*\r\n", "Content-Type: text/html, text/ plain\r\n")) {
            try (TestUpstream upstream = TestUpstream.start(withHead(lines, page));
                 RunningGateway gateway = RunningGateway.in(upstream.uri())) {
                RawClient.Response r = get(gateway, "", "");
                assertArrayEquals(expectedEssentialOnly, r.body(), lines);
                assertEquals(List.of("Cookie, Sec-GPC"), r.headers("vary"), lines);
            }
        }
        // the last type wins the other way too: a browser shows this as text, which runs nothing
        try (TestUpstream upstream = TestUpstream.start(withHead("Content-Type: text/html, text/plain\r\n", page));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            assertArrayEquals(page, get(gateway, "", "").body());
        }
    }

    @Test
    void aUtf16PagesCharsetIsReadAsABrowserReadsIt() throws Exception {
        byte[] utf16 = new String(page, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);
        String expected = new String(expectedEssentialOnly, StandardCharsets.UTF_8);
        for (String lines : List.of("Content-Type: text/html\r\nContent-Type: text/html; charset=utf-16le\r\n",
                "Content-Type: text/html; charset=; charset=utf-16le\r\n",
                "Content-Type: text/html; foo=\"a;charset=utf-8\"; charset=utf-16le\r\n",
                "Content-Type: text/html; charset=\"UTF-16LE\"\r\n",
                "Content-Type: text/html; charset=utf-16le\r\nContent-Type: text/html; charset=utf-8\r\n"
                        + "Content-Type: text/html\r\n")) {
            try (TestUpstream upstream = TestUpstream.start(withHead(lines, utf16));
                 RunningGateway gateway = RunningGateway.in(upstream.uri())) {
                assertEquals(expected, new String(get(gateway, "", "").body(), StandardCharsets.UTF_16LE), lines);
            }
        }
        // a label that names no encoding is ignored, as a browser ignores it: the page is read as bytes
        try (TestUpstream upstream = TestUpstream.start(withHead("Content-Type: text/html; charset=utf-16x\r\n",
                page));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            assertArrayEquals(expectedEssentialOnly, get(gateway, "", "").body());
        }
    }

    @Test
    void nonHtmlResponsesAreNotTouched() throws Exception {
        String script = "document.write('<script src=\"https://www.googletagmanager.com/gtm.js\"></script>')";
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed("HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/javascript\r\nContent-Length: " + script.length() + "\r\n\r\n" + script));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response r = get(gateway, "", "");
            assertEquals(script, r.bodyText());
            assertEquals(List.of(), r.headers("vary"));
        }
    }
}
