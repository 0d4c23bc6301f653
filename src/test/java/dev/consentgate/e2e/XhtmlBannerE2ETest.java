package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.testing.TestUpstream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A page served as application/xhtml+xml, which Chromium parses as XML: a visitor who has not answered gets the
 * gateway's banner in it, the page still parses (an XML error would show Chromium's error page instead), the banner
 * is styled by the gateway's stylesheet, and choosing "Essential only" in it records the answer, after which the
 * banner is gone.
 */
@ExtendWith(BrowserLab.class)
class XhtmlBannerE2ETest {

    private static final String PAGE = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Shop</title></head>"
            + "<body><p id=\"products\">Products</p><pre><![CDATA[ </body> & < ]]></pre></body></html>";

    private static TestUpstream upstream;
    private static GatewayInFront gateway;

    @BeforeAll
    static void start() throws Exception {
        byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
        upstream = TestUpstream.start(TestUpstream.fixed("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/xhtml+xml; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1)));
        gateway = GatewayInFront.start(GatewayInFront.defaultRulesetWithBanner(), upstream.uri());
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void theBannerShowsInAnXhtmlPageAndRecordsTheAnswer(BrowserLab.Lab lab) {
        try (Tab tab = lab.newTab()) {
            tab.navigate(gateway.origin() + "/shop");
            Evidence.save("xhtml-banner-1-shown", tab);
            assertEquals("0 Products", tab.evaluate("document.getElementsByTagName('parsererror').length + ' '"
                    + " + document.getElementById('products').textContent"), "the page parsed as XML");
            assertEquals("fixed http://www.w3.org/1999/xhtml", tab.evaluate("((s) => getComputedStyle(s).position"
                    + " + ' ' + s.namespaceURI)(document.querySelector('section.cg-banner'))"),
                    "the banner is an XHTML element, styled by the gateway's stylesheet");

            tab.clickAndWaitForNavigation("document.querySelector('button[value=essential]')");
            tab.reload();
            Evidence.save("xhtml-banner-2-answered", tab);
            assertEquals("0 Products", tab.evaluate("document.querySelectorAll('section.cg-banner').length + ' '"
                    + " + document.getElementById('products').textContent"), "after the answer, no banner");
        }
    }
}
