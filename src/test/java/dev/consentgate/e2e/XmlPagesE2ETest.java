package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages served as application/xhtml+xml, which Chromium parses as XML, where a tracker loads through what XML has and
 * HTML has not: a namespace prefix on an element or an attribute, a script's text as the XML parser gives it
 * (character references, CDATA sections, an element inside it), an entity or an attribute default declared in the
 * DOCTYPE. Each page is first loaded straight from the upstream, which shows Chromium asking the tracker, then
 * through the gateway without consent, where it asks no tracker and the page still parses (no XML error page).
 */
@ExtendWith(BrowserLab.class)
class XmlPagesE2ETest {

    private static final List<String> TRACKERS = List.of(StandInTrackers.GTM, StandInTrackers.FACEBOOK,
            StandInTrackers.FACEBOOK_CONNECT);
    private static final String H = " xmlns:h=\"http://www.w3.org/1999/xhtml\"";
    private static final String SVG = "http://www.w3.org/2000/svg";

    /** Each page by its path: the DOCTYPE (if any), then the body's construct after a "|". */
    private static final Map<String, String> PAGES = Map.ofEntries(
            Map.entry("/prefixed-script", "|<h:script" + H + " src=\"https://www.googletagmanager.com/gtm.js"
                    + "?id=GTM-X1\"/>"),
            Map.entry("/prefixed-img", "|<h:img" + H + " src=\"https://www.facebook.com/tr?id=X2\" alt=\"\"/>"),
            Map.entry("/prefixed-iframe", "|<h:iframe" + H + " src=\"https://www.facebook.com/tr?id=X3\"/>"),
            Map.entry("/prefixed-preload", "|<h:link" + H + " rel=\"preload\" as=\"script\" href=\"https://connect"
                    + ".facebook.net/en_US/fbevents.js\"/>"),
            Map.entry("/prefixed-base", "|<h:base" + H + " href=\"https://www.facebook.com/\"/>"
                    + "<img src=\"tr?id=X5\" alt=\"\"/>"),
            Map.entry("/prefixed-svg-script", "|<s:svg xmlns:s=\"" + SVG + "\"><s:script href=\"https://www."
                    + "googletagmanager.com/gtm.js?id=GTM-X6\"/></s:svg>"),
            Map.entry("/xlink-other-prefix", "|<svg:svg xmlns:svg=\"" + SVG + "\" xmlns:l=\"http://www.w3.org/1999/"
                    + "xlink\"><svg:image width=\"5\" height=\"5\" l:href=\"https://www.facebook.com/tr?id=X7\"/>"
                    + "</svg:svg>"),
            Map.entry("/script-reference", "|<script>new Image().src = 'https://www.faceb&#111;ok.com/tr?id=X8';"
                    + "</script>"),
            Map.entry("/script-cdata", "|<script><![CDATA[ new Image().src = 'https://www.faceb]]><![CDATA[ook.com"
                    + "/tr?id=X9'; ]]></script>"),
            Map.entry("/script-img", "|<script>var a = 1;<img src=\"https://www.facebook.com/tr?id=X10\" alt=\"\"/>"
                    + "</script>"),
            Map.entry("/entity-src", "<!DOCTYPE html [<!ENTITY t \"https://www.googletagmanager.com/gtm.js\">]>"
                    + "|<script src=\"&t;?id=GTM-X11\"/>"),
            Map.entry("/entity-text", "<!DOCTYPE html [<!ENTITY t \"new Image().src = 'https://www.facebook.com/tr"
                    + "?id=X12';\">]>|<script>&t;</script>"),
            Map.entry("/entity-markup", "<!DOCTYPE html [<!ENTITY t \"&#60;img src='https://www.facebook.com/tr"
                    + "?id=X13' alt=''/>\">]>|<p>&t;</p>"),
            Map.entry("/attribute-default", "<!DOCTYPE html [<!ATTLIST script src CDATA \"https://www."
                    + "googletagmanager.com/gtm.js?id=GTM-X14\">]>|<script/>"),
            // a neutralized self-closing script, then the page's own script
            Map.entry("/self-closing", "|<script src=\"https://www.googletagmanager.com/gtm.js?id=GTM-X15\"/>"
                    + "<div><script>document.documentElement.setAttribute('data-own', 'ran');</script></div>"),
            // Before (found by a review): the page's own data-cg-src, the name the neutralized script's src moves to,
            // came out twice and Chromium showed its XML error page
            Map.entry("/taken-name", "|<script src=\"https://www.googletagmanager.com/gtm.js?id=GTM-X16\""
                    + " data-cg-src=\"/own.js\"/>"));

    @AutoClose
    private static PagesBehindGateway site;

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.start(path -> {
            String page = PAGES.get(path);
            if (page == null) {
                return null;
            }
            String[] parts = page.split("\\|", 2);
            byte[] body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + parts[0] + "<html xmlns=\"http://www.w3.org"
                    + "/1999/xhtml\"><head><title>xml</title></head><body><p id=\"page\">page " + path + "</p>"
                    + parts[1] + "</body></html>").getBytes(StandardCharsets.UTF_8);
            return PagesBehindGateway.Page.ok("Content-Type: application/xhtml+xml; charset=utf-8\r\n", body);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/prefixed-script", "/prefixed-img", "/prefixed-iframe", "/prefixed-preload",
        "/prefixed-base", "/prefixed-svg-script", "/xlink-other-prefix", "/script-reference", "/script-cdata",
        "/script-img", "/entity-src", "/entity-text", "/entity-markup", "/attribute-default", "/self-closing",
        "/taken-name"})
    void theTrackerLoadsStraightFromTheUpstreamAndNotThroughTheGateway(String path, BrowserLab.Lab lab) {
        String name = "xml" + path.replace('/', '-');
        assertFalse(load(lab, site.upstreamOrigin() + path, name + "-direct").trackers()
                .isEmpty(), path + ": straight from the upstream, Chromium asks a tracker");
        Loaded through = load(lab, site.gatewayOrigin() + path, name + "-gateway");
        assertEquals(List.of(), through.trackers(), path + ": through the gateway, requests to tracker hosts");
        assertEquals("0 page " + path, through.parsed(), path + ": through the gateway, the page parses as XML");
    }

    @Test
    void aPagesOwnScriptAfterANeutralizedSelfClosingOneRuns(BrowserLab.Lab lab) {
        try (Tab tab = lab.newTab()) {
            tab.navigate(site.gatewayOrigin() + "/self-closing");
            assertEquals("ran", tab.evaluate("document.documentElement.getAttribute('data-own')"));
        }
    }

    private record Loaded(List<NetworkLog.Request> trackers, Object parsed) {
    }

    private static Loaded load(BrowserLab.Lab lab, String url, String evidence) {
        try (Tab tab = lab.newTab()) {
            tab.navigate(url);
            List<NetworkLog.Request> trackers = tab.network().toHosts(TRACKERS);
            Object parsed = tab.evaluate("document.getElementsByTagName('parsererror').length + ' '"
                    + " + document.getElementById('page').textContent");
            Evidence.save(evidence, tab, List.of("page: " + url, "requests to tracker hosts: " + trackers));
            return new Loaded(trackers, parsed);
        }
    }
}
