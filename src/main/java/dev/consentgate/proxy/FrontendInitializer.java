package dev.consentgate.proxy;

import dev.consentgate.config.Limits;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * The client-side pipeline, step by step: connection limit, header deadline, strict framing of the raw bytes,
 * HTTP/1.1 codec, the proxy.
 */
final class FrontendInitializer extends ChannelInitializer<SocketChannel> {

    /** Request heads passed to the proxy before the exchanges ahead of them finish; the rest wait unread. */

    private final Gateway gateway;
    private final ConnectionLimit connectionLimit;

    FrontendInitializer(Gateway gateway, ConnectionLimit connectionLimit) {
        this.gateway = gateway;
        this.connectionLimit = connectionLimit;
    }

    /** Netty's request decoder, behind RequestFraming: it only ever sees heads the framing accepted. */
    static HttpDecoderConfig decoderConfig(Limits limits) {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(limits.maxRequestLine())
                .setMaxHeaderSize(limits.maxHeaderBytes())
                .setMaxChunkSize(64 * 1024)
                // identical duplicates only: RequestFraming has rejected any that disagree
                .setAllowDuplicateContentLengths(true)
                .setStrictLineParsing(true)
                .setUseRfc9112TransferEncoding(true);
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        Limits limits = gateway.limits();
        HttpDecoderConfig decoder = decoderConfig(limits);
        RequestHeadScanner framing = new RequestHeadScanner(new RequestFraming(limits), limits.maxPipelinedRequests(),
                limits.bodyIdleTimeout().toMillis());
        ch.pipeline()
                .addLast("limit", connectionLimit)
                .addLast("deadline", new HeaderDeadline(limits.headerReadTimeout(), limits.keepAliveTimeout(),
                        framing::exchangeFinished))
                .addLast("framing", framing)
                .addLast("http", new HttpServerCodec(decoder))
                .addLast("proxy", new ProxyHandler(gateway));
    }
}
