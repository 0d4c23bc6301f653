package dev.consentgate.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

/** A request the gateway answers itself: its small body is collected, then {@link LocalEndpoints} answers. */
final class LocalExchange implements ClientExchange {

    private final ProxyHandler owner;
    private final ChannelHandlerContext client;
    private final HttpRequest request;
    private final String path;
    private final LocalEndpoints endpoints;
    private final String clientIp;
    private ByteBuf body = Unpooled.buffer(0, LocalEndpoints.MAX_BODY);
    private boolean requestComplete;
    private boolean finished;

    LocalExchange(ProxyHandler owner, ChannelHandlerContext client, HttpRequest request, String path,
                  LocalEndpoints endpoints, String clientIp) {
        this.owner = owner;
        this.client = client;
        this.request = request;
        this.path = path;
        this.endpoints = endpoints;
        this.clientIp = clientIp;
    }

    @Override
    public void requestBody(HttpContent content) {
        try {
            if (finished) {
                return;
            }
            if (content.content().readableBytes() > body.maxWritableBytes()) {
                finish(ErrorResponses.of(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                        "consent requests are at most " + LocalEndpoints.MAX_BODY + " bytes", true), true);
                return;
            }
            body.writeBytes(content.content());
            if (content instanceof LastHttpContent) {
                requestComplete = true;
                byte[] bytes = new byte[body.readableBytes()];
                body.readBytes(bytes);
                finish(endpoints.answer(request, path, bytes, clientIp, ForwardingHeaders.forwardedOverTls(request.headers())),
                        !HttpUtil.isKeepAlive(request));
            }
        } finally {
            content.release();
        }
    }

    private void finish(FullHttpResponse response, boolean close) {
        finished = true;
        body.release();
        body = Unpooled.EMPTY_BUFFER;
        if (close || owner.draining()) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        boolean closeAfter = close || owner.draining();
        client.writeAndFlush(response).addListener(f -> owner.exchangeFinished(this, closeAfter || !f.isSuccess()));
    }

    @Override
    public void rejectRequest(HttpResponseStatus status, String detail) {
        if (!finished) {
            finish(ErrorResponses.of(status, detail, true), true);
        }
    }

    @Override
    public boolean requestComplete() {
        return requestComplete;
    }

    @Override
    public boolean wantsRequestBody() {
        return !requestComplete && !finished;
    }

    @Override
    public void abort(String reason) {
        clientClosed();
        client.close();
    }

    @Override
    public void clientClosed() {
        if (!finished) {
            finished = true;
            body.release();
            body = Unpooled.EMPTY_BUFFER;
        }
    }
}
