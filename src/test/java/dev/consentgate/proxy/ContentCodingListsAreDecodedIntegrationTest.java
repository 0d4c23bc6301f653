package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.Zstd;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An HTML response whose Content-Encoding lists several codings (RFC 9110 8.4: in the order they were applied, on
 * one line or several, with empty members and identity ignored) is decoded last coding first, rewritten and sent in
 * one coding the client reads, with one decompression budget for the whole chain; a list with a coding the gateway
 * cannot decode is still refused, naming that coding.
 */
class ContentCodingListsAreDecodedIntegrationTest {

    private static byte[] page;
    private static byte[] expectedEssentialOnly;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = ContentCodingListsAreDecodedIntegrationTest.class.getResourceAsStream(
                "/demo/index.html")) {
            page = in.readAllBytes();
        }
        Ruleset ruleset = RunningGateway.defaultRuleset();
        TagPolicy policy = new TagPolicy(ruleset.tagRules(), ruleset.categories(), ruleset.html());
        ConsentDecision essential = new ConsentDecision(Set.of("essential"), "default", Optional.empty(), false,
                Optional.empty());
        expectedEssentialOnly = HtmlRewriter.rewriteAll(policy, essential, page, RewriteListener.NONE);
        assertFalse(new String(expectedEssentialOnly, StandardCharsets.UTF_8).contains(
                "<script async src=\"https://www.googletagmanager.com"));
        Brotli4jLoader.ensureAvailability();
    }

    /** A 200 with these Content-Encoding lines (each ending in CRLF) and the body, chunked in pieces of this size. */
    private static TestUpstream.Responder serving(String type, String codingLines, byte[] body, int chunkSize) {
        return TestUpstream.chunked("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\n" + codingLines
                + "Set-Cookie: _ga=GA1.1.1.1; Max-Age=999; Path=/\r\n", body, chunkSize);
    }

    private static RawClient.Response get(RunningGateway gateway, String method, String acceptEncoding)
            throws IOException {
        try (RawClient client = gateway.rawClient()) {
            return client.send(method + " / HTTP/1.1\r\nHost: shop.test\r\n"
                    + (acceptEncoding.isEmpty() ? "" : "Accept-Encoding: " + acceptEncoding + "\r\n") + "\r\n")
                    .read(method.equals("HEAD"));
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(bytes)) {
            z.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] brotli(byte[] data) throws IOException {
        return Encoder.compress(data);
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }

    /** The body as the client got it, decoded from the one coding it came in. */
    private static byte[] decoded(RawClient.Response r) throws IOException {
        List<String> coding = r.headers("content-encoding");
        if (coding.isEmpty()) {
            return r.body();
        }
        return coding.equals(List.of("br")) ? Decoder.decompress(r.body()).getDecompressedData() : gunzip(r.body());
    }

    @Test
    void eachFormOfAListIsDecodedLastCodingFirstAndThePageSentInOneCoding() throws Exception {
        // Before (found by a review): every one of these was answered 502 (Chromium renders the first four kinds:
        // codings applied one after another, on one line or several)
        Map<String, byte[]> forms = new LinkedHashMap<>();
        forms.put("Content-Encoding: gzip, gzip\r\n", gzip(gzip(page)));
        forms.put("Content-Encoding: gzip\r\nContent-Encoding: gzip\r\n", gzip(gzip(page)));
        forms.put("Content-Encoding: deflate, br\r\n", brotli(deflate(page)));
        forms.put("Content-Encoding: x-gzip,ZSTD\r\n", Zstd.compress(gzip(page)));
        forms.put("Content-Encoding: GZIP, Deflate\r\n", deflate(gzip(page)));
        forms.put("Content-Encoding: identity, gzip\r\n", gzip(page));
        forms.put("Content-Encoding: identity\r\nContent-Encoding: gzip\r\n", gzip(page));
        forms.put("Content-Encoding: gzip,\r\n", gzip(page));
        forms.put("Content-Encoding: , gzip ,, \t\r\n", gzip(page));
        forms.put("Content-Encoding:\r\nContent-Encoding: gzip\r\n", gzip(page));
        forms.put("Content-Encoding: gzip, ,gzip\r\n", gzip(gzip(page)));
        for (Map.Entry<String, byte[]> form : forms.entrySet()) {
            try (TestUpstream upstream = TestUpstream.start(serving("text/html", form.getKey(), form.getValue(), 1000));
                 RunningGateway gateway = RunningGateway.in(upstream.uri())) {
                String lines = form.getKey().replace("\r\n", " | ");
                RawClient.Response r = get(gateway, "GET", "gzip, deflate, br, zstd");
                assertEquals(200, r.status(), lines + ": " + r.bodyText());
                boolean brLast = form.getKey().endsWith("br\r\n");
                assertEquals(List.of(brLast ? "br" : "gzip"), r.headers("content-encoding"), lines);
                assertArrayEquals(expectedEssentialOnly, decoded(r), lines);
                assertEquals(List.of(), r.headers("set-cookie"), lines + ": no consent, no analytics cookie");
            }
        }
    }

    @Test
    void aClientThatReadsNoCompressionGetsTheDecodedPageAndAHeadSaysWhatAGetGets() throws Exception {
        // Before (found by a review): both were answered 502
        try (TestUpstream upstream = TestUpstream.start(serving("text/html", "Content-Encoding: gzip, gzip\r\n",
                gzip(gzip(page)), 4096));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response plain = get(gateway, "GET", "");
            assertEquals(200, plain.status(), plain.bodyText());
            assertEquals(List.of(), plain.headers("content-encoding"));
            assertArrayEquals(expectedEssentialOnly, plain.body());
            RawClient.Response head = get(gateway, "HEAD", "gzip");
            assertEquals(200, head.status());
            assertEquals(List.of("gzip"), head.headers("content-encoding"));
        }
    }

    @Test
    void aListWithACodingTheGatewayCannotDecodeIsRefusedWithAnErrorNamingIt() throws Exception {
        byte[] gzipped = gzip(page);
        Map<String, String> named = new LinkedHashMap<>();
        named.put("Content-Encoding: gzip, compress\r\n", "'compress'");
        named.put("Content-Encoding: compress, gzip\r\n", "'compress'");
        named.put("Content-Encoding: gzip\r\nContent-Encoding: gzip;q=1\r\n", "'gzip;q=1'");
        named.put("Content-Encoding: gzip, gzip, gzip, gzip, gzip, gzip\r\n", "6 codings");
        for (Map.Entry<String, String> form : named.entrySet()) {
            try (TestUpstream upstream = TestUpstream.start(serving("text/html", form.getKey(), gzipped, 4096));
                 RunningGateway gateway = RunningGateway.in(upstream.uri())) {
                RawClient.Response r = get(gateway, "GET", "gzip");
                assertEquals(502, r.status(), form.getKey());
                assertTrue(r.bodyText().contains(form.getValue()), r.bodyText());
                assertFalse(new String(r.body(), StandardCharsets.ISO_8859_1).contains(
                        new String(gzipped, 0, 64, StandardCharsets.ISO_8859_1)), form.getKey());
            }
        }
    }

    @Test
    void fiveCodingsAreDecoded() throws Exception {
        // Before (found by a review): answered 502
        byte[] body = page;
        for (int i = 0; i < ContentCodings.MAX_CODINGS; i++) {
            body = gzip(body);
        }
        try (TestUpstream upstream = TestUpstream.start(serving("text/html",
                "Content-Encoding: gzip, gzip, gzip, gzip, gzip\r\n", body, 1000));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response r = get(gateway, "GET", "gzip");
            assertEquals(200, r.status(), r.bodyText());
            assertArrayEquals(expectedEssentialOnly, decoded(r));
        }
    }

    /** Asks for the page and asserts it never ends as a whole response (a 502 before it starts, or an abort). */
    private static void assertStopped(TestUpstream.Responder bomb, String what) throws Exception {
        try (TestUpstream upstream = TestUpstream.start(bomb);
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            client.send("GET / HTTP/1.1\r\nHost: shop.test\r\nAccept-Encoding: gzip\r\n\r\n");
            client.readAborted().ifPresent(r -> {
                assertFalse(r.status() == 200 && r.complete(), what + ": must not end as a complete page");
                assertTrue(r.body().length < 1 << 20, what + ": " + r.body().length + " bytes sent");
            });
        }
    }

    @Test
    void aBombNestedInTwoGzipLayersIsStopped() throws Exception {
        assertStopped(serving("text/html", "Content-Encoding: gzip, gzip\r\n", gzip(gzip(new byte[64 << 20])),
                8192), "gzip, gzip of 64 MiB of zeros");
    }

    @Test
    void anInnerLayerThatExpandsIntoNothingCountsAgainstTheBudgetToo() throws Exception {
        // 16 MiB of empty stored deflate blocks, then the page: the inner layer makes the page, the outer 16 MiB
        assertStopped(serving("text/html", "Content-Encoding: gzip, gzip\r\n", gzip(gzipAfterEmptyBlocks(page,
                16 << 20)), 8192), "16 MiB between the layers");
    }

    /** A gzip member whose deflate stream starts with this many bytes of empty stored blocks, then holds the data. */
    private static byte[] gzipAfterEmptyBlocks(byte[] data, int emptyBlockBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
        // a stored block, not the last, of no bytes: BFINAL 0 and BTYPE 00, then LEN 0 and NLEN 0xffff
        byte[] empty = new byte[5 * 13_107];
        for (int i = 0; i < empty.length; i += 5) {
            empty[i + 3] = (byte) 0xff;
            empty[i + 4] = (byte) 0xff;
        }
        for (int written = 0; written < emptyBlockBytes; written += empty.length) {
            out.write(empty);
        }
        // the data as one last stored block (at most 65535 bytes)
        int n = Math.min(data.length, 0xffff);
        out.write(new byte[] {1, (byte) n, (byte) (n >> 8), (byte) ~n, (byte) (~n >> 8)});
        out.write(data, 0, n);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data, 0, n);
        long c = crc.getValue();
        out.write(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
            (byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
        return out.toByteArray();
    }

    @Test
    void anythingButAPagePassesAsItIsWithItsCookiesJudgedAsBefore() throws Exception {
        byte[] coded = gzip(gzip("console.log('app')".getBytes(StandardCharsets.UTF_8)));
        try (TestUpstream upstream = TestUpstream.start(serving("text/javascript",
                "Content-Encoding: gzip, gzip\r\n", coded, 4096));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response r = get(gateway, "GET", "gzip");
            assertEquals(200, r.status());
            assertEquals(List.of("gzip, gzip"), r.headers("content-encoding"));
            assertArrayEquals(coded, r.body());
            assertEquals(List.of(), r.headers("set-cookie"), "no consent, no analytics cookie");
        }
    }
}
