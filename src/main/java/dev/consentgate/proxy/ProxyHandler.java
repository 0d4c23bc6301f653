package dev.consentgate.proxy;

import dev.consentgate.config.Route;
import dev.consentgate.config.TagRule;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of the gateway, one per connection: takes decoded requests one at a time, checks them,
 * enforces the cookie policy on their headers and starts an {@link Exchange}. Requests that a client pipelines
 * wait in order until the exchange before them is finished.
 */
final class ProxyHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyHandler.class);

    static final String REQUEST_ID = "X-Request-Id";

    /** User event: the gateway is shutting down; close when idle. */
    static final Object DRAIN = new Object();

    private final Gateway gateway;
    /** Inside a CONNECT tunnel of the browser proxy: the site it leads to; null otherwise. */
    private final URI tunnel;
    private final ArrayDeque<Object> pipelined = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private ClientExchange exchange;
    /** A request was refused: everything after it on this connection is discarded. */
    private boolean refusing;
    /** CONNECT was accepted: this handler's part is over, the tunnel's handlers replace it. */
    private boolean tunnelling;
    /** A body fault in a pipelined request: answered once the exchange before it has finished. */
    private RequestRejection laterFault;
    /** How many queued requests come before the one whose body was refused. */
    private int headsBeforeFault;

    ProxyHandler(Gateway gateway, URI tunnel) {
        this.gateway = gateway;
        this.tunnel = tunnel;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        context.read();
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (refusing || tunnelling) {
            ReferenceCountUtil.release(msg);
        } else if (exchange != null && exchange.requestComplete() || !pipelined.isEmpty()) {
            pipelined.add(msg);
        } else {
            dispatch(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        if (!refusing && !tunnelling && (exchange == null && pipelined.isEmpty()
                || exchange != null && exchange.wantsRequestBody())) {
            context.read();
        }
    }

    private void dispatch(Object msg) {
        if (laterFault != null && msg instanceof HttpRequest && headsBeforeFault-- == 0) {
            // the request whose body was refused: answered with the refusal, nothing after it is read
            refusing = true;
            ReferenceCountUtil.release(msg);
            releasePipelined();
            ErrorResponses.sendAndClose(ctx.channel(), laterFault.status(), laterFault.getMessage());
            return;
        }
        if (msg instanceof HttpRequest request) {
            try {
                startExchange(request);
            } catch (RuntimeException e) {
                // A fault in the policy code: nothing of this request goes upstream (fail closed).
                LOG.error("{} {}: internal error before forwarding; refused", request.method(),
                        abbreviated(request.uri()), e);
                exchange = null;
                refuse(request, new RequestRules.Refusal(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                        "internal error"));
            }
        }
        if (msg instanceof HttpContent content) {
            if (exchange != null && !refusing) {
                exchange.requestBody(content);
            } else {
                content.release();
            }
        } else if (!(msg instanceof HttpRequest)) {
            ReferenceCountUtil.release(msg);
        }
    }

    GatewayMetrics metrics() {
        return gateway.metrics();
    }

    private void startExchange(HttpRequest request) {
        ctx.pipeline().get(HeaderDeadline.class).headersReceived();
        gateway.metrics().requests.increment();
        Optional<RequestRules.Refusal> refusal = gateway.rules().check(request);
        if (refusal.isPresent()) {
            refuse(request, refusal.get());
            return;
        }
        String expect = request.headers().get(HttpHeaderNames.EXPECT);
        if (expect != null) {
            if (!expect.equalsIgnoreCase("100-continue")) {
                refuse(request, new RequestRules.Refusal(HttpResponseStatus.EXPECTATION_FAILED,
                        "only Expect: 100-continue is supported"));
                return;
            }
            // The gateway accepted the head, so it asks for the body itself; the upstream never sees Expect.
            request.headers().remove(HttpHeaderNames.EXPECT);
            // RFC 9110 10.1.1: an HTTP/1.0 client's expectation is ignored (it would take a 100 as the response)
            if (request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
            }
        }
        if (gateway.browse().isPresent()) {
            startBrowsed(request, gateway.browse().get());
            return;
        }
        RequestNormalisation.apply(request);
        String path = Gateway.pathOf(request.uri());
        if (gateway.localEndpoints().handles(path)) {
            exchange = new LocalExchange(this, ctx, request, path, gateway.localEndpoints(), clientAddress());
            return;
        }
        String host = Optional.ofNullable(request.headers().get(HttpHeaderNames.HOST)).orElse("");
        Optional<Route> route = gateway.route(host, request.uri());
        if (route.isEmpty()) {
            refuse(request, new RequestRules.Refusal(HttpResponseStatus.MISDIRECTED_REQUEST,
                    "no route for host '" + host + "'"));
            return;
        }
        forward(request, route.get(), gateway.enforceRequest(request, RequestAudit.NONE), true);
    }

    /**
     * The browser proxy: CONNECT opens a tunnel; any other request names its site (absolute-form, or the tunnel it
     * came through) and is not sent at all when a tag rule the consent does not grant matches its URL.
     */
    private void startBrowsed(HttpRequest request, BrowseMode browse) {
        if (request.method().equals(HttpMethod.CONNECT)) {
            Optional<URI> origin = BrowsedRequests.connectOrigin(request.uri());
            if (origin.isEmpty()) {
                refuse(request, new RequestRules.Refusal(HttpResponseStatus.BAD_REQUEST,
                        "CONNECT target must be a DNS name or an IP address, and a port"));
                return;
            }
            ReferenceCountUtil.release(request);
            tunnelling = true;
            Interception.start(ctx.channel(), origin.get(), gateway);
            return;
        }
        Optional<URI> origin = tunnel != null ? Optional.of(tunnel) : BrowsedRequests.absoluteFormOrigin(request.uri());
        if (origin.isEmpty()) {
            refuse(request, new RequestRules.Refusal(HttpResponseStatus.BAD_REQUEST, "this is ConsentGate's browser"
                    + " proxy: set it as the browser's HTTP and HTTPS proxy (requests must be absolute-form or CONNECT)"));
            return;
        }
        if (tunnel != null && !BrowsedRequests.hostMatches(request.headers(), tunnel)) {
            refuse(request, new RequestRules.Refusal(HttpResponseStatus.MISDIRECTED_REQUEST,
                    "the Host header names another site than the tunnel to " + tunnel.getAuthority()));
            return;
        }
        RequestNormalisation.apply(request);
        String url = BrowsedRequests.url(origin.get(), request.uri());
        Optional<TagRule> matched = BrowsedRequests.matchingRule(gateway.tagPolicy(), request, url,
                browse.consent());
        if (matched.isPresent()) {
            TagRule rule = matched.get();
            boolean userNavigation = BrowsedRequests.startedByUser(request.headers());
            browse.audit().requestMatched(url, BrowsedRequests.page(request.headers()), rule, userNavigation);
            if (!userNavigation) {
                refuse(request, new RequestRules.Refusal(HttpResponseStatus.FORBIDDEN, "blocked by ConsentGate: "
                        + rule.id() + " needs consent to " + rule.category()));
                return;
            }
        }
        ResponseEnforcement enforcement = gateway.enforceRequest(request, browse.audit().forRequest(url));
        forward(request, gateway.routeTo(origin.get()), enforcement, false);
    }

    /**
     * Sends the request on. In front of a site the upstream is told who asked and the exchange's id; a browser's
     * own proxy tells the sites nothing (an id shared by every site would link the visitor's requests across them).
     */
    private void forward(HttpRequest request, Route route, ResponseEnforcement enforcement, boolean inFrontOfSite) {
        boolean webSocket = ForwardingHeaders.isWebSocketUpgrade(request.headers());
        // read before removeHopByHop takes Connection away (so a client's close never reaches the pooled upstream
        // connection); an HTTP/1.0 client is closed after each response, its rewritten body having no framing
        boolean clientKeepsAlive = HttpUtil.isKeepAlive(request)
                && request.protocolVersion().equals(HttpVersion.HTTP_1_1);
        ForwardingHeaders.removeHopByHop(request.headers(), webSocket);
        if (inFrontOfSite) {
            ForwardingHeaders.addForwarded(request.headers(), clientAddress(), "http");
        }
        String id = RequestIds.forRequest(inFrontOfSite ? request.headers().get(REQUEST_ID) : null);
        if (inFrontOfSite) {
            request.headers().set(REQUEST_ID, id);
        }
        Exchange proxied = new Exchange(id, this, ctx, request, route, enforcement,
                gateway.limits().upstreamResponseTimeout().toMillis(), webSocket, clientKeepsAlive);
        exchange = proxied;
        proxied.start(gateway.pools().forRoute(ctx.channel().eventLoop(), route));
    }

    private void refuse(HttpRequest request, RequestRules.Refusal refusal) {
        refusing = true;
        gateway.metrics().refused.increment();
        if (RequestHeadScanner.UNPARSED.equals(request.uri())) {
            // (the stand-in's method is no client's: the head was refused before it was read)
            LOG.info("refused a request head: {} {}", refusal.status().code(), refusal.detail());
        } else {
            LOG.info("refused {} {}: {} {}", request.method(), abbreviated(request.uri()), refusal.status().code(),
                    refusal.detail());
        }
        ReferenceCountUtil.release(request);
        releasePipelined();
        ErrorResponses.sendAndClose(ctx.channel(), refusal.status(), refusal.detail());
    }

    void upstreamFailed(ClientExchange failed, HttpResponseStatus status, String detail, boolean close) {
        if (failed != exchange) {
            return;
        }
        ctx.writeAndFlush(ErrorResponses.of(status, detail, close || draining())).addListener(f -> {
            if (close || draining() || !f.isSuccess()) {
                ctx.close();
            } else {
                exchangeFinished(failed, false);
            }
        });
    }

    void exchangeFinished(ClientExchange finished, boolean closeClient) {
        if (finished != exchange) {
            return;
        }
        exchange = null;
        if (closeClient || draining()) {
            releasePipelined();
            ctx.close();
            return;
        }
        if (ctx.pipeline().get(HeaderDeadline.class) == null) {
            return; // switched to a WebSocket tunnel
        }
        ctx.pipeline().get(HeaderDeadline.class).awaitNextRequest();
        Object next;
        while (exchange == null && !refusing && (next = pipelined.poll()) != null) {
            dispatch(next);
        }
        while (exchange != null && !exchange.requestComplete() && !pipelined.isEmpty()) {
            dispatch(pipelined.poll());
        }
        if (exchange == null || exchange.wantsRequestBody()) {
            ctx.read();
        }
    }

    boolean draining() {
        return gateway.draining();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event == DRAIN) {
            if (exchange == null) {
                context.close();
            }
        } else {
            context.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (exchange != null) {
            exchange.clientClosed();
            exchange = null;
        }
        releasePipelined();
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof RequestRejection rejection && exchange != null && !refusing
                && (exchange.requestComplete() || !pipelined.isEmpty())) {
            // the fault is in the body of the last request queued behind the exchange in progress: the requests
            // before it are answered in order, then the fault, and the connection closes
            LOG.info("pipelined request body refused: {} {}", rejection.status().code(), rejection.getMessage());
            gateway.metrics().refused.increment();
            laterFault = rejection;
            headsBeforeFault = (int) pipelined.stream().filter(m -> m instanceof HttpRequest).count() - 1;
            return;
        }
        if (cause instanceof RequestRejection rejection && exchange != null && !refusing) {
            // A fault in the request body: answered (or aborted) by the exchange, nothing after it is read.
            LOG.info("request body refused: {} {}", rejection.status().code(), rejection.getMessage());
            refusing = true;
            gateway.metrics().refused.increment();
            releasePipelined();
            exchange.rejectRequest(rejection.status(), rejection.getMessage());
            return;
        }
        LOG.debug("client connection error", cause);
        if (exchange != null) {
            exchange.abort("client connection error: " + cause.getMessage());
        }
        context.close();
    }

    private void releasePipelined() {
        Object msg;
        while ((msg = pipelined.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }

    private String clientAddress() {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() : "unknown";
    }

    private static String abbreviated(String uri) {
        return uri.length() > 120 ? uri.substring(0, 120) + "..." : uri;
    }
}
