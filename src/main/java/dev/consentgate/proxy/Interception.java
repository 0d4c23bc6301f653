package dev.consentgate.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser proxy's answer to CONNECT: the tunnel is agreed to, and what the browser sends through it is taken as
 * the site's side of TLS (with a certificate of the local CA for that host) followed by HTTP requests, which the
 * gateway enforces like any other. A tunnel to port 80 carries plain HTTP, and so does one to another port whose
 * first byte begins no TLS handshake. The certificate is made off the event loop; the connection reads nothing until
 * the new handlers are in place.
 */
final class Interception {

    private static final Logger LOG = LoggerFactory.getLogger(Interception.class);

    private static final HttpResponseStatus ESTABLISHED = new HttpResponseStatus(200, "Connection established");

    private Interception() {
    }

    /** Starts the tunnel to {@code origin}; the HTTP handlers that read the CONNECT request are replaced. */
    static void start(Channel channel, URI origin, Gateway gateway) {
        BrowseMode browse = gateway.browse().orElseThrow();
        if (origin.getScheme().equals("http")) {
            established(channel, origin, gateway, null);
            return;
        }
        String bracketed = UriAuthority.host(origin);
        String host = bracketed.startsWith("[") ? bracketed.substring(1, bracketed.length() - 1) : bracketed;
        browse.certificates().forHost(host).whenComplete((context, failure) -> channel.eventLoop().execute(() -> {
            if (failure != null) {
                LOG.error("CONNECT {}: no certificate could be made: {}", origin.getAuthority(), failure.toString());
                ErrorResponses.sendAndClose(channel, HttpResponseStatus.BAD_GATEWAY,
                        "no certificate could be made for " + host);
            } else if (channel.isActive()) {
                established(channel, origin, gateway, context);
            }
        }));
    }

    private static void established(Channel channel, URI origin, Gateway gateway, SslContext tls) {
        channel.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, ESTABLISHED)).addListener(f -> {
            if (!f.isSuccess()) {
                channel.close();
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            pipeline.remove("proxy");
            pipeline.remove("http");
            pipeline.remove("framing");
            pipeline.remove("deadline");
            FrontendInitializer.addHttpHandlers(pipeline, gateway, origin);
            if (tls != null) {
                pipeline.addBefore("deadline", "tls-or-plain", new TlsOrPlain(tls, gateway, origin));
            }
            pipeline.get(HeaderDeadline.class).startWaiting();
            channel.read();
        });
    }

    /**
     * Tells TLS from plain HTTP by the first byte through the tunnel (0x16 begins a TLS handshake record): browsers
     * open ws: WebSockets, and http: URLs on ports other than 80, through CONNECT too, in plain HTTP.
     */
    private static final class TlsOrPlain extends ChannelInboundHandlerAdapter {
        private static final int TLS_HANDSHAKE_RECORD = 0x16;

        private final SslContext tls;
        private final Gateway gateway;
        private final URI origin;

        TlsOrPlain(SslContext tls, Gateway gateway, URI origin) {
            this.tls = tls;
            this.gateway = gateway;
            this.origin = origin;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof ByteBuf bytes) || !bytes.isReadable()) {
                ctx.fireChannelRead(msg);
                return;
            }
            ChannelPipeline pipeline = ctx.pipeline();
            if (bytes.getUnsignedByte(bytes.readerIndex()) == TLS_HANDSHAKE_RECORD) {
                // what this handler passes on from now goes through the TLS handler in its place
                pipeline.replace(this, "tls", tls.newHandler(ctx.alloc()));
            } else {
                pipeline.replace("proxy", "proxy", new ProxyHandler(gateway,
                        URI.create("http://" + origin.getRawAuthority())));
                pipeline.remove(this);
            }
            ctx.fireChannelRead(msg);
        }
    }
}
