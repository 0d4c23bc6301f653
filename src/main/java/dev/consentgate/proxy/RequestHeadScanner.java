package dev.consentgate.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits on the raw client bytes before Netty's HTTP decoder and lets through only what {@link RequestFraming} finds
 * well framed. A request whose head is refused reaches the proxy, in its place in the pipeline of requests, as an
 * {@link HttpRequest} whose decoder result is the {@link RequestRejection} (so it is answered after the responses
 * before it, then the connection closes); a fault inside a body reaches the proxy as an exception (the exchange is
 * aborted, the upstream never sees a clean end of that body). Nothing after a fault is passed on.
 *
 * <p>It also bounds a connection's work: at most {@code maxInFlight} request heads are passed on before their
 * exchanges finish (the rest wait here, unread beyond one socket read), bytes after a WebSocket handshake wait until
 * the upstream has answered it, and a body that stops arriving while the gateway is reading it gets 408, as does one
 * that is not whole within the body deadline of the gateway's first read of it (a body trickled a byte at a time
 * would otherwise hold its upstream connection for as long as the client likes).
 */
final class RequestHeadScanner extends ChannelDuplexHandler {

    /** Told of each 408 sent here, to log and count it. */
    private final java.util.function.Consumer<String> onTimedOut;

    private static final Logger LOG = LoggerFactory.getLogger(RequestHeadScanner.class);
    private static final byte[] CONTINUE = "HTTP/1.1 100 ".getBytes(StandardCharsets.US_ASCII);

    private final RequestFraming framing;
    private final int maxInFlight;
    private final long bodyIdleMillis;
    private final long bodyReadMillis;
    private ChannelHandlerContext ctx;
    /** Bytes received but not scanned yet: only while paused. */
    private ByteBuf pending;
    /** Request heads passed on whose exchange has not finished. */
    private int inFlight;
    private boolean switchPending;
    private boolean failed;
    /** A read was asked for while paused; issued on resume. */
    private boolean readWanted;
    private ScheduledFuture<?> bodyIdleTimer;
    /** The current body's deadline, from the first read asked for it until its end. */
    private ScheduledFuture<?> bodyDeadline;
    /** Something other than 100 Continue was written since the current body's head: a 408 can no longer be sent. */
    private boolean responseWrittenDuringBody;

    /** {@code bodyIdleMillis} and {@code bodyReadMillis} 0: no body timeouts (unit tests). */
    RequestHeadScanner(RequestFraming framing, int maxInFlight, long bodyIdleMillis, long bodyReadMillis,
                       java.util.function.Consumer<String> onTimedOut) {
        this.onTimedOut = onTimedOut;
        this.framing = framing;
        this.maxInFlight = maxInFlight;
        this.bodyIdleMillis = bodyIdleMillis;
        this.bodyReadMillis = bodyReadMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (!(msg instanceof ByteBuf bytes)) {
            context.fireChannelRead(msg);
            return;
        }
        cancelBodyIdle();
        if (failed) {
            bytes.release();
            return;
        }
        pending = pending == null ? bytes
                : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(context.alloc(), pending, bytes);
        drain();
    }

    private void drain() {
        if (pending == null || failed) {
            return;
        }
        ByteBuf out = ctx.alloc().buffer(Math.max(256, pending.readableBytes() + 64));
        RequestRejection rejection = null;
        try {
            while (pending.isReadable() && !paused()) {
                RequestFraming.Step step = framing.scan(pending, out);
                if (step == RequestFraming.Step.NEED_MORE) {
                    break;
                }
                if (step == RequestFraming.Step.BODY_END) {
                    cancelBodyDeadline();
                    continue; // the loop's test holds back the next head when the limit is reached
                }
                inFlight++;
                responseWrittenDuringBody = false;
                switchPending = step == RequestFraming.Step.SWITCH_HEAD;
            }
        } catch (RequestRejection r) {
            rejection = r;
        } catch (RuntimeException e) {
            LOG.warn("request framing failed unexpectedly; closing the connection", e);
            rejection = RequestRejection.badRequest("unreadable request");
        }
        if (rejection != null || !pending.isReadable()) {
            pending.release();
            pending = null;
        }
        if (out.isReadable()) {
            ctx.fireChannelRead(out);
        } else {
            out.release();
        }
        if (rejection != null) {
            reject(rejection);
        }
    }

    private void reject(RequestRejection rejection) {
        failed = true;
        LOG.debug("request refused: {} {}", rejection.status().code(), rejection.detail());
        if (framing.betweenOrInHead()) {
            ctx.fireChannelRead(rejectedRequest(rejection));
        } else {
            ctx.fireExceptionCaught(rejection);
        }
    }

    /** The target of a stand-in for a request head that was refused before it was parsed. */
    static final String UNPARSED = "(unparsed)";

    /** A stand-in request that carries the rejection to the proxy, which answers it in order and closes. */
    static HttpRequest rejectedRequest(RequestRejection rejection) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, UNPARSED);
        request.setDecoderResult(DecoderResult.failure(rejection));
        return request;
    }

    private boolean paused() {
        // the limit holds back further heads, never the body of the last head passed on
        return switchPending || inFlight >= maxInFlight && framing.betweenOrInHead();
    }

    /** An exchange finished and the connection stays open: passes on requests held back for it. */
    void exchangeFinished() {
        inFlight = Math.max(0, inFlight - 1);
        switchPending = false;
        // Later, not inside the proxy's own bookkeeping of the finished exchange.
        ctx.executor().execute(() -> {
            if (ctx.isRemoved() || !ctx.channel().isActive()) {
                return;
            }
            drain();
            if (readWanted && !paused() && !failed) {
                readWanted = false;
                read(ctx);
            }
        });
    }

    @Override
    public void read(ChannelHandlerContext context) {
        if (failed || paused()) {
            readWanted = true;
            return;
        }
        if (framing.inBody() && bodyIdleTimer == null && bodyIdleMillis > 0) {
            bodyIdleTimer = context.executor().schedule(this::bodyIdle, bodyIdleMillis, TimeUnit.MILLISECONDS);
        }
        if (framing.inBody() && bodyDeadline == null && bodyReadMillis > 0) {
            // not from the head: time the exchange waits for an upstream connection is not the client's
            bodyDeadline = context.executor().schedule(this::bodyTooSlow, bodyReadMillis, TimeUnit.MILLISECONDS);
        }
        context.read();
    }

    @Override
    public void write(ChannelHandlerContext context, Object msg, ChannelPromise promise) {
        if (framing.inBody() && msg instanceof ByteBuf bytes && bytes.isReadable() && !isContinue(bytes)) {
            responseWrittenDuringBody = true;
        }
        context.write(msg, promise);
    }

    private static boolean isContinue(ByteBuf bytes) {
        if (bytes.readableBytes() < CONTINUE.length) {
            return false;
        }
        for (int i = 0; i < CONTINUE.length; i++) {
            if (bytes.getByte(bytes.readerIndex() + i) != CONTINUE[i]) {
                return false;
            }
        }
        return true;
    }

    private void bodyIdle() {
        bodyIdleTimer = null;
        bodyTimedOut("request body stalled for " + bodyIdleMillis / 1000.0 + "s");
    }

    private void bodyTooSlow() {
        bodyDeadline = null;
        bodyTimedOut("request body not received within " + bodyReadMillis / 1000.0 + "s");
    }

    /** 408 and close; after a response has started, the exchange is aborted (its upstream connection closed). */
    private void bodyTimedOut(String detail) {
        if (failed || !framing.inBody() || !ctx.channel().isActive()) {
            return;
        }
        failed = true;
        if (responseWrittenDuringBody) {
            ctx.fireExceptionCaught(new RequestRejection(HttpResponseStatus.REQUEST_TIMEOUT, detail));
        } else {
            onTimedOut.accept(detail);
            ErrorResponses.sendAndClose(ctx.channel(), HttpResponseStatus.REQUEST_TIMEOUT, detail);
        }
    }

    private void cancelBodyIdle() {
        if (bodyIdleTimer != null) {
            bodyIdleTimer.cancel(false);
            bodyIdleTimer = null;
        }
    }

    private void cancelBodyDeadline() {
        if (bodyDeadline != null) {
            bodyDeadline.cancel(false);
            bodyDeadline = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        cancelBodyIdle();
        cancelBodyDeadline();
        context.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        cancelBodyIdle();
        cancelBodyDeadline();
        if (pending != null) {
            // Only bytes sent after a WebSocket handshake or a CONNECT before its answer can be here (RFC 6455 forbids
            // the first; a CONNECT's tunnel starts only when the proxy has agreed).
            ReferenceCountUtil.release(pending);
            pending = null;
            LOG.debug("client sent data before its WebSocket handshake or CONNECT was answered; closing");
            context.channel().close();
        }
    }
}
