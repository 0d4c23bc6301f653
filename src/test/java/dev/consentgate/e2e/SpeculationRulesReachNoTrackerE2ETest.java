package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.consentgate.testing.TestUpstream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Speculation rules make Chromium fetch on its own, before the visitor follows any link: a list rule's URL (here
 * written with a JSON escape, or relative to a base on the tracker's host), a link a document rule matches, a
 * first-party URL that redirects to a tracker, a rule set a Speculation-Rules header names on a tracker's host, and
 * a tracker's URL in the site's own rule set that such a header names; a link to a tracker's path that a pattern
 * matches past its first wildcard, on a host the visitor granted; a list rule of the site's own rule set relative to
 * the page's base on the tracker's host; and a first-party URL that redirects to a granted site that redirects on
 * to a tracker; and an empty list rule URL, which is a base's on the tracker's host.
 * Straight from the upstream the stand-in tracker receives each of those requests (they run in the browser
 * process, so the tracker's own log is the evidence, not the tab's); through the gateway without consent (or with
 * functionality only) it receives none, while the site's own rules still make Chromium prefetch its pages, one that
 * excludes a tracker's links too. ({@code <script type="speculationrules" src>} makes Chromium 150 fetch nothing.)
 */
@ExtendWith(BrowserLab.class)
class SpeculationRulesReachNoTrackerE2ETest {

    @AutoClose
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
            // Before (found by a review): through the gateway, for a visitor who granted functionality (Facebook's
            // plugins), Chromium prefetched the link to www.facebook.com/tr (advertising)
            case "path-wildcard" -> "<a href=\"https://www.facebook.com/tr?" + marker + "\">x</a><script type=\""
                    + "speculationrules\">{\"prefetch\":[{\"where\":{\"href_matches\":\"https://www.facebook.com/t*\"},"
                    + "\"eagerness\":\"immediate\"}]}</script>";
            // Before (found by a review): through the gateway, the site's own rule set (named by the header), relative
            // to this base, made Chromium prefetch www.youtube.com/embed/...
            case "document-base" -> "<base href=\"https://www.youtube.com/\"><p>document-base</p>";
            // Before (found by a review): through the gateway, for a visitor who granted functionality, Chromium
            // followed /out-chain to www.youtube.com/redirect and on to www.facebook.com/tr (advertising)
            case "chain" -> "<script type=\"speculationrules\">{\"prefetch\":[{\"urls\":[\"/out-chain?" + marker
                    + "\"]}]}</script>";
            // Before (found by a review): through the gateway the rule set was removed (the tracker it excludes
            // counting as reached), and Chromium prefetched nothing
            case "exclusion" -> "<a href=\"/next?" + marker + "\">next</a><script type=\"speculationrules\">"
                    + "{\"prefetch\":[{\"where\":{\"and\":[{\"href_matches\":\"/next*\"},{\"not\":{\"href_matches\":"
                    + "\"https://www.youtube.com/*\"}}]},\"eagerness\":\"immediate\"}]}</script>";
            // Before (found by a review): through the gateway, Chromium prefetched the base's URL, which the empty
            // URL resolves to
            case "empty" -> "<base href=\"https://www.youtube.com/embed/" + marker + "\"><script type=\""
                    + "speculationrules\">{\"prefetch\":[{\"urls\":[\"\"]}]}</script>";
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
            if (target.startsWith("/rules-doc.json?")) {
                return PagesBehindGateway.Page.ok("Content-Type: application/speculationrules+json\r\n",
                        ("{\"prefetch\":[{\"urls\":[\"embed/" + target.substring(16)
                                + "\"],\"relative_to\":\"document\"}]}").getBytes(StandardCharsets.UTF_8));
            }
            if (target.startsWith("/out-chain?")) {
                return new PagesBehindGateway.Page("302 Found", "Location: https://www.youtube.com/redirect?q="
                        + "https%3A%2F%2Fwww.facebook.com%2Ftr%3F" + target.substring(11) + "\r\n", new byte[0]);
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
                    + (kind.equals("own-rule-set") ? "Speculation-Rules: \"/rules.json?" + marker + "\"\r\n" : "")
                    + (kind.equals("document-base") ? "Speculation-Rules: \"/rules-doc.json?" + marker + "\"\r\n" : ""),
                    body);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"escaped", "base", "selector", "redirect", "header", "own-rule-set", "path-wildcard",
        "document-base", "chain", "empty"})
    void theTrackerIsAskedStraightFromTheUpstreamAndNotThroughTheGateway(String kind, BrowserLab.Lab lab)
            throws Exception {
        String direct = "SRD" + kind + System.nanoTime();
        load(lab, site.upstream.uri() + "/" + kind + "/" + direct, "speculation-" + kind + "-direct", "");
        assertFalse(awaitTrackerRequests(lab, direct, 10_000).isEmpty(),
                kind + ": straight from the upstream, Chromium asks the tracker");
        String through = "SRG" + kind + System.nanoTime();
        load(lab, site.gatewayOrigin() + "/" + kind + "/" + through, "speculation-" + kind + "-gateway",
                kind.equals("path-wildcard") || kind.equals("chain") ? "functionality" : "");
        assertEquals(List.of(), awaitTrackerRequests(lab, through, 3_000),
                kind + ": through the gateway, requests to the tracker");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"own", "exclusion"})
    void theSitesOwnRulesStillPrefetchThroughTheGateway(String kind, BrowserLab.Lab lab) throws Exception {
        String marker = "SROWN" + System.nanoTime();
        site.upstream.drain();
        load(lab, site.gatewayOrigin() + "/" + kind + "/" + marker, "speculation-" + kind + "-gateway");
        long deadline = System.currentTimeMillis() + 10_000;
        boolean prefetched = false;
        for (long left = 10_000; !prefetched && left > 0; left = deadline - System.currentTimeMillis()) {
            TestUpstream.Received r = site.upstream.poll(left);
            prefetched = r != null && r.requestLine().contains("/next?" + marker)
                    && r.headers("Sec-Purpose").contains("prefetch");
        }
        assertTrue(prefetched, "through the gateway, Chromium prefetched the site's own /next");
    }

    private static void load(BrowserLab.Lab lab, String url, String evidence) throws Exception {
        load(lab, url, evidence, "");
    }

    /** Loads {@code url} in a tab of its own, whose visitor granted {@code granted} ("a+b"; "": never answered). */
    private static void load(BrowserLab.Lab lab, String url, String evidence, String granted) throws Exception {
        try (Tab tab = lab.newTab()) {
            if (!granted.isEmpty()) {
                tab.setCookie(site.gatewayOrigin(), "cg_consent",
                        GatewayInFront.defaultRuleset().consent().revision() + ":" + granted);
            }
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
