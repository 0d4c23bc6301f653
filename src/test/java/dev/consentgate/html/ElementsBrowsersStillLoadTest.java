package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.assertEachBlocked;
import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Markup whose tracker a browser still loads where the rewriter once saw none: start tags the tree builder ignores
 * (in a frameset, in a template's column group), a base the browser does not use before the one it does, a meta
 * refresh in a frame's srcdoc document, and a srcdoc holding what a built-in rule removes. Each was found by a second
 * review of the rewriter's bypasses: the rewritten output, loaded in Debian's Chromium 150 (headless, every host mapped
 * to a local logging server, requests read from its net log), requested the tracker's URL. "What happens" in each
 * comment is what happened before.
 */
class ElementsBrowsersStillLoadTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();

    /**
     * Input: a frameset page whose frames sit inside a style, title, textarea, xmp, iframe or noembed start tag:
     * {@code <html><head></head><frameset><style><frame src="https://www.youtube.com/embed/x"></style></frameset>}.
     * What happens: the tokenizer switches to RAWTEXT/RCDATA after each of those start tags wherever it is, so the
     * frame is read as the element's text and never judged; the page passes as it is. A browser does not: in the "in
     * frameset" insertion mode (HTML Standard, 13.2.6.4.20) every start tag other than html, frameset, frame and
     * noframes is "a parse error; ignore the token", so the tokenizer is never switched to RAWTEXT/RCDATA and the
     * frame that follows is a frame. Chromium loaded the rewritten page and requested www.youtube.com/embed/x,
     * www.googletagmanager.com/ns.html, connect.facebook.net/... and www.google-analytics.com/collect from the frames
     * inside style, textarea, xmp, iframe and noembed (and title). Should: in a frameset these start tags switch
     * nothing, so the frames are judged (and blocked) as they are without them.
     */
    @Test
    void framesInsideRawTextStartTagsOfAFramesetAreJudged() {
        String head = "<!doctype html><html><head></head><frameset>";
        assertEachBlocked(
                head + "<style><frame src=\"https://www.youtube.com/embed/x\"></style></frameset></html>",
                head + "<title><frame src=\"https://www.googletagmanager.com/ns.html?id=GTM-X\"></title></frameset>",
                head + "<textarea><frame src=\"https://www.googletagmanager.com/ns.html?id=GTM-X\"></textarea>",
                head + "<xmp><frame src=\"https://connect.facebook.net/en_US/fbevents.js\"></xmp></frameset>",
                head + "<iframe><frame src=\"https://www.google-analytics.com/collect\"></iframe></frameset>",
                head + "<noembed><frame src=\"https://www.youtube.com/embed/y\"></noembed></frameset>",
                head + "<script type=\"application/json\"><frame src=\"https://www.youtube.com/embed/z\"></script>");
    }

    /**
     * Input: a frameset page with a frame inside an inline script after the frameset start (or end) tag:
     * {@code <frameset><script><frame src="https://www.youtube.com/embed/x"></script>}. What happens: the script's
     * content is judged as code only, which loads nothing, and passes. A browser in a frameset ignores the script start
     * tag (as the style's above), so its content is markup: Chromium 156 loaded the frame (found by a review, 2026-12-01).
     * Should: the content is read as markup too, and the frame in it blocked, the script a neutralized tag's or not.
     */
    @Test
    void framesInsideAnInlineScriptOfAFramesetAreJudged() {
        String frame = "<frame src=\"https://www.youtube.com/embed/x\">";
        for (String html : new String[] {
            "<!doctype html><html><head></head><frameset><script>" + frame + "</script></frameset></html>",
            "<!doctype html><html><head></head><frameset></frameset><script>var a = 1;" + frame + "</script>",
            "<frameset><SCRIPT type=\"module\">" + frame + "</SCRIPT>",
            "<frameset><script>gtag('js', new Date());" + frame + "</script>"}) {
            String out = rewrite(html);
            assertTrue(!out.contains("youtube.com/embed/x\">"), html + " -> " + out);
        }
        // the site's own script after a frameset, holding no tag a rule blocks, passes as it is
        String own = "<frameset><frame src=\"/menu.html\"></frameset><script>if (a < b) { go('<b>x</b>'); }</script>";
        assertEquals(own, rewrite(own));
    }

    /**
     * Input: in a template, a col followed by a raw text start tag, closed by the template's end tag, then a tracker:
     * {@code <template><col><style></template><script src="https://www.googletagmanager.com/gtm.js?id=GTM-X">
     * </script><!--</style>-->} (the same with noembed, xmp, iframe, title and textarea; noscript, read both ways, is
     * caught). What happens: the tokenizer switches to RAWTEXT after {@code <style>} and reads up to {@code </style>}:
     * the script and everything else down to it are text, and pass. A browser: {@code <col>} as a template's first
     * child switches the template insertion mode to "in column group" (HTML Standard, 13.2.6.4.23 "in template": a
     * start tag col pushes "in column group"), where any start tag but html, col and template, with a template as the
     * current node, is "a parse error; ignore the token" (13.2.6.4.12). The style start tag is dropped, the tokenizer
     * stays in data, {@code </template>} closes the template and the script is an ordinary script of the body: Chromium
     * requested www.googletagmanager.com/gtm.js?id=GTM-X from the rewritten page (and www.youtube.com/embed/x and
     * www.google-analytics.com/collect in the noembed variant). Should: the script, frame and pixel are judged as
     * without the template before them.
     */
    @Test
    void aRawTextStartTagIgnoredInATemplatesColumnGroupDoesNotHideWhatFollows() {
        assertEachBlocked(
                "<template><col><style></template><script src=\"https://www.googletagmanager.com/gtm.js?id=GTM-X\">"
                        + "</script><!--</style>-->",
                "<template><col><noembed></template><iframe src=\"https://www.youtube.com/embed/x\"></iframe>"
                        + "<img src=\"https://www.google-analytics.com/collect?v=1\"><!--</noembed>-->",
                "<template><col><xmp></template><img src=\"https://www.google-analytics.com/collect?v=1\">"
                        + "<!--</xmp>-->");
    }

    /**
     * Input: a base element a browser does not use, before the one it does:
     * {@code <template><base href="https://www.example.com/"></template><base href="https://www.googletagmanager.com/">
     * <script src="x.js"></script>}; the same with the first base inside svg or math, or a relative first base.
     * What happens: PageBases takes the first base with an href it sees and ignores every later one ("browsers
     * ignore later ones"), so x.js is judged at www.example.com (or at no host) and passes. But the document base URL
     * is "the frozen base URL of the first base element in the document that has an href attribute, in tree order"
     * (HTML Standard, 2.4.1): a base in a template's content is in the template's inert document fragment, not in the
     * document, and a base inside svg or math is an SVG/MathML element named base (base is no breakout tag), not an
     * HTML base element. The browser uses the second base: Chromium requested www.googletagmanager.com/x.js and
     * www.googletagmanager.com/y.gif for the template case, and www.googletagmanager.com/x.js (its preload scanner
     * also tried www.example.com/x.js) for the svg case. Should: a base in template content or in foreign content does
     * not set the base (or a later one counts too, fail closed), so the scripts and pixel are blocked as after the
     * second base alone (the same page without the first base is neutralized today).
     */
    @Test
    void aBaseTheBrowserIgnoresDoesNotHideTheBaseItUses() {
        String gtmBase = "<base href=\"https://www.googletagmanager.com/\">";
        String control = gtmBase + "<script src=\"x.js\"></script>";
        assertTrue(!rewrite(control).equals(control), "control: after the base alone the script is blocked");
        assertEachBlocked(
                "<head><template><base href=\"https://www.example.com/\"></template>" + gtmBase
                        + "</head><body><script src=\"x.js\"></script>",
                "<svg><base href=\"https://www.example.com/\"></svg>" + gtmBase + "<script src=\"x.js\"></script>",
                "<math><base href=\"https://www.example.com/\"></math>" + gtmBase + "<script src=\"x.js\"></script>",
                "<template><base href=\"/x/\"></template><base href=\"https://www.google-analytics.com/\">"
                        + "<img src=\"y.gif\">");
    }

    /**
     * Input: a frame whose srcdoc document navigates itself to a tracker with a meta refresh, the URL written with
     * backslashes or with slashes as character references of the inner document:
     * {@code <iframe srcdoc="<meta http-equiv=refresh content=&quot;0;url=https:\\www.youtube.com\embed\x&quot;>">}.
     * What happens: EmbeddedContentJudge.document finds no "//" and no signature, and the inner rewriter judges no
     * meta but a set-cookie one, so the frame passes. A browser follows the refresh (HTML Standard, "shared
     * declarative refresh steps": the URL is parsed relative to the document, where a backslash is a slash in a
     * special URL and "&#47;" is "/") and navigates the frame: Chromium requested www.youtube.com/embed/x and
     * www.googletagmanager.com/ns.html from the rewritten page. The same with "//" written plainly is blocked today
     * (as the third case here). Should: a refresh in a frame's document is an address that frame loads, judged like
     * its src.
     */
    @Test
    void aMetaRefreshInASrcdocDocumentIsJudgedAsTheFramesAddress() {
        String control = "<iframe srcdoc=\"<meta http-equiv=refresh "
                + "content=&quot;0;url=https://www.google-analytics.com/collect?v=1&quot;>\"></iframe>";
        assertTrue(!rewrite(control).equals(control), "control: the plainly written refresh is blocked");
        assertEachBlocked(
                "<iframe srcdoc=\"<meta http-equiv=refresh content=&quot;0;url=https:\\\\www.youtube.com\\embed\\x"
                        + "&quot;>\"></iframe>",
                "<iframe srcdoc=\"<meta http-equiv=refresh content=&quot;0;url=https:&amp;#47;&amp;#47;"
                        + "www.googletagmanager.com/ns.html&quot;>\"></iframe>");
    }

    /**
     * Input: a frame whose srcdoc document holds what the rewriter removes under a built-in rule rather than a
     * ruleset rule: (1) an SVG script inside an SVG noscript,
     * {@code <iframe srcdoc="<svg><noscript><script>var s=document.createElement(&quot;script&quot;);
     * s.src=&quot;https:\/\/www.googletagmanager.com/a.js?id=GTM-X&quot;;...</script></noscript></svg>">}, which
     * the rewriter removes from a page as "script-in-content-read-both-ways" (in SVG, noscript is an SVG element and
     * the script in it runs its text); (2) an img whose tag, as the inner document's bytes, passes max_tag_bytes
     * before its src (invalid UTF-8 bytes in the page's alt become U+FFFD, three bytes each, in the inner document),
     * which a page would lose as "unread-past-limit". What happens: EmbeddedContentJudge.firstBlockedElement counts
     * only events whose rule id is one of the policy's (policy.indexOf(...) >= 0); the built-in rules are not, so
     * the inner rewriter's removal is dropped and the frame passes. Chromium ran the SVG script in the frame and
     * requested www.googletagmanager.com/a.js?id=GTM-X (case 1), and loaded www.google-analytics.com/collect?v=1
     * (case 2). Should: whatever the rewriter would remove from the document blocks its frame, built-in rules
     * included (fail closed), as the README says ("anything the rewriter blocks when it reads them as the markup
     * they are").
     */
    @Test
    void aSrcdocDocumentHoldingWhatABuiltInRuleRemovesBlocksItsFrame() {
        String svgScript = "<svg><noscript><script>var s=document.createElement(&quot;script&quot;);"
                + "s.src=&quot;https:\\/\\/www.googletagmanager.com/a.js?id=GTM-X&quot;;"
                + "document.documentElement.appendChild(s)</script></noscript></svg>";
        // control: the same markup as a page of its own loses the script
        String inner = svgScript.replace("&quot;", "\"");
        assertTrue(!rewrite(inner).equals(inner), "control: the page itself loses the SVG script");
        List<String> passed = new ArrayList<>();
        String svgFrame = "<iframe srcdoc=\"" + svgScript + "\"></iframe>";
        if (rewrite(svgFrame).equals(svgFrame)) {
            passed.add(svgFrame);
        }

        byte[] head = "<iframe srcdoc=\"<img alt='".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "' src=https:\\\\www.google-analytics.com\\collect?v=1>\"></iframe>"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] page = new byte[head.length + 6000 + tail.length];
        System.arraycopy(head, 0, page, 0, head.length);
        java.util.Arrays.fill(page, head.length, head.length + 6000, (byte) 0x80);
        System.arraycopy(tail, 0, page, head.length + 6000, tail.length);
        assertTrue(page.length < 16 * 1024, "the frame's own tag is under max_tag_bytes");
        if (java.util.Arrays.equals(HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, page,
                RewriteListener.NONE), page)) {
            passed.add("<iframe srcdoc=\"<img alt='(6000 bytes 0x80)' src=https:\\\\www.google-analytics.com"
                    + "\\collect?v=1>\"></iframe>");
        }
        assertTrue(passed.isEmpty(), "passed untouched under essential-only consent: " + passed);
    }
}
