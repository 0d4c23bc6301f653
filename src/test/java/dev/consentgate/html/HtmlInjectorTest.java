package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlInjectorTest {

    private static final String HEAD = "[H]";
    private static final String BODY = "[B]";

    /** Injects into {@code page} fed in pieces of {@code chunk} bytes. */
    private static String inject(String page, int chunk, boolean head, boolean body) {
        return inject(page, chunk, head, body, false);
    }

    private static String inject(String page, int chunk, boolean head, boolean body, boolean xml) {
        HtmlInjector injector = new HtmlInjector(
                head ? Optional.of(HEAD.getBytes(StandardCharsets.UTF_8)) : Optional.empty(),
                body ? Optional.of(BODY.getBytes(StandardCharsets.UTF_8)) : Optional.empty(), xml);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        java.util.function.Consumer<ByteBuf> sink = buf -> {
            byte[] b = new byte[buf.readableBytes()];
            buf.readBytes(b);
            buf.release();
            out.writeBytes(b);
        };
        for (int i = 0; i < bytes.length; i += chunk) {
            injector.feed(Unpooled.copiedBuffer(bytes, i, Math.min(chunk, bytes.length - i)), sink);
        }
        injector.finish(sink);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void assertInjected(String page, String expected) {
        assertInjected(page, expected, false);
    }

    private static void assertInjected(String page, String expected, boolean xml) {
        for (int chunk = 1; chunk <= page.length() + 1; chunk++) {
            assertEquals(expected, inject(page, chunk, true, true, xml), "chunk size " + chunk);
        }
    }

    @Test
    void insertsAfterTheHeadStartTagAndBeforeTheBodyEndTag() {
        assertInjected("<!doctype html><html><head lang=\"a>b\"><title>t</title></head><body><p>x</p></body></html>",
                "<!doctype html><html><head lang=\"a>b\">[H]<title>t</title></head><body><p>x</p>[B]</body></html>");
    }

    @Test
    void ignoresTagsInCommentsScriptsAndTitles() {
        assertInjected("<HEAD><!-- </body> --><script>var s = '</body><head>';</script><title></body></title>"
                        + "<p>a</p></BODY >",
                "<HEAD>[H]<!-- </body> --><script>var s = '</body><head>';</script><title></body></title>"
                        + "<p>a</p>[B]</BODY >");
    }

    @Test
    void withoutHeadOrBodyTagsTheSnippetsStillArrive() {
        assertInjected("<p>only a fragment</p>", "<p>only a fragment</p>[B]");
        assertInjected("<html><body>x</body>", "<html>[H]<body>x[B]</body>");
    }

    @Test
    void onlyTheFirstEndTagGetsTheBannerAndNothingElseChanges() {
        assertInjected("<head></head><body></body></body>", "<head>[H]</head><body>[B]</body></body>");
        String untouched = "<head><headline></body>";
        assertEquals(untouched, inject(untouched, 3, false, false));
    }

    // A bogus comment (<!x, <?x, </ and no letter) ends at its first '>', so a "</body>" after the comment's own
    // end is a tag, and one that ends it is not: in "<![CDATA[</body>]]>" the browser's comment is "<![CDATA[</body>"
    // and the page's end tag comes later. Before, the banner went into that comment and was never shown.
    @Test
    void bogusCommentsEndAtTheirFirstGreaterThanSign() {
        assertInjected("<head></head><body><![CDATA[</body>]]><?php </body> ?></ </body>x</body>",
                "<head>[H]</head><body><![CDATA[</body>]]><?php </body> ?></ </body>x[B]</body>");
    }

    // A page served as application/xhtml+xml is parsed by the XML parser: a script's text is markup (no raw text),
    // a CDATA section runs to "]]>", a comment only to "-->"; and nothing may follow the root element, so a banner
    // without a </body> to go before is dropped rather than appended.
    @Test
    void anXmlPageIsScannedByXmlRules() {
        assertInjected("<html><head/><body><![CDATA[ </body> ]]><!--> </body> --><script>x</script></body></html>",
                "<html><head/>[H]<body><![CDATA[ </body> ]]><!--> </body> --><script>x</script>[B]</body></html>", true);
        assertInjected("<html><head></head><body><p/><script>a</script></body></html>",
                "<html><head>[H]</head><body><p/><script>a</script>[B]</body></html>", true);
        assertInjected("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>", true);
    }
}
