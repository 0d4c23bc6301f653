package dev.consentgate.html;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A data: URL's content is bytes, which a browser decodes in the charset of the URL's type, else a script in the
 * page's encoding and a document as a page that declares none (windows-1252 for bytes that are no UTF-8): there
 * byte 0xAA ({@code %AA}) is 'ª', an 'a' in a host. A srcdoc is characters: a meta charset in it re-reads nothing.
 */
class DataUrlContentIsReadInItsEncodingTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();

    private static String rewrite(String html, Charset encoding) {
        return new String(HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, html.getBytes(encoding),
                RewriteListener.NONE), encoding);
    }

    @Test
    void aDataUrlsContentIsDecodedAsABrowserDecodesIt() {
        // Before (found by a review): each passed untouched under essential-only consent, the content decoded as
        // UTF-8 (where 0xAA is no character); Chromium 150 (headless, page served from a local server) requested
        // www.facebook.com/tr from each frame and script.
        for (String html : List.of(
                "<meta charset=\"utf-8\"><iframe src=\"data:text/html,<p>x</p><img src='https://www.f%AAcebook.com/tr"
                        + "?id=D2'>\"></iframe>",
                "<meta charset=\"utf-8\"><iframe src=\"data:text/html;charset=windows-1252,<img src='https://www.f%AA"
                        + "cebook.com/tr?id=D3'>\"></iframe>",
                "<meta charset=\"utf-8\"><script src=\"data:text/javascript;charset=windows-1252,new Image().src="
                        + "'https://www.f%AAcebook.com/tr?id=D4'\"></script>",
                "<meta charset=\"windows-1252\"><script src=\"data:text/javascript,new Image().src='https://www.f%AA"
                        + "cebook.com/tr?id=E1'\"></script>")) {
            String out = rewrite(html, StandardCharsets.UTF_8);
            assertFalse(out.contains("<iframe") || out.contains("<script src"), out);
        }
    }

    @Test
    void aSrcdocIsReadAsTheCharactersItIs() {
        String html = "<iframe srcdoc=\"<meta charset=windows-1252><img src='https://www.\uff46acebook.com/tr?id=1'>\">"
                + "</iframe>";
        assertFalse(rewrite(html, StandardCharsets.UTF_8).contains("<iframe"));
    }
}
