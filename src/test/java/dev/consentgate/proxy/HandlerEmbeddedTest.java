package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The small connection-level handlers on an EmbeddedChannel: bytes or events in, what came out checked. */
class HandlerEmbeddedTest {

    private static EmbeddedChannel deadline(AtomicInteger finished) {
        EmbeddedChannel channel = new EmbeddedChannel(new HeaderDeadline(Duration.ofSeconds(10), Duration.ofSeconds(75),
                finished::incrementAndGet, detail -> { }));
        // Only advanceTimeBy moves the clock from here on.
        channel.freezeTime();
        return channel;
    }

    @Test
    void headersNotCompleteWithinTheDeadlineGet408AndClose() {
        EmbeddedChannel channel = deadline(new AtomicInteger());
        ByteBuf partial = Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHo", StandardCharsets.US_ASCII);
        channel.writeInbound(partial);
        ByteBuf passedOn = channel.readInbound();
        assertEquals("GET / HTTP/1.1\r\nHo", passedOn.toString(StandardCharsets.US_ASCII));
        passedOn.release();
        channel.advanceTimeBy(9_900, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertNull(channel.readOutbound(), "nothing before the deadline");
        channel.advanceTimeBy(100, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        FullHttpResponse timeout = channel.readOutbound();
        assertEquals(408, timeout.status().code());
        assertTrue(timeout.content().toString(StandardCharsets.UTF_8).contains("not received within 10.0s"));
        timeout.release();
        assertFalse(channel.isActive());
    }

    @Test
    void aRequestHeadStopsTheDeadlineAndAnIdleConnectionClosesAfterKeepAlive() {
        AtomicInteger finished = new AtomicInteger();
        EmbeddedChannel channel = deadline(finished);
        HeaderDeadline handler = channel.pipeline().get(HeaderDeadline.class);
        handler.headersReceived();
        channel.advanceTimeBy(60, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertTrue(channel.isActive(), "an exchange in progress is not timed by the header deadline");
        handler.awaitNextRequest();
        assertEquals(1, finished.get());
        channel.advanceTimeBy(75, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertNull(channel.readOutbound(), "an idle keep-alive connection closes without a response");
        assertFalse(channel.isActive());
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnceAndCountedOutWhenTheyClose() {
        ConnectionLimit limit = new ConnectionLimit(2);
        EmbeddedChannel first = new EmbeddedChannel(limit);
        EmbeddedChannel second = new EmbeddedChannel(limit);
        EmbeddedChannel third = new EmbeddedChannel(limit);
        assertTrue(first.isActive() && second.isActive());
        assertFalse(third.isActive(), "the third connection is over the limit");
        first.close();
        EmbeddedChannel fourth = new EmbeddedChannel(limit);
        assertTrue(fourth.isActive(), "a closed connection frees its place");
        second.close();
        fourth.close();
    }

    @Test
    void hopByHopHeadersAndTheFieldsConnectionListsAreRemoved() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("Connection", "keep-alive, X-Private").add("X-Private", "1").add("Keep-Alive", "300")
                .add("TE", "trailers").add("Upgrade", "h2c").add("Proxy-Authorization", "x")
                .add("Transfer-Encoding", "chunked").add("Accept", "*/*");
        ForwardingHeaders.removeHopByHop(headers, false);
        assertEquals(List.of("accept", "transfer-encoding"),
                headers.names().stream().map(String::toLowerCase).sorted().toList());
    }

    @Test
    void aConnectionHeaderCannotRemoveTheFieldsThatFrameRouteOrEncodeTheMessage() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("Connection", "Content-Length, host, Transfer-Encoding, Content-Type, Content-Encoding, X-A")
                .add("Host", "a").add("Content-Length", "3").add("Content-Type", "text/html")
                .add("Content-Encoding", "gzip").add("X-A", "1");
        ForwardingHeaders.removeHopByHop(headers, false);
        assertEquals(List.of("content-encoding", "content-length", "content-type", "host"),
                headers.names().stream().map(String::toLowerCase).sorted().toList());
    }

    @Test
    void webSocketHandshakeKeepsUpgrade() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Connection", "Upgrade").add("Upgrade", "websocket");
        assertTrue(ForwardingHeaders.isWebSocketUpgrade(headers));
        ForwardingHeaders.removeHopByHop(headers, true);
        assertEquals("upgrade", headers.get("connection"));
        assertEquals("websocket", headers.get("upgrade"));
    }
}
