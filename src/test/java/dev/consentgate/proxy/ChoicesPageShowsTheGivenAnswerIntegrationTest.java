package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The choices page (GET /.consentgate/consent by a browser, where a placeholder's "Allow ..." link leads) starts
 * from the visitor's own answer: a category already granted is ticked, so that allowing one more category keeps the
 * others. A visitor who has not answered gets nothing ticked (a default is not consent).
 */
class ChoicesPageShowsTheGivenAnswerIntegrationTest {

    private static Document choicesPage(RunningGateway gateway, String cookie) throws Exception {
        try (RawClient client = gateway.rawClient()) {
            RawClient.Response page = client.send("GET /.consentgate/consent HTTP/1.1\r\nHost: shop.test\r\n"
                    + "Accept: text/html,application/xhtml+xml\r\nReferer: https://shop.test/videos/7\r\n"
                    + (cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n") + "\r\n").read();
            assertEquals(200, page.status(), page.head());
            return Jsoup.parse(page.bodyText());
        }
    }

    private static boolean ticked(Document page, String category) {
        return page.selectFirst("input[type=checkbox][name=categories][value=" + category + "]").hasAttr("checked");
    }

    /**
     * Input: a visitor who granted analytics (cg_consent=2025-12-16:analytics) follows a video placeholder's
     * "Allow functionality" link to the choices page, ticks functionality and presses "Save choices".
     * Before (found by a review): every box on the page was unticked whatever the visitor had granted, so the form
     * posted categories=functionality only: analytics was withdrawn (the endpoint then deletes its cookies) by a
     * visitor who only meant to allow one more category.
     */
    @Test
    void aGrantedCategoryIsTickedOnTheChoicesPage() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed("HTTP/1.1 204 No Content\r\n\r\n"));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            Document page = choicesPage(gateway, "cg_consent=2025-12-16:advertising+analytics");
            assertTrue(ticked(page, "analytics"), page.html());
            assertTrue(ticked(page, "advertising"), page.html());
            assertFalse(ticked(page, "functionality"), page.html());
            assertEquals("/videos/7", page.selectFirst("input[type=hidden][name=return]").attr("value"));
        }
    }

    /** A visitor who has not answered, or whose answer is stale or unreadable, finds nothing ticked. */
    @Test
    void nothingIsTickedWithoutAnAnswer() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed("HTTP/1.1 204 No Content\r\n\r\n"));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            for (String cookie : new String[] {"", "cg_consent=2024-01-01:analytics", "cg_consent=garbage"}) {
                Document page = choicesPage(gateway, cookie);
                assertFalse(page.select("input[type=checkbox][name=categories]").isEmpty(), page.html());
                assertTrue(page.select("input[type=checkbox][name=categories][checked]").isEmpty(),
                        "cookie '" + cookie + "': " + page.html());
            }
        }
    }
}
