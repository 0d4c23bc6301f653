package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.consentgate.testing.TestUpstream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A page whose Content-Security-Policy-Report-Only header names a report-uri makes Chromium POST a report of each
 * violation there, with the page's URL in it, as the page loads. Before (found by a review): the header passed as
 * written, and a report-uri on a tracker's host (sentry.io's ingest in the review; www.google-analytics.com, a
 * stand-in host, here) was asked through the gateway by a visitor who granted nothing. Straight from the upstream
 * the stand-in tracker receives the report; through the gateway it receives none, while the site's own report-uri in
 * the same header still receives it.
 */
@ExtendWith(BrowserLab.class)
class ReportsReachNoTrackerE2ETest {

    @AutoClose
    private static PagesBehindGateway site;

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.start(target -> {
            if (target.startsWith("/csp-report")) {
                return new PagesBehindGateway.Page("204 No Content", "", new byte[0]);
            }
            // /page?MARKER: an image the policy reports (it is still shown: the policy only reports)
            String marker = target.substring(target.indexOf('?') + 1);
            byte[] body = ("<!DOCTYPE html><html><head><title>reports</title></head><body><img src=\"/picture.png?"
                    + marker + "\" alt=\"\"></body></html>").getBytes(StandardCharsets.UTF_8);
            return PagesBehindGateway.Page.ok("Content-Type: text/html; charset=utf-8\r\n"
                    + "Content-Security-Policy-Report-Only: img-src 'none'; report-uri /csp-report?" + marker
                    + " https://" + StandInTrackers.GOOGLE_ANALYTICS + "/csp?" + marker + "\r\n", body);
        });
    }

    @Test
    void theTrackersReportUriIsAskedStraightFromTheUpstreamAndNotThroughTheGateway(BrowserLab.Lab lab)
            throws Exception {
        String direct = "CSPD" + System.nanoTime();
        load(lab, site.upstream.uri() + "/page?" + direct, "csp-report-direct");
        assertFalse(lab.trackers.awaitReceivedWith(direct, 10_000).isEmpty(),
                "straight from the upstream, Chromium reports to the tracker");
        String through = "CSPG" + System.nanoTime();
        site.upstream.drain();
        load(lab, site.gatewayOrigin() + "/page?" + through, "csp-report-gateway");
        assertTrue(awaitOwnReport(through), "through the gateway, the site's own report-uri still gets the report");
        assertEquals(List.of(), lab.trackers.awaitReceivedWith(through, 3_000),
                "through the gateway, requests to the tracker");
    }

    private static void load(BrowserLab.Lab lab, String url, String evidence) throws Exception {
        try (Tab tab = lab.newTab()) {
            tab.navigate(url);
            Evidence.save(evidence, tab, List.of("page: " + url));
        }
    }

    /** Whether the upstream receives the report POSTed to the site's own report-uri within 10 s. */
    private static boolean awaitOwnReport(String marker) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        for (long left = 10_000; left > 0; left = deadline - System.currentTimeMillis()) {
            TestUpstream.Received r = site.upstream.poll(left);
            if (r != null && r.requestLine().startsWith("POST /csp-report?" + marker)) {
                return true;
            }
        }
        return false;
    }
}
