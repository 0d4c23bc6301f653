package dev.consentgate.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keep-alive connections to one upstream, owned by one event loop (the client channels of that loop use it, so a
 * relay never crosses threads and no locks are needed). At most {@code max} connections are open; further requests
 * wait up to the connect timeout for one to be released.
 */
final class UpstreamPool {

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final URI upstream;
    private final int max;
    private final long waitMillis;
    private final Deque<Channel> idle = new ArrayDeque<>();
    private final Deque<Promise<Channel>> waiters = new ArrayDeque<>();
    private int open;

    UpstreamPool(EventLoop loop, Bootstrap bootstrap, URI upstream, int max, long waitMillis) {
        this.loop = loop;
        this.bootstrap = bootstrap;
        this.upstream = upstream;
        this.max = max;
        this.waitMillis = waitMillis;
    }

    /** A connection for one exchange; the boolean of the result says whether it was reused from the pool. */
    Future<Channel> acquire() {
        assert loop.inEventLoop();
        Promise<Channel> promise = loop.newPromise();
        Channel reusable;
        while ((reusable = idle.pollFirst()) != null) {
            if (reusable.isActive()) {
                UpstreamHandler.of(reusable).markReused(true);
                return promise.setSuccess(reusable);
            }
            open--;
        }
        if (open < max) {
            connect(promise);
        } else {
            waiters.addLast(promise);
            ScheduledFuture<?> timeout = loop.schedule(() -> {
                if (waiters.remove(promise)) {
                    promise.tryFailure(new TimeoutException("all " + max + " upstream connections to "
                            + upstream.getAuthority() + " are busy"));
                }
            }, waitMillis, TimeUnit.MILLISECONDS);
            promise.addListener(f -> timeout.cancel(false));
        }
        return promise;
    }

    /** Gives a connection back: reused when the exchange left it clean, otherwise closed. */
    void release(Channel channel, boolean reusable) {
        assert loop.inEventLoop();
        UpstreamHandler.of(channel).detach();
        if (reusable && channel.isActive()) {
            Promise<Channel> waiter = waiters.pollFirst();
            if (waiter != null) {
                UpstreamHandler.of(channel).markReused(true);
                waiter.setSuccess(channel);
            } else {
                idle.addFirst(channel);
                // Keep a read pending while idle so an upstream close (or stray bytes) is seen at once.
                channel.read();
            }
            return;
        }
        channel.close();
        open--;
        Promise<Channel> waiter = waiters.pollFirst();
        if (waiter != null) {
            connect(waiter);
        }
    }

    private void connect(Promise<Channel> promise) {
        open++;
        ChannelFuture connect = bootstrap.connect(upstream.getHost(), port(upstream));
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                open--;
                promise.tryFailure(f.cause());
                return;
            }
            Channel ch = connect.channel();
            ch.closeFuture().addListener(c -> idle.remove(ch));
            SslHandler tls = ch.pipeline().get(SslHandler.class);
            if (tls == null) {
                connected(ch, promise);
                return;
            }
            tls.handshakeFuture().addListener(h -> {
                if (h.isSuccess()) {
                    connected(ch, promise);
                } else {
                    ch.close();
                    open--;
                    promise.tryFailure(h.cause());
                }
            });
        });
    }

    private void connected(Channel ch, Promise<Channel> promise) {
        UpstreamHandler.of(ch).markReused(false);
        if (!promise.trySuccess(ch)) {
            release(ch, true);
        }
    }

    void closeIdle() {
        Channel ch;
        while ((ch = idle.pollFirst()) != null) {
            ch.close();
            open--;
        }
    }

    static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    }
}
