package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages served as application/xhtml+xml whose prolog holds an {@code <?xml-stylesheet href="..."?>} instruction on
 * Meta's host, with a type of {@code text/css} and with none, or that has one after its root element: Chromium loads
 * it with the page (its {@code &amp;}
 * decoded; a bare {@code &} there makes Chromium ignore the instruction). Straight from the
 * upstream the stand-in tracker receives the request; through the gateway without consent it receives none, and the
 * page still parses as XML (its own script runs).
 */
@ExtendWith(BrowserLab.class)
class XmlStylesheetInstructionsReachNoTrackerE2ETest {

    /** Each page's processing instruction, by its path; {@code RUN} stands for the run's name. */
    private static final Map<String, String> PAGES = Map.of(
            "/css", "<?xml-stylesheet type=\"text/css\" href=\"https://connect.facebook.net/cg/a.css?ev=css&amp;"
                    + "run=RUN\"?>",
            "/no-type", "<?xml-stylesheet href=\"https://connect.facebook.net/cg/a.css?ev=no-type&amp;run=RUN\"?>",
            "/after-root",
            "<?xml-stylesheet href=\"https://connect.facebook.net/cg/a.css?ev=after-root&amp;run=RUN\"?>");

    @AutoClose
    private static PagesBehindGateway site;

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.startRunPages((path, run) -> {
            String instruction = PAGES.get(path);
            if (instruction == null) {
                return null;
            }
            String prolog = path.equals("/after-root") ? "" : instruction.replace("RUN", run);
            String epilog = path.equals("/after-root") ? instruction.replace("RUN", run) : "";
            return PagesBehindGateway.Page.ok("Content-Type: application/xhtml+xml; charset=utf-8\r\n",
                    ("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + prolog
                            + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>xml</title></head><body>"
                            + "<p>x</p><script>document.title = 'ran';</script></body></html>" + epilog)
                            .getBytes(StandardCharsets.UTF_8));
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/css", "/no-type", "/after-root"})
    void theTrackerIsAskedStraightFromTheUpstreamAndNotThroughTheGateway(String path, BrowserLab.Lab lab)
            throws InterruptedException {
        // Before (found by a review): the prolog's processing instructions passed unread, and through the gateway the
        // stand-in connect.facebook.net received the style sheet's request as it did straight from the upstream; one
        // after the root element passed until 2026-11-30 (found by a review)
        String marker = "ev=" + path.substring(1) + "&run=";
        String name = "xml-stylesheet" + path.replace('/', '-');
        assertEquals("ran", load(lab, site.upstreamOrigin() + path + "?run=direct", name + "-direct"));
        assertFalse(lab.trackers.awaitReceivedWith(marker + "direct", 5000).isEmpty(),
                path + ": straight from the upstream, Chromium asks the tracker");
        assertEquals("ran", load(lab, site.gatewayOrigin() + path + "?run=gateway", name + "-gateway"),
                path + ": through the gateway the page parses and its script runs");
        assertEquals(List.of(), lab.trackers.awaitReceivedWith(marker + "gateway", 1500),
                path + ": through the gateway, requests the tracker received");
    }

    /** The page's title once loaded: "ran" when its script ran. */
    private static String load(BrowserLab.Lab lab, String url, String evidence) {
        try (Tab tab = lab.newTab()) {
            tab.navigate(url);
            tab.awaitNetworkIdle();
            Object title = tab.evaluate("document.title");
            Evidence.save(evidence, tab, List.of("page: " + url, "title: " + title,
                    "requests to tracker hosts: " + tab.network().toHosts(StandInTrackers.ADVERTISING_HOSTS)));
            return String.valueOf(title);
        }
    }
}
