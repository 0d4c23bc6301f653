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
        HtmlInjector injector = new HtmlInjector(
                head ? Optional.of(HEAD.getBytes(StandardCharsets.UTF_8)) : Optional.empty(),
                body ? Optional.of(BODY.getBytes(StandardCharsets.UTF_8)) : Optional.empty());
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
        for (int chunk = 1; chunk <= page.length() + 1; chunk++) {
            assertEquals(expected, inject(page, chunk, true, true), "chunk size " + chunk);
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
}
