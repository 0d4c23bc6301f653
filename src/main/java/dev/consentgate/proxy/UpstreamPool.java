package dev.consentgate.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keep-alive connections to one upstream, owned by one event loop (the client channels of that loop use it, so a
 * relay never crosses threads and no locks are needed). At most {@code max} connections are open; further requests
 * wait up to the connect timeout for one to be released.
 *
 * <p>A connection's slot is freed in one place, when the connection closes, whoever closed it (the upstream, an
 * exchange, a failed handshake, the pool): its close listener frees the slot and lets the next waiter connect.
 */
final class UpstreamPool {

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final URI upstream;
    private final int max;
    private final long waitMillis;
    /** Where host names are looked up: a lookup blocks, so never on the event loop. */
    private final Executor resolver;
    private final HostLookup lookup;
    private final Deque<Channel> idle = new ArrayDeque<>();
    private final Deque<Promise<Channel>> waiters = new ArrayDeque<>();
    private int open;

    /** How a host name becomes an address; blocking, so run on the resolver's threads. */
    interface HostLookup {
        InetAddress lookUp(String host) throws UnknownHostException;
    }

    /** The upstream's host name took longer to look up than the connect timeout allows. */
    static final class HostLookupTimeoutException extends ConnectTimeoutException {
        HostLookupTimeoutException(String message) {
            super(message);
        }
    }

    /**
     * @param waitMillis how long a request waits for a free connection, and for the host name's look-up (the
     *                   connect timeout: the TCP connect has it as well)
     */
    UpstreamPool(EventLoop loop, Bootstrap bootstrap, URI upstream, int max, long waitMillis, Executor resolver,
                 HostLookup lookup) {
        this.loop = loop;
        this.bootstrap = bootstrap;
        this.upstream = upstream;
        this.max = max;
        this.waitMillis = waitMillis;
        this.resolver = resolver;
        this.lookup = lookup;
    }

    /** A connection for one exchange; the boolean of the result says whether it was reused from the pool. */
    Future<Channel> acquire() {
        assert loop.inEventLoop();
        Promise<Channel> promise = loop.newPromise();
        Channel reusable;
        while ((reusable = idle.pollFirst()) != null) {
            if (reusable.isActive() && !UpstreamHttpCodec.holdsBytes(reusable)) {
                UpstreamHandler.of(reusable).markReused(true);
                return promise.setSuccess(reusable);
            }
            // closed while idle (its close listener frees the slot), or bytes came in while idle
            reusable.close();
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
    }

    private void connect(Promise<Channel> promise) {
        open++;
        resolve().addListener((Future<InetAddress> resolved) -> {
            if (!resolved.isSuccess()) {
                slotFreed();
                promise.tryFailure(resolved.cause());
                return;
            }
            ChannelFuture connect = bootstrap.connect(new InetSocketAddress(resolved.getNow(), port(upstream)));
            Channel ch = connect.channel();
            ch.closeFuture().addListener(c -> {
                idle.remove(ch);
                slotFreed();
            });
            connect.addListener(f -> {
                if (!f.isSuccess()) {
                    ch.close();
                    promise.tryFailure(f.cause());
                    return;
                }
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
                        promise.tryFailure(h.cause());
                    }
                });
            });
        });
    }

    /** The upstream's address: an IP literal at once, a host name looked up off the event loop. */
    private Future<InetAddress> resolve() {
        String host = UriAuthority.host(upstream);
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        byte[] ip = NetUtil.createByteArrayFromIpAddressString(literal);
        Promise<InetAddress> address = loop.newPromise();
        if (ip != null) {
            try {
                return address.setSuccess(InetAddress.getByAddress(literal, ip));
            } catch (UnknownHostException e) {
                return address.setFailure(e);
            }
        }
        // the system's resolver has its own, longer, retries: the request waits no longer than for a connect
        ScheduledFuture<?> timer = loop.schedule(() -> address.tryFailure(new HostLookupTimeoutException(
                "looking up " + host + " took longer than " + waitMillis + " ms")), waitMillis, TimeUnit.MILLISECONDS);
        address.addListener(f -> timer.cancel(false));
        try {
            resolver.execute(() -> {
                Runnable done;
                try {
                    InetAddress found = lookup.lookUp(host);
                    done = () -> address.trySuccess(found);
                } catch (UnknownHostException e) {
                    done = () -> address.tryFailure(e);
                }
                try {
                    loop.execute(done);
                } catch (RejectedExecutionException e) {
                    // the gateway stopped while the name was looked up: nothing waits for it any more
                }
            });
        } catch (RejectedExecutionException e) {
            address.setFailure(e);
        }
        return address;
    }

    private void connected(Channel ch, Promise<Channel> promise) {
        UpstreamHandler.of(ch).markReused(false);
        if (!promise.trySuccess(ch)) {
            release(ch, true);
        }
    }

    /** A connection closed, or never opened: the next waiter may open one. */
    private void slotFreed() {
        open--;
        Promise<Channel> waiter = waiters.pollFirst();
        if (waiter != null) {
            connect(waiter);
        }
    }

    void closeIdle() {
        Channel ch;
        while ((ch = idle.pollFirst()) != null) {
            ch.close();
        }
    }

    static int port(URI uri) {
        return UriAuthority.port(uri);
    }
}
