package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.consentgate.testing.FixedUpstreamBehindGateway;
import dev.consentgate.testing.RawClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * XSLT through the gateway: a document served as text/xsl is parsed as XML by Chromium, and a stylesheet's templates
 * write their elements into the page they transform, so both are judged like the pages they make. Found by a fourth
 * review of the rewriter's bypasses (Chromium ran the tracker through the gateway); "Before" says what happened then.
 */
class XslDocumentsThroughGatewayIntegrationTest {

    private static final String GTM_TAG = "<script src=\"https://www.googletagmanager.com/gtm.js?id=GTM-X\"></script>";

    private static String fetch(String contentType, String body, String requestHeaders) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String response = "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
                + "\r\n\r\n" + new String(bytes, StandardCharsets.ISO_8859_1);
        RawClient.Response r = FixedUpstreamBehindGateway.response(response,
                "GET /doc HTTP/1.1\r\nHost: shop.test\r\n" + requestHeaders + "\r\n");
        assertEquals(200, r.status(), r.head());
        return r.bodyText();
    }

    /**
     * Input: a page served as {@code Content-Type: text/xsl} whose content is XHTML with the GTM script
     * ({@code <html xmlns="http://www.w3.org/1999/xhtml"><body>...<script src="...gtm.js"></script>}), requested as
     * a navigation (Accept: text/html,..., Sec-Fetch-Dest: document). What happens: HtmlBodyRewrite.isXml counts
     * only text/xml, application/xml and +xml types, and text/xsl is not HTML either, so the body passes unread.
     * What should happen: Chromium parses a document of type text/xsl as XML (Blink's DOMImplementation /
     * MIMETypeRegistry::IsXMLMimeType includes text/xsl), so the XHTML script runs: loaded through the gateway, the
     * page requested gtm.js. A type Chromium renders as XML must be judged like the other XML types. Fail-open.
     */
    @Test
    void aDocumentServedAsTextXslIsJudgedLikeOtherXml() throws Exception {
        String page = "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>hi</p>" + GTM_TAG
                + "</body></html>";
        String body = fetch("text/xsl", page, "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
                + "\r\nSec-Fetch-Dest: document\r\nSec-Fetch-Mode: navigate\r\n");
        assertFalse(body.contains(GTM_TAG), "the GTM script passed: " + body);
    }

    /**
     * Input: an XSLT stylesheet, as a page's {@code <?xml-stylesheet type="text/xsl" href="/t.xsl"?>} loads it,
     * whose template writes the GTM script into the page it makes: {@code <xsl:template match="/"><html><body>
     * <script src="...gtm.js"></script></body></html></xsl:template>}, served as text/xsl or application/xslt+xml,
     * requested as Chromium requests a stylesheet (Accept: text/css,*&#47;*;q=0.1, as logged; Sec-Fetch-Dest: xslt,
     * the Fetch Standard's destination for it, on HTTPS). What happens: it is no HTML type, and as an XML type it is
     * not loaded as a document (PageVariants.mayLoadDocument), so it passes unread; the XML page that names it has
     * no script and passes too. What should happen: Chromium 150 still runs XSLT: the transformed page replaced the
     * XML document and requested gtm.js, through the gateway. The stylesheet's literal result elements are the page's
     * markup, and must be judged as such (or the processing instruction blocked). Fail-open.
     */
    @Test
    void anXsltStylesheetWritingATrackerIntoThePageIsJudged() throws Exception {
        String xsl = "<?xml version=\"1.0\"?><xsl:stylesheet version=\"1.0\" "
                + "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"><xsl:output method=\"html\"/>"
                + "<xsl:template match=\"/\"><html><body><p><xsl:value-of select=\"doc\"/></p>" + GTM_TAG
                + "</body></html></xsl:template></xsl:stylesheet>";
        for (String type : new String[] {"text/xsl", "application/xslt+xml"}) {
            for (String headers : new String[] {"Accept: text/css,*/*;q=0.1\r\n",
                "Accept: text/css,*/*;q=0.1\r\nSec-Fetch-Dest: xslt\r\nSec-Fetch-Mode: same-origin\r\n"}) {
                String body = fetch(type, xsl, headers);
                assertFalse(body.contains(GTM_TAG), type + " with " + headers.trim() + ": the GTM script passed: "
                        + body);
            }
        }
    }
}
