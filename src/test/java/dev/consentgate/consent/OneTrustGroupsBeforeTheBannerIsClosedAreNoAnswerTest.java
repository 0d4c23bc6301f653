package dev.consentgate.consent;

import static dev.consentgate.consent.Results.assertAbsent;
import static dev.consentgate.consent.Results.assertGranted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * OneTrust scripts that write no {@code interactionCount} (6.x and some 2022 releases) write OptanonConsent on the
 * visitor's first page view, with the groups at the banner's defaults and {@code landingPath} naming that page;
 * they set {@code OptanonAlertBoxClosed} when the visitor closes the banner. Without interactionCount, the groups
 * are the visitor's answer only beside OptanonAlertBoxClosed.
 */
class OneTrustGroupsBeforeTheBannerIsClosedAreNoAnswerTest {

    /** As OneTrust 6.33.0 writes it on the first page view of a site whose banner turns C0002 and C0003 on. */
    private static final String FIRST_VIEW = "isIABGlobal=false&datestamp=Thu+Jul+27+2023+21%3A05%3A10+GMT-0400+"
            + "(Eastern+Daylight+Time)&version=6.33.0&hosts=&landingPath=https%3A%2F%2Fshop.test%2F"
            + "&groups=C0001%3A1%2CC0002%3A1%2CC0003%3A1";
    /** As the same script writes it once the visitor has closed the banner, accepting analytics only. */
    private static final String ANSWERED = "isIABGlobal=false&datestamp=Thu+Jul+27+2023+21%3A06%3A10+GMT-0400+"
            + "(Eastern+Daylight+Time)&version=6.33.0&hosts=&landingPath=NotLandingPage"
            + "&groups=C0001%3A1%2CC0002%3A1%2CC0003%3A0&AwaitingReconsent=false";

    private final OneTrustReader reader = new OneTrustReader(
            dev.consentgate.config.ConsentSettings.SourceMaps.defaults().onetrustGroups());

    /**
     * Input: the first-view cookie alone (no interactionCount, no OptanonAlertBoxClosed).
     * Before (found by a review): read as the visitor's answer: analytics and functionality granted to a visitor
     * in an opt-in region who had not used the banner.
     */
    @Test
    void groupsWithoutInteractionCountOrAClosedBannerAreNoAnswer() {
        assertAbsent(reader.read(Inputs.cookie("OptanonConsent", FIRST_VIEW)));
    }

    @Test
    void aClosedBannerMakesThemTheAnswer() {
        assertGranted(Set.of("analytics"), reader.read(Inputs.request().withCookie("OptanonConsent", ANSWERED)
                .withCookie("OptanonAlertBoxClosed", "2023-07-28T01:06:10.191Z").build()));
        // interactionCount, where the script writes it, says so on its own
        assertGranted(Set.of("analytics"), reader.read(Inputs.cookie("OptanonConsent",
                ANSWERED + "&interactionCount=1")));
    }

    /**
     * Input, through a running gateway with the shipped ruleset: the first-view cookie, and the _ga cookie a GA tag
     * the page loaded with it would carry.
     * Before (found by a review): the gateway reported {"granted":["essential","analytics","functionality"],
     * "source":"onetrust"}: analytics granted, so _ga went upstream.
     */
    @Test
    void throughTheGatewayTheFirstViewGrantsNothing() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(
                "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            String cookie = "OptanonConsent=" + FIRST_VIEW + "; _ga=GA1.1.5.6";
            String json = client.send("GET /.consentgate/consent HTTP/1.1\r\nHost: shop.test\r\nCookie: " + cookie
                    + "\r\n\r\n").read().bodyText();
            assertTrue(json.startsWith("{\"granted\":[\"essential\"],\"source\":\"default\""), json);

            client.send("GET /page HTTP/1.1\r\nHost: shop.test\r\nCookie: " + cookie + "\r\n\r\n").read();
            List<String> forwarded = upstream.take().headers("cookie");
            assertFalse(String.join("; ", forwarded).contains("_ga="), "forwarded: " + forwarded);
            assertEquals(1, forwarded.size(), "OptanonConsent, essential, is still forwarded: " + forwarded);
        }
    }
}
