package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In a page parsed as XML, a DOCTYPE ends at the '>' after its internal subset, not at its first '>': text that reads
 * {@code <head>} or {@code </body>} inside it (an entity's value, a comment, a processing instruction, a quoted
 * system identifier) is no tag, and the Consent Mode defaults and the banner go into the page's real head and body.
 */
class XmlDoctypeTextIsNoPlaceForInjectedMarkupTest {

    private static final String PAGE = "<?xml version=\"1.0\"?><!DOCTYPE html%s><html xmlns=\"http://www.w3.org/1999/"
            + "xhtml\"><head><title>t</title></head><body><p>x</p></body></html>";

    @ParameterizedTest
    @ValueSource(strings = {
        // Before (found by a review): the snippet went after the entity's "<head>", into its value, and the banner
        // before its "</body>": the page's head got no Consent Mode defaults
        " [<!ENTITY h \"a>b<head>c</body>\">]",
        // Before (found by a review): the same in a comment of the subset, after its first '>'
        " [<!-- a > <head> </body> -->]",
        // Before (found by a review): the same in a processing instruction of the subset
        " [<?note a > <head> </body> ?>]",
        // Before (found by a review): the same in a comment holding a quote, then an entity's value
        " [<!-- it's > -->\n<!ENTITY h 'x><head></body>'>]",
        // Before (found by a review): a system identifier holding '>' and the tags
        " SYSTEM \"x.dtd?a>b<head></body>\"",
    })
    void theSnippetAndTheBannerGoIntoThePagesHeadAndBody(String doctype) {
        String page = String.format(PAGE, doctype);
        String expected = page.replace("<head><title>", "<head>[H]<title>").replace("</p></body>", "</p>[B]</body>");
        for (int chunk = 1; chunk <= page.length(); chunk++) {
            assertEquals(expected, inject(page, chunk), "chunk size " + chunk);
        }
    }

    private static String inject(String page, int chunk) {
        HtmlInjector injector = new HtmlInjector(Optional.of("[H]".getBytes(StandardCharsets.UTF_8)),
                Optional.of("[B]".getBytes(StandardCharsets.UTF_8)), true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Consumer<ByteBuf> sink = buf -> {
            byte[] b = new byte[buf.readableBytes()];
            buf.readBytes(b);
            buf.release();
            out.writeBytes(b);
        };
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += chunk) {
            injector.feed(Unpooled.copiedBuffer(bytes, i, Math.min(chunk, bytes.length - i)), sink);
        }
        injector.finish(sink);
        return out.toString(StandardCharsets.UTF_8);
    }
}
