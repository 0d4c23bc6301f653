package dev.consentgate.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * After a WebSocket handshake both connections carry opaque bytes: the HTTP handlers are removed and each side's
 * bytes are written to the other, reading on only when the write went through.
 */
final class Tunnel extends ChannelInboundHandlerAdapter {

    private final Channel peer;

    private Tunnel(Channel peer) {
        this.peer = peer;
    }

    static void join(Channel client, Channel upstream) {
        // Tunnel first, then the HTTP handlers go: a decoder removed with bytes left hands them on to the tunnel.
        client.pipeline().addLast("tunnel", new Tunnel(upstream));
        upstream.pipeline().addLast("tunnel", new Tunnel(client));
        strip(client);
        strip(upstream);
        client.read();
        upstream.read();
    }

    private static void strip(Channel channel) {
        // from the last to the first: when the HTTP decoder goes, the bytes it holds past the 101 (a frame the
        // upstream sent with it) go on to the handler after it, which must be the tunnel by then
        java.util.List<String> names = new java.util.ArrayList<>(channel.pipeline().names());
        java.util.Collections.reverse(names);
        for (String name : names) {
            ChannelHandler handler = channel.pipeline().get(name);
            // The connection limit stays: it must see the connection close to count it out. TLS stays too (the
            // browser proxy's tunnel to a site, and its connection to the site): the tunnel carries what is inside.
            if (handler != null && !(handler instanceof Tunnel) && !(handler instanceof ConnectionLimit)
                    && !(handler instanceof SslHandler)) {
                channel.pipeline().remove(handler);
            }
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf)) {
            // the end marker an HTTP decoder emitted for the 101 before it was removed
            ReferenceCountUtil.release(msg);
            ctx.channel().read();
            return;
        }
        peer.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                ctx.channel().read();
            } else {
                ctx.close();
                peer.close();
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
