package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An inline script that names a data: URL whose content (base64, so that the page shows none of it) asks
 * www.facebook.com for a pixel: a module it imports, a script it inserts, a module an import map maps a name to, a
 * worker it starts, a frame it inserts. Each page is first loaded straight from the upstream, which shows Chromium
 * running the content (the pixel arrives), then through the gateway without consent, where it does not.
 */
@ExtendWith(BrowserLab.class)
class DataUrlsNamedInScriptsAreJudgedE2ETest {

    private static String base64(String content) {
        return Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
    }

    /** Code that asks for the pixel marked with {@code marker}. */
    private static String pixel(String marker) {
        return "new Image().src = 'https://www.facebook.com/tr?id=" + marker + "&ev=PageView';";
    }

    /** Each page's body, by its path, for a marker. */
    private static final Map<String, Function<String, String>> PAGES = Map.of(
            "/import", m -> "<script>import(\"data:text/javascript;base64," + base64(pixel(m)) + "\");</script>",
            "/script-src", m -> "<script>var s = document.createElement('script'); s.src = \"data:text/javascript;"
                    + "base64," + base64(pixel(m)) + "\"; document.head.appendChild(s);</script>",
            "/import-map", m -> "<script type=\"importmap\">{\"imports\": {\"site-stats\": \"data:text/javascript;"
                    + "base64," + base64(pixel(m)) + "\"}}</script><script type=\"module\">import \"site-stats\";"
                    + "</script>",
            "/worker", m -> "<script>new Worker(\"data:text/javascript;base64," + base64("fetch('https://"
                    + "www.facebook.com/tr?id=" + m + "&ev=PageView');") + "\");</script>",
            "/frame", m -> "<script>var f = document.createElement('iframe'); f.src = \"data:text/html;base64,"
                    + base64("<img src=\"https://www.facebook.com/tr?id=" + m + "&ev=PageView\">")
                    + "\"; document.body.appendChild(f);</script>",
            // a backslash before U+2028 in the scheme is a line continuation, no character of the string (before,
            // found by a review: the strings' own decoder kept U+2028, and Chromium ran the module through the gateway)
            "/import-line-separator", m -> "<script>import(\"da\\\u2028ta:text/javascript;base64,"
                    + base64(pixel(m)) + "\");</script>");

    @AutoClose
    private static PagesBehindGateway site;

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.startRunPages((path, run) -> {
            Function<String, String> page = PAGES.get(path);
            if (page == null) {
                return null;
            }
            String marker = path.substring(1) + "-" + run;
            return PagesBehindGateway.Page.html(
                    "<!DOCTYPE html><html><head><title>data</title></head><body>" + page.apply(marker)
                            + "</body></html>");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/import", "/script-src", "/import-map", "/worker", "/frame", "/import-line-separator"})
    void theContentRunsStraightFromTheUpstreamAndNotThroughTheGateway(String path, BrowserLab.Lab lab)
            throws Exception {
        // Before (found by a review): through the gateway Chromium 150 ran the data: URL's content and asked
        // www.facebook.com for the pixel, as straight from the upstream: the script's text was judged by the URLs
        // and signatures written in it, and a data: URL's content is neither until it is decoded
        BrowserLab.Lab.PixelRuns runs = lab.pixelRuns(site, path, "data-urls-in-scripts");
        assertFalse(runs.direct().isEmpty(), path + ": straight from the upstream, Chromium runs the content");
        assertEquals(List.of(), runs.throughGateway(), path + ": through the gateway, the pixel's requests");
    }
}
