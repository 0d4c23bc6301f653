package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A frame's srcdoc document has no URL of its own to read relative URLs against: without a base of its own, a
 * browser reads them against the base of the page that holds the frame. Here the page's base names Meta's pixel host
 * (advertising) and the srcdoc document holds an image at {@code /tr}: straight from the upstream the stand-in tracker
 * receives the image's request, through the gateway without consent it receives none.
 */
@ExtendWith(BrowserLab.class)
class SrcdocDocumentsUnderThePagesBaseReachNoTrackerE2ETest {

    @AutoClose
    private static PagesBehindGateway site;

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.startRuns("srcdoc", (path, run) -> path.equals("/page")
                ? "<base href=\"https://www.facebook.com/\"><p>page</p><iframe srcdoc=\"<p>frame</p><img "
                        + "src='/tr?ev=srcdoc&amp;run=" + run + "'>\"></iframe>"
                : null);
    }

    @Test
    void theSrcdocsImageReachesTheTrackerStraightFromTheUpstreamAndNotThroughTheGateway(BrowserLab.Lab lab)
            throws InterruptedException {
        // Before (found by a review): the srcdoc document was judged on its own, its /tr relative to no base, and the
        // frame stayed; Chromium read it against the page's base and loaded the stand-in www.facebook.com's pixel
        String marker = "ev=srcdoc&run=";
        lab.advertisingRequests(site.upstreamOrigin() + "/page?run=direct", "srcdoc-under-base-direct");
        assertFalse(lab.trackers.awaitReceivedWith(marker + "direct", 5000).isEmpty(),
                "straight from the upstream, Chromium loads the pixel");
        List<NetworkLog.Request> through = lab.advertisingRequests(site.gatewayOrigin() + "/page?run=gateway",
                "srcdoc-under-base-gateway");
        assertEquals(List.of(), lab.trackers.awaitReceivedWith(marker + "gateway", 1500),
                "through the gateway, requests the tracker received");
        assertEquals(List.of(), through, "through the gateway, requests to tracker hosts");
    }
}
