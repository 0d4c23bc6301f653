package dev.consentgate.proxy;

import dev.consentgate.config.Route;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request and its response, relayed between a client connection and a pooled upstream connection on the same
 * event loop. Backpressure: the client is read only when the previous body chunk reached the upstream socket, and
 * the upstream only when the previous response chunk reached the client socket, so memory per exchange is bounded.
 */
final class Exchange implements UpstreamHandler.ResponseSink, ClientExchange {

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

    /** The request id in every log line of this exchange (also sent upstream as X-Request-Id). */
    private final String id;
    private final ProxyHandler owner;
    private final ChannelHandlerContext client;
    private final HttpRequest request;
    private final Route route;
    private final ResponseEnforcement enforcement;
    private final long responseTimeoutMillis;
    private final boolean webSocket;
    private final boolean clientKeepsAlive;
    /** The client's request was HTTP/1.0, which has no interim (1xx) responses. */
    private final boolean clientSpeaksHttp10;
    private final ArrayDeque<HttpContent> bodyBeforeConnect = new ArrayDeque<>();

    private UpstreamPool pool;
    private Channel upstream;
    private ScheduledFuture<?> responseTimer;
    /** Checks, while the body is relayed, that the upstream has not gone silent while the gateway waits for it. */
    private ScheduledFuture<?> stallTimer;
    private long waitingForUpstreamSince;
    private boolean requestComplete;
    private int bodyWritesInFlight;
    /** Pieces of request body with bytes in them sent upstream (a request with a body is never retried). */
    private int bodyWrites;
    private int clientWritesInFlight;
    /** A 1xx response is being relayed; its end is not the end of the exchange. */
    private boolean informational;
    private boolean responseStarted;
    private boolean closeClientAfter;
    /** The upstream's final response allows another request on its connection (HTTP/1.1 or keep-alive, no close). */
    private boolean upstreamKeepsAlive;
    /** The final response's end came from the upstream; anything after it is not this exchange's. */
    private boolean responseEnded;
    /** The upstream sent more after the final response's end: the connection is closed, not pooled. */
    private boolean bytesBeyondResponse;
    private boolean finished;
    /** The client sent a malformed body: its refusal is logged once by the connection, not as a gateway fault. */
    private boolean clientFault;
    /** A stale pooled connection was replaced once already. */
    private boolean retried;
    /** Set when the response is HTML whose body the consent may change. */
    private HtmlBodyRewrite bodyRewrite;
    /** What this page's limits let through unjudged has gone into the metrics. */
    private boolean passedOverLimitCounted;

    Exchange(String id, ProxyHandler owner, ChannelHandlerContext client, HttpRequest request, Route route,
             ResponseEnforcement enforcement, long responseTimeoutMillis, boolean webSocket,
             boolean clientKeepsAlive) {
        this.clientKeepsAlive = clientKeepsAlive;
        this.clientSpeaksHttp10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
        this.id = id;
        this.owner = owner;
        this.client = client;
        this.request = request;
        this.route = route;
        this.enforcement = enforcement;
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.webSocket = webSocket;
    }

    void start(UpstreamPool upstreamPool) {
        this.pool = upstreamPool;
        pool.acquire().addListener((Future<Channel> f) -> {
            if (finished) {
                if (f.isSuccess()) {
                    pool.release(f.getNow(), true);
                }
            } else if (f.isSuccess()) {
                connected(f.getNow());
            } else {
                connectFailed(f.cause());
            }
        });
    }

    @Override
    public boolean requestComplete() {
        return requestComplete;
    }

    /** The client should be read for more request body: connected, nothing in flight, body not complete. */
    @Override
    public boolean wantsRequestBody() {
        return !requestComplete && upstream != null && bodyWritesInFlight == 0 && !finished;
    }

    @Override
    public void requestBody(HttpContent content) {
        if (content instanceof LastHttpContent) {
            requestComplete = true;
        }
        if (finished) {
            content.release();
        } else if (upstream == null) {
            bodyBeforeConnect.add(content);
        } else {
            writeBody(content);
        }
    }

    private void connected(Channel channel) {
        upstream = channel;
        UpstreamHandler.of(channel).attach(this);
        upstream.write(request).addListener(this::onUpstreamWrite);
        HttpContent queued;
        while ((queued = bodyBeforeConnect.poll()) != null) {
            writeBody(queued);
        }
        upstream.flush();
        if (requestComplete) {
            startResponseTimer();
        }
        upstream.read();
        if (wantsRequestBody()) {
            client.read();
        }
    }

    private void writeBody(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (content.content().isReadable()) {
            bodyWrites++;
        }
        bodyWritesInFlight++;
        upstream.writeAndFlush(content).addListener(f -> {
            bodyWritesInFlight--;
            onUpstreamWrite(f);
            if (f.isSuccess() && wantsRequestBody()) {
                client.read();
            }
        });
        if (last) {
            startResponseTimer();
            // from now on the gateway waits on the upstream alone (an early response may already stream)
            waitingForUpstreamSince = System.nanoTime();
        }
    }

    private void onUpstreamWrite(Future<?> f) {
        if (!f.isSuccess() && !finished && !responseStarted) {
            fail(HttpResponseStatus.BAD_GATEWAY, "could not send the request upstream: " + f.cause().getMessage());
        }
    }

    private void startResponseTimer() {
        if (responseTimer == null && !responseStarted) {
            responseTimer = client.executor().schedule(() -> fail(HttpResponseStatus.GATEWAY_TIMEOUT,
                    "the upstream sent no response headers within " + responseTimeoutMillis / 1000 + "s"),
                    responseTimeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void onUpstreamMessage(HttpObject message) {
        if (finished) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (responseEnded) {
            // bytes beyond the response's framing, decoded before the client took its end: never relayed, and the
            // connection is not reused
            ReferenceCountUtil.release(message);
            bytesBeyondResponse = true;
            return;
        }
        if (message instanceof LastHttpContent && responseStarted && !informational) {
            responseEnded = true;
        }
        waitingForUpstreamSince = System.nanoTime();
        if (message.decoderResult().isFailure()) {
            ReferenceCountUtil.release(message);
            refuseMalformedResponse(message.decoderResult().cause().getMessage());
            return;
        }
        if (message instanceof HttpResponse response && !onResponseHead(response)) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (message instanceof HttpContent content) {
            onResponseContent(content);
        } else {
            writeToClient(message, false);
        }
    }

    /** Enforces the policy on a response head; false when the response must not be sent at all. */
    private boolean onResponseHead(HttpResponse response) {
        int code = response.status().code();
        if (code == 101 && !webSocket) {
            // nothing was asked to switch (Upgrade is not forwarded): the connection is no longer HTTP
            fail(HttpResponseStatus.BAD_GATEWAY, "the upstream switched protocols unasked (101)");
            return false;
        }
        informational = code >= 100 && code < 200 && code != 101;
        if (informational && clientSpeaksHttp10) {
            // RFC 9110 15.2: never sent to an HTTP/1.0 client, which would take it for the final response
            return false;
        }
        boolean upstreamSaysKeepAlive = HttpUtil.isKeepAlive(response);
        // before the enforcement: the fields a Connection header lists are the upstream's hop, and the ones the
        // enforcement adds for the consent (Vary, the variant's ETag) must not be taken off by that listing
        ForwardingHeaders.removeHopByHop(response.headers(), code == 101 && webSocket);
        enforcement.applyToHead(response);
        if (!informational) {
            if (responseTimer != null) {
                responseTimer.cancel(false);
            }
            try {
                bodyRewrite = enforcement.bodyRewrite(request, response).orElse(null);
                if (bodyRewrite != null) {
                    owner.metrics().htmlRewritten.increment();
                }
            } catch (HtmlBodyRewrite.UnfilterableBody e) {
                fail(HttpResponseStatus.BAD_GATEWAY, e.getMessage());
                return false;
            }
            responseStarted = true;
            waitingForUpstreamSince = System.nanoTime();
            long every = Math.max(10, responseTimeoutMillis / 4);
            if (stallTimer == null) {
                stallTimer = client.executor().scheduleWithFixedDelay(this::checkStall, every, every,
                        TimeUnit.MILLISECONDS);
            }
        }
        if (!informational) {
            upstreamKeepsAlive = upstreamSaysKeepAlive;
        }
        response.headers().add("Via", ForwardingHeaders.VIA);
        if (!informational && code != 101) {
            ClientFraming.adapt(request, response);
            closeClientAfter = !clientKeepsAlive || !HttpUtil.isKeepAlive(response)
                    || !requestComplete || owner.draining();
            if (closeClientAfter) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
        }
        // RFC 9110 6.2: the gateway sends its own version (after the keep-alive test above, which reads the
        // upstream's); a rewritten body is chunked, which an HTTP/1.0 status line would not allow
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
        return true;
    }

    private void onResponseContent(HttpContent content) {
        if (bodyRewrite != null && !informational) {
            rewriteToClient(content);
            return;
        }
        boolean last = content instanceof LastHttpContent;
        if (last && !((LastHttpContent) content).trailingHeaders().isEmpty()) {
            // a trailer section is not judged: Set-Cookie there would pass (RFC 9110 6.5.2 lets a proxy drop it)
            ((LastHttpContent) content).trailingHeaders().clear();
        }
        if (last && informational) {
            informational = false;
            if (clientSpeaksHttp10) {
                content.release(); // the end of an interim response whose head was not relayed
            } else {
                writeToClient(content, false);
            }
            upstream.read();
        } else if (last && responseStarted) {
            writeToClient(content, true);
        } else {
            writeToClient(content, false);
        }
    }

    /** Streams a body piece through the HTML rewrite; any failure aborts the response (never raw bytes). */
    private void rewriteToClient(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        boolean[] wrote = {false};
        try {
            bodyRewrite.content(content, out -> {
                wrote[0] = true;
                boolean lastPiece = out instanceof LastHttpContent;
                if (lastPiece) {
                    // counted before the page's end goes out, so that a client that has the whole page and then
                    // reads the metrics finds this page in them
                    countPassedOverLimit();
                }
                writeToClient(out, lastPiece);
            });
        } catch (RuntimeException e) {
            LOG.warn("[{}] {} {}: HTML rewrite failed, response aborted: {}", id, request.method(), request.uri(),
                    e.toString());
            abort("HTML rewrite failed");
            return;
        }
        if (!wrote[0] && !last && !finished) {
            // The rewriter held everything back (a tag split across pieces): ask for more.
            upstream.read();
        }
    }

    private void writeToClient(Object message, boolean lastOfResponse) {
        clientWritesInFlight++;
        // Pieces of one upstream read go out in one flush (at read-complete); the last piece is flushed at once.
        (lastOfResponse ? client.writeAndFlush(message) : client.write(message)).addListener(f -> {
            clientWritesInFlight--;
            if (!f.isSuccess()) {
                abort("client write failed: " + f.cause().getMessage());
            } else if (lastOfResponse) {
                complete();
            } else if (!finished && upstream != null && clientWritesInFlight == 0) {
                waitingForUpstreamSince = System.nanoTime();
                upstream.read();
            }
        });
        if (message instanceof HttpResponse r && r.status().code() == 101 && webSocket) {
            switchToTunnel();
        }
    }

    /** The upstream read produced no whole message: ask for more unless a client write will ask. */
    @Override
    public void onUpstreamReadComplete() {
        if (finished) {
            return;
        }
        client.flush();
        if (upstream != null && clientWritesInFlight == 0) {
            upstream.read();
        }
    }

    private void checkStall() {
        if (finished) {
            stallTimer.cancel(false);
        } else if (requestComplete && bodyWritesInFlight == 0 && clientWritesInFlight == 0
                && System.nanoTime() - waitingForUpstreamSince > TimeUnit.MILLISECONDS.toNanos(responseTimeoutMillis)) {
            // only silence while the gateway waits on the upstream alone counts: not an upload still arriving
            abort("the upstream sent nothing more of the response body for " + responseTimeoutMillis / 1000 + "s");
        }
    }

    private void complete() {
        if (finished) {
            return;
        }
        finished = true;
        if (stallTimer != null) {
            stallTimer.cancel(false);
        }
        releaseBodyRewrite();
        boolean reusable = requestComplete && bodyWritesInFlight == 0 && upstreamKeepsAlive && !bytesBeyondResponse
                && !UpstreamHttpCodec.holdsBytes(upstream);
        pool.release(upstream, reusable);
        owner.exchangeFinished(this, closeClientAfter);
    }

    private void switchToTunnel() {
        finished = true;
        if (stallTimer != null) {
            stallTimer.cancel(false);
        }
        client.flush();
        UpstreamHandler.of(upstream).detach();
        Tunnel.join(client.channel(), upstream);
        owner.exchangeFinished(this, false);
    }

    @Override
    public void onUpstreamInactive() {
        if (finished) {
            return;
        }
        if (!responseStarted && canRetry()) {
            retryOnFreshConnection();
        } else if (!responseStarted) {
            fail(HttpResponseStatus.BAD_GATEWAY, "the upstream closed the connection before responding");
        } else {
            abort("the upstream closed the connection in the middle of the response body");
        }
    }

    /**
     * A pooled connection the upstream had already closed is only found out when the request meets the close. A
     * request without a body whose method is idempotent can be sent again once, on another connection; anything
     * else gets 502 rather than risk doing twice what the upstream may have done once.
     */
    private boolean canRetry() {
        return !retried && UpstreamHandler.of(upstream) != null && UpstreamHandler.of(upstream).reused()
                && requestComplete && bodyWrites == 0 && !informational
                && IDEMPOTENT.contains(request.method().name());
    }

    private void retryOnFreshConnection() {
        retried = true;
        LOG.info("[{}] {} {}: reused upstream connection was closed; sending once more", id, request.method(), request.uri());
        if (responseTimer != null) {
            responseTimer.cancel(false);
            responseTimer = null;
        }
        pool.release(upstream, false);
        upstream = null;
        bodyBeforeConnect.add(LastHttpContent.EMPTY_LAST_CONTENT);
        start(pool);
    }

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void onUpstreamError(Throwable cause) {
        if (finished) {
            return;
        }
        if (cause instanceof io.netty.handler.codec.DecoderException
                && !(cause.getCause() instanceof javax.net.ssl.SSLException)) {
            // the codec marks what it refuses on the message itself; a decoder that throws still means the upstream
            // answered, malformed: no closed connection to retry on
            refuseMalformedResponse(cause.getCause() != null ? cause.getCause().getMessage() : cause.getMessage());
            return;
        }
        LOG.debug("upstream error", cause);
        onUpstreamInactive();
    }

    /** A 502 (or, once the response has started, an abort); the connection is not reused. */
    private void refuseMalformedResponse(String problem) {
        LOG.warn("[{}] {} {}: malformed upstream response: {}", id, request.method(), request.uri(), problem);
        fail(HttpResponseStatus.BAD_GATEWAY, responseStarted ? "the upstream's response turned malformed: " + problem
                : "the upstream sent a malformed response");
    }

    private void connectFailed(Throwable cause) {
        if (cause instanceof UpstreamPool.HostLookupTimeoutException) {
            fail(HttpResponseStatus.GATEWAY_TIMEOUT, "looking up the upstream host " + UriAuthority.host(route.upstream())
                    + " timed out");
        } else if (cause instanceof ConnectTimeoutException) {
            fail(HttpResponseStatus.GATEWAY_TIMEOUT, "connecting to the upstream " + route.upstream().getAuthority()
                    + " timed out");
        } else if (cause instanceof TimeoutException) {
            fail(HttpResponseStatus.SERVICE_UNAVAILABLE, cause.getMessage());
        } else if (cause instanceof javax.net.ssl.SSLException) {
            fail(HttpResponseStatus.BAD_GATEWAY, "TLS with the upstream " + route.upstream().getAuthority()
                    + " failed: " + cause.getMessage());
        } else if (cause instanceof java.net.UnknownHostException) {
            fail(HttpResponseStatus.BAD_GATEWAY, "the upstream host " + UriAuthority.host(route.upstream())
                    + " is not known to DNS");
        } else {
            fail(HttpResponseStatus.BAD_GATEWAY, "the upstream " + route.upstream().getAuthority()
                    + " refused the connection");
        }
    }

    @Override
    public void rejectRequest(HttpResponseStatus status, String detail) {
        // The upstream has part of a request it must not complete: that connection is never reused.
        requestComplete = false;
        clientFault = true;
        fail(status, detail);
    }

    /** Before the response started: a gateway error response. After: the client connection is aborted. */
    private void fail(HttpResponseStatus status, String detail) {
        if (finished) {
            return;
        }
        if (responseStarted) {
            abort(detail);
            return;
        }
        finished = true;
        cleanUp();
        if (!clientFault) {
            owner.metrics().upstreamFailures.increment();
            LOG.warn("[{}] {} {} -> {}: {}", id, request.method(), request.uri(), status.code(), detail);
        }
        owner.upstreamFailed(this, status, detail, !requestComplete);
    }

    /** Ends the exchange without a clean end of response: the client must not take a truncated body as whole. */
    @Override
    public void abort(String reason) {
        if (finished) {
            return;
        }
        finished = true;
        owner.metrics().aborted.increment();
        try {
            cleanUp();
        } finally {
            if (clientFault) {
                LOG.info("[{}] {} {}: aborted: {}", id, request.method(), request.uri(), reason);
            } else {
                LOG.warn("[{}] {} {}: aborted: {}", id, request.method(), request.uri(), reason);
            }
            // a reset, not a FIN: a body that ends with the connection (HTTP/1.0) must not look complete
            client.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            client.close();
        }
    }

    /** The client went away: drop everything held for this exchange. */
    @Override
    public void clientClosed() {
        if (!finished) {
            finished = true;
            cleanUp();
        }
    }

    /** Drops the page's rewrite, counting what its limits let through (the client has it, aborted or not). */
    private void releaseBodyRewrite() {
        if (bodyRewrite != null) {
            countPassedOverLimit();
            bodyRewrite.release();
            bodyRewrite = null;
        }
    }

    /** Counts, once, the elements the page's limits let through unjudged. */
    private void countPassedOverLimit() {
        if (!passedOverLimitCounted) {
            passedOverLimitCounted = true;
            owner.metrics().passedOverLimit(bodyRewrite.elementsPassedOverLimit(), id);
        }
    }

    private void cleanUp() {
        releaseBodyRewrite();
        if (responseTimer != null) {
            responseTimer.cancel(false);
        }
        if (stallTimer != null) {
            stallTimer.cancel(false);
        }
        HttpContent queued;
        while ((queued = bodyBeforeConnect.poll()) != null) {
            queued.release();
        }
        if (upstream != null) {
            pool.release(upstream, false);
        }
    }
}
