package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** A gzip bomb is cut off at the budget and fires an exception; an honest compressed page passes whole. */
class DecompressionBudgetTest {

    private static byte[] gzip(byte[] plain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private static EmbeddedChannel pipeline(DecompressionBudget budget) {
        return new EmbeddedChannel(budget.compressedSide(), new HttpContentDecompressor(0), budget.decodedSide());
    }

    private static HttpResponse gzipResponse() {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_ENCODING, "gzip");
        return head;
    }

    /** Feeds the compressed body in 8 KiB pieces; returns the decoded bytes that came out. */
    private static long feed(EmbeddedChannel channel, byte[] compressed) {
        channel.writeInbound(gzipResponse());
        for (int at = 0; at < compressed.length; at += 8192) {
            int n = Math.min(8192, compressed.length - at);
            channel.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(compressed, at, n)));
        }
        channel.writeInbound(new DefaultLastHttpContent());
        return drainDecoded(channel);
    }

    private static long drainDecoded(EmbeddedChannel channel) {
        long decoded = 0;
        Object msg;
        while ((msg = channel.readInbound()) != null) {
            if (msg instanceof HttpContent content) {
                decoded += content.content().readableBytes();
            }
            ReferenceCountUtil.release(msg);
        }
        return decoded;
    }

    @Test
    void gzipBombIsStoppedAtTheTotalBudget() throws Exception {
        DecompressionBudget budget = new DecompressionBudget(1 << 20, 1_000_000);
        EmbeddedChannel channel = pipeline(budget);
        byte[] bomb = gzip(new byte[16 << 20]);
        assertThrows(DecompressionBudget.DecompressionBombException.class, () -> feed(channel, bomb));
        assertTrue(budget.tripped());
        assertTrue(drainDecoded(channel) <= 1 << 20, "more than the budget was passed on");
        channel.finishAndReleaseAll();
    }

    @Test
    void highRatioIsStoppedBeforeTheTotalBudget() throws Exception {
        DecompressionBudget budget = new DecompressionBudget(1L << 40, 100);
        EmbeddedChannel channel = pipeline(budget);
        byte[] bomb = gzip(new byte[16 << 20]);
        DecompressionBudget.DecompressionBombException e = assertThrows(
                DecompressionBudget.DecompressionBombException.class, () -> feed(channel, bomb));
        assertTrue(e.getMessage().contains("ratio"), e.getMessage());
        channel.finishAndReleaseAll();
    }

    @Test
    void honestCompressedPagePassesWhole() throws Exception {
        StringBuilder page = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            page.append("<p>paragraph ").append(i).append(" of an ordinary page</p>\n");
        }
        byte[] plain = page.toString().getBytes(StandardCharsets.UTF_8);
        DecompressionBudget budget = new DecompressionBudget(10 << 20, 100);
        EmbeddedChannel channel = pipeline(budget);
        assertEquals(plain.length, feed(channel, gzip(plain)));
        channel.finishAndReleaseAll();
    }
}
