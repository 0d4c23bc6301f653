package dev.consentgate.proxy;

import dev.consentgate.testing.SharedCorpus;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.config.Ruleset;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.cookie.CookieClassifier;
import dev.consentgate.html.HtmlRewriter;
import dev.consentgate.html.PageSite;
import dev.consentgate.html.RewriteListener;
import dev.consentgate.html.TagPolicy;
import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real pages of ../shared/corpus/pages through the proxy, gzip-encoded and sent upstream in small chunks: what
 * the browser receives is exactly what the command line (the same rewriter on the whole page) produces.
 */
class CorpusPagesThroughGatewayIntegrationTest {

    private static Path pagesDir() {
        Path dir = SharedCorpus.dir("pages");
        Assumptions.assumeTrue(Files.isDirectory(dir),
                SharedCorpus.describe("pages") + " absent: skipping the corpus pages");
        return dir;
    }

    @Test
    void everyPageThroughTheGatewayEqualsTheCommandLineOutput() throws Exception {
        List<Path> pages;
        try (Stream<Path> files = Files.list(pagesDir())) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        Ruleset ruleset = RunningGateway.defaultRuleset();
        TagPolicy policy = new TagPolicy(ruleset.tagRules(), ruleset.categories(), ruleset.html());
        ConsentDecision essential = new ConsentDecision(Set.of("essential"), "default", Optional.empty(), false,
                Optional.empty());
        CookieClassifier cookies = new CookieClassifier(ruleset.cookieRules(), ruleset.undeclared(),
                ruleset.categories());
        AtomicReference<byte[]> served = new AtomicReference<>();
        TestUpstream.Responder gzipChunks = (request, out, socket) -> TestUpstream.chunked(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n",
                HtmlThroughGatewayIntegrationTest.gzip(served.get()), 509).respond(request, out, socket);
        try (TestUpstream upstream = TestUpstream.start(gzipChunks);
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            for (Path page : pages) {
                byte[] original = Files.readAllBytes(page);
                served.set(original);
                byte[] expected = HtmlRewriter.rewriteAll(policy, essential, PageSite.ofHost("shop.test"), original,
                        RewriteListener.NONE, Optional.empty(), name -> cookies.allows(name, essential));
                try (RawClient client = gateway.rawClient()) {
                    RawClient.Response r = client.send("GET / HTTP/1.1\r\nHost: shop.test\r\n"
                            + "Accept-Encoding: gzip\r\n\r\n").read();
                    assertEquals(200, r.status(), page.getFileName().toString());
                    assertArrayEquals(expected, gunzip(r.body()), page.getFileName().toString());
                }
            }
        }
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }
}
