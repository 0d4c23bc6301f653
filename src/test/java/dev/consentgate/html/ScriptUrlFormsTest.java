package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.assertEachBlocked;
import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * How an inline script writes a tracker's URL that it loads: a query or fragment right after the host, a src
 * assignment formatted across lines or aligned, and a beacon whose query holds a notice word. Each was found by a
 * third review of the rewriter's bypasses (the rewritten page, loaded in Chromium, requested the tracker) and passed
 * before; "Before" in each comment says what happened then.
 */
class ScriptUrlFormsTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();

    private static void assertBlocked(String control) {
        assertTrue(!rewrite(control).equals(control), "control case passed: " + control);
    }

    /**
     * Input: a URL whose query or fragment follows the host with no path:
     * {@code new Image().src="https://www.google-analytics.com?v=1&tid=UA-Q"} and
     * {@code f.src="https://www.youtube.com#embed"} on a created iframe. A browser loads them as
     * https://www.google-analytics.com/?v=1&tid=UA-Q and https://www.youtube.com/ (URL Standard: '?' and '#' end the
     * authority; the path becomes "/"); Chromium requested both. What happens: in the HOST state of
     * ScriptUrlMentions, '?' and '#' are neither host bytes, ':' nor PATH_END, so authorityEnd returns IDLE and the
     * URL is dropped unreported; the scripts pass. The same URL with a '/' before the '?', or ending at the host
     * ("https://www.google-analytics.com" alone), is blocked. Should: '?' and '#' end the host like a '/' (a URL
     * "https://host?q" is host + "/?q"). Fail-open.
     */
    @Test
    void aQueryOrFragmentRightAfterTheHostDropsTheUrl() {
        assertBlocked("<script>new Image().src=\"https://www.google-analytics.com/?v=1&tid=UA-Q\"</script>");
        assertEachBlocked(
                "<script>new Image().src=\"https://www.google-analytics.com?v=1&tid=UA-Q\"</script>",
                "<script>var f=document.createElement(\"iframe\");f.src=\"https://www.youtube.com#embed\";"
                        + "document.body.appendChild(f)</script>");
    }

    /**
     * Input: a created iframe (or a first-party Matomo image pixel) whose src is set in ordinarily formatted code
     * with other whitespace than one space around '=', or setAttribute's arguments on their own lines:
     * {@code frame.src =\n  "https://www.youtube.com/embed/NL?..."} (the line break after '=' that formatters put in
     * a long assignment), {@code frame.src    = "https://www.youtube.com/embed/AL"} (aligned assignments),
     * {@code frame.src\t= ...}, {@code frame.setAttribute(\n  "src",\n  "https://www.youtube.com/embed/SA..."\n)},
     * and {@code pixel.src =\n  "/matomo.php?idsite=1&rec=1&action_name=" + ...}. A URL of a functionality rule
     * (YouTube) or a path-only rule on the page's host (matomo-tracker) blocks a script only when it is loaded (README:
     * "any URL a src is set to"). What happens: ScriptUrlMentions.assignedToSrc skips at most one space between '='
     * and "src", stops at '\n' (STATEMENT_END) between '=' and the value, and srcArgumentBefore only skips spaces
     * (not a line break) before the comma; so the URL counts as merely named, and the embed and the path-only pixel
     * pass. Chromium loaded www.youtube.com/embed/NL, /embed/AL and /embed/SA, and requested /matomo.php?idsite=1&rec=1
     * from the page's host. The one-space forms ({@code frame.src = "..."}, {@code setAttribute("src", "...")}) are
     * blocked. Should: any JavaScript whitespace (spaces, tabs, line breaks) between "src", '=' or ',' and the value.
     * Fail-open.
     */
    @Test
    void aSrcAssignmentFormattedWithOtherWhitespaceIsNotSeenAsLoading() {
        assertBlocked("<script>var frame=document.createElement(\"iframe\");"
                + "frame.src = \"https://www.youtube.com/embed/AL\";document.body.appendChild(frame);</script>");
        assertBlocked("<script>var pixel=new Image();pixel.src = \"/matomo.php?idsite=1&rec=1\";</script>");
        assertEachBlocked(
                "<script>\nvar frame = document.createElement(\"iframe\");\nframe.src =\n"
                        + "  \"https://www.youtube.com/embed/NL?autoplay=1&mute=1&rel=0&modestbranding=1\";\n"
                        + "document.body.appendChild(frame);\n</script>",
                "<script>\nvar frame = document.createElement(\"iframe\");\nframe.width  = 560;\n"
                        + "frame.src    = \"https://www.youtube.com/embed/AL\";\ndocument.body.appendChild(frame);\n"
                        + "</script>",
                "<script>var frame=document.createElement(\"iframe\");"
                        + "frame.src\t= \"https://www.youtube.com/embed/TB\";document.body.appendChild(frame);</script>",
                "<script>\nvar frame = document.createElement(\"iframe\");\nframe.setAttribute(\n  \"src\",\n"
                        + "  \"https://www.youtube.com/embed/SA?autoplay=1&mute=1&rel=0&modestbranding=1\",\n);\n"
                        + "document.body.appendChild(frame);\n</script>",
                "<script>\nvar pixel = new Image();\npixel.src =\n"
                        + "  \"/matomo.php?idsite=1&rec=1&action_name=\" + encodeURIComponent(document.title);\n"
                        + "</script>");
    }

    /**
     * Input: a Meta pixel event sent from inline code whose query holds an ordinary word that is also a "notice"
     * word: {@code navigator.sendBeacon("https://www.facebook.com/tr?id=123456&ev=ViewContent&cd[content_name]=
     * Chocolate%20Chip%20Cookies&cd[content_type]=product")} (a shop selling cookies; the same with a content name,
     * category or search term "Terms", "Legal", "Policy", "Privacy"). The URL is named, not loaded, and advertising
     * is one of html.named_url_categories, so it should block the script (README: "navigator.sendBeacon(...)",
     * "fetch('https://www.facebook.com/tr?...')"). What happens: MentionedUrlVerdict.isNoticeLink reads
     * UrlParts.path(), which holds the query too ("path (with query)"), finds the whole word "cookies" and no
     * endpoint word, and takes the beacon for a link to Meta's cookie notice; the script passes. The README says only
     * "a whole word of the path" makes a notice link. Chromium posted to www.facebook.com/tr?id=123456&ev=ViewContent
     * &cd[content_name]=Chocolate%20Chip%20Cookies.... The same beacon with another product name is blocked
     * (meta-pixel). Should: only the path before '?' (and '#') is read for notice words. Fail-open.
     */
    @Test
    void aNoticeWordInTheQueryMakesATrackerBeaconPassAsANoticeLink() {
        assertBlocked("<script>navigator.sendBeacon(\"https://www.facebook.com/tr?id=123456&ev=ViewContent"
                + "&cd[content_name]=Chocolate%20Chip%20Muffins&cd[content_type]=product\");</script>");
        assertEachBlocked(
                "<script>navigator.sendBeacon(\"https://www.facebook.com/tr?id=123456&ev=ViewContent"
                        + "&cd[content_name]=Chocolate%20Chip%20Cookies&cd[content_type]=product\");</script>",
                "<script>navigator.sendBeacon(\"https://www.facebook.com/tr?id=123456&ev=Search"
                        + "&cd[search_string]=privacy\");</script>");
    }

    /**
     * Input: an inline script whose URL's slashes are written with a JavaScript escape other than "\/":
     * {@code s.src="https:\u002F\u002Fwww.googletagmanager.com\u002Fgtm.js?id=GTM-U"} (the form serialize-javascript,
     * and the SSR state serializers copied from it, give every "/" in a page's state: its ESCAPED_CHARS maps '/' to
     * "\\u002F"), the same with {@code \x2f}, and {@code "https:\\\\www.googletagmanager.com\\gtm.js"} (a JS string
     * holding backslashes, which the URL Standard reads as slashes in an https URL); and a page state naming the
     * GTM container in the serialize-javascript form, which a first-party loader reads and inserts. What happens:
     * ScriptUrlMentions only takes '/' and "\/" as slashes, so no URL is found, no signature matches
     * ("googletagmanager.com/gtm.js" is not in the bytes), and every script passes. Chromium requested
     * www.googletagmanager.com/gtm.js?id=GTM-U, ?id=GTM-X, ?id=GTM-BS and (state + loader) ?id=GTM-CFG. The same
     * script or state with "\/" is blocked (README: "a script URL anywhere in its text ... \/-escaped"; "a tracker's
     * address in its settings"). Should: a JS string escape of '/' ("\u002F", "\x2f", and a backslash) is a slash
     * to the URL scanner, as "\/" is. Fail-open.
     */
    @Test
    void slashesWrittenAsJavaScriptEscapesOtherThanBackslashSlashHideTheUrl() {
        assertBlocked("<script>window.__INITIAL_STATE__={\"analytics\":{\"gtm\":"
                + "\"https:\\/\\/www.googletagmanager.com\\/gtm.js?id=GTM-CFG\"}}</script>");
        assertEachBlocked(
                "<script>var s=document.createElement(\"script\");"
                        + "s.src=\"https:\\u002F\\u002Fwww.googletagmanager.com\\u002Fgtm.js?id=GTM-U\";"
                        + "document.head.appendChild(s)</script>",
                "<script>var s=document.createElement(\"script\");"
                        + "s.src=\"https:\\x2f\\x2fwww.googletagmanager.com\\x2fgtm.js?id=GTM-X\";"
                        + "document.head.appendChild(s)</script>",
                "<script>var s=document.createElement(\"script\");"
                        + "s.src=\"https:\\\\\\\\www.googletagmanager.com\\\\gtm.js?id=GTM-BS\";"
                        + "document.head.appendChild(s)</script>",
                "<script>window.__INITIAL_STATE__={\"analytics\":{\"gtm\":"
                        + "\"https:\\u002F\\u002Fwww.googletagmanager.com\\u002Fgtm.js?id=GTM-CFG\"}}</script>");
    }

    /**
     * Input: {@code s.src="https://www.googletagmanager%2Ecom/gtm.js?id=GTM-P"} in an inline script. The URL
     * Standard's host parser percent-decodes the host before mapping it ("www.googletagmanager.com"), and the README
     * says hosts are read that way "in attributes and in scripts' text". What happens: '%' is not a HOST_BYTE in
     * ScriptUrlMentions, so the HOST state hands it to authorityEnd, which gives the candidate up (IDLE); nothing
     * else matches and the script passes. Chromium requested www.googletagmanager.com/gtm.js?id=GTM-P. (The same
     * host in a script's src attribute is blocked, as BrowserReadUrlsTest shows for %E3%80%82.) Should: the host is
     * read with its percent-escapes and judged decoded, as UrlParts does for attributes. Fail-open.
     */
    @Test
    void aPercentEncodedHostInScriptTextIsNotRead() {
        assertBlocked("<script src=\"https://www.googletagmanager%2Ecom/gtm.js?id=GTM-P\"></script>");
        assertEachBlocked(
                "<script>var s=document.createElement(\"script\");"
                        + "s.src=\"https://www.googletagmanager%2Ecom/gtm.js?id=GTM-P\";"
                        + "document.head.appendChild(s)</script>",
                "<script>new Image().src=\"https://www.google-analytics%2ecom/collect?v=1&tid=UA-P\"</script>");
    }

    // The escapes are read as one wherever the page is cut: an escape split across pieces is held until it is whole.
    @Test
    void anEscapedUrlIsFoundWhereverThePageIsCut() {
        String page = "<p>x</p><script>var s=document.createElement(\"script\");s.src=\"https:\\u002F\\u002F"
                + "www.googletagmanager.com\\x2Fgtm.js?id=GTM-CUT\";document.head.appendChild(s)</script><p>y</p>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        byte[] whole = HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, bytes, RewriteListener.NONE);
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(bytes, whole), "the script is judged");
        for (int size = 1; size <= bytes.length; size++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(whole, Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY,
                    bytes, java.util.List.of(size)), "pieces of " + size);
        }
    }
}
