package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A link's ping: Chromium sends a POST to each URL it lists as the visitor follows the link (hyperlink auditing, on
 * by default). Here a link and an image map's area ping Meta's pixel host (advertising). The visitor clicks each,
 * first on the page straight from the upstream, where the stand-in tracker receives the ping, then through the
 * gateway without consent, where it receives none and the link still leads to its page. The run ({@code direct} or
 * {@code gateway}) is in the ping's query, so that the stand-in server tells the two apart.
 */
@ExtendWith(BrowserLab.class)
class LinkPingsReachNoTrackerE2ETest {

    private static final String PING = "https://www.facebook.com/tr?ev=";

    @AutoClose
    private static PagesBehindGateway site;

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.startRuns("pings", (path, run) -> {
            // the link leads back to the site whatever base follows it
            String next = (run.equals("direct") ? site.upstreamOrigin() : site.gatewayOrigin()) + "/next?run=" + run;
            return switch (path) {
                case "/link" -> "<p><a id=\"go\" href=\"" + next + "\" ping=\"/own-ping " + PING + "link&run=" + run
                        + "\">Next</a></p>";
                case "/area" -> "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" width=\"100\" height=\"100\" "
                        + "usemap=\"#m\"><map name=\"m\"><area id=\"go\" shape=\"rect\" coords=\"0,0,100,100\" "
                        + "href=\"" + next + "\" ping=\"" + PING + "area&run=" + run + "\" alt=\"Next\"></map>";
                // a relative ping is read against the base there is when the visitor follows the link
                case "/late-base" -> "<p><a id=\"go\" href=\"" + next + "\" ping=\"/tr?ev=late-base&run=" + run
                        + "\">Next</a></p><base href=\"https://www.facebook.com/\">";
                case "/next" -> "<p id=\"arrived\">arrived</p>";
                default -> null;
            };
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/link", "/area", "/late-base"})
    void thePingReachesTheTrackerStraightFromTheUpstreamAndNotThroughTheGateway(String path, BrowserLab.Lab lab)
            throws InterruptedException {
        // Before: the rewriter skipped every link without reading its attributes, and through the gateway the
        // stand-in www.facebook.com received the ping as it did straight from the upstream; then, until a review the
        // same day, a relative ping was judged against no base and passed, where Chromium read it against the base
        // that followed (PingsBeforeBase)
        String marker = "ev=" + path.substring(1) + "&run=";
        String name = "link-pings" + path.replace('/', '-');
        follow(lab, site.upstreamOrigin() + path + "?run=direct", name + "-direct");
        assertFalse(lab.trackers.awaitReceivedWith(marker + "direct", 5000).isEmpty(),
                path + ": straight from the upstream, Chromium pings the tracker");
        List<NetworkLog.Request> through = follow(lab, site.gatewayOrigin() + path + "?run=gateway",
                name + "-gateway");
        assertEquals(List.of(), lab.trackers.awaitReceivedWith(marker + "gateway", 1500),
                path + ": through the gateway, pings the tracker received");
        assertEquals(List.of(), through, path + ": through the gateway, requests to tracker hosts");
    }

    /** Opens the page, follows its link as a mouse would, and returns the requests to tracker hosts meanwhile. */
    private static List<NetworkLog.Request> follow(BrowserLab.Lab lab, String url, String evidence) {
        try (Tab tab = lab.newTab()) {
            tab.navigate(url);
            tab.awaitNetworkIdle();
            // (not waiting for the network to go idle: the log never sees a ping's answer, which goes to no page)
            tab.clickAndWaitForNavigation("document.getElementById('go')");
            assertTrue(Boolean.TRUE.equals(tab.evaluate("document.getElementById('arrived') !== null")),
                    url + ": the link led to its page");
            List<NetworkLog.Request> trackers = tab.network().toHosts(StandInTrackers.ADVERTISING_HOSTS);
            Evidence.save(evidence, tab, List.of("page: " + url, "requests to tracker hosts: " + trackers));
            return trackers;
        }
    }
}
