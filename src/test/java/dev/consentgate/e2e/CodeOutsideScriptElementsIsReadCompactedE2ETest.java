package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Meta's pixel snippet, its fbq calls written with a space or a comment before their arguments, where code runs
 * outside a script element's content: an img's onerror, a data: script (percent-encoded and base64), a handler in a
 * frame's srcdoc, a frame's javascript: URL (which Chromium runs in the frame, with the page's origin). Its loader builds the SDK's URL from pieces, so only the fbq calls say whose it is. Each page is
 * first loaded straight from the upstream, which shows Chromium running the spaced calls and asking the tracker, then
 * through the gateway without consent, where it asks no tracker at all.
 */
@ExtendWith(BrowserLab.class)
class CodeOutsideScriptElementsIsReadCompactedE2ETest {

    /** Meta's loader, the SDK's URL assembled from pieces, and the pixel's calls spaced and commented. */
    private static final String SNIPPET = "!function(f,b,e,v,n,t){if(f.fbq)return;n=f.fbq=function(){n.callMethod?"
            + "n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;"
            + "n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;b.head.appendChild(t)}(window,"
            + "document,'script','https://connect.'+'facebook.net/en_US/fbev'+'ents.js');\n"
            + "fbq ('init', 'Q80');\nfbq /* page */ ('track', 'PageView');";

    private static String attribute(String code) {
        return code.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String percentEncoded(String code) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : code.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) || "().,;=!{}[]:?_/*+".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    /** Each page's body, by its path. */
    private static final Map<String, String> PAGES = Map.of(
            "/handler", "<img src=\"data:,\" onerror=\"" + attribute(SNIPPET) + "\">",
            "/data-script", "<script src=\"data:text/javascript," + percentEncoded(SNIPPET) + "\"></script>",
            "/data-script-base64", "<script src=\"data:text/javascript;base64,"
                    + Base64.getEncoder().encodeToString(SNIPPET.getBytes(StandardCharsets.UTF_8)) + "\"></script>",
            "/srcdoc-handler", "<iframe srcdoc=\"" + attribute("<img src=\"data:,\" onerror=\"" + attribute(SNIPPET)
                    + "\">") + "\"></iframe>",
            "/frame-javascript-url", "<iframe src=\"javascript:" + attribute(SNIPPET) + "\"></iframe>");

    @AutoClose
    private static PagesBehindGateway site;

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.start(path -> {
            String content = PAGES.get(path);
            return content == null ? null : PagesBehindGateway.Page.html(
                    "<!DOCTYPE html><html><head><title>code</title></head><body>" + content + "</body></html>");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/handler", "/data-script", "/data-script-base64", "/srcdoc-handler",
        "/frame-javascript-url"})
    void theSpacedSnippetAsksTheTrackerStraightFromTheUpstreamAndNotThroughTheGateway(String path,
                                                                                       BrowserLab.Lab lab) {
        // Before (found by a review): through the gateway Chromium 150 loaded fbevents.js and requested
        // www.facebook.com/tr as it did straight from the upstream: the code's signatures were looked for only as
        // written, where "fbq (" is no "fbq(", and a frame's javascript: URL was not read as code at all
        String name = "compacted-code" + path.replace('/', '-');
        List<NetworkLog.Request> direct = lab.advertisingRequests(site.upstreamOrigin() + path, name + "-direct");
        assertFalse(direct.isEmpty(), path + ": straight from the upstream, Chromium asks the tracker");
        List<NetworkLog.Request> through = lab.advertisingRequests(site.gatewayOrigin() + path, name + "-gateway");
        assertEquals(List.of(), through, path + ": through the gateway, requests to tracker hosts");
    }
}
