package dev.consentgate.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The site's own SVG sprite, from which a page's {@code use} element takes a symbol holding an {@code image} (its
 * address in {@code href}, and in {@code xlink:href} under another prefix). Chromium 156 fetches the sprite as an
 * image, in same-origin mode, yet loads the image the symbol names. (Of the other elements tried in such a symbol, a
 * pattern's image, a filter's feImage, a style element's import and an HTML img in a foreignObject, and of filters
 * and masks that CSS takes from another file, none loaded anything, even straight from the upstream.) Each names
 * Meta's pixel host (advertising). Each page is loaded straight from the upstream, where the stand-in tracker receives
 * the request, then through the gateway without consent, where it receives none.
 */
@ExtendWith(BrowserLab.class)
class ExternalSvgDocumentsReachNoTrackerE2ETest {

    private static final String PIXEL = "https://www.facebook.com/tr?ev=";

    /** The symbol each page's sprite holds, by the page's path; RUN stands for the run's name. */
    private static final Map<String, String> SYMBOLS = Map.of(
            "/use-sprite", "<image href=\"" + PIXEL + "use-sprite&amp;run=RUN\" width=\"32\" height=\"32\"/>",
            "/use-sprite-xlink", "<image xmlns:l=\"http://www.w3.org/1999/xlink\" l:href=\"" + PIXEL
                    + "use-sprite-xlink&amp;run=RUN\" width=\"32\" height=\"32\"/>");

    @AutoClose
    private static PagesBehindGateway site;

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.startRunPages((path, run) -> {
            if (path.startsWith("/sprite/") && SYMBOLS.containsKey(path.substring(7))) {
                return PagesBehindGateway.Page.ok("Content-Type: image/svg+xml\r\n",
                        ("<svg xmlns=\"http://www.w3.org/2000/svg\"><symbol id=\"icon\" viewBox=\"0 0 32 32\">"
                                + SYMBOLS.get(path.substring(7)).replace("RUN", run) + "</symbol></svg>")
                                .getBytes(StandardCharsets.UTF_8));
            }
            if (!SYMBOLS.containsKey(path)) {
                return null;
            }
            return PagesBehindGateway.Page.html(
                    "<!DOCTYPE html><html><head><title>svg</title></head><body><svg width=\"32\" height=\"32\">"
                            + "<use href=\"/sprite" + path + "?run=" + run + "#icon\"/></svg></body></html>");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/use-sprite", "/use-sprite-xlink"})
    void theTrackerIsAskedStraightFromTheUpstreamAndNotThroughTheGateway(String path, BrowserLab.Lab lab)
            throws InterruptedException {
        // Before (2026-12-02): through the gateway the stand-in received each request, as it did straight from the
        // upstream: the gateway judged an XML document only where it could be loaded as one
        lab.assertTrackerAskedOnlyStraightFromTheUpstream(site, path, "external-svg");
    }
}
