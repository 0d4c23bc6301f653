package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Code outside a script element's content (an event handler, a data: script, a srcdoc's or a data: frame's
 * handlers) is read for signatures as an inline script's is: as written and without the whitespace and comments
 * between its tokens ({@link CompactedCode}), so that {@code fbq ('init')} or {@code fbq/* * /('track')} is found as
 * {@code fbq(} is. Chromium runs each of these forms (CodeOutsideScriptElementsIsReadCompactedE2ETest).
 */
class CodeOutsideScriptElementsIsReadCompactedTest {

    /** Meta's pixel calls, laid out in each way JavaScript allows between a name and its arguments. */
    private static final List<String> SPACED_CALLS = List.of(
            "fbq ('init', '1'); fbq ('track', 'PageView');",
            "fbq\n('init', '1');\nfbq\n('track', 'PageView');",
            "fbq\t('init', '1');",
            "fbq/* pixel */('init', '1');",
            "fbq // pixel\n('init', '1');");

    private static List<String> rules(String html) {
        return EssentialOnly.events(html).stream().map(RewriteEvent::ruleId).toList();
    }

    private static String attribute(String code) {
        return code.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Test
    void anEventHandlersSpacedSignatureBlocksItsElement() {
        for (String call : SPACED_CALLS) {
            // Before (found by a review): passed untouched under essential-only consent; the handler's code was
            // scanned only as written, where "fbq (" is no "fbq(" (Chromium ran it and asked the tracker)
            assertEquals(List.of("meta-pixel-inline"),
                    rules("<img src=\"data:,\" onerror=\"" + attribute(call) + "\">"), call);
            assertEquals(List.of("meta-pixel-inline"),
                    rules("<iframe src=\"/frame\" onload=\"" + attribute(call) + "\"></iframe>"), call);
        }
    }

    @Test
    void aDataScriptsSpacedSignatureBlocksIt() {
        for (String call : SPACED_CALLS) {
            String percent = call.replace("%", "%25").replace(" ", "%20").replace("\n", "%0A").replace("\t", "%09")
                    .replace("'", "%27");
            String base64 = Base64.getEncoder().encodeToString(call.getBytes(StandardCharsets.UTF_8));
            // Before (found by a review): both passed untouched; the decoded code was scanned only as written
            assertEquals(List.of("meta-pixel-inline"),
                    rules("<script src=\"data:text/javascript," + percent + "\"></script>"), call);
            assertEquals(List.of("meta-pixel-inline"),
                    rules("<script src=\"data:text/javascript;base64," + base64 + "\"></script>"), call);
        }
    }

    @Test
    void aHandlerInsideAFramesDocumentIsReadCompactedToo() {
        String handler = "<img src=data:, onerror=\"fbq ('init', '1')\">";
        // Before (found by a review): both frames passed untouched; the rewriter reading their documents judged the
        // img's handler as written only (their inline scripts were already read compacted)
        assertEquals(List.of("meta-pixel-inline"),
                rules("<iframe srcdoc=\"" + attribute(handler) + "\"></iframe>"));
        assertEquals(List.of("meta-pixel-inline"), rules("<iframe src=\"data:text/html;base64,"
                + Base64.getEncoder().encodeToString(handler.getBytes(StandardCharsets.UTF_8)) + "\"></iframe>"));
    }

    @Test
    void aHandlerWithoutASignaturePassesUntouched() {
        String html = "<img src=\"/a.png\" onerror=\"this.src = '/b.png'; /* fallback */ this.onerror = null\">"
                + "<iframe src=\"/f\" onload=\"resize (this)\"></iframe>";
        assertEquals(html, EssentialOnly.rewrite(html));
    }
}
