package dev.consentgate.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool's own timers, with a real event loop and a real listening socket. */
class UpstreamPoolTest {

    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ExecutorService resolver = Executors.newCachedThreadPool();
    private final CountDownLatch dnsAnswers = new CountDownLatch(1);

    @AfterEach
    void stop() {
        dnsAnswers.countDown();
        resolver.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Test
    void aHostNameLookUpThatHangsEndsAtTheConnectTimeoutAndFreesItsSlot() throws Exception {
        // Before, a look-up had no timer: a resolver that did not answer held the request (and the pool's only
        // slot) for as long as the system's resolver kept retrying.
        try (ServerSocket upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger lookUps = new AtomicInteger();
            UpstreamPool.HostLookup firstHangs = host -> {
                if (lookUps.incrementAndGet() == 1) {
                    try {
                        dnsAnswers.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new UnknownHostException("interrupted");
                    }
                }
                return InetAddress.getLoopbackAddress();
            };
            EventLoop loop = group.next();
            Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast("relay", new UpstreamHandler());
                        }
                    });
            UpstreamPool pool = new UpstreamPool(loop, bootstrap,
                    URI.create("http://upstream.example:" + upstream.getLocalPort()), 1, 300, resolver, firstHangs);

            Future<Channel> hung = loop.submit(pool::acquire).get(5, TimeUnit.SECONDS);
            assertTrue(hung.await(10, TimeUnit.SECONDS), "the look-up was never given up");
            assertInstanceOf(UpstreamPool.HostLookupTimeoutException.class, hung.cause());

            // the slot is free again: the next request connects instead of waiting for the hung look-up
            Future<Channel> next = loop.submit(pool::acquire).get(5, TimeUnit.SECONDS);
            assertTrue(next.await(10, TimeUnit.SECONDS));
            assertTrue(next.isSuccess(), String.valueOf(next.cause()));
            next.getNow().close();
        }
    }
}
