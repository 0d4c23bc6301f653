package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Addresses Chromium reads as a tracker's where a plain reading of the text finds another host or none: a host spelt
 * with a named character reference ({@code &fopf;}), with a character IDNA maps to nothing (U+2062) or with a letter
 * of a newer Unicode than the JDK's (an outlined A), a URL with a scheme and no authority's slashes under a base on
 * the tracker's host, and what a Link header fetches besides a hint's URL (a compression dictionary, a preload's
 * {@code imagesrcset} candidate). Each page is first loaded straight from the upstream, which shows Chromium asking
 * the tracker, then through the gateway without consent, where it asks nothing of it. Each request carries a marker
 * of its own load, looked for among what the stand-in trackers received (a dictionary is fetched outside the tab).
 */
@ExtendWith(BrowserLab.class)
class UrlReadingsReachNoTrackerE2ETest {

    @AutoClose
    private static PagesBehindGateway site;

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.start(target -> {
            String[] parts = target.split("/");
            if (parts.length != 3) {
                return null;
            }
            String kind = parts[1];
            String marker = parts[2];
            String construct = switch (kind) {
                case "named-reference" -> "<img src=\"https://www.&fopf;acebook.com/tr?id=" + marker + "\">";
                case "ignored-character" -> "<img src=\"https://www.face\u2062book.com/tr?id=" + marker + "\">";
                case "outlined-letter" -> "<img src=\"https://www.\uD833\uDCDBacebook.com/tr?id=" + marker + "\">";
                // the page is http, the base https: "https:x.js" is relative to the base, of the same scheme
                case "scheme-without-slashes" -> "<base href=\"https://www.googletagmanager.com/\"><script src=\""
                        + "https:x.js?" + marker + "\"></script>";
                default -> "";
            };
            String link = switch (kind) {
                case "link-dictionary" -> "Link: <https://www.googletagmanager.com/d.dict?" + marker
                        + ">; rel=\"compression-dictionary\"\r\n";
                case "link-imagesrcset" -> "Link: </own.png>; rel=preload; as=image; imagesrcset=\"https://"
                        + "www.facebook.com/tr?id=" + marker + " 1x\"\r\n";
                default -> "";
            };
            if (construct.isEmpty() && link.isEmpty()) {
                return null;
            }
            byte[] body = ("<!DOCTYPE html><html><head><title>url</title></head><body><p>page " + kind + "</p>"
                    + construct + "</body></html>").getBytes(StandardCharsets.UTF_8);
            return PagesBehindGateway.Page.ok("Content-Type: text/html; charset=utf-8\r\n" + link, body);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"named-reference", "ignored-character", "outlined-letter", "scheme-without-slashes",
        "link-dictionary", "link-imagesrcset"})
    void theTrackerIsAskedStraightFromTheUpstreamAndNotThroughTheGateway(String kind, BrowserLab.Lab lab)
            throws Exception {
        String direct = "URD" + kind.replace("-", "") + System.nanoTime();
        load(lab, site.upstreamOrigin() + "/" + kind + "/" + direct, "url-" + kind + "-direct");
        assertFalse(lab.trackers.awaitReceivedWith(direct, 10_000).isEmpty(),
                kind + ": straight from the upstream, Chromium asks the tracker");
        String through = "URG" + kind.replace("-", "") + System.nanoTime();
        load(lab, site.gatewayOrigin() + "/" + kind + "/" + through, "url-" + kind + "-gateway");
        assertEquals(List.of(), lab.trackers.awaitReceivedWith(through, 3_000),
                kind + ": through the gateway, requests to the tracker");
    }

    private static void load(BrowserLab.Lab lab, String url, String evidence) {
        try (Tab tab = lab.newTab()) {
            tab.navigate(url);
            tab.awaitNetworkIdle();
            Evidence.save(evidence, tab, List.of("page: " + url));
        }
    }
}
