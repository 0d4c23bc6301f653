package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.consentgate.testing.TestUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Speculation rules make Chromium fetch on its own, before the visitor follows any link: a list rule's URL (here
 * written with a JSON escape, or relative to a base on the tracker's host), a link a document rule matches, a
 * first-party URL that redirects to a tracker, a rule set a Speculation-Rules header names on a tracker's host, and
 * a tracker's URL in the site's own rule set that such a header names.
 * Straight from the upstream the stand-in tracker receives each of those requests (they run in the browser
 * process, so the tracker's own log is the evidence, not the tab's); through the gateway without consent it
 * receives none, while the site's own rules still make Chromium prefetch its pages.
 */
@ExtendWith(BrowserLab.class)
class SpeculationRulesReachNoTrackerE2ETest {

    private static PagesBehindGateway site;

    /** The page of {@code kind}; {@code marker} tells one load's tracker requests from another's. */
    private static String construct(String kind, String marker) {
        return switch (kind) {
            case "escaped" -> "<script type=\"speculationrules\">{\"prefetch\":[{\"urls\":[\"https://www.youtub"
                    + "\\u0065.com/embed/" + marker + "\"]}]}</script>";
            case "base" -> "<base href=\"https://www.youtube.com/\"><script type=\"speculationrules\">{\"prerender\":"
                    + "[{\"urls\":[\"embed/" + marker + "\"]}]}</script>";
            case "selector" -> "<a href=\"https://www.youtube.com/embed/" + marker + "\">video</a><script type=\""
                    + "speculationrules\">{\"prefetch\":[{\"where\":{\"selector_matches\":\"a\"},\"eagerness\":"
                    + "\"immediate\"}]}</script>";
            case "redirect" -> "<script type=\"speculationrules\">{\"prefetch\":[{\"urls\":[\"/out?" + marker
                    + "\"]}]}</script>";
            case "own" -> "<script type=\"speculationrules\">{\"prefetch\":[{\"urls\":[\"/next?" + marker
                    + "\"]}]}</script>";
            default -> "<p>" + kind + "</p>";
        };
    }

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.start(target -> {
            if (target.startsWith("/rules.json?")) {
                return PagesBehindGateway.Page.ok("Content-Type: application/speculationrules+json\r\n",
                        ("{\"prefetch\":[{\"urls\":[\"https://www.youtube.com/embed/" + target.substring(12)
                                + "\"]}]}").getBytes(StandardCharsets.UTF_8));
            }
            if (target.startsWith("/out?")) {
                return new PagesBehindGateway.Page("302 Found",
                        "Location: https://www.youtube.com/embed/" + target.substring(5) + "\r\n", new byte[0]);
            }
            // /KIND/MARKER
            String[] parts = target.split("[/?]");
            String kind = parts.length > 1 ? parts[1] : "";
            String marker = parts.length > 2 ? parts[2] : "";
            byte[] body = ("<!DOCTYPE html><html><head><title>rules</title></head><body>" + construct(kind, marker)
                    + "</body></html>").getBytes(StandardCharsets.UTF_8);
            return PagesBehindGateway.Page.ok("Content-Type: text/html; charset=utf-8\r\n"
                    + (kind.equals("header") ? "Speculation-Rules: \"https://www.youtube.com/embed/" + marker
                            + "\"\r\n" : "")
                    + (kind.equals("own-rule-set") ? "Speculation-Rules: \"/rules.json?" + marker + "\"\r\n" : ""),
                    body);
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"escaped", "base", "selector", "redirect", "header", "own-rule-set"})
    void theTrackerIsAskedStraightFromTheUpstreamAndNotThroughTheGateway(String kind, BrowserLab.Lab lab)
            throws InterruptedException {
        String direct = "SRD" + kind + System.nanoTime();
        load(lab, site.upstream.uri() + "/" + kind + "/" + direct, "speculation-" + kind + "-direct");
        assertFalse(awaitTrackerRequests(lab, direct, 10_000).isEmpty(),
                kind + ": straight from the upstream, Chromium asks the tracker");
        String through = "SRG" + kind + System.nanoTime();
        load(lab, site.gatewayOrigin() + "/" + kind + "/" + through, "speculation-" + kind + "-gateway");
        assertEquals(List.of(), awaitTrackerRequests(lab, through, 3_000),
                kind + ": through the gateway, requests to the tracker");
    }

    @Test
    void theSitesOwnRulesStillPrefetchThroughTheGateway(BrowserLab.Lab lab) throws InterruptedException {
        String marker = "SROWN" + System.nanoTime();
        site.upstream.drain();
        load(lab, site.gatewayOrigin() + "/own/" + marker, "speculation-own-gateway");
        long deadline = System.currentTimeMillis() + 10_000;
        boolean prefetched = false;
        for (long left = 10_000; !prefetched && left > 0; left = deadline - System.currentTimeMillis()) {
            TestUpstream.Received r = site.upstream.poll(left);
            prefetched = r != null && r.requestLine().contains("/next?" + marker)
                    && r.headers("Sec-Purpose").contains("prefetch");
        }
        assertTrue(prefetched, "through the gateway, Chromium prefetched the site's own /next");
    }

    private static void load(BrowserLab.Lab lab, String url, String evidence) {
        try (Tab tab = lab.newTab()) {
            tab.navigate(url);
            Evidence.save(evidence, tab, List.of("page: " + url));
        }
    }

    /** The stand-in tracker's requests carrying {@code marker}, waiting up to {@code millis} for a first one. */
    private static List<String> awaitTrackerRequests(BrowserLab.Lab lab, String marker, long millis)
            throws InterruptedException {
        return lab.trackers.awaitReceivedWith(marker, millis);
    }
}
