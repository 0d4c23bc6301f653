package dev.consentgate.proxy;

import dev.consentgate.config.Limits;
import dev.consentgate.config.Route;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link UpstreamPool} per event loop and route, created on first use. */
final class UpstreamPools {

    private record Key(EventLoop loop, Route route) {
    }

    private final Limits limits;
    private final Map<Key, UpstreamPool> pools = new ConcurrentHashMap<>();

    UpstreamPools(Limits limits) {
        this.limits = limits;
    }

    UpstreamPool forRoute(EventLoop loop, Route route) {
        return pools.computeIfAbsent(new Key(loop, route), k -> new UpstreamPool(loop, bootstrap(loop),
                route.upstream(), route.maxConnections(), limits.upstreamConnectTimeout().toMillis()));
    }

    private Bootstrap bootstrap(EventLoop loop) {
        int maxHeader = Math.max(limits.maxHeaderBytes() * 4, 64 * 1024);
        return new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) limits.upstreamConnectTimeout().toMillis())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        List<ChannelHandler> codec = UpstreamHttpCodec.handlers(maxHeader);
                        ch.pipeline().addLast("http-decoder", codec.get(0));
                        ch.pipeline().addLast("http-encoder", codec.get(1));
                        ch.pipeline().addLast("relay", new UpstreamHandler());
                    }
                });
    }

    void closeIdle() {
        pools.forEach((key, pool) -> key.loop().execute(pool::closeIdle));
    }
}
