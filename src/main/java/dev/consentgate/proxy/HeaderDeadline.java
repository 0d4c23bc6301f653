package dev.consentgate.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sits before the HTTP decoder and times the connection between requests. From the first byte of a request (or
 * the connection's start) the whole header block must arrive within an absolute deadline, so a client sending a
 * byte a second still gets 408; an idle keep-alive connection is closed after the keep-alive timeout.
 */
final class HeaderDeadline extends ChannelInboundHandlerAdapter {

    /** Told of each 408 sent, to log and count it. */
    private final java.util.function.Consumer<String> onTimedOut;

    private enum State { WAITING_FOR_REQUEST, READING_HEADERS, IN_EXCHANGE }

    private final long headerMillis;
    private final long idleMillis;
    private final Runnable onExchangeFinished;
    private ChannelHandlerContext ctx;
    private State state = State.READING_HEADERS;
    private ScheduledFuture<?> timer;

    /** {@code onExchangeFinished} runs whenever an exchange ends with the connection kept open. */
    HeaderDeadline(Duration headerReadTimeout, Duration keepAliveTimeout, Runnable onExchangeFinished,
                   java.util.function.Consumer<String> onTimedOut) {
        this.onTimedOut = onTimedOut;
        this.headerMillis = headerReadTimeout.toMillis();
        this.idleMillis = keepAliveTimeout.toMillis();
        this.onExchangeFinished = onExchangeFinished;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        startHeaderDeadline();
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (state == State.WAITING_FOR_REQUEST) {
            startHeaderDeadline();
        }
        context.fireChannelRead(msg);
    }

    /** Added to a connection already open (the inside of a CONNECT tunnel): the first request's deadline starts now. */
    void startWaiting() {
        startHeaderDeadline();
    }

    /** The decoder produced a request head: the exchange's own timeouts apply now. */
    void headersReceived() {
        cancel();
        state = State.IN_EXCHANGE;
    }

    /** The response went out and the connection stays open: wait for the next request. */
    void awaitNextRequest() {
        cancel();
        state = State.WAITING_FOR_REQUEST;
        timer = ctx.executor().schedule(() -> {
            ctx.close();
        }, idleMillis, TimeUnit.MILLISECONDS);
        onExchangeFinished.run();
    }

    private void startHeaderDeadline() {
        cancel();
        state = State.READING_HEADERS;
        timer = ctx.executor().schedule(() -> {
            if (state == State.READING_HEADERS && ctx.channel().isActive()) {
                String detail = "request headers not received within " + headerMillis / 1000.0 + "s";
                onTimedOut.accept(detail);
                ErrorResponses.sendAndClose(ctx.channel(), HttpResponseStatus.REQUEST_TIMEOUT, detail);
            }
        }, headerMillis, TimeUnit.MILLISECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        cancel();
        context.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        cancel();
    }
}
