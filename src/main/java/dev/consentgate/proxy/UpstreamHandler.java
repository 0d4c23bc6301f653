package dev.consentgate.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;

/**
 * Last handler of an upstream connection: hands each response object to the exchange currently using the
 * connection. A connection idle in the pool has no exchange; anything it receives there is unexpected, so the
 * connection is closed (the pool then drops it).
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    /** The side of an exchange that consumes upstream events. */
    interface ResponseSink {
        void onUpstreamMessage(HttpObject message);

        void onUpstreamReadComplete();

        void onUpstreamInactive();

        void onUpstreamError(Throwable cause);
    }

    private ResponseSink sink;
    private boolean reused;

    static UpstreamHandler of(Channel channel) {
        return channel.pipeline().get(UpstreamHandler.class);
    }

    void attach(ResponseSink newSink) {
        this.sink = newSink;
    }

    void detach() {
        this.sink = null;
    }

    void markReused(boolean wasReused) {
        this.reused = wasReused;
    }

    boolean reused() {
        return reused;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (sink != null && msg instanceof HttpObject http) {
            sink.onUpstreamMessage(http);
        } else {
            ReferenceCountUtil.release(msg);
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (sink != null) {
            sink.onUpstreamReadComplete();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ResponseSink current = sink;
        sink = null;
        if (current != null) {
            current.onUpstreamInactive();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ResponseSink current = sink;
        if (current != null) {
            current.onUpstreamError(cause);
        }
        ctx.close();
    }
}
