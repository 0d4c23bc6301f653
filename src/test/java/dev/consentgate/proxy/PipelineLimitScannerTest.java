package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.config.Limits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The limit of pipelined requests holds back the next head, never the body of the last head passed on: the framing
 * stops at the end of a body (Step.BODY_END) so that the head after it waits. On e5b1006 the framing read on into
 * the next head in the same call, so with max_pipelined_requests 1 each request with a body let the next one through.
 */
class PipelineLimitScannerTest {

    private static String passedOn(EmbeddedChannel channel) {
        StringBuilder all = new StringBuilder();
        Object msg;
        while ((msg = channel.readInbound()) != null) {
            all.append(((ByteBuf) msg).toString(StandardCharsets.ISO_8859_1));
            ((ByteBuf) msg).release();
        }
        return all.toString();
    }

    @Test
    void theHeadAfterABodyWaitsWhenTheLimitIsReached() {
        String post = "POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello";
        String get = "GET /b HTTP/1.1\r\nHost: a\r\n\r\n";
        RequestHeadScanner scanner = new RequestHeadScanner(new RequestFraming(Limits.defaults()), 1, 0, 0, detail -> { });
        EmbeddedChannel channel = new EmbeddedChannel(scanner);
        channel.writeInbound(Unpooled.copiedBuffer(post + post + get, StandardCharsets.ISO_8859_1));
        assertEquals(post, passedOn(channel), "max_pipelined_requests 1: only the first request (and its body)");
        channel.finishAndReleaseAll();
    }
}
