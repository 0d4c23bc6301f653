package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A link's ping is read against the document's base URL as the visitor follows the link, not as the link is parsed:
 * a base element after the link, naming Meta's pixel host, makes the link's relative ping Meta's. The visitor clicks
 * the link, first on the page straight from the upstream, where the stand-in tracker receives the ping, then through
 * the gateway without consent, where it receives none and the link still leads to its page.
 */
@ExtendWith(BrowserLab.class)
class LinkPingsBeforeALaterBaseReachNoTrackerE2ETest {

    @AutoClose
    private static PagesBehindGateway site;

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.start(target -> {
            String[] path = target.split("\\?run=");
            if (path.length != 2) {
                return null;
            }
            String run = path[1];
            String origin = run.equals("direct") ? site.upstreamOrigin() : site.gatewayOrigin();
            String body = switch (path[0]) {
                case "/link" -> "<p><a id=\"go\" href=\"" + origin + "/next?run=" + run + "\" ping=\"/tr?ev=late-base"
                        + "&run=" + run + "\">Next</a></p><base href=\"https://www.facebook.com/\">";
                case "/next" -> "<p id=\"arrived\">arrived</p>";
                default -> null;
            };
            return body == null ? null : PagesBehindGateway.Page.ok("Content-Type: text/html; charset=utf-8\r\n",
                    ("<!DOCTYPE html><html><head><title>pings</title></head><body>" + body + "</body></html>")
                            .getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void thePingReachesTheTrackerStraightFromTheUpstreamAndNotThroughTheGateway(BrowserLab.Lab lab)
            throws InterruptedException {
        // Before (found by a review): the ping, relative, was judged as the link came, against no base, and passed;
        // Chromium read it against the base that followed and pinged the stand-in www.facebook.com through the gateway
        String marker = "ev=late-base&run=";
        follow(lab, site.upstreamOrigin() + "/link?run=direct", "link-pings-late-base-direct");
        assertFalse(lab.trackers.awaitReceivedWith(marker + "direct", 5000).isEmpty(),
                "straight from the upstream, Chromium pings the tracker");
        List<NetworkLog.Request> through = follow(lab, site.gatewayOrigin() + "/link?run=gateway",
                "link-pings-late-base-gateway");
        assertEquals(List.of(), lab.trackers.awaitReceivedWith(marker + "gateway", 1500),
                "through the gateway, pings the tracker received");
        assertEquals(List.of(), through, "through the gateway, requests to tracker hosts");
    }

    /** Opens the page, follows its link as a mouse would, and returns the requests to tracker hosts meanwhile. */
    private static List<NetworkLog.Request> follow(BrowserLab.Lab lab, String url, String evidence) {
        try (Tab tab = lab.newTab()) {
            tab.navigate(url);
            tab.awaitNetworkIdle();
            tab.clickAndWaitForNavigation("document.getElementById('go')");
            assertTrue(Boolean.TRUE.equals(tab.evaluate("document.getElementById('arrived') !== null")),
                    url + ": the link led to its page");
            List<NetworkLog.Request> trackers = tab.network().toHosts(StandInTrackers.ADVERTISING_HOSTS);
            Evidence.save(evidence, tab, List.of("page: " + url, "requests to tracker hosts: " + trackers));
            return trackers;
        }
    }
}
