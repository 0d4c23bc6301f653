package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.Limits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The scanner's own bookkeeping, on an embedded channel: in-flight limit, WebSocket hold, how faults travel. */
class RequestHeadScannerTest {

    private static final String GET = "GET /x HTTP/1.1\r\nHost: a\r\n\r\n";
    private static final String WEBSOCKET = "GET /ws HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n";

    private static RequestHeadScanner scanner(int maxInFlight) {
        return new RequestHeadScanner(new RequestFraming(Limits.defaults()), maxInFlight, 0, 0, detail -> { });
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1);
    }

    /** Everything passed on so far, as text; stand-in requests as "[REJECTED status]". */
    private static String passedOn(EmbeddedChannel channel) {
        StringBuilder all = new StringBuilder();
        Object msg;
        while ((msg = channel.readInbound()) != null) {
            if (msg instanceof ByteBuf b) {
                all.append(b.toString(StandardCharsets.ISO_8859_1));
                b.release();
            } else {
                HttpRequest rejected = assertInstanceOf(HttpRequest.class, msg);
                RequestRejection r = assertInstanceOf(RequestRejection.class, rejected.decoderResult().cause());
                all.append("[REJECTED ").append(r.status().code()).append(']');
            }
        }
        return all.toString();
    }

    @Test
    void passesOnAtMostTheInFlightLimitAndTheRestWhenExchangesFinish() {
        RequestHeadScanner scanner = scanner(4);
        EmbeddedChannel channel = new EmbeddedChannel(scanner);
        channel.writeInbound(bytes(GET.repeat(10)));
        assertEquals(GET.repeat(4), passedOn(channel));
        scanner.exchangeFinished();
        channel.runPendingTasks();
        assertEquals(GET, passedOn(channel));
        for (int i = 0; i < 5; i++) {
            scanner.exchangeFinished();
        }
        channel.runPendingTasks();
        assertEquals(GET.repeat(4), passedOn(channel), "never more than four in flight");
        scanner.exchangeFinished();
        channel.runPendingTasks();
        assertEquals(GET, passedOn(channel));
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void bytesAfterAWebSocketHandshakeWaitAndAreReadAsHttpWhenTheUpstreamDeclines() {
        RequestHeadScanner scanner = scanner(32);
        EmbeddedChannel channel = new EmbeddedChannel(scanner);
        channel.writeInbound(bytes(WEBSOCKET + GET));
        assertEquals(WEBSOCKET, passedOn(channel));
        scanner.exchangeFinished();
        channel.runPendingTasks();
        assertEquals(GET, passedOn(channel));
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void bytesHeldForAWebSocketTunnelCloseTheConnectionWhenTheScannerIsRemoved() {
        EmbeddedChannel channel = new EmbeddedChannel(scanner(32));
        channel.writeInbound(bytes(WEBSOCKET + "\u0081\u0085early"));
        assertEquals(WEBSOCKET, passedOn(channel));
        channel.pipeline().removeFirst();
        assertFalse(channel.isOpen(), "data sent before the handshake answer must not reach the tunnel");
    }

    @Test
    void aBadHeadTravelsAsARejectedRequestAfterTheGoodOnesBeforeIt() {
        EmbeddedChannel channel = new EmbeddedChannel(scanner(32));
        channel.writeInbound(bytes(GET + "GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n" + GET));
        assertEquals(GET + "[REJECTED 400]", passedOn(channel));
        channel.writeInbound(bytes(GET));
        assertEquals("", passedOn(channel), "nothing is passed on after a fault");
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void aFaultInsideABodyTravelsAsAnExceptionAfterTheBytesBeforeIt() {
        EmbeddedChannel channel = new EmbeddedChannel(scanner(32));
        String head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
        RequestRejection fault = assertThrows(RequestRejection.class,
                () -> channel.writeInbound(bytes(head + "3;ext=1\r\nabc\r\n0x5\r\nhello\r\n0\r\n\r\n")));
        assertEquals(400, fault.status().code());
        assertEquals(head + "3\r\nabc\r\n", passedOn(channel));
        assertTrue(channel.isOpen(), "closing is the proxy's decision");
        channel.finishAndReleaseAll();
    }
}
