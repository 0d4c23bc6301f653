package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.consentgate.config.ConsentSettings;
import dev.consentgate.config.Ruleset;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.consent.ConsentModeSnippet;
import dev.consentgate.consent.PageMarkup;
import dev.consentgate.html.HtmlInjector;
import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * What the gateway adds to pages (the Consent Mode defaults, the banner) goes where the browser needs it and keeps
 * the page well-formed, and its own choices page cannot be framed by another site. Each test failed before the fix
 * its comment names.
 */
class GatewayMarkupIntegrationTest {

    private static final String SNIPPET = "<script>CONSENT-DEFAULTS</script>";
    private static final String BANNER = "<section>BANNER</section>";

    /** Runs the real injector over a whole page (fed in one chunk, then finished). */
    private static String inject(String page) {
        HtmlInjector injector = new HtmlInjector(Optional.of(SNIPPET.getBytes(StandardCharsets.UTF_8)),
                Optional.of(BANNER.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.util.function.Consumer<ByteBuf> sink = b -> {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            out.writeBytes(bytes);
        };
        injector.feed(Unpooled.copiedBuffer(page, StandardCharsets.UTF_8), sink);
        injector.finish(sink);
        injector.release();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final String GTAG = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-1\">"
            + "</script>";

    // ---------------------------------------------------------------------------------------------------------
    // 1. Input: a page that starts with the abrupt empty comment "<!-->" (WHATWG HTML 13.2.5.44 "comment start
    // state": '>' right after "<!--" is the abrupt-closing-of-empty-comment parse error and ENDS the comment; so
    // does "<!--->", 13.2.5.45). A browser then reads <head> and the Google tag in it normally.
    // Before (found by a review): HtmlInjector (COMMENT state) waits for "-->" and takes the whole page, <head> included, for a
    // comment: the Consent Mode defaults are never inserted (finish() only adds the banner), so gtag.js runs with
    // no 'default' command and Google tags behave as if all storage were granted.
    // Now: the defaults right after <head>, before the Google tag, as for any page.
    // ---------------------------------------------------------------------------------------------------------
    @Test
    void abruptlyClosedEmptyCommentHidesTheHeadFromTheInjector() {
        for (String comment : List.of("<!-->", "<!--->")) {
            String page = "<!DOCTYPE html>" + comment + "<html><head>" + GTAG + "</head><body><p>x</p></body></html>";
            String html = inject(page);
            int defaults = html.indexOf(SNIPPET);
            assertTrue(defaults >= 0 && defaults < html.indexOf(GTAG),
                    comment + ": the Consent Mode defaults must precede the Google tag: " + html);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2. Input: a comment closed by "--!>" (WHATWG HTML 13.2.5.52 "comment end bang state": '>' after "--!" ends
    // the comment, incorrectly-closed-comment parse error). Browsers resume at <head>.
    // Before (found by a review): the injector only knows "-->", stays in COMMENT to the end of the page, never inserts the
    // Consent Mode defaults (and appends the banner after </html>).
    // Now: defaults after <head>, banner before </body>.
    // ---------------------------------------------------------------------------------------------------------
    @Test
    void commentClosedWithDashDashBangIsTakenToRunToTheEndOfThePage() {
        String page = "<!DOCTYPE html><!-- build 42 --!><html><head>" + GTAG + "</head><body><p>x</p></body></html>";
        String html = inject(page);
        int defaults = html.indexOf(SNIPPET);
        assertTrue(defaults >= 0 && defaults < html.indexOf(GTAG), "defaults must precede the Google tag: " + html);
        assertTrue(html.endsWith(BANNER + "</body></html>"), "banner before </body>: " + html);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3. Input: a valid HTML page with neither a <head> nor a <body> start tag (both are optional, WHATWG HTML
    // 13.1.2.4 "optional tags"): "<!DOCTYPE html><html lang=en><meta charset=utf-8><title>..</title>" + gtag.
    // Before (found by a review): the injector inserts the Consent Mode defaults only at "<head" or "<body"; finish() appends
    // only the banner, so the defaults are never inserted at all and the Google tag runs with none.
    // Same with a <body> tag but no <head>: the defaults go before <body>, after the Google tag in the implied
    // head. Now: the defaults before the first script (at the latest), fail closed.
    // ---------------------------------------------------------------------------------------------------------
    @Test
    void pageWithoutHeadAndBodyTagsGetsNoConsentModeDefaults() {
        String page = "<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Shop</title>" + GTAG
                + "<p>Products</p></html>";
        String html = inject(page);
        int defaults = html.indexOf(SNIPPET);
        assertTrue(defaults >= 0 && defaults < html.indexOf(GTAG),
                "the Consent Mode defaults must precede the Google tag: " + html);
        // the same page with a <body> tag but still no <head>: the tag in the implied head runs before the
        // defaults, which are inserted before <body>
        String withBody = inject("<!DOCTYPE html><html><title>Shop</title>" + GTAG + "<body><p>x</p></body></html>");
        int later = withBody.indexOf(SNIPPET);
        assertTrue(later >= 0 && later < withBody.indexOf(GTAG),
                "the Consent Mode defaults must precede the Google tag: " + withBody);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4. Input: <head> whose attribute NAME contains a quote, e.g. <head data-x">. In HTML a quote only opens a
    // quoted value after '=' (13.2.5.33 "attribute name state" keeps '"' as part of the name), so the tag ends at
    // the first '>'. Before (found by a review): HtmlInjector's HEAD_TAG state treats every '"' as opening a quoted value, so it
    // looks for the next '"' in the page and inserts the defaults after a later '>' (here, after the Google tag's
    // start tag; in general anywhere, even inside a script's text).
    // Now: defaults right after the real end of the <head ...> tag.
    // ---------------------------------------------------------------------------------------------------------
    @Test
    void quoteInsideAHeadAttributeNameMovesTheDefaultsPastTheGoogleTag() {
        String page = "<!DOCTYPE html><html><head data-x\">" + GTAG + "</head><body></body></html>";
        String html = inject(page);
        assertTrue(html.startsWith("<!DOCTYPE html><html><head data-x\">" + SNIPPET), html);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 5. Input: a response with Content-Security-Policy "style-src 'nonce-STYLE'; script-src 'nonce-SCRIPT'"
    // (or "default-src 'nonce-A'; script-src 'nonce-B'"). Before (found by a review): HtmlEnforcement.cspNonce takes the first
    // 'nonce-...' of the header whatever directive it belongs to, so the Consent Mode <script> carries the STYLE
    // nonce, the browser blocks it (CSP3: a script element is checked against script-src-elem, else script-src,
    // else default-src), and the Google tags the page's CSP does allow run without consent defaults (granted).
    // Now: the nonce of the directive that governs scripts (script-src-elem, script-src, default-src).
    // ---------------------------------------------------------------------------------------------------------
    @Test
    void consentModeSnippetCarriesTheNonceOfTheScriptDirective() {
        HtmlEnforcement html = new HtmlEnforcement(null, null, null, new PageMarkup(Optional.empty(),
                Optional.of(new ConsentModeSnippet("advertising", "analytics", "functionality"))), null);
        ConsentDecision none = new ConsentDecision(Set.of("essential"), "default", Optional.empty(), false,
                Optional.empty());
        for (String[] c : new String[][] {
            {"style-src 'self' 'nonce-STYLE'; script-src 'nonce-SCRIPT' 'strict-dynamic'", "SCRIPT"},
            {"default-src 'self' 'nonce-DEFAULT'; script-src 'nonce-SCRIPT'", "SCRIPT"}}) {
            HttpHeaders response = new DefaultHttpHeaders().add("Content-Security-Policy", c[0]);
            String script = new String(html.injections(none, "/", response).afterHeadStart().orElseThrow(),
                    StandardCharsets.UTF_8);
            assertTrue(script.startsWith("<script nonce=\"" + c[1] + "\">"), c[0] + " -> " + script);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 6. Input: a third-party page frames the gateway's choices page (GET /.consentgate/consent with Accept:
    // text/html, which an <iframe> navigation sends) and overlays it (clickjacking). Before (found by a review): the page is
    // served with no X-Frame-Options and no CSP frame-ancestors, so it renders inside the attacker's frame; a
    // click on its "Accept all" is a same-origin POST (Origin = the site, Sec-Fetch-Site: same-origin) that
    // SameSiteCheck accepts and the record log stores as proof of consent the visitor never knowingly gave.
    // Now: the choices page refuses to be framed by other sites (X-Frame-Options: SAMEORIGIN/DENY or
    // Content-Security-Policy: frame-ancestors 'self'/'none'), the standard defence for a state-changing form.
    // ---------------------------------------------------------------------------------------------------------
    @Test
    void choicesPageCanBeFramedByAnotherSite() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed("HTTP/1.1 204 No Content\r\n\r\n"));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response page;
            try (RawClient client = gateway.rawClient()) {
                page = client.send("GET /.consentgate/consent HTTP/1.1\r\nHost: shop.test\r\n"
                        + "Accept: text/html,application/xhtml+xml\r\nSec-Fetch-Dest: iframe\r\n"
                        + "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: navigate\r\n\r\n").read();
            }
            assertEquals(200, page.status());
            assertTrue(page.bodyText().contains("value=\"all\""), page.bodyText());
            boolean xfo = !page.headers("x-frame-options").isEmpty();
            boolean frameAncestors = page.headers("content-security-policy").stream()
                    .anyMatch(v -> v.toLowerCase().contains("frame-ancestors"));
            assertTrue(xfo || frameAncestors, "the consent form must not be frameable by other sites:\n"
                    + page.head());
        }
    }

    private static final UnaryOperator<Ruleset> WITH_BANNER = r -> {
        ConsentSettings c = r.consent();
        ConsentSettings.Banner b = c.banner();
        return r.withConsent(c.withBanner(new ConsentSettings.Banner(true, b.title(), b.text(),
                Optional.of("/cookie-policy"), b.stylesheetPath())));
    };

    private static String fetchThroughBanner(String contentType, String body, String extraRequestHeaders)
            throws Exception {
        String response = "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(response
                + new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)));
             RunningGateway gateway = RunningGateway.in(upstream.uri(), WITH_BANNER);
             RawClient client = gateway.rawClient()) {
            RawClient.Response r = client.send("GET /doc HTTP/1.1\r\nHost: shop.test\r\n" + extraRequestHeaders
                    + "\r\n").read();
            assertEquals(200, r.status(), r.head());
            return r.bodyText();
        }
    }

    private static void assertWellFormedXml(String what, String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            fail(what + " is no longer well-formed XML (" + e.getMessage() + "), so the browser shows an XML parse"
                    + " error instead of it:\n" + xml);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 7. Input: with banner.enabled, a visitor who has not answered loads an SVG image as a document
    // (<object data="/logo.svg">, <embed>, <iframe>, or opens it: Sec-Fetch-Dest object/embed/iframe/document).
    // Since ad9f96c such XML documents are rewritten like pages. Before (found by a review): the injector finds no </body>, so
    // finish() appends the HTML banner after </svg>; "content after the document element" is a fatal XML error
    // (XML 1.0 section 2.1, "document ::= prolog element Misc*"), and the browser shows a parse error instead of
    // the image. Now: no HTML banner in an XML document; the document passes well-formed.
    // ---------------------------------------------------------------------------------------------------------
    @Test
    void bannerAppendedToAnSvgLoadedAsADocumentBreaksIt() throws Exception {
        String svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<rect width=\"10\" height=\"10\"/></svg>";
        String out = fetchThroughBanner("image/svg+xml", svg, "Sec-Fetch-Dest: object\r\nAccept: */*\r\n");
        assertWellFormedXml("the SVG", out);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 8. Input: with banner.enabled, an XHTML page served as application/xhtml+xml (parsed by browsers with the
    // XML parser) to a visitor who has not answered. Before (found by a review): the banner inserted before </body> is HTML
    // syntax: <link ...> and <input ...> are never closed and "checked disabled" are minimised attributes, both
    // fatal XML well-formedness errors, so the whole page becomes an XML parse error for every new visitor.
    // Then no banner went into a page parsed as XML (the visitor stayed at the region's default). Now the banner is
    // written as XHTML as well as HTML (closed void elements, full attributes, xmlns), so the XHTML page gets it and
    // stays well-formed; a CDATA section naming </body> does not take it.
    // ---------------------------------------------------------------------------------------------------------
    @Test
    void anXhtmlPageGetsTheBannerAndStaysWellFormed() throws Exception {
        String xhtml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<head><title>Shop</title></head><body><p>Products</p><pre><![CDATA[</body>]]></pre></body></html>";
        String out = fetchThroughBanner("application/xhtml+xml", xhtml,
                "Sec-Fetch-Dest: document\r\nAccept: application/xhtml+xml\r\n");
        assertWellFormedXml("the XHTML page", out);
        int banner = out.indexOf("<section class=\"cg-banner\"");
        assertTrue(banner > out.indexOf("]]></pre>") && banner < out.lastIndexOf("</body>"), out);
    }
}
