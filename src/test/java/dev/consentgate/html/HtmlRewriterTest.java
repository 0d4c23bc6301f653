package dev.consentgate.html;

import dev.consentgate.config.HtmlSettings;
import dev.consentgate.config.HtmlSettings.NeutralizeStyle;
import dev.consentgate.config.TagAction;
import dev.consentgate.config.TagRule;
import dev.consentgate.consent.ConsentDecision;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One construct or action per test, under essential-only consent with the default rules unless said. */
class HtmlRewriterTest {

    private static final TagPolicy POLICY = TestRules.policy(settings());

    /**
     * The shipped defaults without the stand-ins that follow a blocked vendor script: these tests compare each
     * element's own rewrite byte for byte (the stand-ins are TagSurrogatesTest's).
     */
    private static HtmlSettings settings() {
        return HtmlSettings.defaults().withSurrogates(false);
    }
    private static final String GTM = "https://www.googletagmanager.com/gtm.js?id=GTM-X";

    private static String rewrite(String html) {
        return rewrite(POLICY, TestRules.ESSENTIAL_ONLY, html);
    }

    private static String rewrite(TagPolicy policy, ConsentDecision consent, String html) {
        byte[] out = Chunks.rewrite(policy, consent, html.getBytes(StandardCharsets.UTF_8), List.of(1 << 20));
        String viaBytes = new String(out, StandardCharsets.UTF_8);
        // and the same in 1..3-byte chunks
        for (int size = 1; size <= 3; size++) {
            assertEquals(viaBytes, new String(Chunks.rewrite(policy, consent, html.getBytes(StandardCharsets.UTF_8),
                    List.of(size)), StandardCharsets.UTF_8), "chunk size " + size);
        }
        return viaBytes;
    }

    private static void assertUnchanged(String html) {
        assertEquals(html, rewrite(html));
    }

    // ---- tokenizer constructs ----

    @Test
    void tagSplitAtEveryPositionGivesTheSameOutput() {
        String html = "<p>a</p><script async src=\"" + GTM + "\"></script><img src=//www.facebook.com/tr?id=1>";
        String expected = rewrite(html);
        byte[] in = html.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < in.length; cut++) {
            byte[] out = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, in, List.of(cut, in.length));
            assertEquals(expected, new String(out, StandardCharsets.UTF_8), "cut at " + cut);
        }
        assertTrue(expected.contains("type=\"text/plain\""));
    }

    @Test
    void attributeValuesAreReadInAllThreeQuotings() {
        for (String src : List.of("\"" + GTM + "\"", "'" + GTM + "'", GTM)) {
            String out = rewrite("<script src=" + src + "></script>");
            assertTrue(out.startsWith("<script type=\"text/plain\""), out);
            assertTrue(out.contains("data-cg-src=" + src), out);
        }
    }

    @Test
    void firstOfDuplicatedAttributesDecidesAsInBrowsers() {
        assertUnchanged("<script src=\"/app.js\" src=\"" + GTM + "\"></script>");
        String out = rewrite("<script src=\"" + GTM + "\" src=\"/app.js\"></script>");
        assertEquals("<script type=\"text/plain\" data-cg-category=\"analytics\" data-cg-rule=\"google-tag-manager\""
                + " data-cg-type=\"text/javascript\" data-cg-src=\"" + GTM + "\" data-cg-src=\"/app.js\"></script>", out);
    }

    @Test
    void relativeUrlsAreJudgedAgainstTheFirstBaseWithAnHref() {
        // the base names a tracker's host: its relative URLs load from there
        String out = rewrite("<base target=_top><base href=\"https://www.googletagmanager.com/ns/\">"
                + "<script src=\"gtm.js?id=GTM-X\"></script><img src=\"/ok.png\"><img src=\"?a=1\">"
                + "<base href=\"https://cdn.example.com/\"><img src=\"x.png\"><img src=\"https://cdn.example.com/y.png\">");
        assertEquals("<base target=_top><base href=\"https://www.googletagmanager.com/ns/\">"
                + "<script type=\"text/plain\" data-cg-category=\"analytics\" data-cg-rule=\"google-tag-manager\""
                + " data-cg-type=\"text/javascript\" data-cg-src=\"gtm.js?id=GTM-X\"></script>"
                + "<base href=\"https://cdn.example.com/\"><img src=\"https://cdn.example.com/y.png\">", out,
                "a later base changes nothing, and an absolute URL keeps its own host");
        // a base of the page's own or a neutral host changes nothing, nor does a relative one
        assertUnchanged("<base href=\"https://cdn.example.com/app/\"><script src=\"app.js\"></script><img src=/a.png>");
        assertUnchanged("<base href=\"/blog/\"><base href=\"https://www.facebook.com/\"><img src=\"tr?id=1\">");
        assertUnchanged("<img src=\"tr?id=1\"><base href=\"https://www.facebook.com/\">");
    }

    @Test
    void aBaseInsideNoscriptCountsTooAndOneCutByTheTagLimitIsRemoved() {
        String out = rewrite("<noscript><base href=\"https://www.facebook.com/\"></noscript><img src=\"tr?id=1\">");
        assertEquals("<noscript><base href=\"https://www.facebook.com/\"></noscript>", out,
                "a visitor without JavaScript resolves against it");
        TagPolicy small = TestRules.policy(settings().withLimits(256 * 1024, 64));
        String cut = "<base data-x=\"" + "a".repeat(80) + "\" href=\"https://www.facebook.com/\"><img src=\"tr\">";
        assertEquals("<img src=\"tr\">", rewrite(small, TestRules.ESSENTIAL_ONLY, cut),
                "an href the limit left unread could send every relative URL anywhere: the base goes");
        String readWhole = "<base href=\"https://www.facebook.com/\" data-x=\"" + "a".repeat(80) + "\"><img src=\"tr\">";
        assertEquals(readWhole.substring(0, readWhole.indexOf("<img")), rewrite(small, TestRules.ESSENTIAL_ONLY, readWhole),
                "an href read before the limit is the base: the base stays and its relative pixel goes");
    }

    @Test
    void everyUrlOfAnImportMapCountsAsLoaded() {
        // a prefix of a functionality widget's host: merely named, it would count only for analytics and advertising
        String map = "{\"imports\": {\"tw/\": \"https://platform.twitter.com/\"}}";
        assertTrue(rewrite("<script type=\"importmap\">" + map + "</script>").startsWith("<script type=\"text/plain\""));
    }

    @Test
    void anImportMapIsJudgedByTheUrlsItNames() {
        String map = "{\"imports\": {\"analytics\": \"https://www.googletagmanager.com/gtm.js?id=GTM-X\"}}";
        assertEquals("<script type=\"text/plain\" data-cg-category=\"analytics\" data-cg-rule=\"google-tag-manager-loader\""
                + " data-cg-type=\"importmap\">" + map + "</script>", rewrite("<script type=\"importmap\">" + map + "</script>"));
        assertUnchanged("<script type=importmap>{\"imports\": {\"lodash\": \"https://cdn.jsdelivr.net/npm/lodash-es/lodash.js\","
                + " \"app\": \"/js/app.js\"}}</script>");
        // inside noscript it is text to a browser running scripts, and markup that runs nothing without: it goes
        // with every script of content read both ways
        assertEquals("<noscript></noscript>", rewrite("<noscript><script type=\"importmap\">" + map + "</script></noscript>"));
    }

    @Test
    void anSvgScriptsHrefCountsBesideASrc() {
        assertTrue(rewrite("<svg><script src=\"/x.js\" href=\"" + GTM + "\"></script></svg>")
                .startsWith("<svg><script type=\"text/plain\""));
    }

    // Before (2026-12-01, Chromium 156.0.8078.114 in CI): a neutralized SVG script kept its href, which that build
    // fetched from a script of type text/plain; now every address of a neutralized script is renamed
    @Test
    void svgScriptsAndImagesAreJudgedByTheirHref() {
        String out = rewrite("<svg><script href=\"" + GTM + "\"></script><script xlink:href=\"" + GTM + "\"></script>"
                + "<image href=\"https://www.facebook.com/tr?id=1\"/><image xlink:href=\"/logo.png\"/></svg>"
                + "<image src=\"https://www.facebook.com/tr?id=2\">");
        assertEquals("<svg><script type=\"text/plain\" data-cg-category=\"analytics\" data-cg-rule=\"google-tag-manager\""
                + " data-cg-type=\"text/javascript\" data-cg-blocked-href=\"" + GTM + "\"></script><script type=\"text/plain\""
                + " data-cg-category=\"analytics\" data-cg-rule=\"google-tag-manager\" data-cg-type=\"text/javascript\""
                + " data-cg-blocked-href=\"" + GTM + "\"></script><image xlink:href=\"/logo.png\"/></svg>", out,
                "an HTML image is an img to the tree builder");
    }

    @Test
    void tagAndAttributeNamesAreCaseInsensitive() {
        String out = rewrite("<SCRIPT SRC=\"" + GTM + "\"></SCRIPT><ImG SrC=https://www.facebook.com/tr>x");
        assertEquals("<SCRIPT type=\"text/plain\" data-cg-category=\"analytics\" data-cg-rule=\"google-tag-manager\""
                + " data-cg-type=\"text/javascript\" data-cg-src=\"" + GTM + "\"></SCRIPT>x", out);
    }

    @Test
    void tagsInsideCommentsStayInComments() {
        assertUnchanged("<!-- <script src=\"" + GTM + "\"></script> --><p>x</p>");
        assertUnchanged("<!-- a --!><!--><!---><!-- <script>fbq('init')</script> -->");
    }

    @Test
    void cdataInHtmlIsABogusCommentEndingAtTheFirstGreaterThan() {
        assertUnchanged("<![CDATA[ <img src=//www.facebook.com/tr> ]]>");
        assertEquals("<![CDATA[ a ]]>", rewrite("<![CDATA[ a ]]><img src=//www.facebook.com/tr>"));
    }

    @Test
    void markupInRawTextAndRcdataIsText() {
        // (inside a CSS comment: a CSS string may be an address, and one naming GTM goes, see CssUrls)
        assertUnchanged("<style>/* <script src=\"" + GTM + "\"> */ a::after{content:'x'}</style>");
        assertUnchanged("<title><script src=\"" + GTM + "\"></script></title>");
        assertUnchanged("<textarea><img src=//www.facebook.com/tr></textarea>");
        assertUnchanged("<xmp><img src=//www.facebook.com/tr></xmp>");
    }

    @Test
    void scriptEndTagInsideAStringEndsTheScriptOnlyWhenComplete() {
        String out = rewrite("<script>var s = \"</scr\" + \"ipt>\"; fbq('init', '1');</script><p>after</p>");
        assertTrue(out.startsWith("<script type=\"text/plain\""), out);
        assertTrue(out.endsWith("fbq('init', '1');</script><p>after</p>"), out);
    }

    @Test
    void doubleEscapedScriptDataHidesAnInnerEndTag() {
        String html = "<script><!-- <script> </script> fbq('x') --></script><p>after</p>";
        String out = rewrite(html);
        assertEquals("<script type=\"text/plain\" data-cg-category=\"advertising\" data-cg-rule=\"meta-pixel-inline\""
                + " data-cg-type=\"text/javascript\">" + html.substring("<script>".length()), out);
    }

    @Test
    void firstPartyAndUnknownInlineScriptsAreUntouched() {
        assertUnchanged("<script src=\"/js/app.js\"></script><script>var a = 1 < 2;</script>");
        assertUnchanged("<script src=\"https://cdn.example.net/lib.js\"></script>");
    }

    @Test
    void unterminatedConstructsAtEndOfInputPassAsTheyAre() {
        assertUnchanged("<p>x</p><script src=\"" + GTM + "\"");
        assertUnchanged("<p>x</p><!-- never closed <script src=\"" + GTM + "\"></script>");
        assertUnchanged("<script>var a = 1;");
        assertEquals("<script type=\"text/plain\" data-cg-category=\"advertising\" data-cg-rule=\"meta-pixel-inline\""
                + " data-cg-type=\"text/javascript\">fbq('init'", rewrite("<script>fbq('init'"));
    }

    @Test
    void utf8ByteOrderMarkIsKept() {
        String out = rewrite("\uFEFF<img src=https://www.facebook.com/tr?id=1><p>é</p>");
        assertEquals("\uFEFF<p>é</p>", out);
    }

    @Test
    void characterReferencesInUrlsAreDecodedBeforeJudging() {
        assertEquals("", rewrite("<img src=\"https&#x3A;&#x2F;&#x2F;www.facebook.com&#x2F;tr?id=1\">"));
        assertEquals("", rewrite("<img src=\"https:&sol;&sol;www&period;facebook&period;com/tr\">"));
        assertEquals("", rewrite("<img src=\"HTTPS:\\\\WWW.FACEBOOK.COM./tr\">"));
        assertEquals("", rewrite("<img src=\"https://user@www.facebook.com:443/tr\">"));
    }

    @Test
    void svgTitleSelfClosingIsNotRawText() {
        assertEquals("<svg><title/></svg><p>x</p>",
                rewrite("<svg><title/></svg><img src=https://www.facebook.com/tr><p>x</p>"));
    }

    @Test
    void noscriptEndsAtItsFirstEndTagAsForABrowserRunningScripts() {
        // with JavaScript, noscript is text up to the first </noscript>: what follows is markup, whatever markup
        // inside noscript would have made of it (a comment, an attribute, a style, a textarea, a title...)
        String gtm = "<script src=\"" + GTM + "\"></script>";
        String neutralized = "<script type=\"text/plain\" data-cg-category=\"analytics\" data-cg-rule=\"google-tag-manager\""
                + " data-cg-type=\"text/javascript\" data-cg-src=\"" + GTM + "\"></script>";
        for (String opener : List.of("<!-- ", "<style>", "<textarea>", "<title>", "<iframe>", "<script>", "<xmp>",
                "<noembed>", "<noframes>", "<noscript>")) {
            assertEquals("<noscript>" + opener + "</noscript>" + neutralized + " --></noscript>",
                    rewrite("<noscript>" + opener + "</noscript>" + gtm + " --></noscript>"), opener);
        }
        // (the a, cut inside its quoted title, goes too: without JavaScript it would run on past the end tag)
        assertEquals("<noscript></noscript>\">", rewrite("<noscript><a title=\"</noscript>"
                + "<img src=https://www.facebook.com/tr?id=1>\">"));
        assertEquals("<p><noscript><!--</NOSCRIPT >" + neutralized, rewrite("<p><noscript><!--</NOSCRIPT >" + gtm),
                "the end tag in any case, with spaces");
        // not an end tag: the content goes on, where the script is text to one browser and commented out to the other
        assertUnchanged("<noscript><!--</noscriptx>" + gtm + "--></noscript>");
    }

    @Test
    void aTagTheEndOfNoscriptCutIsRemoved() {
        // without JavaScript, this img goes on past </noscript> and loads the pixel named after it
        assertEquals("<noscript></noscript>\" src=\"https://www.facebook.com/tr?id=1\">",
                rewrite("<noscript><img alt=\"</noscript>\" src=\"https://www.facebook.com/tr?id=1\">"));
        assertUnchanged("<noscript><img src=/pixel.gif alt=\"\"></noscript><p>text</p>");
    }

    @Test
    void afterSvgOrMathTheContentOfRawTextElementsIsReadBothWays() {
        // inside foreignObject (or MathML's mi) a browser reads noscript, style, title... as raw text again, which the
        // tokenizer does not follow: their content is read as raw text and judged as markup too
        String gtmScript = "<script src=\"" + GTM + "\"></script>";
        for (String wrapper : List.of("<svg><foreignObject>%s</foreignObject></svg>", "<math><mi>%s</mi></math>",
                "<svg><desc>%s</desc></svg>", "<svg></svg>%s")) {
            for (String element : List.of("noscript", "style", "title", "textarea", "xmp", "noembed", "noframes",
                    "iframe")) {
                String html = String.format(wrapper, "<" + element + "><!--</" + element + ">" + gtmScript + "--></"
                        + element + ">");
                String out = rewrite(html);
                assertTrue(out.contains("data-cg-src=\"" + GTM + "\""), html + " gave " + out);
            }
        }
        // in plain SVG the comment holds the pixel for a browser, and the rewriter takes it out of it as well
        assertEquals("<svg><noscript><!-- </noscript> --></noscript></svg>",
                rewrite("<svg><noscript><!-- </noscript><img src=https://www.facebook.com/tr?id=1> --></noscript></svg>"));
        // markup in the content (a pixel in SVG breaks out of it) is judged, and what is not judged stays as it was
        assertEquals("<svg><style>.a{fill:red}</style><title>Logo</title></svg><style>p{color:red}</style>",
                rewrite("<svg><style>.a{fill:red}<img src=https://www.facebook.com/tr?id=2></style><title>Logo</title>"
                        + "</svg><style>p{color:red}</style>"));
        // nested ones, past the depth that is read, are dropped: text to any browser
        assertEquals("<svg><style><style><style><style></style></svg><p>x</p>",
                rewrite("<svg><style><style><style><style>" + gtmScript + "</style></svg><p>x</p>"));
    }

    // ---- actions ----

    @Test
    void pixelsAreRemovedWhereverTheyAre() {
        assertEquals("<noscript></noscript>", rewrite("<noscript><img height=\"1\" width=\"1\" "
                + "src=\"https://www.facebook.com/tr?id=1&amp;ev=PageView&amp;noscript=1\"/></noscript>"));
        assertEquals("<noscript></noscript>", rewrite("<noscript><iframe src=\"https://www.googletagmanager.com/"
                + "ns.html?id=GTM-X\" height=\"0\" width=\"0\"></iframe></noscript>"));
    }

    @Test
    void imagesWithATrackerInAnySrcsetCandidateAreRemoved() {
        assertEquals("<p></p>", rewrite("<p><img src=/a.jpg srcset=\"/a.jpg 1x, https://www.facebook.com/tr?id=1 2x\">"
                + "</p>"));
        // no space after the comma: one URL for a browser, whose tracker part still counts
        assertEquals("<p></p>", rewrite("<p><img srcset=\"/a.jpg,https://www.facebook.com/tr?id=1 2x\"></p>"));
        assertUnchanged("<img src=/a.jpg srcset=\"/a.jpg 1x, /b.jpg 2x\" alt=\"x, y\">");
    }

    @Test
    void anIframeWhoseSrcdocLoadsATrackerIsBlockedLikeItsSrcWould() {
        String byUrl = "<iframe srcdoc=\"<script src=&quot;https://www.googletagmanager.com/gtm.js?id=X&quot;>"
                + "</script>\"></iframe>";
        String out = rewrite(byUrl);
        assertTrue(out.startsWith("<div class=\"consentgate-placeholder\""), out);
        assertTrue(out.contains("Embedded content from www.googletagmanager.com is blocked"), out);
        String bySnippet = "<iframe srcdoc='<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){};"
                + "}(window,document,\"script\",\"https://cdn.example/x.js\");fbq(\"init\",\"1\");</script>'>"
                + "</iframe>";
        assertTrue(rewrite(bySnippet).startsWith("<div class=\"consentgate-placeholder\""), rewrite(bySnippet));
        assertUnchanged("<iframe srcdoc=\"<p>Hello <a href=//example.org/x>there</a></p>\"></iframe>");
    }

    @Test
    void aUrlWaitingForALazyLoaderCountsLikeItsSrc() {
        // jQuery Lazy Load copies data-original into src once the element scrolls into view
        String frame = "<iframe data-original=\"https://www.youtube.com/embed/CaRmntSvTH0\" allowfullscreen></iframe>";
        assertTrue(rewrite(frame).startsWith("<div class=\"consentgate-placeholder\""), rewrite(frame));
        assertEquals("", rewrite("<img class=\"lazy\" data-original=\"https://www.facebook.com/tr?id=1&ev=PageView\">"));
        assertUnchanged("<img class=\"lazy\" data-original=\"/img/team.jpg\" alt=\"\">");
        // a frame neutralized instead of replaced keeps the URL where no lazy loader looks for it: in the
        // attribute the consent tool restores src from
        HtmlSettings settings = settings().withActions(TagAction.NEUTRALIZE, TagAction.REMOVE,
                TagAction.REMOVE, TagAction.NEUTRALIZE, Map.of());
        String neutralized = rewrite(TestRules.policy(settings), TestRules.ESSENTIAL_ONLY,
                "<iframe class=\"lazy\" data-original=\"https://player.vimeo.com/video/1\"></iframe>");
        assertTrue(neutralized.contains(" data-cg-src=\"https://player.vimeo.com/video/1\""), neutralized);
        assertFalse(neutralized.contains(" data-original="), neutralized);
    }

    @Test
    void aTrackerInsideADataUrlCountsUnlessTheDataIsBase64() {
        String frame = "<iframe src=\"data:text/html,<script src=//connect.facebook.net/en_US/fbevents.js></script>\">"
                + "</iframe>";
        assertTrue(rewrite(frame).startsWith("<div class=\"consentgate-placeholder\""), rewrite(frame));
        // base64 is not read as text by the browser: "//" in it is no URL
        assertUnchanged("<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw//www.facebook.com/tr\">");
    }

    @Test
    void aScriptMovedIntoABase64DataUrlIsJudgedByWhatItCarries() {
        String loader = "(function(w,d){var s=d.createElement('script');s.async=true;"
                + "s.src='https://www.googletagmanager.com/gtm.js?id=GTM-1';d.head.appendChild(s);})(window,document);";
        String encoded = java.util.Base64.getEncoder().encodeToString(loader.getBytes(StandardCharsets.UTF_8));
        // a script-delaying plugin's copy (LiteSpeed: data-src), and a plain src
        String delayed = rewrite("<script data-type=\"lazy\" data-src=\"data:text/javascript;base64," + encoded
                + "\"></script>");
        assertTrue(delayed.contains("type=\"text/plain\"") && delayed.contains("data-cg-category=\"analytics\""),
                delayed);
        // white space inside the base64 and a missing padding do not hide it
        String spaced = encoded.substring(0, 20) + "\n  " + encoded.substring(20).replace("=", "");
        String direct = rewrite("<script src=\"data:text/javascript;base64," + spaced + "\"></script>");
        assertTrue(direct.contains("data-cg-src=\"data:text/javascript;base64,"), direct);
        // a percent-encoded snippet
        String snippet = rewrite("<script src=\"data:text/javascript,fbq(%27init%27%2C%271%27)\"></script>");
        assertTrue(snippet.contains("data-cg-category=\"advertising\""), snippet);
        // the page's own code in a data URL, and broken base64 (a browser runs nothing), pass as they are
        assertUnchanged("<script src=\"data:text/javascript;base64,"
                + java.util.Base64.getEncoder().encodeToString("console.log('hi')".getBytes(StandardCharsets.UTF_8))
                + "\"></script>");
        assertUnchanged("<script src=\"data:text/javascript;base64,Zm9v!!\"></script>");
    }

    @Test
    void aFrameWhoseDataUrlIsBase64HtmlWithATrackerIsBlocked() {
        String doc = "<script src=\"https://connect.facebook.net/en_US/fbevents.js\"></script>";
        String frame = "<iframe src=\"data:text/html;base64,"
                + java.util.Base64.getEncoder().encodeToString(doc.getBytes(StandardCharsets.UTF_8)) + "\"></iframe>";
        assertTrue(rewrite(frame).startsWith("<div class=\"consentgate-placeholder\""), rewrite(frame));
        assertUnchanged("<iframe src=\"data:text/html;base64,"
                + java.util.Base64.getEncoder().encodeToString("<p>hi</p>".getBytes(StandardCharsets.UTF_8))
                + "\"></iframe>");
    }

    @Test
    void mediaSourcesFromTagHostsAreRemovedLikeImages() {
        assertEquals("<picture><img src=/a.jpg alt=\"\"></picture>", rewrite("<picture><source type=image/gif "
                + "srcset=\"https://www.facebook.com/tr?id=1 1x\"><img src=/a.jpg alt=\"\"></picture>"));
        assertEquals("<video controls></video>",
                rewrite("<video controls><SOURCE src=\"https://px.ads.linkedin.com/collect/?pid=1\"></video>"));
        assertUnchanged("<picture><source srcset=\"/a.avif\" type=image/avif><img src=/a.jpg></picture>");
    }

    @Test
    void resourceHintsToTagHostsAreRemovedOtherLinksKept() {
        // a stylesheet is fetched with the page too (until 2026-11-30 one outside noscript was kept: found by a
        // review); a link no browser fetches stays
        assertEquals("<link rel=\"author\" href=\"https://www.googletagmanager.com/about\">",
                rewrite("<link rel=\"dns-prefetch\" href=\"//www.googletagmanager.com\">"
                        + "<link rel=\"preconnect\" href=\"https://connect.facebook.net\" crossorigin>"
                        + "<link rel=\"stylesheet\" href=\"https://www.googletagmanager.com/x.css\">"
                        + "<link rel=\"author\" href=\"https://www.googletagmanager.com/about\">"));
    }

    @Test
    void trackerStylesheetInNoscriptIsRemovedLikeAPixel() {
        assertEquals("<noscript></noscript><noscript><link rel=stylesheet href=/site.css></noscript>",
                rewrite("<noscript><link rel=\"stylesheet\" href=\"//www.etracker.de/cnt_css.php?et=x&v=4.0\"></noscript>"
                        + "<noscript><link rel=stylesheet href=/site.css></noscript>"));
    }

    @Test
    void scriptWithSourceIsNeutralizedSoAConsentToolCanRestoreIt() {
        assertEquals("<script type=\"text/plain\" data-cg-category=\"analytics\" data-cg-rule=\"google-tag-manager\""
                        + " data-cg-type=\"module\" async data-cg-src=\"" + GTM + "\"></script>",
                rewrite("<script type=\"module\" async src=\"" + GTM + "\"></script>"));
    }

    @Test
    void embedsBecomeAnAccessiblePlaceholderWithAConsentLink() {
        String out = rewrite("<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/x\">"
                + "<p>fallback</p></iframe><p>after</p>");
        assertTrue(out.startsWith("<div class=\"consentgate-placeholder\" role=\"note\" "
                + "data-cg-category=\"functionality\" data-cg-rule=\"youtube\""), out);
        assertTrue(out.contains("width:560px;height:315px;"), out);
        assertTrue(out.contains("Embedded content from www.youtube.com is blocked"), out);
        assertTrue(out.contains("<a href=\"/.consentgate/consent?category=functionality\">Allow functionality</a>"),
                out);
        assertTrue(out.endsWith("</div><p>after</p>"), out);
        assertFalse(out.contains("youtube.com/embed"), out);
    }

    @Test
    void aBlockedFrameThatShowsNothingIsRemovedNotShownAsABox() {
        String frame = "https://www.youtube.com/embed/x";
        for (String attributes : List.of("hidden", "width=\"1\" height=\"1\"", "height=0", "width=\" 0px\"",
                "width=\"0%\"", "width=\"0.5\"", "style=\"display: none\"", "style=\"display:/**/none !important\"",
                "style=\"border:0; VISIBILITY:hidden\"", "style=\"visibility:collapse\"",
                "style=\"width:0;height:0;border:0\"", "width=\"560\" style=\"height: 1px\"")) {
            assertEquals("<p>a</p><p>b</p>", rewrite("<p>a</p><iframe " + attributes + " src=\"" + frame
                    + "\"><p>fallback</p></iframe><p>b</p>"), attributes);
        }
        assertEquals("<p>a</p>", rewrite("<p>a</p><embed src=\"https://www.youtube.com/v/x\" width=1 height=1>"));
        // a frame the page shows gets its box; so does one sized in percent
        for (String attributes : List.of("width=\"560\" height=\"315\"", "width=\"100%\" height=\"1%\"",
                "height=\"10\"", "style=\"display:block\"", "width=\"560\" height=\"1.5%\"",
                "width=\"1\" height=\"1\" style=\"width:560px;height:315px\"", "hidden style=\"display:block\"",
                "style=\"display:none;display:block\"", "style=\"--x:display:none\"", "width=\"&#x2003;1\"",
                "style=\"height:1em\"", "width=\"+1\"")) {
            assertTrue(rewrite("<iframe " + attributes + " src=\"" + frame + "\"></iframe>")
                    .startsWith("<div class=\"consentgate-placeholder\""), attributes);
        }
        // a first-party frame stays, hidden or not
        assertUnchanged("<iframe hidden src=\"/sync.html\" width=0 height=0></iframe>");
        // neutralized frames (for the site's consent tool to restore) stay neutralized, hidden or not
        TagPolicy neutralizing = TestRules.policy(settings().withActions(TagAction.NEUTRALIZE,
                TagAction.REMOVE, TagAction.REMOVE, TagAction.NEUTRALIZE, Map.of()));
        assertTrue(rewrite(neutralizing, TestRules.ESSENTIAL_ONLY, "<iframe hidden src=\"" + frame + "\"></iframe>")
                .contains("data-cg-src=\"" + frame + "\""));
    }

    @Test
    void objectPlaceholderDropsItsWholeContentIncludingNestedObjects() {
        String out = rewrite("<object data=\"https://www.youtube.com/v/x\"><object data=a></object>"
                + "<embed src=\"https://www.youtube.com/v/x\"></object><p>after</p>");
        assertTrue(out.startsWith("<div class=\"consentgate-placeholder\""), out);
        assertTrue(out.endsWith("</div><p>after</p>"), out);
    }

    @Test
    void removeActionDropsElementAndContent() {
        HtmlSettings settings = settings().withActions(TagAction.REMOVE, TagAction.REMOVE,
                TagAction.REMOVE, TagAction.REMOVE, Map.of());
        TagPolicy policy = TestRules.policy(settings);
        assertEquals("<p>a</p><p>b</p>", rewrite(policy, TestRules.ESSENTIAL_ONLY,
                "<p>a</p><script>fbq('init', '1');</script><iframe src=//player.vimeo.com/video/1>x</iframe><p>b</p>"));
    }

    @Test
    void categoryActionOverridesTheElementKindDefault() {
        HtmlSettings settings = settings().withActions(TagAction.NEUTRALIZE, TagAction.REMOVE,
                TagAction.REMOVE, TagAction.PLACEHOLDER, Map.of("advertising", TagAction.REMOVE));
        TagPolicy policy = TestRules.policy(settings);
        assertEquals("", rewrite(policy, TestRules.ESSENTIAL_ONLY, "<script>fbq('init', '1');</script>"));
        assertTrue(rewrite(policy, TestRules.ESSENTIAL_ONLY, "<script>gtag('js')\nfunction gtag(){}</script>")
                .startsWith("<script type=\"text/plain\""));
    }

    @Test
    void neutralizePresetsWriteEachConsentToolsAttributes() {
        String html = "<script src=\"" + GTM + "\"></script>";
        assertEquals("<script type=\"text/plain\" data-cookieconsent=\"statistics\" src=\"" + GTM + "\"></script>",
                rewrite(preset(NeutralizeStyle.COOKIEBOT), TestRules.ESSENTIAL_ONLY, html));
        assertEquals("<script type=\"text/plain\" class=\"optanon-category-C0002\" src=\"" + GTM + "\"></script>",
                rewrite(preset(NeutralizeStyle.ONETRUST), TestRules.ESSENTIAL_ONLY, html));
        assertEquals("<script type=\"text/plain\" data-name=\"google-tag-manager\" data-type=\"text/javascript\""
                        + " data-src=\"" + GTM + "\"></script>",
                rewrite(preset(NeutralizeStyle.KLARO), TestRules.ESSENTIAL_ONLY, html));
        assertEquals("<script type=\"text/plain\" data-category=\"analytics\" data-service=\"google-tag-manager\""
                        + " data-type=\"text/javascript\" data-src=\"" + GTM + "\"></script>",
                rewrite(preset(NeutralizeStyle.COOKIECONSENT), TestRules.ESSENTIAL_ONLY, html));
    }

    @Test
    void rulesSharingAnIdKeepTheirOwnCategory() {
        // imported lists may give one id to rules of two categories; each neutralized tag names its own category
        TagPolicy policy = new TagPolicy(List.of(
                new TagRule("list:acme", Optional.of("ads.acme.example"), Optional.empty(), Optional.empty(),
                        "advertising", Optional.empty(), "test"),
                new TagRule("list:acme", Optional.of("stats.acme.example"), Optional.empty(), Optional.empty(),
                        "analytics", Optional.empty(), "test")),
                TestRules.CATEGORIES, settings().withNeutralize(NeutralizeStyle.COOKIEBOT));
        String html = "<script src=\"https://ads.acme.example/a.js\"></script>"
                + "<script src=\"https://stats.acme.example/s.js\"></script>";
        String out = rewrite(policy, TestRules.ESSENTIAL_ONLY, html);
        assertEquals("<script type=\"text/plain\" data-cookieconsent=\"marketing\""
                + " src=\"https://ads.acme.example/a.js\"></script><script type=\"text/plain\" data-cookieconsent=\"statistics\""
                + " src=\"https://stats.acme.example/s.js\"></script>", out);
    }

    private static TagPolicy preset(NeutralizeStyle style) {
        return TestRules.policy(settings().withNeutralize(style));
    }

    @Test
    void grantedCategoriesPassWhileOthersAreBlocked() {
        String html = "<script src=\"" + GTM + "\"></script><img src=https://www.facebook.com/tr>";
        assertEquals("<script src=\"" + GTM + "\"></script>",
                rewrite(POLICY, TestRules.consent("essential", "analytics"), html));
    }

    @Test
    void everythingGrantedPassesByteForByte() {
        String html = "<script src=\"" + GTM + "\"></script><img src=https://www.facebook.com/tr><meta "
                + "http-equiv=set-cookie content=\"_fbp=1\">";
        assertEquals(html, rewrite(POLICY, TestRules.EVERYTHING, html));
    }

    @Test
    void scriptsMadeInertByAConsentToolAreNeverMadeExecutable() {
        assertUnchanged("<script type=\"text/plain\" data-cookieconsent=\"statistics\" src=\"" + GTM + "\"></script>");
        assertUnchanged("<script type=\"text/plain\" data-category=\"analytics\">fbq('init')</script>");
        assertUnchanged("<script type=\"application/ld+json\">{\"fbq(\": 1}</script>");
    }

    @Test
    void scriptsOfTypesThatHoldDataOrTemplatesAreNeverTouched() {
        assertUnchanged("<script type=\"text/x-template\">"
                + "<iframe src=\"https://www.facebook.com/tr\"></iframe></script>");
        assertUnchanged("<script type=\"text/x-handlebars-template\">fbq('init')</script>");
        // (an import map is judged by the URLs it names: anImportMapIsJudgedByTheUrlsItNames)
        assertUnchanged("<script type=\"javascript/blocked\" src=\"" + GTM + "\"></script>");
        // consent tools' own blocked types, which only the tool turns back into code, after consent
        assertUnchanged("<script type=\"didomi/javascript\" data-vendor=\"google\" src=\"" + GTM + "\"></script>");
        assertUnchanged("<script type=\"application/consent\" data-src=\"" + GTM + "\"></script>");
        assertUnchanged("<script type=\"text/blocked\">fbq('init', '1');</script>");
        assertUnchanged("<script type=\"text/x-cookie-consent\">gtag('config', 'G-1');</script>");
        // OIL.js reads its settings from this JSON
        assertUnchanged("<script id=\"oil-configuration\" type=\"application/configuration\">"
                + "{\"publicPath\": \"https://www.googletagmanager.com/x\"}</script>");
    }

    @Test
    void scriptsDelayedUnderALoadersOwnTypeAreJudgedAndStayDelayed() {
        // WP Rocket runs type="rocketlazyloadscript" after the first interaction, from data-rocket-src
        String delayed = "<script type=\"rocketlazyloadscript\" data-rocket-src=\"" + GTM + "\" async></script>";
        String out = rewrite(delayed);
        assertTrue(out.startsWith("<script type=\"text/plain\""), out);
        assertTrue(out.contains("=\"rocketlazyloadscript\""), "the original type is kept for the consent tool: " + out);
        // an inline snippet under a type no one knows is read as a script (fail closed)
        String inline = rewrite("<script type=\"tl-js\">fbq('init', '1');</script>");
        assertTrue(inline.startsWith("<script type=\"text/plain\""), inline);
        // Perfmatters and LiteSpeed keep the URL in their own attributes
        assertTrue(rewrite("<script type=\"pmdelayedscript\" data-pmdelayedscript=\"" + GTM + "\"></script>")
                .startsWith("<script type=\"text/plain\""));
        assertTrue(rewrite("<script type=\"litespeed/javascript\" data-src=\"" + GTM + "\"></script>")
                .startsWith("<script type=\"text/plain\""));
        // and so did Cloudflare's first Rocket Loader
        assertTrue(rewrite("<script type=\"text/rocketscript\" data-rocketsrc=\"" + GTM + "\"></script>")
                .startsWith("<script type=\"text/plain\""));
        // the site's own delayed scripts are left as they are
        assertUnchanged("<script type=\"rocketlazyloadscript\" data-rocket-src=\"/js/app.js\"></script>");
    }

    @Test
    void olderWpRocketsDelayedScriptsAreJudgedAndHiddenFromItsLoader() {
        // older WP Rocket left the type alone and set src from data-rocketlazyloadscript on the first interaction
        String out = rewrite("<script data-rocketlazyloadscript='" + GTM + "' async></script>");
        assertTrue(out.startsWith("<script type=\"text/plain\""), out);
        assertTrue(out.contains(" data-cg-blocked-data-rocketlazyloadscript='" + GTM + "'"), out);
        assertFalse(out.contains(" data-rocketlazyloadscript="), "its loader must not find the script: " + out);
        // an inline snippet it delays is a data: URL, read like an inline script
        String snippet = "var s=document.createElement('script');s.src='" + GTM + "';document.head.appendChild(s);";
        String dataUrl = "data:text/javascript;base64,"
                + Base64.getEncoder().encodeToString(snippet.getBytes(StandardCharsets.UTF_8));
        assertTrue(rewrite("<script data-rocketlazyloadscript='" + dataUrl + "'></script>")
                .startsWith("<script type=\"text/plain\""));
        assertUnchanged("<script data-rocketlazyloadscript='/wp-content/themes/x/app.js'></script>");
    }

    @Test
    void consentManagersAndRecaptchaAreNeverMatched() {
        assertUnchanged("<script src=\"https://cdn.cookielaw.org/scripttemplates/otSDKStub.js\"></script>"
                + "<script src=\"https://consent.cookiebot.com/uc.js\"></script>"
                + "<script src=\"https://www.google.com/recaptcha/api.js\"></script>"
                + "<script src=\"https://www.gstatic.com/recaptcha/releases/x/recaptcha__en.js\"></script>");
    }

    @Test
    void metaSetCookieIsJudgedByTheCookieName() {
        String html = "<meta http-equiv=\"Set-Cookie\" content=\"_fbp=fb.1; path=/\"><meta charset=utf-8>";
        assertEquals("<meta charset=utf-8>", rewrite(html));
        byte[] out = HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, PageSite.NONE,
                html.getBytes(StandardCharsets.UTF_8), RewriteListener.NONE, Optional.empty(), name -> name.equals("_fbp"));
        assertEquals(html, new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void inlineScriptNamingATrackerScriptUrlIsNeutralizedWithoutASignature() {
        // the Shopify app loader: no vendor signature, but it inserts the Klaviyo script it names
        String loader = "<script>var urls = [\"https:\\/\\/static.klaviyo.com\\/onsite\\/js\\/klaviyo.js?c=1\"];"
                + "urls.forEach(load);</script>";
        List<RewriteEvent> events = new ArrayList<>();
        byte[] out = Chunks.rewrite(hostRulesOnly(), TestRules.ESSENTIAL_ONLY, loader.getBytes(StandardCharsets.UTF_8),
                List.of(5), Optional.empty(), events);
        assertTrue(new String(out, StandardCharsets.UTF_8).startsWith("<script type=\"text/plain\""));
        assertEquals(List.of(new RewriteEvent(1, "script", "static.klaviyo.com", "advertising", "klaviyo",
                RewriteEvent.Action.NEUTRALIZED)), events);
        assertEquals(loader, rewrite(hostRulesOnly(), TestRules.consent("advertising"), loader));
    }

    @Test
    void inlineScriptNamingOnlyLinksOrGrantedScriptsPasses() {
        TagPolicy policy = hostRulesOnly();
        for (String html : List.of(
                "<script>share('https://www.facebook.com/sharer.php?u=' + location)</script>",
                "<script>load('https://code.jquery.com/jquery-3.7.1.min.js')</script>",
                "<script>var videos = ['https://www.youtube.com/watch?v=abc', 'https://vimeo.com/123'];</script>",
                "<script>load('/js/app.js'); var next = '/collect/page2';</script>",
                // a consent banner's list of the vendors' notices
                "<script>var vendors = [{name: 'Hotjar', policy: 'https://www.hotjar.com/legal/policies/privacy/'},"
                        + " {name: 'Criteo', url: 'https://www.criteo.com/privacy/'},"
                        + " {name: 'Google', optOut: 'https://tools.google.com/dlpage/gaoptout'},"
                        + " {help: 'https://help.hotjar.com/hc/en-us'}];</script>",
                "<script>var notices = ['https://www.linkedin.com/legal/cookie-policy',"
                        + " 'https://www.criteo.com/privacy/opt-out/', 'https://www.facebook.com/policies/cookies/'];"
                        + "</script>")) {
            assertEquals(html, rewrite(policy, TestRules.ESSENTIAL_ONLY, html));
        }
        String analytics = "<script>load('https://www.google-analytics.com/analytics.js')</script>";
        assertEquals(analytics, rewrite(policy, TestRules.consent("analytics"), analytics));
        assertTrue(rewrite(policy, TestRules.ESSENTIAL_ONLY, analytics).startsWith("<script type=\"text/plain\""));
    }

    @Test
    void inlineScriptNamingATrackerEndpointIsBlockedWhereverTheChunksAreCut() {
        // no loader: the script sends its own hits (fetch, sendBeacon) or keeps the tracker's address in settings
        TagPolicy policy = hostRulesOnly();
        for (String html : List.of(
                "<script>navigator.sendBeacon('https://www.google-analytics.com/g/collect?v=2', body)</script>",
                "<script>fetch(\"https://www.facebook.com/tr?id=1&ev=PageView\", {mode: 'no-cors'})</script>",
                "<script>var cfg = {gtmHost: \"https://www.googletagmanager.com\"};</script>",
                "<script>var hit = {url: 'https:\\/\\/ib.adnxs.com\\/ut\\/v3'};</script>",
                "<script>load('/js/app.js'); // see https://www.googletagmanager.com/</script>",
                // an endpoint whose path has "cookie" inside a word is no link to a notice
                "<script>var sync = 'https://ib.adnxs.com/setcookie?uid=1'; later(sync);</script>",
                "<script>var u = '//dmp.adform.net/audiencetag/cookiesegments?token=abc'; load(u);</script>",
                // nor is one whose path says what it does beside the word
                "<script>var sync = 'https://ib.adnxs.com/cookie-sync?uid=1'; later(sync);</script>")) {
            for (int size = 1; size <= html.length(); size += 3) {
                String out = new String(Chunks.rewrite(policy, TestRules.ESSENTIAL_ONLY,
                        html.getBytes(StandardCharsets.UTF_8), List.of(size), Optional.empty(), new ArrayList<>()),
                        StandardCharsets.UTF_8);
                assertTrue(out.startsWith("<script type=\"text/plain\""), size + ": " + out);
            }
            assertEquals(html, rewrite(policy, TestRules.EVERYTHING, html));
        }
    }

    @Test
    void namedUrlsCountOnlyForTheConfiguredCategories() {
        String beacon = "<script>navigator.sendBeacon('https://www.google-analytics.com/g/collect', b)</script>";
        String embedLink = "<script>var v = 'https://www.youtube.com/embed/abc';</script>";
        TagPolicy none = new TagPolicy(hostRulesOnly().rules(), TestRules.CATEGORIES,
                settings().withNamedUrlCategories(Set.of()));
        assertEquals(beacon, rewrite(none, TestRules.ESSENTIAL_ONLY, beacon));
        TagPolicy embeds = new TagPolicy(hostRulesOnly().rules(), TestRules.CATEGORIES,
                settings().withNamedUrlCategories(Set.of("functionality")));
        assertEquals(beacon, rewrite(embeds, TestRules.ESSENTIAL_ONLY, beacon));
        assertTrue(rewrite(embeds, TestRules.ESSENTIAL_ONLY, embedLink).startsWith("<script type=\"text/plain\""));
        assertEquals(embedLink, rewrite(hostRulesOnly(), TestRules.ESSENTIAL_ONLY, embedLink));
    }

    @Test
    void ampPixelsAndFramesAreJudgedLikeImagesAndIframesWhereverTheChunksAreCut() {
        String html = "<amp-pixel src=\"https://www.facebook.com/tr?id=1\" layout=\"nodisplay\"></amp-pixel>"
                + "<AMP-IFRAME width=300 height=200 src=\"https://www.youtube.com/embed/abc\"></AMP-IFRAME>"
                + "<amp-pixel src=\"/stats?x=1\"></amp-pixel><amp-video src=\"https://www.facebook.com/tr\">"
                + "</amp-video>";
        String expected = null;
        for (int size = 1; size <= html.length(); size++) {
            List<RewriteEvent> events = new ArrayList<>();
            String out = new String(Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY,
                    html.getBytes(StandardCharsets.UTF_8), List.of(size), Optional.empty(), events),
                    StandardCharsets.UTF_8);
            if (expected == null) {
                expected = out;
            }
            assertEquals(expected, out, "chunks of " + size);
            assertEquals(List.of("amp-pixel meta-pixel REMOVED", "amp-iframe youtube PLACEHOLDER"),
                    events.stream().map(e -> e.element() + " " + e.ruleId() + " " + e.action()).toList());
        }
        assertTrue(expected.startsWith("</amp-pixel><div class=\"consentgate-placeholder\""), expected);
        assertTrue(expected.endsWith("</AMP-IFRAME><amp-pixel src=\"/stats?x=1\"></amp-pixel>"
                + "<amp-video src=\"https://www.facebook.com/tr\"></amp-video>"), expected);
        assertEquals(html, rewrite(POLICY, TestRules.EVERYTHING, html));
    }

    @Test
    void aSignatureDecidesBeforeANamedScriptUrlWhereverTheChunksAreCut() {
        String html = "<script>s.src='https://acdn.adnxs.com/ast/ast.js';fbq('init','1');</script>";
        for (int size = 1; size < html.length(); size++) {
            List<RewriteEvent> events = new ArrayList<>();
            Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, html.getBytes(StandardCharsets.UTF_8), List.of(size),
                    Optional.empty(), events);
            assertEquals("meta-pixel-inline", events.get(0).ruleId(), "chunks of " + size);
        }
    }

    @Test
    void scriptUrlNamedBeforeTheInspectLimitStillCounts() {
        TagPolicy policy = new TagPolicy(hostRulesOnly().rules(), TestRules.CATEGORIES,
                settings().withLimits(64, 16 * 1024));
        String out = rewrite(policy, TestRules.ESSENTIAL_ONLY,
                "<script>s.src='//static.hotjar.com/c/h.js';" + "x".repeat(100) + "</script>");
        assertTrue(out.startsWith("<script type=\"text/plain\""), out);
    }

    @Test
    void aKeepRulesSignatureKeepsTheSitesOwnScriptWhateverElseItMatches() {
        String config = "<script>window.site = {tracking: 'https://www.google-analytics.com/analytics.js'};</script>";
        // Hotjar's settings block at once without a keep rule (no consent manager's configuration overrides them)
        String mixed = "<script>window._hjSettings = {hjid: 1}; window.site = {};</script>";
        String gtmFirst = "<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),"
                + "event:'gtm.js'});j.src='https://www.googletagmanager.com/gtm.js?id='+i;})(window,document,'script',"
                + "'dataLayer','GTM-X'); window.site = {};</script>";
        assertTrue(rewrite(config).startsWith("<script type=\"text/plain\""));
        assertTrue(rewrite(mixed).startsWith("<script type=\"text/plain\""));
        TagPolicy keeping = TestRules.keepingSiteConfig(settings());
        for (String html : List.of(config, mixed, gtmFirst)) {
            // (every chunking too: a block seen before the keep signature waits for the script's end)
            assertEquals(html, rewrite(keeping, TestRules.ESSENTIAL_ONLY, html));
        }
        // the report says which rule kept it
        List<RewriteEvent> events = new ArrayList<>();
        Chunks.rewrite(keeping, TestRules.ESSENTIAL_ONLY, ("<p>\n" + mixed).getBytes(StandardCharsets.UTF_8), List.of(7),
                Optional.empty(), events);
        assertEquals(List.of(new RewriteEvent(2, "script", "", "essential", "site-config", RewriteEvent.Action.KEPT)),
                events);
        // a script without the signature is judged as before
        assertTrue(rewrite(keeping, TestRules.ESSENTIAL_ONLY, "<script>fbq('init', '1'); window.other = {};</script>")
                .startsWith("<script type=\"text/plain\""));
    }

    @Test
    void aKeepRuleKeepsOnlyInlineScriptsOfHtmlWithinTheInspectLimit() {
        TagPolicy keeping = TestRules.keepingSiteConfig(settings().withLimits(64, 16 * 1024));
        // a script's address is judged, not its text
        assertTrue(rewrite(keeping, TestRules.ESSENTIAL_ONLY, "<script src=\"" + GTM + "\">window.site = {};</script>")
                .startsWith("<script type=\"text/plain\""));
        // in SVG the text is the markup a browser reads there too: judged as ever
        String inSvg = rewrite(keeping, TestRules.ESSENTIAL_ONLY,
                "<svg><script>fbq('init', '1'); window.site = {};</script></svg>");
        assertFalse(inSvg.contains("<script>"), inSvg);
        // nor the text of a data: URL script or of a srcdoc document
        assertTrue(rewrite(keeping, TestRules.ESSENTIAL_ONLY, "<script src=\"data:text/javascript,window._hjSettings={};"
                + "window.site = {};\"></script>").startsWith("<script type=\"text/plain\""));
        assertFalse(rewrite(keeping, TestRules.ESSENTIAL_ONLY, "<iframe srcdoc=\"<script>window._hjSettings={};"
                + "window.site = {};</script>\"></iframe>").contains("srcdoc"));
        // a signature past the limit is not read
        assertTrue(rewrite(keeping, TestRules.ESSENTIAL_ONLY, "<script>fbq('init', '1');" + " ".repeat(64)
                + "window.site = {};</script>").startsWith("<script type=\"text/plain\""));
    }

    /** The default ruleset without its inline signatures: only the script URLs a script names can block it. */
    private static TagPolicy hostRulesOnly() {
        return new TagPolicy(TestRules.defaultRules().stream().filter(r -> r.inlineSignature().isEmpty()).toList(),
                TestRules.CATEGORIES, settings());
    }

    @Test
    void aKeepRuleNamedByAnUnlessListDecidesNothingWhereKeepRulesDoNotCount() {
        // (the loader refuses such a list; a policy built in code must not make it a way around that either)
        List<TagRule> rules = new ArrayList<>(TestRules.defaultRules());
        rules.add(new TagRule("site-config", Optional.empty(), Optional.empty(), Optional.of("window.site = {"),
                "essential", Optional.empty(), "test", List.of(), true));
        rules.add(new TagRule("vendor-inline", Optional.empty(), Optional.empty(), Optional.of("vendorX("),
                "analytics", Optional.empty(), "test", List.of("site-config")));
        TagPolicy policy = new TagPolicy(rules, TestRules.CATEGORIES, settings());
        for (String html : List.of("<svg><script>vendorX(1); window.site = {};</script></svg>",
                "<script src=\"data:text/javascript,vendorX(1);window.site = {};\"></script>",
                "<iframe srcdoc=\"<script>vendorX(1);window.site = {};</script>\"></iframe>")) {
            String out = rewrite(policy, TestRules.ESSENTIAL_ONLY, html);
            assertFalse(out.contains("vendorX(1)") && !out.contains("text/plain"), html + " -> " + out);
        }
    }

    @Test
    void anEventHandlersCodeIsJudgedLikeAnInlineScripts() {
        TagPolicy policy = TestRules.defaultPolicy();
        // Celtra's ad tag as a page carried it: an image that fails to load on purpose, and a handler that loads
        // the ad script (round 62d); then a first-party script whose onload handler starts Meta's pixel
        String celtra = "<p>a</p><img src=\"data:image/png,celtra\" style=\"display:none\" onerror=\"var s ="
                + " document.createElement('script'); s.src = 'https://ads.celtra.com/7311299d/web.js?x=1';"
                + " document.body.appendChild(s);\"><p>b</p>";
        assertEquals("<p>a</p><p>b</p>", rewrite(policy, TestRules.ESSENTIAL_ONLY, celtra));
        String encoded = "<img src=\"/a.png\" onload=\"s.src=&#39;https://ads.celtra.com/x/web.js&#39;\">";
        assertEquals("", rewrite(policy, TestRules.ESSENTIAL_ONLY, encoded));
        String pixelOnLoad = "<script src=\"/js/app.js\" onload=\"fbq('init', '1'); fbq('track', 'PageView');\">"
                + "</script>";
        assertTrue(rewrite(policy, TestRules.ESSENTIAL_ONLY, pixelOnLoad).startsWith("<script type=\"text/plain\""));
        // a repeated attribute counts too (a browser runs the first; finding it would cost a search per attribute),
        // and so does a handler inside noscript, whose text a lazy loader may insert as markup
        assertEquals("", rewrite(policy, TestRules.ESSENTIAL_ONLY,
                "<img src=\"/a.png\" onerror=\"retry(this)\" onerror=\"fbq('init', '1')\">"));
        assertEquals("<noscript></noscript>", rewrite(policy, TestRules.ESSENTIAL_ONLY,
                "<noscript><img src=\"/a.png\" onerror=\"fbq('init', '1')\"></noscript>"));
        for (String html : List.of(celtra, encoded, pixelOnLoad)) {
            assertEquals(html, rewrite(policy, TestRules.EVERYTHING, html));
        }
        for (String html : List.of(
                "<img src=\"/a.png\" onload=\"this.classList.add('loaded')\">",
                "<link rel=\"preload\" href=\"/a.css\" as=\"style\" onload=\"this.onload=null;this.rel='stylesheet'\">",
                // an inline script's own handlers never fire; its text is what is judged
                "<script onload=\"fbq('init', '1')\">var site = {};</script>",
                // an attribute that only starts like a handler's name
                "<img src=\"/a.png\" on=\"fbq('init', '1')\">")) {
            assertEquals(html, rewrite(policy, TestRules.ESSENTIAL_ONLY, html));
        }
    }

    private static final String CELTRA_HANDLER = "s.src='https://ads.celtra.com/7311299d/web.js'";

    @Test
    void aMediaSourcesHandlersAreJudged() {
        // a video's or audio's source whose fetch fails gets an error event, so its onerror runs
        assertEquals("<video></video>", rewrite("<video><source src=\"/missing.mp4\" onerror=\"" + CELTRA_HANDLER
                + "\"></video>"));
        assertEquals("<audio></audio>", rewrite("<audio><source src=\"/missing.mp3\" onerror=\"" + CELTRA_HANDLER
                + "\"></audio>"));
    }

    @Test
    void aScriptThatLoadsAnAddressIsJudgedOnItsHandlersWhereverTheAddressIs() {
        // SVG loads a script's href and fires its load event; WP Rocket copies every attribute, onload included,
        // onto the script it makes from data-rocket-src
        for (String html : List.of(
                "<svg><script href=\"/a.js\" onload=\"" + CELTRA_HANDLER + "\"></script></svg>",
                "<svg><script xlink:href=\"/a.js\" onload=\"" + CELTRA_HANDLER + "\"></script></svg>",
                "<script type=\"rocketlazyloadscript\" data-rocket-src=\"/app.js\" onload=\"" + CELTRA_HANDLER
                        + "\"></script>")) {
            // neutralized: with a type no browser runs, the script neither loads nor fires its handlers
            String out = rewrite(html);
            assertTrue(out.contains("<script type=\"text/plain\"") && out.contains("data-cg-rule=\"celtra\""),
                    html + " -> " + out);
        }
    }

    @Test
    void handlersInSvgContentReadAsMarkupAreJudged() {
        // in SVG, style, title, iframe and noscript hold markup: an img there breaks out into HTML and its onerror
        // runs with scripting on, as an address there is removed already
        for (String wrapper : List.of("style", "title", "iframe", "noscript")) {
            String html = "<svg><" + wrapper + "><img src=\"/a.png\" onerror=\"" + CELTRA_HANDLER + "\"></"
                    + wrapper + "></svg>";
            assertEquals("<svg><" + wrapper + "></" + wrapper + "></svg>", rewrite(html), html);
        }
    }

    @Test
    void aHandlerTheTagSizeLimitCutsDoesNotPass() {
        // the limit inside a handler's code leaves it unread: the element goes, as when it falls inside an address
        // (a handler wholly past the limit is not read at all; README, Limits)
        TagPolicy policy = TestRules.policy(settings().withLimits(256 * 1024, 128));
        String pad = " ".repeat(150);
        for (String tag : List.of(
                "<img src=/a.png onerror=\"" + pad + CELTRA_HANDLER + "\">",
                "<script src=/app.js onload=\"" + pad + CELTRA_HANDLER + "\"></script>")) {
            String out = rewrite(policy, TestRules.ESSENTIAL_ONLY, "<p>a</p>" + tag + "<p>b</p>");
            assertFalse(out.contains("ads.celtra.com"), tag.substring(0, 30) + " -> " + out);
        }
        // a handler before the limit is no address: what follows a text the limit cut is still unread
        String pixel = "<img onload=\"this.className='in'\" alt=\"" + "y".repeat(200)
                + "\" src=\"https://www.facebook.com/tr?id=1\">";
        assertEquals("<p>a</p><p>b</p>", rewrite(policy, TestRules.ESSENTIAL_ONLY, "<p>a</p>" + pixel + "<p>b</p>"));
    }

    @Test
    void aVendorsDoNotTrackNoticeNamedInAConsentBannersListPasses() {
        // Hotjar's opt-out page: "track" is a word of its path, but the page is a notice
        String html = "<script>var vendors = [{name: 'Hotjar', optOut: 'https://www.hotjar.com/policies/do-not-track/'}];"
                + "</script>";
        assertEquals(html, rewrite(hostRulesOnly(), TestRules.ESSENTIAL_ONLY, html));
    }

    // ---- limits ----

    @Test
    void inlineScriptPastTheInspectLimitPassesAndIsReported() {
        TagPolicy policy = TestRules.policy(settings().withLimits(64, 16 * 1024));
        String html = "<script>" + "x".repeat(100) + "fbq('init')</script>";
        List<RewriteEvent> events = new ArrayList<>();
        byte[] out = Chunks.rewrite(policy, TestRules.ESSENTIAL_ONLY, html.getBytes(StandardCharsets.UTF_8),
                List.of(7), Optional.empty(), events);
        assertEquals(html, new String(out, StandardCharsets.UTF_8));
        assertEquals(List.of(new RewriteEvent(1, "script", "", "", "", RewriteEvent.Action.PASSED_OVER_LIMIT)),
                events);
    }

    @Test
    void aUrlReadUpToTheInspectLimitCountsThoughItsQuoteLiesPastIt() {
        TagPolicy policy = TestRules.policy(settings().withLimits(64, 16 * 1024));
        String text = "s.src=\"https://static.criteo.net/js/ld/ld.js";
        String pad = "x".repeat(64 - 8 - text.length());
        String html = "<script>var a=1;" + pad + text + "\";" + "y".repeat(100) + "</script>";
        byte[] in = html.getBytes(StandardCharsets.UTF_8);
        for (int size = 1; size <= 9; size++) {
            String out = new String(Chunks.rewrite(policy, TestRules.ESSENTIAL_ONLY, in, List.of(size)),
                    StandardCharsets.UTF_8);
            assertTrue(out.startsWith("<script type=\"text/plain\""), "chunks of " + size + ": " + out);
        }
    }

    @Test
    void signatureFoundBeforeTheInspectLimitStillCounts() {
        TagPolicy policy = TestRules.policy(settings().withLimits(64, 16 * 1024));
        String out = rewrite(policy, TestRules.ESSENTIAL_ONLY, "<script>fbq('init')" + "x".repeat(100) + "</script>");
        assertTrue(out.startsWith("<script type=\"text/plain\""), out);
    }

    @Test
    void scriptTextAsLongAsTheInspectLimitIsJudgedWhereverAChunkCutsItsEndTag() {
        TagPolicy policy = TestRules.policy(settings().withLimits(64, 16 * 1024));
        // a URL that runs to the text's end is read there; a chunk ending inside "</script>" must not make the
        // text look longer than it is
        String url = "//www.google-analytics.com/analytics.js";
        String text = "var a=1;" + "x".repeat(64 - 8 - url.length()) + url;
        assertEquals(64, text.length());
        String html = "<p>a</p><script>" + text + "</script><p>b</p>";
        byte[] in = html.getBytes(StandardCharsets.UTF_8);
        String whole = new String(Chunks.rewrite(policy, TestRules.ESSENTIAL_ONLY, in, List.of(in.length)),
                StandardCharsets.UTF_8);
        assertTrue(whole.contains("<script type=\"text/plain\""), whole);
        for (int cut = 1; cut < in.length; cut++) {
            assertEquals(whole, new String(Chunks.rewrite(policy, TestRules.ESSENTIAL_ONLY, in, List.of(cut, in.length)),
                    StandardCharsets.UTF_8), "cut at " + cut);
        }
    }

    @Test
    void tagPastTheSizeLimitPassesUnlessARuleAlreadyMatched() {
        TagPolicy policy = TestRules.policy(settings().withLimits(256 * 1024, 128));
        String longAttr = " data-x=\"" + "y".repeat(300) + "\"";
        // cut inside its own data: URL, which loads nothing
        String plain = "<img src=\"data:image/png;base64," + "A".repeat(300) + "\">";
        assertEquals(plain, rewrite(policy, TestRules.ESSENTIAL_ONLY, plain));
        assertEquals("<p>a</p>", rewrite(policy, TestRules.ESSENTIAL_ONLY,
                "<script src=\"" + GTM + "\"" + longAttr + ">x</script><p>a</p>"));
        List<RewriteEvent> events = new ArrayList<>();
        Chunks.rewrite(policy, TestRules.ESSENTIAL_ONLY, ("\n" + plain).getBytes(StandardCharsets.UTF_8),
                List.of(5), Optional.empty(), events);
        assertEquals(List.of(new RewriteEvent(2, "img", "", "", "", RewriteEvent.Action.PASSED_OVER_LIMIT)), events);
    }

    @Test
    void tagPastTheSizeLimitIsJudgedOnItsFirstBytesWhereverTheChunksEnd() {
        TagPolicy policy = TestRules.policy(settings().withLimits(64, 128));
        String y = "y".repeat(100);
        String pixel = "https://connect.facebook.net/en_US/fbevents.js";
        // each tag, and whether it goes: judged on its first 128 bytes; where the limit may have cut what it loads
        // from (inside a URL or code, in a name or between attributes) it does not pass
        Map<String, Boolean> tags = new LinkedHashMap<>();
        // a tracker's URL cut by the limit: its host is read
        tags.put("<img src=\"https://www.facebook.com/tr" + y + "\">", true);
        tags.put("<img src='https://www.facebook.com/tr" + y + "'>", true);
        tags.put("<img src=https://www.facebook.com/tr" + y + ">", true);
        // a URL cut before its host, or where its path would have matched a stricter rule
        tags.put("<img alt=\"" + y + "\" src=https://www.facebook.com/tr>", true);
        tags.put("<script data-x=\"" + y.substring(0, 90) + "\" src=\"" + pixel + "\"></script>", true);
        tags.put("<script data-x=\"" + y.substring(0, 70) + "\" src=\"" + pixel + "\"></script>", true);
        tags.put("<img src=\"/a.png?" + y + y + "\" alt=x>", true);
        // the limit inside a name, or between attributes
        tags.put("<img alt=\"" + y.substring(0, 70) + "\" data-long-name-" + y + "=1 src=/a.png>", true);
        tags.put("<img alt=\"" + (y + y).substring(0, 114) + "\"      src=/a.png title=\"" + y + "\">", true);
        // code cut by the limit
        tags.put("<iframe srcdoc=\"" + y + "<script src=" + pixel + "></script>\"></iframe>", true);
        // a URL a lazy loader will copy into src, cut after its first byte
        tags.put("<img alt=\"" + y + "\" data-original=\"https://www.facebook.com/tr?id=1\">", true);
        tags.put("<iframe title=\"" + y.substring(0, 95) + "\" data-original=\"https://player.vimeo.com/video/1\">"
                + "</iframe>", true);
        // the input ends inside the tag
        tags.put("<img src=\"https://www.facebook.com/tr" + y, true);
        // the limit inside a picture's data: URL: what follows is judged on what came before
        tags.put("<img src=\"data:image/png;base64," + "A".repeat(200) + "\" alt=x>", false);
        // the limit inside a text after the address: an address read later may override it (srcset over src)
        tags.put("<img src=/a.png alt=\"" + y + y + "\">", true);
        // ... and before any address: what follows the limit may be one (here, a pixel)
        tags.put("<img data-x=\"" + y + y + y + "\" src=https://www.facebook.com/tr>", true);
        tags.put("<img alt=\"" + y + y + "\" src=/a.png>", true);
        for (ConsentDecision consent : List.of(TestRules.ESSENTIAL_ONLY, TestRules.consent("essential", "functionality"))) {
            for (Map.Entry<String, Boolean> tag : tags.entrySet()) {
                byte[] in = ("<p>a</p>" + tag.getKey() + "<p>b</p>").getBytes(StandardCharsets.UTF_8);
                String whole = new String(Chunks.rewrite(policy, consent, in, List.of(in.length)),
                        StandardCharsets.UTF_8);
                for (int cut = 1; cut < in.length; cut++) {
                    assertEquals(whole, new String(Chunks.rewrite(policy, consent, in, List.of(cut, in.length)),
                            StandardCharsets.UTF_8), tag.getKey() + " cut at " + cut);
                }
                assertEquals(tag.getValue(), !whole.contains(tag.getKey().substring(0, 20)), tag + " -> " + whole);
            }
        }
    }

    // ---- events and encodings ----

    @Test
    void eventsNameLineElementHostCategoryRuleAndAction() {
        List<RewriteEvent> events = new ArrayList<>();
        String html = "<html>\n<head>\n<script src=\"" + GTM + "\"></script>\n</head>\n<body>\n"
                + "<script>\nfbq('init', '1');\n</script>\n<img src=https://www.facebook.com/tr>\n";
        Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, html.getBytes(StandardCharsets.UTF_8), List.of(3),
                Optional.empty(), events);
        assertEquals(List.of(
                new RewriteEvent(3, "script", "www.googletagmanager.com", "analytics", "google-tag-manager",
                        RewriteEvent.Action.NEUTRALIZED),
                new RewriteEvent(6, "script", "", "advertising", "meta-pixel-inline", RewriteEvent.Action.NEUTRALIZED),
                new RewriteEvent(9, "img", "www.facebook.com", "advertising", "meta-pixel",
                        RewriteEvent.Action.REMOVED)), events);
    }

    @Test
    void utf16PagesAreRewrittenAndStayUtf16() {
        String html = "\uFEFF<p>ü</p><script src=\"" + GTM + "\"></script><img src=https://www.facebook.com/tr>";
        String expected = rewrite(html);
        for (var cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] in = html.getBytes(cs);
            for (int size : List.of(1, 3, 1 << 20)) {
                byte[] out = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, in, List.of(size));
                assertEquals(expected, new String(out, cs), cs + " in chunks of " + size);
            }
        }
        // without a byte order mark, the Content-Type charset says it is UTF-16
        byte[] noBom = html.substring(1).getBytes(StandardCharsets.UTF_16LE);
        byte[] out = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, noBom, List.of(5), Optional.of("UTF-16"),
                new ArrayList<>());
        assertEquals(expected.substring(1), new String(out, StandardCharsets.UTF_16LE));
    }

    /** JIS X 0208 in ISO-2022-JP: two ASCII bytes a character, here 0x3C21 and 0x2D2D, which spell "<!--". */
    private static final byte[] JIS_PAIRS = {0x1b, '$', 'B', 0x3c, 0x21, 0x2d, 0x2d, 0x1b, '(', 'B'};

    private static byte[] jisPage(String head) {
        java.io.ByteArrayOutputStream page = new java.io.ByteArrayOutputStream();
        page.writeBytes((head + "<p>").getBytes(StandardCharsets.US_ASCII));
        page.writeBytes(JIS_PAIRS);
        page.writeBytes(("</p><script src=\"" + GTM + "\"></script><p>end</p>").getBytes(StandardCharsets.US_ASCII));
        return page.toByteArray();
    }

    @Test
    void iso2022JpPagesAreReadAsTheirCharactersNotTheirBytes() {
        // read as bytes, the pair would open a comment that hides the script after it; a browser sees two characters
        for (String head : List.of("<meta charset=\"ISO-2022-JP\">", "<meta http-equiv=Content-Type "
                + "content=\"text/html; charset=iso-2022-jp\">", "<title>" + "t".repeat(900) + "</title><META charset=csISO2022JP>")) {
            byte[] in = jisPage(head);
            byte[] expected = null;
            for (int size : List.of(1, 7, 1000, 1 << 20)) {
                byte[] out = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, in, List.of(size));
                String text = new String(out, StandardCharsets.US_ASCII);
                assertTrue(text.contains("data-cg-src=\"" + GTM + "\""), head + ", chunks of " + size + ": " + text);
                assertTrue(new String(out, StandardCharsets.ISO_8859_1).contains(
                        new String(JIS_PAIRS, StandardCharsets.ISO_8859_1)), "the characters come back as they were");
                if (expected != null) {
                    assertEquals(new String(expected, StandardCharsets.ISO_8859_1),
                            new String(out, StandardCharsets.ISO_8859_1), "chunks of " + size);
                }
                expected = out;
            }
        }
        // by the Content-Type, which wins over a meta
        byte[] labelled = jisPage("<meta charset=utf-8>");
        byte[] out = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, labelled, List.of(3), Optional.of("iso-2022-jp"),
                new ArrayList<>());
        assertTrue(new String(out, StandardCharsets.US_ASCII).contains("data-cg-src=\"" + GTM + "\""));
        // undeclared, with a switch to two-byte JIS: Chromium reads windows-1252 (where the pair is a comment hiding
        // the script), a browser with an encoding detector may read ISO-2022-JP; without its ESC bytes the page is
        // the same markup to both
        byte[] undeclared = jisPage("<title>t</title>");
        String defused = new String(undeclared, StandardCharsets.ISO_8859_1).replace('\u001b', '?');
        assertEquals(defused, new String(Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, undeclared, List.of(2)),
                StandardCharsets.ISO_8859_1));
        // a Content-Type label that names no WHATWG encoding (Java knows utf-32) is ignored: the meta decides
        for (String unknown : List.of("utf-32", "utf-16x", "ibm037")) {
            byte[] metaJis = jisPage("<meta charset=\"iso-2022-jp\">");
            byte[] rewritten = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, metaJis, List.of(5), Optional.of(unknown),
                    new ArrayList<>());
            assertTrue(new String(rewritten, StandardCharsets.US_ASCII).contains("data-cg-src=\"" + GTM + "\""), unknown);
        }
        // a page that says UTF-8 is read as bytes, whatever its bytes
        byte[] utf8 = jisPage("<meta charset=utf-8>");
        assertEquals(new String(utf8, StandardCharsets.ISO_8859_1), new String(Chunks.rewrite(POLICY,
                TestRules.ESSENTIAL_ONLY, utf8, List.of(64)), StandardCharsets.ISO_8859_1));
    }

    @Test
    void injectedMarkupKeepsItsCharactersInTheEncodingOfAConvertedPage() throws Exception {
        String banner = "<p>Caf\u00e9 \u2014 \u2713 \ud83d\ude00</p>";
        java.util.function.BiFunction<byte[], String, byte[]> rewrite = (page, charset) -> {
            HtmlInjector injector = new HtmlInjector(Optional.empty(),
                    Optional.of(banner.getBytes(StandardCharsets.UTF_8)));
            HtmlRewriter rewriter = new HtmlRewriter(POLICY, TestRules.ESSENTIAL_ONLY, PageSite.NONE,
                    Optional.of(charset), RewriteListener.NONE, null, injector);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.util.function.Consumer<io.netty.buffer.ByteBuf> sink = b -> {
                byte[] bytes = new byte[b.readableBytes()];
                b.readBytes(bytes);
                b.release();
                out.writeBytes(bytes);
            };
            rewriter.feed(io.netty.buffer.Unpooled.wrappedBuffer(page), sink);
            rewriter.finish(sink);
            return out.toByteArray();
        };
        String page = "<html><body><p>\u65e5\u672c</p></body></html>";
        // ISO-2022-JP as browsers decode it has no accented letters or symbols: they go as character references
        java.nio.charset.Charset jis = java.nio.charset.Charset.forName("x-windows-50221");
        String fromJis = new String(rewrite.apply(page.getBytes(jis), "iso-2022-jp"), jis);
        assertEquals("<html><body><p>\u65e5\u672c</p><p>Caf&#xE9; &#x2014; &#x2713; &#x1F600;</p></body></html>",
                fromJis);
        // UTF-16 carries every character as it is
        String fromUtf16 = new String(rewrite.apply(page.getBytes(StandardCharsets.UTF_16LE), "utf-16le"),
                StandardCharsets.UTF_16LE);
        assertEquals("<html><body><p>\u65e5\u672c</p>" + banner + "</body></html>", fromUtf16);
    }

    @Test
    void anIso2022JpPageComesOutTheSameInAnyChunksWithItsTextAsItWas() throws Exception {
        java.nio.charset.Charset jis = java.nio.charset.Charset.forName("x-windows-50221");
        String text = "こんにちは、世界。①番の記事です。".repeat(60);
        String html = "<html><head><title>日本語</title></head><body><p>" + text + "</p><script src=\"" + GTM
                + "\"></script><p>" + text + "</p></body></html>";
        byte[] in = html.getBytes(jis);
        assertTrue(in.length > 2048);
        byte[] whole = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, in, List.of(1 << 20), Optional.of("ISO-2022-JP"),
                new ArrayList<>());
        String decoded = new String(whole, jis);
        assertTrue(decoded.contains("data-cg-src=\"" + GTM + "\""), decoded);
        assertEquals(html.replace("<script src=", "<script type=\"text/plain\" data-cg-category=\"analytics\""
                + " data-cg-rule=\"google-tag-manager\" data-cg-type=\"text/javascript\" data-cg-src="), decoded);
        for (int size : List.of(1, 2, 3, 5, 64, 1000)) {
            byte[] out = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, in, List.of(size), Optional.of("iso-2022-jp"),
                    new ArrayList<>());
            assertEquals(new String(whole, StandardCharsets.ISO_8859_1), new String(out, StandardCharsets.ISO_8859_1),
                    "chunks of " + size);
        }
    }

    @Test
    void aCommentedOutMetaCharsetIsNotTheCharset() {
        // a browser's prescan skips the comment and reads UTF-8, in which the script is a script
        byte[] in = jisPage("<!-- <meta charset=\"iso-2022-jp\"> --><meta charset=\"utf-8\">");
        assertTrue(new String(Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, in, List.of(7)),
                StandardCharsets.ISO_8859_1).contains("<!--"), "read as bytes");
        byte[] visible = ("<!-- <meta charset=\"iso-2022-jp\"> --><meta charset=\"utf-8\"><p>\u001b$B<script src=\""
                + GTM + "\"></script>\u001b(B").getBytes(StandardCharsets.US_ASCII);
        assertTrue(new String(Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, visible, List.of(7)),
                StandardCharsets.US_ASCII).contains("data-cg-src=\"" + GTM + "\""));
    }

    @Test
    void insideSvgOrMathEveryWayBackToHtmlIsCovered() {
        String pixel = "<img src=\"https://www.facebook.com/tr?id=1\">";
        List<String> pages = List.of(
                // noscript inside content read both ways (SVG's title reads HTML inside)
                "<svg><title><noscript><!--</noscript>" + pixel + "--></noscript></title></svg>",
                // a script there may run in SVG, and its content is markup: it goes
                "<svg><style><script/>" + pixel + "</style></svg>",
                "<svg><style><foreignObject><script type=\"importmap\">{\"imports\": {\"a\": \"" + GTM
                        + "\"}}</script></foreignObject></style></svg>",
                // inside an integration point a browser ignores a self-closing slash
                "<svg><foreignObject><style/><!--</style>" + pixel + "--></style></foreignObject></svg>",
                "<svg><foreignObject><textarea/><!--</textarea>" + pixel + "--></textarea></foreignObject></svg>",
                "<math><mi><noscript/><!--</noscript>" + pixel + "--></noscript></mi></math>",
                "<math><annotation-xml encoding=\"text/html\"><xmp/><!--</xmp>" + pixel + "--></xmp></annotation-xml>"
                        + "</math>",
                // font ends SVG content (with a color, face or size)
                "<svg><font color=\"red\"><style/><!--</style>" + pixel + "--></style></font></svg>");
        for (String page : pages) {
            String out = rewrite(page);
            assertFalse(out.contains("facebook.com/tr") || out.contains(GTM), page + " gave " + out);
        }
        // an iframe past the tag size limit is read both ways too
        TagPolicy small = TestRules.policy(settings().withLimits(256 * 1024, 64));
        String out = rewrite(small, TestRules.ESSENTIAL_ONLY, "<svg><foreignObject><iframe title=\"" + "A".repeat(100)
                + "\" src=\"/ok\"><!--</iframe>" + pixel + "--></iframe></foreignObject></svg>");
        assertFalse(out.contains(pixel), out);
        // after SVG, HTML's raw text is read as it is: an embed code in a textarea stays
        assertUnchanged("<svg><path d=\"M0 0\"/></svg><textarea><iframe src=\"https://www.youtube.com/embed/x\">"
                + "</iframe></textarea><style>.a::before{content:\"<img\"}</style>");
    }

    @Test
    void anSvgScriptsContentIsMarkupWhereATagBreaksOutAndLoads() {
        String pixel = "<img src=\"https://www.facebook.com/tr?id=1\">";
        String neutralizedPixelScript = "<script type=\"text/plain\" data-cg-category=\"advertising\""
                + " data-cg-rule=\"meta-pixel\" data-cg-type=\"text/javascript\">";
        // an inline script's content is read as markup too: the pixel goes (and its URL blocks the script)
        assertEquals("<svg>" + neutralizedPixelScript + "var a = 1;</script></svg><p>x</p>",
                rewrite("<svg><script>var a = 1;" + pixel + "</script></svg><p>x</p>"));
        assertEquals("<math>" + neutralizedPixelScript + "<div></div></script></math>",
                rewrite("<math><script><div>" + pixel + "</div></script></math>"));
        // a comment ends where a browser ends it, not at its first '>'
        assertEquals("<svg>" + neutralizedPixelScript + "<!-- > <![CDATA[ --></script></svg>",
                rewrite("<svg><script><!-- > <![CDATA[ -->" + pixel + "</script></svg>"));
        // SVG ignores src and runs the script's own text: it is judged as inline code (here by the pixel's URL)
        assertEquals("<svg><script type=\"text/plain\" data-cg-category=\"advertising\" data-cg-rule=\"meta-pixel\""
                + " data-cg-type=\"text/javascript\" data-cg-src=\"/x.js\">ab</script></svg>",
                rewrite("<svg><script src=\"/x.js\">a" + pixel + "b</script></svg>"));
        assertUnchanged("<svg><script src=\"/x.js\"></script><script href=\"/y.js\"></script></svg>");
        // a first-party href: HTML would run the text, so it is judged as code too; its tags are judged as markup
        assertEquals("<svg><script type=\"text/plain\" data-cg-category=\"advertising\" data-cg-rule=\"meta-pixel\""
                + " data-cg-type=\"text/javascript\" data-cg-blocked-href=\"/x.js\">ab</script></svg>",
                rewrite("<svg><script href=\"/x.js\">a" + pixel + "b</script></svg>"));
        assertEquals("<svg><script type=\"text/plain\" data-cg-category=\"analytics\" data-cg-rule=\"google-tag-manager\""
                + " data-cg-type=\"text/javascript\" data-cg-blocked-href=\"" + GTM + "\">ab</script></svg>",
                rewrite("<svg><script href=\"" + GTM + "\">a" + pixel + "b</script></svg>"));
        // first-party code passes as it is, tags and all: CDATA, comparisons, HTML in strings, comments
        assertUnchanged("<svg><script><![CDATA[if (a<b && c>d) { go(); }]]></script></svg>");
        assertUnchanged("<svg><script>if (a < b) { go(); }</script><script><!-- <img src=/a.png> --></script></svg>");
        assertUnchanged("<svg><script>for (i = 0; i<n; i++) { s += '<b>' + i + '</b>'; }</script></svg>");
        // after an svg a browser closed (the div's end tag), a first-party script is not taken apart either
        assertUnchanged("<div><svg><path d=\"M0 0\"></div><script>var s = \"<b>hi</b>\";</script>");
        // judged again as the text a browser runs there: references decoded, comments and CDATA markers gone
        for (String host : List.of("faceb&#111;ok.com", "faceb<!---->ook.com", "faceb<![CDATA[ook]]>.com")) {
            assertTrue(rewrite("<svg><script>new Image().src = 'https://www." + host + "/tr?id=1';</script></svg>")
                    .startsWith("<svg><script type=\"text/plain\""), host);
        }
        // inside foreignObject a script is HTML's again and its content script text; read as markup too, it keeps
        assertUnchanged("<svg><foreignObject><script>if (a<b) {}</script></foreignObject></svg>");
    }

    @Test
    void svgEndsWhereABrowserEndsIt() {
        String pixel = "<img src=\"https://www.facebook.com/tr?id=1\">";
        String neutralized = "<script type=\"text/plain\" data-cg-category=\"advertising\""
                + " data-cg-rule=\"meta-pixel\" data-cg-type=\"text/javascript\">";
        // a stray end tag of the other root ends nothing: the script is still SVG's, its content markup
        for (String open : List.of("<svg></math>", "<math></svg>", "<svg><g></math>", "<svg><math></math></math>")) {
            assertEquals(open + neutralized + "var a = 1;</script>", rewrite(open + "<script>var a = 1;" + pixel
                    + "</script>"), open);
        }
        // font ends SVG only with a color, face or size attribute: without one it is SVG's, and so is the script
        for (String open : List.of("<svg><font>", "<svg><FONT class=x>", "<svg><font/>", "<math><font id=size>",
                "<svg><font colour=red>")) {
            assertEquals(open + neutralized + "var a = 1;</script>", rewrite(open + "<script>var a = 1;" + pixel
                    + "</script>"), open);
        }
        for (String html : List.of("<svg><font color=red>", "<svg><font FACE=serif>", "<svg><font id=a size=2>",
                "<svg><g><font color=\"#000\"/>", "<math><mrow><font color=red></mrow>")) {
            String page = html + "<script>document.write('<script src=\"/jquery.js\"><\\/script>');</script>";
            assertEquals(page, rewrite(page), html);
        }
        // with an HTML element open in foreignObject a browser ignores </svg> and </foreignObject>: after the p's
        // end tag the foreignObject's end tag leads back into SVG
        for (String open : List.of("<svg><foreignObject><p></svg></p></foreignObject>",
                "<svg><foreignObject><svg><div></svg></div></foreignObject>",
                "<math><mi><span></math></span></mi>")) {
            assertEquals(open + neutralized + "var a = 1;</script>", rewrite(open + "<script>var a = 1;" + pixel
                    + "</script>"), open);
        }
        // closed as a browser closes them, a page's own script after them is HTML's and is left as it is
        for (String closed : List.of("<svg><foreignObject><p>x</p></foreignObject></svg>",
                "<svg><foreignObject></svg>", "<svg><foreignObject><br></svg>", "<svg><g><svg></svg></g></svg>",
                "<math><mi><svg></svg></mi></math>", "<svg><math></svg>", "<svg><desc><p>x</p></desc></svg>")) {
            String page = closed + "<script>document.write('<script src=\"/jquery.js\"><\\/script>');</script>";
            assertEquals(page, rewrite(page), closed);
        }
    }

    @Test
    void whereItCannotTellWhereABrowserIsItReadsBothWaysForTheRestOfThePage() {
        String script = "<script>x<img src=https://www.facebook.com/tr?id=1></script>";
        int deep = ForeignContent.MAX_DEPTH + 1;
        List<String> pages = List.of(
                // deeper than the stack keeps, with an end tag a browser ignores
                "<svg>".repeat(deep) + "</desc>" + "</svg>".repeat(deep - 1),
                // </div> closed the inner svg for a browser, which then reads <script/> as HTML's raw text
                "<svg><foreignObject><div><svg></div><script/></svg></span></svg></script></foreignObject>",
                // markup a browser reads inside SVG's raw text elements, unseen by the tokenizer
                "<svg><style><!--</style></svg>-->", "<svg><script><!--</script></svg>-->",
                "<svg><noscript><!--</noscript></svg>-->",
                "<svg><style><foreignObject><div></style></svg></div></foreignObject>",
                "<svg><title><b></title></svg></b></title>",
                // a CDATA section where an HTML element is open is HTML's bogus comment
                "<svg><foreignObject><div><![CDATA[></div></foreignObject><svg>]]></div></foreignObject></svg>",
                // mi is an integration point in MathML only, annotation-xml only with an HTML encoding
                "<svg><mi><script/><foreignObject><div></script></svg></div></foreignObject>",
                "<math><annotation-xml><script/><svg><foreignObject><div></script></math></div></foreignObject>",
                // an svg inside MathML is MathML's, whose mi reads HTML (and the other way round)
                "<math><svg><mi><a></svg></math></a></mi>", "<svg><math><desc><a></math></svg></a></desc>",
                // HTML end tags a browser applies to an element it ignored, closed by implication or keeps open
                "<svg><foreignObject><form><svg></form></svg></foreignObject>",
                "<svg><foreignObject><body><svg></body></svg></foreignObject>",
                "<svg><foreignObject><td><svg></td></svg></foreignObject>",
                "<svg><foreignObject><h1><h2>x</h2><svg></h1></svg></foreignObject>",
                "<svg><foreignObject><dd><dt>x</dt><svg></dd></svg></foreignObject>",
                "<svg><foreignObject><a><svg></a><section></svg></a></svg></section></foreignObject>",
                "<svg><foreignObject><x-y><svg></x-y><section></svg></x-y></svg></section></foreignObject>",
                // MathML inside a text integration point, a raw text element in an integration point mistaken
                "<math><mi><mglyph><style><!--</style></mglyph></mi></math>-->",
                "<svg><math><mi><style><!--</style></mi></math></svg>-->",
                // a name too long to read, an HTML element's end tag that may close an svg below it
                "<svg><foreignObject><x-" + "a".repeat(260) + "></svg></x-" + "a".repeat(260) + "></foreignObject>",
                "<div><svg></div><script/>",
                // a new root while the svg may be closed: a root of its own, or a child element of the svg
                "<div><svg></div><math><mi><b>y</b></mi>", "<div><math></div><svg><foreignObject><b>y</b></foreignObject>",
                "<svg><style><b></b></style><math><mi><b>y</b></mi>", "<div><svg></div><math></svg>",
                "<div><math></div><svg></math>", "<svg><style><i>y</i></style><math></svg>",
                "<a href=\"/\"><svg class=\"icon\"><path d=\"M0 0\"/></a><math><mi><span>x</span></mi>",
                // an HTML encoding is what the first encoding attribute says once its references are decoded
                "<math><annotation-xml encoding=\"text&sol;html\"><div>y</div></annotation-xml>",
                "<math><annotation-xml encoding=\"&#x74;ext/html\"><div>y</div></annotation-xml>",
                "<math><annotation-xml encoding=\"text&#47;html\"><div>y</div></annotation-xml>",
                "<math><annotation-xml title=\" encoding=x\" encoding=\"text/html\"><div>y</div></annotation-xml>",
                "<math><ANNOTATION-XML ENCODING=Text/HTML><div>y</div></annotation-xml>",
                // an svg in annotation-xml is SVG, in one of its children MathML's: the stack keeps no children
                "<math><annotation-xml><apply><svg><foreignObject><script/><b>x</b></script></foreignObject>");
        for (String page : pages) {
            String out = rewrite(page + script);
            assertFalse(out.contains("facebook.com/tr"), page + " gave " + out);
        }
        // a page's own SVG whose raw text holds no markup, an svg left open in an element that ends, MathML's
        // annotations: HTML is HTML again after them
        String fallback = "<script>window.jQuery || document.write('<script src=\"/jquery.js\"><\\/script>');</script>";
        for (String own : List.of("<svg><style><![CDATA[ .a > .b { fill: red } ]]></style><title>Logo</title>"
                        + "<script><![CDATA[ if (a < b && c > d) { go(); } ]]></script></svg>",
                "<div class=\"logo\"><svg viewBox=\"0 0 24 24\"><path d=\"M0 0h24v24H0z\"/></div><p>after</p>",
                "<span class=\"icon\"><svg><path d=\"M0 0\"/></span><div>next</div>",
                "<ul><li><svg><path d=\"M0 0\"/></li><li>x</li></ul><footer>f</footer>",
                "<svg><a href=\"/\"><text>home</text></a></svg>",
                "<math><semantics><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow><annotation-xml"
                        + " encoding=\"MathML-Content\"><apply><plus/><ci>x</ci><cn>1</cn></apply></annotation-xml>"
                        + "<annotation encoding=\"application/x-tex\">x+1</annotation></semantics></math>")) {
            assertEquals(own + fallback, rewrite(own + fallback), own);
        }
    }

    @Test
    void aCdataSectionInSvgIsReadBothWays() {
        String pixel = "<img src=\"https://www.facebook.com/tr?id=1\">";
        // in SVG the section runs to "]]>", where markup goes on: a comment opened inside it hides nothing after
        assertEquals("<svg><![CDATA[ > <!-- ]]>--></svg>", rewrite("<svg><![CDATA[ > <!-- ]]>" + pixel + "--></svg>"));
        assertEquals("<svg><style><![CDATA[ .a > .b {} <!-- ]]>--></style></svg>",
                rewrite("<svg><style><![CDATA[ .a > .b {} <!-- ]]>" + pixel + "--></style></svg>"));
        assertEquals("<svg><script type=\"text/plain\" data-cg-category=\"advertising\" data-cg-rule=\"meta-pixel\""
                + " data-cg-type=\"text/javascript\" data-cg-blocked-href=\"/app.js\"><![CDATA[ a > b <!-- ]]>--></script></svg>",
                rewrite("<svg><script href=\"/app.js\"><![CDATA[ a > b <!-- ]]>" + pixel + "--></script></svg>"));
        // after a tag that makes it HTML, a section is a bogus comment up to the first '>' even in SVG's content
        assertEquals("<svg><style><b><![CDATA[>]]></style></svg>",
                rewrite("<svg><style><b><![CDATA[>" + pixel + "]]></style></svg>"));
        // to HTML it is a bogus comment up to the first '>', and what follows is markup
        assertEquals("<svg><![CDATA[ x >  ]]></svg>", rewrite("<svg><![CDATA[ x > " + pixel + " ]]></svg>"));
        assertEquals("<noscript><![CDATA[ >  ]]></noscript>", rewrite("<noscript><![CDATA[ > " + pixel + " ]]></noscript>"));
        assertEquals("<p><![CDATA[ x >  ]]></p>", rewrite("<p><![CDATA[ x > " + pixel + " ]]></p>"));
        // "]]]>" ends it after one bracket of text; an opening that is not "[CDATA[" is a bogus comment
        // (the pixel, gone, leaves a tag that ends SVG as it did: see removedTagsThatEndedSvgLeaveATagThatEndsItToo)
        String end = "<span hidden></span>";
        assertEquals("<svg><![CDATA[ x ]]]>" + end + "</svg>", rewrite("<svg><![CDATA[ x ]]]>" + pixel + "</svg>"));
        assertEquals("<svg><![CDAT x > " + end + "</svg>", rewrite("<svg><![CDAT x > " + pixel + "</svg>"));
        // style sheets and code in sections pass as they are
        assertUnchanged("<svg><style><![CDATA[ .a > .b { fill: red } ]]></style><![CDATA[ a ] b ]] c ]]></svg>");
        assertUnchanged("<svg><![CDATA[ unterminated > <p>");
    }

    @Test
    void aTagThatContentReadAsMarkupCutsInsideAQuotedValueGoes() {
        String pixel = "<img src=\"https://www.facebook.com/tr?id=1\">";
        // the markup reading runs on past the end inside the title, where the outer reading sees a comment opening
        assertEquals("<svg><script></script><!--\">" + pixel + "--></svg>",
                rewrite("<svg><script><a title=\"</script><!--\">" + pixel + "--></svg>"));
        assertEquals("<svg><style></style><!--\">" + pixel + "--></svg>",
                rewrite("<svg><style><a title='</style><!--'>" + pixel + "--></svg>").replace('\'', '"'));
        // HTML's reading of a CDATA section (a bogus comment, then markup) inside foreignObject
        assertEquals("<svg><foreignObject><![CDATA[ > ]]><!--\">" + pixel + "--></foreignObject></svg>",
                rewrite("<svg><foreignObject><![CDATA[ > <a title=\"]]><!--\">" + pixel + "--></foreignObject></svg>"));
        // cut elsewhere, a tag ends at the end tag's '>', where the outer reading goes on: it stays in a script; a
        // style's content goes, as the text after a later </q> would be its stylesheet, which no reading judges
        assertEquals("<svg><script>if (a<b) { go(); }</script><style></style></svg>",
                rewrite("<svg><script>if (a<b) { go(); }</script><style>p<q {}</style></svg>"));
        // unless it has a handler, which then runs unjudged (a b breaks out of SVG: its autofocus fires it), or is
        // cut inside an unquoted value, which runs on into the end tag: "fbq(1)//</script" is code
        assertEquals("<svg><script></script></svg>",
                rewrite("<svg><script><b autofocus tabindex=0 onfocus=\"track()\" </script></svg>"));
        assertEquals("<svg><style></style></svg>",
                rewrite("<svg><style><b autofocus tabindex=0 onfocus=fbq(1)//</style></svg>"));
    }

    @Test
    void anSvgScriptRunsItsOwnTextNotItsChildrens() {
        // what an element inside the script holds is not run: the host is whole to the browser
        assertTrue(rewrite("<svg><script>new Image().src = 'https://www.facebook.<a>X</a>com/tr?id=1';</script></svg>")
                .startsWith("<svg><script type=\"text/plain\""));
    }

    @Test
    void scriptsInContentReadAsMarkupGoUnlessOfADataType() {
        String pixel = "<img src=\"https://www.facebook.com/tr?id=1\">";
        // in SVG a script runs its own text whatever its src says
        assertEquals("<svg><style></style></svg>",
                rewrite("<svg><style><script src=\"/a.js\">new Image().src = 'https://www.facebook.com/tr?id=1'"
                        + "</script></style></svg>"));
        assertEquals("<svg><style></style></svg>", rewrite("<svg><style><script src=\"/a.js\"></script></style></svg>"));
        // one of a data type runs nowhere: it stays, its content read both ways again
        assertEquals("<svg><style><script type=\"text/plain\">x</script></style></svg>",
                rewrite("<svg><style><script type=\"text/plain\">x" + pixel + "</script></style></svg>"));
        // a script cut in its name at the end of the content names nothing: "if(a<c)" stays
        assertUnchanged("<svg><script>if(a<c){x()}</script></svg><noscript>a<c</noscript>");
    }

    @Test
    void removedTagsThatEndedSvgLeaveATagThatEndsItToo() {
        // an img, embed or meta ends SVG for a browser: gone without a trace, it would leave the browser in SVG, where
        // a script runs its own text and a noscript's content is markup, while the rewriter reads HTML after it
        String end = "<span hidden></span>";
        String own = "<script src=\"/a.js\"></script>";
        String noscript = "<noscript>" + own + "</noscript>";
        assertEquals("<svg>" + end + noscript + "</svg>",
                rewrite("<svg><img src=\"https://www.facebook.com/tr?id=1\">" + noscript + "</svg>"));
        assertEquals("<math>" + end + noscript + "</math>",
                rewrite("<math><embed src=\"https://www.facebook.com/tr?id=1\" width=1 height=1>" + noscript
                        + "</math>"));
        assertEquals("<svg>" + end + noscript + "</svg>",
                rewrite("<svg><meta http-equiv=\"set-cookie\" content=\"_fbp=fb.1.1\">" + noscript + "</svg>"));
        // outside SVG, or where a browser reads HTML in it, a tag goes without one
        assertEquals(noscript, rewrite("<img src=\"https://www.facebook.com/tr?id=1\">" + noscript));
        assertEquals("<svg><foreignObject></foreignObject></svg>",
                rewrite("<svg><foreignObject><img src=\"https://www.facebook.com/tr?id=1\"></foreignObject></svg>"));
        // the markup content of a removed object or frame, which may have ended SVG, goes with it: from there on the
        // rewriter cannot tell where a browser is, and reads what follows both ways (the script goes, as SVG's would)
        assertFalse(rewrite("<svg><object data=\"https://www.facebook.com/tr?id=1\" width=1 height=1><p></object>"
                + noscript + "</svg>").contains("/a.js"));
        assertFalse(rewrite("<svg><iframe src=\"https://www.youtube.com/embed/x\"><p></iframe><script src=\"/a.js\">"
                + "new Image().src = 'https://www.facebook.com/tr?id=1'</script></svg>").contains("<script src="));
    }

    @Test
    void whereTheRewriterDropsMarkupABrowserIsWhereTheOutputLeavesIt() {
        String code = "new Image().src = 'https://www.facebook.com/tr?id=1'";
        // a placeholder's div would end SVG where a frame did not: the frame goes, and the script after it is still
        // SVG's, self-closed and empty, its text markup (to Chromium, with the div, an HTML script running the text)
        for (String open : List.of("<svg>", "<math>")) {
            assertEquals(open + "<script/>" + code + "</script>",
                    rewrite(open + "<frame src=\"https://www.youtube.com/embed/x\"><script/>" + code + "</script>"));
        }
        // a removed object's content goes with it: a browser stays in HTML, so the script after it is HTML's
        String afterObject = rewrite("<object data=\"https://www.youtube.com/embed/x\"><math><mi></object></mi>"
                + "<script/>" + code + "</script>");
        assertTrue(afterObject.contains("data-cg-rule=\"meta-pixel\""), afterObject);
        // structural markup that content read both ways inside other such content held counts for the outer reading
        for (String outer : List.of("noscript", "xmp")) {
            String page = "<svg><" + outer + "><style><foreignObject><div></style></" + outer + "></svg></div>"
                    + "</foreignObject><script src=\"/a.js\">" + code + "</script>";
            assertFalse(rewrite(page).contains("<script src=\"/a.js\">"), page);
        }
    }

    @Test
    void anAnnotationXmlEncodingIsComparedAsABrowserDoesInAsciiCaseOnly() {
        // a dotless i is no i to a browser: this annotation-xml is MathML's, the div ends math, the svg is a root and
        // </math> ends nothing, so the noscript is SVG's and its script runs its own text
        for (String encoding : List.of("appl\u0131cation/xhtml+xml", "appl&#305;cation/xhtml+xml", "TEXT/\u0130TML")) {
            String page = "<math><annotation-xml encoding=\"" + encoding + "\"><div></div><svg></math><noscript>"
                    + "<script src=\"/a.js\">new Image().src = 'https://www.facebook.com/tr?id=1'</script></noscript>";
            assertFalse(rewrite(page).contains("facebook"), encoding);
        }
        assertTrue(ForeignContent.htmlEncoding("Application/XHTML+xml"));
        assertFalse(ForeignContent.htmlEncoding("appl\u0131cation/xhtml+xml"));
    }

    @Test
    void aNoscriptsScriptsInHtmlAreJudgedAsScriptsForThePageToInsertLater() {
        // a theme keeps its scripts in a noscript and inserts them once the page has loaded: a browser without
        // scripts reads them as HTML's scripts, which run nowhere, so they are judged as the page's own would be
        String jquery = "<script src=\"/wp-includes/js/jquery/jquery.min.js\"></script>";
        String own = "<script>var tdDefer = [1, 2];</script>";
        String data = "<script type=\"text/plain\">x<img src=\"https://www.facebook.com/tr?id=1\"></script>";
        assertEquals("<noscript id=\"tddefererjs\">" + jquery + own + data + "</noscript>",
                rewrite("<noscript id=\"tddefererjs\">" + jquery
                        + "<script src=\"https://imasdk.googleapis.com/js/sdkloader/ima3.js\"></script>" + own
                        + "<script>gtag('config', 'G-1');</script>" + data + "</noscript>"));
        // (in a style it is text to a browser without scripts too)
        assertUnchanged("<noscript><style>" + jquery + "</style></noscript>");
        // around svg, or in svg the content opens, a script may be SVG's, which runs its own text: it goes
        for (String page : List.of("<svg><noscript>" + jquery + "</noscript></svg>",
                "<noscript><svg>" + jquery + "</svg></noscript>", "<math><mi><noscript>" + jquery + "</noscript>",
                "<noscript><svg><style>" + jquery + "</style></svg></noscript>")) {
            assertFalse(rewrite(page).contains("jquery.min.js"), page);
        }
    }

    @Test
    void anSvgScriptPastTheInspectLimitGoesAsItsRestWouldPassUnread() {
        TagPolicy small = TestRules.policy(settings().withLimits(64, 16 * 1024));
        String code = "var a = 1;".repeat(20);
        assertEquals("<svg></svg><p>x</p>", rewrite(small, TestRules.ESSENTIAL_ONLY,
                "<svg><script>" + code + "<img src=\"https://www.facebook.com/tr?id=1\"></script></svg><p>x</p>"));
        // in HTML the same script passes past the limit, as the issue asks
        String html = "<script>" + code + "</script>";
        assertEquals(html, rewrite(small, TestRules.ESSENTIAL_ONLY, html));
    }

    @Test
    void everyWayTheTokenizerEndsACommentEndsItInTheCharsetPrescan() {
        for (String comment : List.of("<!-->", "<!--->", "<!-- --!>", "<!-- -->")) {
            byte[] in = jisPage(comment + "<meta charset=\"iso-2022-jp\">--><meta charset=\"utf-8\">");
            assertTrue(new String(Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, in, List.of(5)),
                    StandardCharsets.US_ASCII).contains("data-cg-src=\"" + GTM + "\""), comment);
        }
    }
}
