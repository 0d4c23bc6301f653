package dev.consentgate.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** The gateway's own short plain-text error responses. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static FullHttpResponse of(HttpResponseStatus status, String detail, boolean close) {
        ByteBuf body = Unpooled.copiedBuffer(status.code() + " " + status.reasonPhrase() + ": " + detail + "\n",
                StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }

    /** Sends the error through the whole pipeline (so the HTTP encoder frames it) and closes the connection. */
    static void sendAndClose(Channel channel, HttpResponseStatus status, String detail) {
        channel.writeAndFlush(of(status, detail, true)).addListener(ChannelFutureListener.CLOSE);
    }
}
