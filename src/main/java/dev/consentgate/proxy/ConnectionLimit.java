package dev.consentgate.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes connections beyond the configured maximum at once, before any byte is read from them. */
@ChannelHandler.Sharable
final class ConnectionLimit extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

    ConnectionLimit(int max) {
        this.max = max;
    }

    int open() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // Counted down on close, not in channelInactive: a WebSocket tunnel removes this handler from the pipeline.
        ctx.channel().closeFuture().addListener(f -> open.decrementAndGet());
        if (open.incrementAndGet() > max) {
            if (refused.getAndIncrement() == 0) {
                LOG.warn("more than {} client connections: further ones are closed (logged once)", max);
            }
            ctx.close();
            return;
        }
        clients.add(ctx.channel());
        ctx.fireChannelActive();
    }

    /** Asks every open client connection to close once its current exchange is done. */
    void drainAll() {
        for (Channel client : clients) {
            client.pipeline().fireUserEventTriggered(ProxyHandler.DRAIN);
        }
    }
}
