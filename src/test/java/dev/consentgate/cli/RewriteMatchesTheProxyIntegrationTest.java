package dev.consentgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.Listener;
import dev.consentgate.config.Ruleset;
import dev.consentgate.config.RulesetLoader;
import dev.consentgate.proxy.Gateway;
import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rewrite} writes the body the proxy sends, the gateway's own markup included: each page here goes through a
 * running gateway and through the command, with the same ruleset, and both must give the same bytes.
 */
class RewriteMatchesTheProxyIntegrationTest {

    private static final byte[] PAGE = ("<!doctype html><html><head><title>t</title>"
            + "<script src=\"https://www.googletagmanager.com/gtm.js?id=GTM-1\"></script></head>"
            + "<body><p>hi</p></body></html>").getBytes(StandardCharsets.US_ASCII);

    private static final String BANNER_OFF = "enabled: false               # inject the gateway's own banner";

    @TempDir
    Path dir;

    /** The shipped ruleset with {@code edit} applied to its text. */
    private Path ruleset(UnaryOperator<String> edit) throws Exception {
        String yaml = Files.readString(Path.of("config/consentgate.yaml"));
        String edited = edit.apply(yaml);
        assertFalse(edited.equals(yaml), "the edit changed the ruleset");
        Path config = dir.resolve("consentgate.yaml");
        Files.writeString(config, edited);
        return config;
    }

    private static String consentModeOn(String yaml) {
        return yaml.replace("consent_mode: false", "consent_mode: true");
    }

    private static String bannerOn(String yaml) {
        assertTrue(yaml.contains(BANNER_OFF));
        return yaml.replace(BANNER_OFF, BANNER_OFF.replace("false", "true "));
    }

    /** The body the proxy sends for {@code GET /} of the page, with these request headers (CRLF-ended lines). */
    private static String proxied(Path config, String requestHeaders) throws Exception {
        Ruleset loaded = RulesetLoader.load(config);
        TestUpstream.Responder responder = (request, out, socket) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + PAGE.length
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(PAGE);
            out.flush();
        };
        try (TestUpstream upstream = TestUpstream.start(responder);
             RunningGateway gateway = RunningGateway.serving(new Gateway(loaded.withRoutes(
                     List.of(loaded.routes().get(0).withUpstream(upstream.uri())))
                     .withListeners(List.of(new Listener("127.0.0.1", 0))), Clock.systemUTC()));
             RawClient client = gateway.rawClient()) {
            RawClient.Response r = client.send("GET / HTTP/1.1\r\nHost: shop.test\r\n" + requestHeaders + "\r\n")
                    .read();
            assertEquals(200, r.status());
            return new String(r.body(), StandardCharsets.UTF_8);
        }
    }

    /** The command's stdout for the page; its status must be 0. */
    private static String rewritten(Path config, String... options) {
        String[] args = new String[options.length + 5];
        System.arraycopy(new String[] {"rewrite", "--config", config.toString(), "--site", "shop.test"}, 0, args, 0, 5);
        System.arraycopy(options, 0, args, 5, options.length);
        CommandRun r = CommandRun.of(PAGE, args);
        assertEquals(0, r.status(), r.err());
        return r.outText();
    }

    /*
     * Input: a ruleset with consent_mode: true (the shipped one with that single line changed), a page with a head
     *   and a GTM script, consent essential (a visitor who answered "essential only": cg_consent=2025-12-16:).
     * Before (found by a review): the proxy inserted Google Consent Mode's gtag('consent','default',...) after
     *   <head>; rewrite --consent essential with the same ruleset did not, and had no option to: the page an
     *   operator tested was not the page visitors get.
     * Expected: the same bytes (README: "writes what the proxy would send for that consent").
     */
    @Test
    void consentModeSnippetTheProxyInsertsIsInTheCommandLineOutputToo() throws Exception {
        Path config = ruleset(RewriteMatchesTheProxyIntegrationTest::consentModeOn);
        String proxied = proxied(config, "Cookie: cg_consent=2025-12-16:\r\n");
        assertTrue(proxied.contains("gtag('consent','default'"), "the proxy inserts the Consent Mode defaults");
        assertEquals(proxied, rewritten(config, "--consent", "essential"));
    }

    /*
     * Input: banner.enabled and consent_mode on, a visitor with no consent cookie (who has not answered yet).
     * Before (found by a review): the command line could not describe that visitor (its consent always counted as
     *   answered) and never wrote the banner the proxy shows them.
     * Expected: rewrite --unanswered writes what the proxy sends that visitor, banner and Consent Mode included.
     */
    @Test
    void aVisitorWhoHasNotAnsweredGetsTheBannerFromTheCommandLineAsFromTheProxy() throws Exception {
        Path config = ruleset(yaml -> bannerOn(consentModeOn(yaml)));
        String proxied = proxied(config, "");
        assertTrue(proxied.contains("cg-banner"), "the proxy shows the banner: " + proxied);
        assertEquals(proxied, rewritten(config, "--unanswered"));
        assertFalse(rewritten(config, "--consent", "essential").contains("cg-banner"),
                "a visitor who answered gets no banner");
    }

    /** Where the ruleset's default is opt-out, a visitor who has not answered has every category, and the banner. */
    @Test
    void anUnansweredVisitorOfAnOptOutRulesetHasEverythingAndTheBanner() throws Exception {
        Path config = ruleset(yaml -> bannerOn(yaml).replace("default: opt-in", "default: opt-out"));
        String proxied = proxied(config, "");
        assertTrue(proxied.contains("src=\"https://www.googletagmanager.com/gtm.js?id=GTM-1\""), proxied);
        assertEquals(proxied, rewritten(config, "--unanswered"));
        assertEquals(proxied, rewritten(config, "--unanswered", "--consent", "all"));
    }
}
