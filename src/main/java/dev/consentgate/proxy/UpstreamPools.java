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
import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One {@link UpstreamPool} per event loop and route, created on first use. Routes to {@code https} origins (the
 * browser proxy's) get TLS with the origin's certificate verified against its host name.
 */
final class UpstreamPools {

    private record Key(EventLoop loop, Route route) {
    }

    private final Limits limits;
    private final Optional<SslContext> tls;
    private final Map<Key, UpstreamPool> pools = new ConcurrentHashMap<>();
    /** Host names are looked up on these threads (a lookup blocks); an IP address needs none. */
    private final ExecutorService resolver = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "upstream-dns");
        t.setDaemon(true);
        return t;
    });

    UpstreamPools(Limits limits, Optional<SslContext> tls) {
        this.limits = limits;
        this.tls = tls;
    }

    UpstreamPool forRoute(EventLoop loop, Route route) {
        return pools.computeIfAbsent(new Key(loop, route), k -> new UpstreamPool(loop, bootstrap(loop, route.upstream()),
                route.upstream(), route.maxConnections(), limits.upstreamConnectTimeout().toMillis(), resolver,
                InetAddress::getByName));
    }

    private Bootstrap bootstrap(EventLoop loop, URI upstream) {
        Optional<SslContext> upstreamTls = upstream.getScheme().equals("https") ? tls : Optional.empty();
        if (upstream.getScheme().equals("https") && tls.isEmpty()) {
            throw new IllegalStateException("no TLS settings for the https upstream " + upstream);
        }
        int maxHeader = Math.max(limits.maxHeaderBytes() * 4, 64 * 1024);
        return new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) limits.upstreamConnectTimeout().toMillis())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        // SNI and the host name the certificate is checked against
                        upstreamTls.ifPresent(context -> ch.pipeline().addLast("tls",
                                context.newHandler(ch.alloc(), UriAuthority.host(upstream), UpstreamPool.port(upstream))));
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
