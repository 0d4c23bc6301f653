package dev.consentgate.proxy;

import dev.consentgate.config.Listener;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds the listeners and runs the gateway until {@link #close()}: stop accepting, drain, then stop. */
public final class GatewayServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    private final Gateway gateway;
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    private final ConnectionLimit connectionLimit;
    private final List<Channel> listeners = new ArrayList<>();

    private GatewayServer(Gateway gateway) {
        this.gateway = gateway;
        this.connectionLimit = new ConnectionLimit(gateway.limits().maxConnections());
    }

    /**
     * Starts on every configured listener; throws (after releasing everything) when one cannot be bound.
     *
     * @throws BindException naming the listener's address and port (a ruleset may list several)
     */
    public static GatewayServer start(Gateway gateway) throws InterruptedException, BindException {
        GatewayServer server = new GatewayServer(gateway);
        try {
            ServerBootstrap bootstrap = new ServerBootstrap().group(server.boss, server.workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.AUTO_READ, false)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new FrontendInitializer(gateway, server.connectionLimit));
            for (Listener listener : gateway.ruleset().listeners()) {
                ChannelFuture bound = bootstrap.bind(listener.host(), listener.port()).await();
                if (bound.cause() instanceof BindException e) {
                    throw new BindException("cannot listen on " + addressOf(listener) + ": " + e.getMessage());
                }
                server.listeners.add(bound.sync().channel());
            }
        } catch (RuntimeException | InterruptedException | BindException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static String addressOf(Listener listener) {
        return (listener.host().contains(":") ? "[" + listener.host() + "]" : listener.host()) + ":" + listener.port();
    }

    /** How many event loops serve connections (each has its own upstream pools). */
    int eventLoops() {
        int n = 0;
        for (var ignored : workers) {
            n++;
        }
        return n;
    }

    /** The addresses actually bound (port 0 in the ruleset becomes a real port here). */
    public List<InetSocketAddress> addresses() {
        return listeners.stream().map(c -> (InetSocketAddress) c.localAddress()).toList();
    }

    /** Graceful stop: no new connections, in-flight exchanges may finish until the grace period ends. */
    @Override
    public void close() {
        for (Channel listener : listeners) {
            listener.close().syncUninterruptibly();
        }
        gateway.startDraining();
        connectionLimit.drainAll();
        long deadline = System.nanoTime() + gateway.limits().shutdownGrace().toNanos();
        while (connectionLimit.open() > 0 && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (connectionLimit.open() > 0) {
            LOG.warn("{} connections still open after the shutdown grace period; closing them", connectionLimit.open());
        }
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
