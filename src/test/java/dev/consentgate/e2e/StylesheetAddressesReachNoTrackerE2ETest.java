package dev.consentgate.e2e;


import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Addresses a page's own CSS loads with the page: a style element's {@code @import} (as url() and as a string), a
 * background, an image set's string, a url() whose name is escaped, a font a paragraph uses, and a style attribute's
 * background and list image, a style element in SVG, and one in an XHTML page; a custom property's string an image
 * set loads, a data: stylesheet, an SVG style whose child element's text would hide an address from a reading of all
 * its text, a Shift_JIS page whose character before the address ends in the byte of a backslash, and the site's own
 * stylesheet that a page links (its import and a background; and one whose icon font, in a data: URL, is longer than
 * the inspect limit). Each names Meta's hosts. Each page is loaded straight from the upstream, where the
 * stand-in tracker receives the request, then through the gateway without consent, where it receives none; the run
 * is in the tracker URL's query so that the stand-in tells the two loads apart.
 */
@ExtendWith(BrowserLab.class)
class StylesheetAddressesReachNoTrackerE2ETest {

    private static final String PIXEL = "https://www.facebook.com/tr?ev=";
    private static final String BOX = "width:32px;height:32px;";

    /** Each page's head and body markup, by its path; {@code RUN} stands for the run's name. */
    private static final Map<String, String[]> PAGES = Map.ofEntries(
            Map.entry("/import-url", new String[] {"<style>@import url(\"https://connect.facebook.net/cg/style.css"
                    + "?ev=import-url&run=RUN\");p{color:#333}</style>", "<p>styled</p>"}),
            Map.entry("/import-string", new String[] {"<style>@import '" + PIXEL + "import-string&run=RUN';</style>",
                "<p>styled</p>"}),
            Map.entry("/background", new String[] {"<style>.t{" + BOX + "background:url(" + PIXEL
                    + "background&run=RUN) no-repeat}</style>", "<div class=\"t\">t</div>"}),
            Map.entry("/image-set", new String[] {"<style>.t{" + BOX + "background-image:image-set(\"" + PIXEL
                    + "image-set&run=RUN\" 1x)}</style>", "<div class=\"t\">t</div>"}),
            Map.entry("/escaped-url", new String[] {"<style>.t{" + BOX + "background-image:u\\72 l(" + PIXEL
                    + "escaped-url&run=RUN)}</style>", "<div class=\"t\">t</div>"}),
            Map.entry("/font-face", new String[] {"<style>@font-face{font-family:cgf;src:url(" + PIXEL
                    + "font-face&run=RUN) format('woff2')}</style>", "<p style=\"font-family:cgf\">text</p>"}),
            Map.entry("/style-attribute", new String[] {"", "<div style=\"" + BOX + "background-image:url('" + PIXEL
                    + "style-attribute&run=RUN')\">t</div>"}),
            Map.entry("/list-style-attribute", new String[] {"", "<ul><li style=\"list-style-image:url(&quot;" + PIXEL
                    + "list-style-attribute&amp;run=RUN&quot;)\">item</li></ul>"}),
            // a style element in SVG styles the whole document; in XHTML its content is markup (the & escaped)
            Map.entry("/svg-style", new String[] {"", "<svg width=\"0\" height=\"0\"><style>.t{" + BOX
                    + "background:url(" + PIXEL + "svg-style&run=RUN)}</style></svg><div class=\"t\">t</div>"}),
            // found by a review (2026-12-02): a custom property's string in an image set, a data: stylesheet, an SVG
            // style whose child element's text opens a comment, a Shift_JIS character whose second byte is '\\'
            Map.entry("/custom-property", new String[] {"<style>.t{" + BOX + "--u:'" + PIXEL
                    + "custom-property&run=RUN';background-image:image-set(var(--u) 1x)}</style>",
                "<div class=\"t\">t</div>"}),
            Map.entry("/data-import", new String[] {"<style>@import \"data:text/css;base64,DATA\";</style>",
                "<div class=\"t\">t</div>"}),
            Map.entry("/svg-child-text", new String[] {"", "<svg width=\"0\" height=\"0\"><style><a>/*</a>.t{" + BOX
                    + "background:url(" + PIXEL + "svg-child-text&run=RUN)}<a>*/</a></style></svg>"
                    + "<div class=\"t\">t</div>"}),
            Map.entry("/shift-jis", new String[] {"SJIS", "<style>.t::before{content:\"\u8868\"}.t{" + BOX
                    + "background:url(" + PIXEL + "shift-jis&run=RUN)}</style>"}),
            // found by a third review (2026-12-02): a Shift_JIS page with a pair that is a character and one that is
            // none, a data: stylesheet in EUC-JP after a lead byte that makes no character, one whose @charset rule
            // names ISO-2022-JP (an escape splits the host), and an XHTML entity whose value is parsed again
            Map.entry("/mixed-pairs", new String[] {"RAW shift_jis", "<style>.t{" + BOX + "--x:\"\u0095\\\"\u0085"
                    + "\\\"\"/*\u0095\\\";background:url(" + PIXEL + "mixed-pairs&run=RUN);}*/}</style>"}),
            Map.entry("/data-import-euc-jp", new String[] {"<style>@import \"data:text/css;charset=euc-jp;base64,"
                    + "EUCJP\";</style>", "<div class=\"t\">t</div>"}),
            Map.entry("/data-import-charset-rule", new String[] {"<style>@import \"data:text/css,@charset%20%22"
                    + "iso-2022-jp%22;.t{" + BOX + "background:url(https://www.face%1B(Bbook.com/tr?ev="
                    + "data-import-charset-rule%26run=RUN)}\";</style>", "<div class=\"t\">t</div>"}),
            Map.entry("/xhtml-entity-twice", new String[] {"XHTML <!DOCTYPE html [<!ENTITY b \"&#38;#117;rl\">]>",
                "<style>.t{" + BOX + "background:&b;(" + PIXEL + "xhtml-entity-twice&amp;run=RUN)}</style>"}),
            // SVG presentation attributes that take a url() (found by the third review: Chromium fetched each)
            Map.entry("/svg-presentation", new String[] {"", "<svg width=\"60\" height=\"60\"><rect width=\"20\" "
                    + "height=\"20\" mask=\"url(" + PIXEL + "svg-presentation&amp;run=RUN&amp;a=mask#m)\"/><rect x=\"20\" "
                    + "width=\"20\" height=\"20\" filter=\"url(" + PIXEL + "svg-presentation&amp;run=RUN&amp;a=filter#f)\"/>"
                    + "<rect x=\"40\" width=\"20\" height=\"20\" clip-path=\"url(" + PIXEL
                    + "svg-presentation&amp;run=RUN&amp;a=clip#c)\"/></svg>"}),
            // the site's own stylesheet, linked: what its CSS names loads with the page as a style element's does
            Map.entry("/linked-stylesheet", new String[] {"<link rel=\"stylesheet\" href=\"/site.css?run=RUN\">",
                "<div class=\"t\">t</div>"}),
            Map.entry("/site.css", new String[] {"CSS", "@import url(\"https://connect.facebook.net/cg/style.css"
                    + "?ev=linked-stylesheet&run=RUN\");\n.t{" + BOX + "background:url(" + PIXEL
                    + "linked-stylesheet&run=RUN) no-repeat}\n"}),
            // a review (2026-12-02): an icon font longer than the limit (256 KiB) in a data: URL ended the judging
            Map.entry("/long-font-stylesheet", new String[] {"<link rel=\"stylesheet\" href=\"/site-long.css?run=RUN\">",
                "<div class=\"t\">t</div>"}),
            Map.entry("/site-long.css", new String[] {"CSS", "@font-face{font-family:cgi;src:url(data:font/woff2;base64,"
                    + "d09GMgABAAAAAA+/".repeat(45_000) + ") format(\"woff2\")}\n.t{" + BOX + "background:url(" + PIXEL
                    + "long-font-stylesheet&run=RUN) no-repeat}\n"}),
            Map.entry("/xhtml-style", new String[] {"XHTML", "<style><![CDATA[ .t{" + BOX + "} ]]>.t{background:url("
                    + PIXEL + "xhtml-style&amp;run=RUN)}</style>"}));

    @AutoClose
    private static PagesBehindGateway site;

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.startRunPages((path, run) -> {
            String[] page = PAGES.get(path);
            if (page == null) {
                return null;
            }
            if (page[0].equals("CSS")) {
                return PagesBehindGateway.Page.ok("Content-Type: text/css\r\n",
                        page[1].replace("RUN", run).getBytes(StandardCharsets.UTF_8));
            }
            if (page[0].startsWith("RAW ")) {
                // each char a byte, in the charset named
                String html = "<!DOCTYPE html><html><head><title>css</title>" + page[1].replace("RUN", run)
                        + "</head><body><div class=\"t\">t</div></body></html>";
                return PagesBehindGateway.Page.ok("Content-Type: text/html; charset=" + page[0].substring(4) + "\r\n",
                        html.getBytes(StandardCharsets.ISO_8859_1));
            }
            if (page[0].startsWith("XHTML")) {
                String xhtml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + page[0].substring(5).trim()
                        + "<html xmlns=\"http://www.w3.org/1999/xhtml\">"
                        + "<head><title>css</title>" + page[1].replace("RUN", run) + "</head><body>"
                        + "<div class=\"t\">t</div></body></html>";
                return PagesBehindGateway.Page.ok("Content-Type: application/xhtml+xml\r\n",
                        xhtml.getBytes(StandardCharsets.UTF_8));
            }
            if (page[0].equals("SJIS")) {
                String html = "<!DOCTYPE html><html><head><title>css</title>" + page[1].replace("RUN", run)
                        + "</head><body><div class=\"t\">t</div></body></html>";
                return PagesBehindGateway.Page.ok("Content-Type: text/html; charset=shift_jis\r\n",
                        html.getBytes(java.nio.charset.Charset.forName("Shift_JIS")));
            }
            String css = ".t{" + BOX + "background:url(" + PIXEL + "data-import&run=" + run + ")}";
            String data = java.util.Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
            byte[] eucJp = (".t{" + BOX + "--x:\"\u0085\\\"/*\";background:url(" + PIXEL + "data-import-euc-jp&run="
                    + run + ");*/}").getBytes(StandardCharsets.ISO_8859_1);
            String head = page[0].replace("RUN", run).replace("DATA", data)
                    .replace("EUCJP", java.util.Base64.getEncoder().encodeToString(eucJp));
            String body = page[1].replace("RUN", run);
            return PagesBehindGateway.Page.html(
                    "<!DOCTYPE html><html><head><title>css</title>" + head + "</head><body>" + body + "</body></html>");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/import-url", "/import-string", "/background", "/image-set", "/escaped-url",
        "/font-face", "/style-attribute", "/list-style-attribute", "/svg-style", "/xhtml-style", "/custom-property",
        "/data-import", "/svg-child-text", "/shift-jis", "/linked-stylesheet", "/mixed-pairs", "/data-import-euc-jp",
        "/data-import-charset-rule", "/xhtml-entity-twice", "/svg-presentation", "/long-font-stylesheet"})
    void theTrackerIsAskedStraightFromTheUpstreamAndNotThroughTheGateway(String path, BrowserLab.Lab lab)
            throws InterruptedException {
        // Before (2026-12-02): through the gateway the stand-in received each request as it did straight from the
        // upstream: the rewriter did not read CSS, in style elements (in HTML, SVG or XHTML) or style attributes, nor
        // (until later that day) the site's own stylesheets
        lab.assertTrackerAskedOnlyStraightFromTheUpstream(site, path, "stylesheet-addresses");
    }
}
