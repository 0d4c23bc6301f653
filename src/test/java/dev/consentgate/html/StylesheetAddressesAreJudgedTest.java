package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.config.HtmlSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a page's own CSS loads: a style element's {@code @import}, {@code url()} and image sets, and a style
 * attribute's. A tracker's address in a style element becomes {@code none} and the rest of the stylesheet stays; a
 * style attribute that names one is renamed {@code data-cg-blocked-style}, as a blocked handler is. Before
 * (2026-12-02): each of these passed unchanged, and a pixel's address in a background was fetched with the page.
 */
class StylesheetAddressesAreJudgedTest {

    private static final String PIXEL = "https://www.facebook.com/tr?id=1&ev=PageView";

    @Test
    void aTrackersAddressInAStyleElementBecomesNone() {
        assertEquals("<style>@import none;p{color:red}</style>",
                rewrite("<style>@import url(https://connect.facebook.net/a.css);p{color:red}</style>"));
        assertEquals("<style>@import none screen;</style>",
                rewrite("<style>@import \"https://px.ads.linkedin.com/x.css\" screen;</style>"));
        assertEquals("<style>.a{background:none no-repeat}</style>",
                rewrite("<style>.a{background:url('" + PIXEL + "') no-repeat}</style>"));
        assertEquals("<style>.a{background:image-set(none 1x, url(/own.png) 2x)}</style>",
                rewrite("<style>.a{background:image-set(\"" + PIXEL + "\" 1x, url(/own.png) 2x)}</style>"));
        assertEquals("<STYLE type=text/css>@font-face{font-family:f;src:none}</STYLE>",
                rewrite("<STYLE type=text/css>@font-face{font-family:f;src:u\\72l(" + PIXEL + ")}</STYLE>"));
    }

    @Test
    void theSitesOwnStylesheetsPassByteForByte() {
        String page = "<style>@import 'site.css';@import url(https://fonts.googleapis.com/css2?family=Inter);"
                + ".a{background:url(/img/a.png)}.b::before{content:'" + PIXEL + "'}/* url(" + PIXEL + ") */"
                + "</style><div style=\"background:url(/img/b.png)\">x</div>";
        assertEquals(page, rewrite(page));
    }

    @Test
    void aStyleAttributeNamingATrackerIsRenamed() {
        assertEquals("<div data-cg-blocked-style=\"background-image:url('" + PIXEL + "')\">x</div>",
                rewrite("<div style=\"background-image:url('" + PIXEL + "')\">x</div>"));
        // an element no other rule reads (the fast path of ordinary tags leaves it to the states)
        assertEquals("<span class=a data-cg-blocked-style='background:url(" + PIXEL + ")'>x</span>",
                rewrite("<span class=a style='background:url(" + PIXEL + ")'>x</span>"));
        // an image goes whole, as one whose handler a rule blocks does, though its own address is the site's
        assertEquals("<p>", rewrite("<p><img src=/a.png style=\"list-style:url(" + PIXEL + ")\">"));
        // character references are decoded first, as the browser does
        assertEquals("<p data-cg-blocked-style=\"background:url(&quot;" + PIXEL + "&quot;)\">x</p>",
                rewrite("<p style=\"background:url(&quot;" + PIXEL + "&quot;)\">x</p>"));
    }

    @Test
    void eachBlockedAddressIsReported() {
        List<RewriteEvent> events = EssentialOnly.events("<p>\n<style>\n@import '" + PIXEL + "';\n.a{background:url("
                + PIXEL + ")}</style>\n<div style=\"background:url(" + PIXEL + ")\"></div>");
        assertEquals(3, events.size(), events::toString);
        for (RewriteEvent e : events) {
            assertEquals("www.facebook.com", e.host());
            assertEquals("advertising", e.category());
            assertEquals(RewriteEvent.Action.NEUTRALIZED, e.action());
        }
        assertEquals(List.of("style", "style", "element"), events.stream().map(RewriteEvent::element).toList());
        assertEquals(List.of(2L, 2L, 5L), events.stream().map(RewriteEvent::line).toList());
    }

    @Test
    void withEveryCategoryGrantedThePageIsUnchanged() {
        String page = "<style>@import url(https://connect.facebook.net/a.css);.a{background:url(" + PIXEL
                + ")}</style><div style=\"background:url(" + PIXEL + ")\">x</div>";
        assertEquals(page, TestRules.rewrite(TestRules.EVERYTHING, page));
    }

    @Test
    void styleTextInsideNoscriptIsJudgedToo() {
        // noscript content is read both ways (as markup and as text): its style element's address goes either way
        String noscript = rewrite("<noscript><style>.a{background:url(" + PIXEL + ")}</style></noscript>");
        assertEquals(-1, noscript.indexOf("url(" + PIXEL), noscript);
        String svg = rewrite("<svg><rect style=\"fill:url(" + PIXEL + ")\"/></svg>");
        assertEquals(-1, svg.indexOf(" style="), svg);
    }

    /**
     * Where a style's content may be markup (SVG, MathML, a template, a page parsed as XML), a blocked address is
     * overwritten in place, padded to its length, and the content is then read as markup too. Before (2026-12-02),
     * in SVG a style's background named a pixel Chromium 156 fetched through the gateway.
     */
    @Test
    void styleTextThatMayBeMarkupIsJudgedBothWays() {
        String padded = "none" + " ".repeat(("url(" + PIXEL + ")").length() - 4);
        assertEquals("<svg><style>.a{background:" + padded + "}</style></svg>",
                rewrite("<svg><style>.a{background:url(" + PIXEL + ")}</style></svg>"));
        assertEquals("<template><style>.a{background:" + padded + "}</style></template>",
                rewrite("<template><style>.a{background:url(" + PIXEL + ")}</style></template>"));
        assertEquals("<svg><style><![CDATA[.a{background:" + padded + "}]]></style></svg>",
                rewrite("<svg><style><![CDATA[.a{background:url(" + PIXEL + ")}]]></style></svg>"));
        // markup in it is read as markup: an img breaks out of SVG and loads, so it goes
        assertEquals("<svg><style>.a{color:red}</style></svg>",
                rewrite("<svg><style>.a{color:red}<img src=\"" + PIXEL + "\"></style></svg>"));
        // the site's own stylesheet passes byte for byte
        String own = "<svg><style><![CDATA[.a{background:url(/own.png)} .b::after{content:'&'}]]></style></svg>";
        assertEquals(own, rewrite(own));
    }

    @Test
    void anAddressOnlyTheMarkupReadingShowsTakesTheContent() {
        assertEquals("<svg><style></style></svg>",
                rewrite("<svg><style>.a{background:u<!---->rl(" + PIXEL + ")}</style></svg>"));
        assertEquals("<svg><style></style></svg>",
                rewrite("<svg><style>.a{background:&#117;rl(" + PIXEL + ")}</style></svg>"));
        List<RewriteEvent> events = EssentialOnly.events("<svg><style>.a{background:&#117;rl(" + PIXEL + ")}</style>");
        assertEquals(List.of("style-address-hidden-by-markup"), events.stream().map(RewriteEvent::ruleId).toList());
    }

    @Test
    void stylesNestedInMarkupReadingsAreDroppedPastTheDepthLimit() {
        String page = "<svg>" + "<style>".repeat(20_000) + ".b{background:url(" + PIXEL + ")}</style></svg>";
        String out = rewrite(page);
        assertEquals(-1, out.indexOf("facebook"), out.length() > 200 ? out.substring(0, 200) : out);
    }

    @Test
    void aStyleThatMayBeMarkupGoesPastTheInspectLimit() {
        int limit = 1024;
        TagPolicy policy = TestRules.policy(HtmlSettings.defaults().withLimits(limit, 64 * 1024));
        String page = "<svg><style>.a{color:red}/*" + "x".repeat(limit) + "*/<img src=\"" + PIXEL
                + "\"></style><rect/></svg>";
        List<RewriteEvent> events = new ArrayList<>();
        String out = new String(Chunks.rewrite(policy, TestRules.ESSENTIAL_ONLY,
                page.getBytes(StandardCharsets.UTF_8), List.of(100), Optional.empty(), events),
                StandardCharsets.UTF_8);
        assertEquals("<svg><style></style><rect/></svg>", out);
        assertEquals(List.of("maybe-markup-style-past-inspect-limit"),
                events.stream().map(RewriteEvent::ruleId).toList());
    }

    @Test
    void theResultDoesNotDependOnHowTheBodyIsChunked() {
        byte[] page = ("<html><head><style media=screen>\n@import url(https://connect.facebook.net/a.css);\n"
                + ".a{background:url(\"" + PIXEL + "\")} .b{background:url(/own.png)}\n</style></head>"
                + "<body><div id=x style=\"color:red;background:url(" + PIXEL + ")\">text</div>"
                + "<span style=\"color:blue\">y</span><svg><style>.c{fill:url(" + PIXEL + ")}<b>x</b></style>"
                + "</svg></body></html>").getBytes(StandardCharsets.UTF_8);
        byte[] whole = HtmlRewriter.rewriteAll(TestRules.defaultPolicy(), TestRules.ESSENTIAL_ONLY, page,
                RewriteListener.NONE);
        for (int size : new int[] {1, 2, 3, 7, 64}) {
            assertArrayEquals(whole, Chunks.rewrite(TestRules.defaultPolicy(), TestRules.ESSENTIAL_ONLY, page,
                    List.of(size)), "chunks of " + size);
        }
        assertEquals("<html><head><style media=screen>\n@import none;\n.a{background:none} .b{background:url(/own.png)}"
                + "\n</style></head><body><div id=x data-cg-blocked-style=\"color:red;background:url(" + PIXEL
                + ")\">text</div><span style=\"color:blue\">y</span><svg><style>.c{fill:none"
                + " ".repeat(PIXEL.length() + 1) + "}<b>x</b></style></svg></body></html>",
                new String(whole, StandardCharsets.UTF_8));
    }

    @Test
    void aStyleElementPastTheInspectLimitIsJudgedAsFarAsItWasReadAndReported() {
        int limit = 1024;
        TagPolicy policy = TestRules.policy(HtmlSettings.defaults().withLimits(limit, 64 * 1024));
        String early = ".a{background:url(" + PIXEL + ")}";
        String late = ".b{background:url(" + PIXEL + ")}";
        String page = "<style>" + early + "/*" + "x".repeat(limit) + "*/" + late + "</style><p>after</p>";
        List<RewriteEvent> events = new ArrayList<>();
        String out = new String(Chunks.rewrite(policy, TestRules.ESSENTIAL_ONLY,
                page.getBytes(StandardCharsets.UTF_8), List.of(100), Optional.empty(), events),
                StandardCharsets.UTF_8);
        assertEquals(page.replace(early, ".a{background:none}"), out);
        assertEquals(List.of(RewriteEvent.Action.NEUTRALIZED, RewriteEvent.Action.PASSED_OVER_LIMIT),
                events.stream().map(RewriteEvent::action).toList());
    }
}
