package dev.consentgate.html;

import dev.consentgate.config.HtmlSettings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing is held beyond the configured limits: input buffers are let go as the body streams. */
class BoundedMemoryTest {

    private static final int CHUNK = 64 * 1024;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Consumer<ByteBuf> collect = b -> {
        byte[] bytes = new byte[b.readableBytes()];
        b.readBytes(bytes);
        b.release();
        output.writeBytes(bytes);
    };
    private final List<ByteBuf> fed = new ArrayList<>();

    private void feed(HtmlRewriter rewriter, String text) {
        ByteBuf chunk = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        fed.add(chunk);
        rewriter.feed(chunk, collect);
    }

    /** Every chunk but the last {@code keep} ones has been released. */
    private void assertReleasedExceptLast(int keep) {
        for (int k = 0; k < fed.size() - keep; k++) {
            assertEquals(0, fed.get(k).refCnt(), "chunk " + k + " of " + fed.size() + " still held");
        }
    }

    private HtmlRewriter rewriter() {
        // without the stand-ins a blocked vendor script is followed by: the output compared is the page's own
        return new HtmlRewriter(TestRules.policy(HtmlSettings.defaults().withSurrogates(false)),
                TestRules.ESSENTIAL_ONLY, Optional.empty(),
                RewriteListener.NONE);
    }

    @Test
    void aHugeTagOfABlockedTagIsDroppedWhileItStreams() {
        HtmlRewriter rewriter = rewriter();
        feed(rewriter, "<p>start</p><script src=\"https://www.googletagmanager.com/gtm.js\" data-x=\"");
        for (int i = 0; i < 64; i++) {
            feed(rewriter, "a".repeat(CHUNK));
            assertReleasedExceptLast(1);
        }
        feed(rewriter, "\">inline</script><p>end</p>");
        rewriter.finish(collect);
        assertReleasedExceptLast(0);
        assertEquals("<p>start</p><p>end</p>", output.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aHugeOrdinaryTagPassesWhileItStreams() {
        HtmlRewriter rewriter = rewriter();
        // a picture whose data: URL the size limit cuts passes, judged on what came before (a text cut after an
        // address would not: an address read later may override the one read)
        String start = "<img alt=x src=\"data:image/png;base64,";
        feed(rewriter, start);
        for (int i = 0; i < 64; i++) {
            feed(rewriter, "A".repeat(CHUNK));
            assertReleasedExceptLast(1);
        }
        feed(rewriter, "\">");
        rewriter.finish(collect);
        assertEquals(start.length() + 64 * CHUNK + 2, output.size());
    }

    @Test
    void aLongInlineScriptIsHeldOnlyUpToTheInspectLimit() {
        HtmlRewriter rewriter = rewriter();
        feed(rewriter, "<script>");
        int limitChunks = 256 * 1024 / CHUNK;
        for (int i = 0; i < 64; i++) {
            feed(rewriter, "var a = 1;".repeat(CHUNK / 10));
            if (i > limitChunks + 1) {
                assertReleasedExceptLast(1);
            }
        }
        feed(rewriter, "fbq('init')</script>");
        rewriter.finish(collect);
        assertTrue(output.toString(StandardCharsets.UTF_8).startsWith("<script>var a"));
    }

    @Test
    void outputStartsBeforeTheInputEnds() {
        HtmlRewriter rewriter = rewriter();
        feed(rewriter, "<html><body><p>" + "text ".repeat(1000) + "</p>");
        assertTrue(output.size() > 5000);
        assertReleasedExceptLast(0);
        rewriter.finish(collect);
    }

    @Test
    void releaseDiscardsWhatIsHeld() {
        HtmlRewriter rewriter = rewriter();
        feed(rewriter, "<p>a</p><script>fbq(");
        rewriter.release();
        assertReleasedExceptLast(0);
    }
}
