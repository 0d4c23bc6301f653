package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A data: URL that an inline script's string holds is judged by what it carries, as the same URL in an attribute is:
 * as a script's code and, unless a frame shows its type as text or media, as a frame's document. Chromium runs
 * each of these forms (DataUrlsNamedInScriptsAreJudgedE2ETest).
 */
class DataUrlsNamedInScriptsAreJudgedTest {

    private static final String PIXEL = "new Image().src = 'https://www.facebook.com/tr?id=1&ev=PageView';";

    private static String base64(String content) {
        return Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> rules(String html) {
        return EssentialOnly.events(html).stream().map(RewriteEvent::ruleId).toList();
    }

    @Test
    void aDataUrlsCodeThatLoadsATrackerBlocksTheScriptThatNamesIt() {
        String js = "data:text/javascript;base64," + base64(PIXEL);
        List<String> pages = List.of(
                "<script>import(\"" + js + "\");</script>",
                "<script>var s = document.createElement('script'); s.src = '" + js + "';"
                        + " document.head.appendChild(s);</script>",
                "<script type=\"importmap\">{\"imports\": {\"site-stats\": \"" + js + "\"}}</script>",
                "<script>new Worker(\"data:text/javascript;base64,"
                        + base64("fetch('https://www.facebook.com/tr?id=1&ev=PageView')") + "\");</script>",
                "<script>s.src = \"data:text\\/javascript;base64," + base64(PIXEL) + "\";</script>");
        for (String page : pages) {
            // Before (found by a review): each passed untouched under essential-only consent, and Chromium ran the
            // content: a data: URL's content was judged in attributes only, and base64 hides the pixel's URL
            assertEquals(List.of("meta-pixel"), rules(page), page);
        }
    }

    @Test
    void aDataUrlsSignatureBlocksTheScriptThatNamesIt() {
        // Before (found by a review): both passed untouched; the module runs Meta's pixel call, which neither the
        // base64 nor the percent-encoded spacing shows
        assertEquals(List.of("meta-pixel-inline"), rules("<script>import(\"data:text/javascript;base64,"
                + base64("fbq ('track', 'PageView')") + "\")</script>"));
        assertEquals(List.of("meta-pixel-inline"),
                rules("<script>import('data:text/javascript,fbq%20(%22track%22)')</script>"));
    }

    @Test
    void aDataUrlsDocumentBlocksTheScriptThatNamesIt() {
        String frame = "data:text/html;base64," + base64("<img src=\"https://www.facebook.com/tr?id=1\">");
        // Before (found by a review): passed untouched; the frame the script inserts loads the pixel
        assertEquals(List.of("meta-pixel"), rules("<script>var f = document.createElement('iframe'); f.src = '"
                + frame + "'; document.body.appendChild(f);</script>"));
    }

    @Test
    void aDataUrlCutAcrossChunksIsReadAsAWhole() {
        String html = "<script>import(\"data:text/javascript;base64," + base64(PIXEL) + "\");</script>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        for (int size = 1; size < 12; size++) {
            // Before (found by a review): passed untouched in any chunking
            assertEquals(EssentialOnly.rewrite(html), new String(Chunks.rewrite(TestRules.defaultPolicy(),
                    TestRules.ESSENTIAL_ONLY, bytes, List.of(size)), StandardCharsets.UTF_8), "chunks of " + size);
        }
        assertEquals(List.of("meta-pixel"), rules(html));
    }

    @Test
    void dataUrlsThatCarryNoTrackerPass() {
        String html = "<script>var icon = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADU"
                + "lEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='; import(\"data:text/javascript;base64,"
                + base64("document.body.dataset.ready = '1';") + "\"); var d = 'data:text/html,<p>hi</p>';"
                + " var plain = 'database: ok';</script>";
        assertEquals(html, EssentialOnly.rewrite(html));
    }
}
