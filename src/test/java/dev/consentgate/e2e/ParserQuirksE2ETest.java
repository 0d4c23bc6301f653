package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages where a tracker loads through a rule of the HTML parser rather than a plain tag: an end tag of noscript that
 * markup would hide in a comment or an attribute (Chromium runs scripts, so noscript ends at the first one), a base
 * URL on a tracker's host, an SVG script's href, an HTML image (an img to the parser), an import map naming a
 * tracker for a module's bare import, a preload in a Link header, an ISO-2022-JP page whose two-byte
 * characters spell "<!--" in ASCII, an end tag of style hidden in a comment inside SVG's foreignObject, an img inside an SVG script, whose content
 * is markup in SVG, a character reference in an SVG script's code, a
 * comment opened inside an SVG CDATA section, which ends at "]]>" in SVG, a quoted value running on past the end of an
 * SVG script or of a CDATA section read as HTML, an element splitting a host inside an SVG script, the code of an
 * SVG script with a src (which SVG ignores), a CDATA section after a tag that breaks out of SVG, a srcset candidate
 * after descriptors with "((" (parentheses do not nest there), a refresh and an SVG set past the tag size limit, and a
 * windows-1252 page whose 'ª' is an 'a' in a host. Each page is first loaded straight from the upstream, which shows Chromium asking the tracker, then
 * through the gateway without consent, where it asks no tracker at all.
 */
@ExtendWith(BrowserLab.class)
class ParserQuirksE2ETest {

    private static final List<String> TRACKERS = List.of(StandInTrackers.GTM, StandInTrackers.FACEBOOK,
            StandInTrackers.FACEBOOK_CONNECT);

    /**
     * A page's own SVG (a style sheet and code in CDATA sections), and scripts after an svg closed early and after one
     * whose foreignObject was left open.
     */
    private static final String OWN_SVG = "<svg width=\"10\" height=\"10\"><style><![CDATA[ .a > .b { fill: red } ]]>"
            + "</style><script type=\"text/ecmascript\"><![CDATA[ var marks = []; for (var i = 0; i<2; i++) {"
            + " if (i < 1 && 2 > 1) { marks.push('<b>svg</b>'); } } document.documentElement.dataset.svg = 'ran'; ]]>"
            + "</script><script>document.documentElement.dataset.plain = (1<2) ? 'ran' : 'no';</script>"
            + "<foreignObject><p>html</p></foreignObject><path class=\"a\" d=\"M0 0h10v10z\"/></svg>"
            + "<svg><foreignObject><p>x</p></svg><script>document.documentElement.dataset.closed = \"document.write("
            + "'<script src=x><\\\\/script>')\";</script>"
            + "<div><svg><path d=\"M0 0\"/></div><script>for (var k = 0; k<3; k++) {} document.documentElement"
            + ".dataset.after = '<i>' + k + '</i>';</script><p>x</p><script>document.documentElement.dataset.fallback"
            + " = \"document.write('<script src=y><\\\\/script>')\";</script>";

    /** Each page by its path; its body is a paragraph and the construct. */
    private static final Map<String, String> PAGES = Map.ofEntries(
            Map.entry("/noscript-comment", "<noscript><!-- </noscript><script src=\"https://www.googletagmanager.com"
                    + "/gtm.js?id=GTM-Q1\"></script> --></noscript>"),
            Map.entry("/noscript-attribute", "<noscript><a title=\"</noscript><img src='https://www.facebook.com/tr"
                    + "?id=Q2'>\"></a></noscript>"),
            Map.entry("/base", "<base href=\"https://www.googletagmanager.com/\"><script src=\"gtm.js?id=GTM-Q3\">"
                    + "</script>"),
            Map.entry("/svg-script", "<svg><script href=\"https://www.googletagmanager.com/gtm.js?id=GTM-Q4\">"
                    + "</script></svg>"),
            Map.entry("/image", "<image src=\"https://www.facebook.com/tr?id=Q5\">"),
            Map.entry("/import-map", "<script type=\"importmap\">{\"imports\": {\"analytics\": "
                    + "\"https://www.googletagmanager.com/gtm.js?id=GTM-Q7\"}}</script>"
                    + "<script type=\"module\">import \"analytics\";</script>"),
            Map.entry("/link-header", ""),
            // inside foreignObject a browser reads style as raw text again
            Map.entry("/foreign-object", "<svg><foreignObject><style><!--</style><script src=\"https://www."
                    + "googletagmanager.com/gtm.js?id=GTM-Q9\"></script>--></style></foreignObject></svg>"),
            // two JIS X 0208 characters, 0x3C21 and 0x2D2D: "<!--" to anything reading the bytes as ASCII
            Map.entry("/iso-2022-jp", "<meta charset=\"iso-2022-jp\"><p>\u001b$B<!--\u001b(B</p><script src=\"https:"
                    + "//www.googletagmanager.com/gtm.js?id=GTM-Q8\"></script>"),
            // an SVG script's content is markup, where an img breaks out into HTML
            Map.entry("/svg-script-markup", "<svg><script>var a = 1;<img src=\"https://www.facebook.com/tr?id=Q10\">"
                    + "</script></svg>"),
            Map.entry("/svg-script-href-markup", "<svg><script href=\"https://www.googletagmanager.com/gtm.js"
                    + "?id=GTM-Q11\"><img src=\"https://www.facebook.com/tr?id=Q11\"></script></svg>"),
            // and its text is decoded there: a character reference spells the tracker's host
            Map.entry("/svg-script-reference", "<svg><script>new Image().src = 'https://www.faceb&#111;ok.com/tr"
                    + "?id=Q12';</script></svg>"),
            // in SVG a CDATA section runs to "]]>": a comment opened after its first '>' hides nothing
            Map.entry("/svg-cdata", "<svg><![CDATA[ > <!-- ]]><img src=\"https://www.facebook.com/tr?id=Q13\">-->"
                    + "</svg>"),
            // a markup reading that runs on past the end of raw text inside a quoted value
            Map.entry("/svg-script-attribute", "<svg><script><a title=\"</script><!--\"><img src=\"https://www."
                    + "facebook.com/tr?id=Q14\">--></svg>"),
            Map.entry("/cdata-attribute", "<svg><foreignObject><![CDATA[ > <a title=\"]]><!--\"><img src=\"https://"
                    + "www.facebook.com/tr?id=Q15\">--></foreignObject></svg>"),
            // an SVG script runs its own text, not what an element inside it holds
            Map.entry("/svg-script-child", "<svg><script>new Image().src = 'https://www.facebook.<a>X</a>com/tr"
                    + "?id=Q16';</script></svg>"),
            // SVG ignores a script's src and runs its text
            Map.entry("/svg-script-src", "<svg><style><script src=\"/a.js\">new Image().src = 'https://www.facebook"
                    + ".com/tr?id=Q17';</script></style></svg>"),
            // after a tag that breaks out of SVG, <![CDATA[ is HTML's bogus comment again
            Map.entry("/svg-breakout-cdata", "<svg><style><b><![CDATA[><img src=\"https://www.facebook.com/tr"
                    + "?id=Q18\">]]></style></svg>"),
            // a stray end tag of MathML's root ends no SVG, nor does </svg> with an HTML element open in foreignObject
            Map.entry("/svg-stray-end", "<svg></math><script>var a = 1;<img src=\"https://www.facebook.com/tr"
                    + "?id=Q19\"></script></svg>"),
            Map.entry("/foreign-object-end", "<svg><foreignObject><p></svg></p></foreignObject><script>var a = 1;"
                    + "<img src=\"https://www.facebook.com/tr?id=Q20\"></script></svg>"),
            // a tracking pixel the gateway removes had ended SVG: without it Chromium would stay in SVG, where the
            // noscript is SVG's and its script runs its own text
            Map.entry("/svg-pixel-removed", "<svg><img src=\"https://www.facebook.com/tr?id=Q28a\"><noscript>"
                    + "<script src=\"/a.js\">new Image().src = 'https://www.facebook.com/tr?id=Q28'</script></noscript>"
                    + "</svg>"),
            // a dotless i is no i to Chromium: the annotation-xml is MathML's, the div ends math, </math> ends nothing
            Map.entry("/annotation-xml-dotless-i", "<math><annotation-xml encoding=\"appl\u0131cation/xhtml+xml\">"
                    + "<div></div><svg></math><noscript><script src=\"/a.js\">new Image().src = 'https://"
                    + "www.facebook.com/tr?id=Q29'</script></noscript></svg>"),
            // where the gateway drops markup, Chromium is where the output leaves it: a placeholder's div would end
            // SVG where a frame did not, and a removed object's MathML is not in the output
            Map.entry("/svg-frame-placeholder", "<svg><frame src=\"https://www.youtube.com/embed/x\"><script/>new"
                    + " Image().src = 'https://www.facebook.com/tr?id=Q30'</script></svg>"),
            Map.entry("/object-content-math", "<object data=\"https://www.youtube.com/embed/x\"><math><mi></object>"
                    + "</mi><script/>new Image().src = 'https://www.facebook.com/tr?id=Q31'</script>"),
            // SVG structure in a style inside a noscript inside svg: two readings deep, it still counts
            Map.entry("/svg-noscript-style", "<svg><noscript><style><foreignObject><div></style></noscript></svg>"
                    + "</div></foreignObject><script src=\"/a.js\">new Image().src = 'https://www.facebook.com/tr"
                    + "?id=Q32'</script>"),
            // font leaves SVG only with color, face or size: a bare one is SVG's, and so is the script after it
            Map.entry("/svg-font", "<svg><font><script>var a = 1;<img src=\"https://www.facebook.com/tr?id=Q27\">"
                    + "</script></svg>"),
            // where the rewriter cannot tell where a browser is: markup inside SVG's style, an svg a browser closed
            // by an HTML end tag, more nesting than the rewriter keeps
            Map.entry("/svg-style-comment", "<svg><style><!--</style></svg>--><script>var a = 1;<img src=\"https://"
                    + "www.facebook.com/tr?id=Q21\"></script></svg>"),
            Map.entry("/svg-closed-by-div", "<svg><foreignObject><div><svg></div><script/></svg></span></svg>"
                    + "</script></foreignObject><script>var a = 1;<img src=\"https://www.facebook.com/tr?id=Q22\">"
                    + "</script>"),
            Map.entry("/math-svg-mi", "<math><svg><mi><a></svg></math></a></mi><script>var a = 1;<img src=\"https://"
                    + "www.facebook.com/tr?id=Q24\"></script>"),
            Map.entry("/foreign-object-form", "<svg><foreignObject><form><svg></form></svg></foreignObject><script>"
                    + "var a = 1;<img src=\"https://www.facebook.com/tr?id=Q25\"></script>"),
            Map.entry("/icon-svg-then-math", "<a href=\"/\"><svg class=\"icon\"><path d=\"M0 0\"/></a><math><mi><span>"
                    + "x</span></mi><script>var a = 1;<img src=\"https://www.facebook.com/tr?id=Q26\"></script>"),
            Map.entry("/svg-deep", "<svg>".repeat(65) + "</desc>" + "</svg>".repeat(64) + "<script>var a = 1;<img"
                    + " src=\"https://www.facebook.com/tr?id=Q23\"></script>"),
            // a style start tag a template's column group ignores: what follows it is markup, not the style's text
            Map.entry("/template-col-style", "<template><col><style></template><img src=\"https://www.facebook.com"
                    + "/tr?id=Q41\"><!--</style>-->"),
            // a base in a template's content is no base of the document: the second one is the page's
            Map.entry("/template-base", "<template><base href=\"https://www.example.com/\"></template><base href=\""
                    + "https://www.googletagmanager.com/\"><script src=\"gtm.js?id=GTM-Q42\"></script>"),
            // a srcdoc document that navigates its frame to a tracker, the URL written with backslashes
            Map.entry("/srcdoc-refresh", "<iframe srcdoc=\"<meta http-equiv=refresh content=&quot;0;url=https:"
                    + "\\\\www.facebook.com\\tr?id=Q43&quot;>\"></iframe>"),
            // a srcdoc holding what a built-in rule takes out of a page: an SVG script, which runs its text
            Map.entry("/srcdoc-svg-script", "<iframe srcdoc=\"<svg><noscript><script>var s=document.createElement("
                    + "&quot;script&quot;);s.src=&quot;https:\\/\\/connect.facebook.net/en_US/fbevents.js?Q44&quot;;"
                    + "document.documentElement.appendChild(s)</script></noscript></svg>\"></iframe>"),
            // a srcset's parentheses do not nest: the comma after "((" and ")" starts the tracker's candidate
            Map.entry("/srcset-parentheses", "<img srcset=\"/a.png 1x ((), https://www.facebook.com/tr?id=Q45 2x\">"),
            // a refresh and an animated href whose URL lies past the tag size limit (16 KiB)
            Map.entry("/refresh-past-limit", "<meta http-equiv=\"refresh\" data-pad=\"" + "a".repeat(17_000)
                    + "\" content=\"0;url=https://www.facebook.com/tr?id=Q46\">"),
            Map.entry("/set-past-limit", "<svg width=\"20\" height=\"20\"><image href=\"/a.png\" width=\"10\""
                    + " height=\"10\"><set attributeName=\"href\" data-pad=\"" + "a".repeat(17_000) + "\" to=\"https:"
                    + "//www.facebook.com/tr?id=Q47\"/></image></svg>"),
            // a windows-1252 page: 0xAA is 'ª', which the URL parser maps to 'a'
            Map.entry("/windows-1252", "<img src=\"https://www.f\u00aacebook.com/tr?id=Q48\">"),
            // a page's own SVG, and scripts after an svg a browser closes early: nothing to take out
            Map.entry("/own-svg", OWN_SVG));
    private static final String LINK_HEADER = "Link: <https://connect.facebook.net/en_US/fbevents.js>; rel=preload;"
            + " as=script\r\n";

    @AutoClose
    private static PagesBehindGateway site;

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.start(path -> {
            String construct = PAGES.get(path);
            if (construct == null) {
                return null;
            }
            byte[] body = ("<!DOCTYPE html><html><head><title>quirk</title></head><body><p>page " + path + "</p>"
                    + construct + "</body></html>").getBytes(path.equals("/windows-1252")
                    ? java.nio.charset.Charset.forName("windows-1252") : StandardCharsets.UTF_8);
            return PagesBehindGateway.Page.ok((path.equals("/iso-2022-jp") ? "Content-Type: text/html\r\n"
                    : path.equals("/windows-1252") ? "Content-Type: text/html; charset=windows-1252\r\n"
                    : "Content-Type: text/html; charset=utf-8\r\n")
                    + (path.equals("/link-header") ? LINK_HEADER : ""), body);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/noscript-comment", "/noscript-attribute", "/base", "/svg-script", "/image",
        "/import-map", "/link-header", "/iso-2022-jp", "/foreign-object", "/svg-script-markup",
        "/svg-script-href-markup", "/svg-script-reference", "/svg-cdata", "/svg-script-attribute",
        "/cdata-attribute", "/svg-script-child", "/svg-script-src", "/svg-breakout-cdata", "/svg-stray-end",
        "/foreign-object-end", "/svg-font", "/svg-pixel-removed", "/annotation-xml-dotless-i", "/svg-noscript-style", "/svg-style-comment", "/svg-closed-by-div", "/svg-deep",
        "/math-svg-mi", "/foreign-object-form", "/icon-svg-then-math", "/template-col-style", "/template-base",
        "/srcdoc-refresh", "/srcdoc-svg-script", "/srcset-parentheses", "/refresh-past-limit", "/set-past-limit",
        "/windows-1252"})
    void theTrackerLoadsStraightFromTheUpstreamAndNotThroughTheGateway(String path, BrowserLab.Lab lab) {
        String name = "quirk" + path.replace('/', '-');
        List<NetworkLog.Request> direct = StandInTrackers.requestsWhileLoading(lab, site.upstreamOrigin() + path,
                TRACKERS, name + "-direct");
        assertFalse(direct.isEmpty(), path + ": straight from the upstream, Chromium asks a tracker");
        List<NetworkLog.Request> through = StandInTrackers.requestsWhileLoading(lab, site.gatewayOrigin() + path,
                TRACKERS, name + "-gateway");
        assertEquals(List.of(), through, path + ": through the gateway, requests to tracker hosts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/svg-frame-placeholder", "/object-content-math"})
    void theGatewaysOwnEditsAskNoTrackerThePageDidNot(String path, BrowserLab.Lab lab) {
        String name = "quirk" + path.replace('/', '-');
        assertEquals(List.of(), StandInTrackers.requestsWhileLoading(lab, site.upstreamOrigin() + path, TRACKERS,
                name + "-direct"), path + ": straight from the upstream, Chromium asks no tracker");
        assertEquals(List.of(), StandInTrackers.requestsWhileLoading(lab, site.gatewayOrigin() + path, TRACKERS,
                name + "-gateway"), path + ": through the gateway, requests to tracker hosts");
    }

    @Test
    void aPagesOwnSvgScriptsRunThroughTheGatewayAsStraightFromTheUpstream(BrowserLab.Lab lab) {
        String script = "[document.documentElement.dataset.svg, document.documentElement.dataset.plain,"
                + " document.documentElement.dataset.after, document.documentElement.dataset.closed,"
                + " document.documentElement.dataset.fallback].join()";
        List<Object> ran = new java.util.ArrayList<>();
        for (String origin : List.of(site.upstreamOrigin(), site.gatewayOrigin())) {
            try (Tab tab = lab.newTab()) {
                tab.navigate(origin + "/own-svg");
                ran.add(tab.evaluate(script));
            }
        }
        assertEquals("ran,ran,<i>3</i>,document.write('<script src=x><\\/script>'),"
                + "document.write('<script src=y><\\/script>')", ran.get(0), "straight from the upstream, the page's scripts ran");
        assertEquals(ran.get(0), ran.get(1), "through the gateway, the same scripts ran the same way");
    }
}
