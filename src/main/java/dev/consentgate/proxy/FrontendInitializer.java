package dev.consentgate.proxy;

import dev.consentgate.config.Limits;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;

/** The client-side pipeline, step by step: connection limit, header deadline, HTTP/1.1 codec, the proxy. */
final class FrontendInitializer extends ChannelInitializer<SocketChannel> {

    private final Gateway gateway;
    private final ConnectionLimit connectionLimit;

    FrontendInitializer(Gateway gateway, ConnectionLimit connectionLimit) {
        this.gateway = gateway;
        this.connectionLimit = connectionLimit;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        Limits limits = gateway.limits();
        HttpDecoderConfig decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(limits.maxRequestLine())
                .setMaxHeaderSize(limits.maxHeaderBytes())
                .setMaxChunkSize(64 * 1024)
                .setAllowDuplicateContentLengths(false)
                .setStrictLineParsing(true)
                .setUseRfc9112TransferEncoding(true);
        ch.pipeline()
                .addLast("limit", connectionLimit)
                .addLast("deadline", new HeaderDeadline(limits.headerReadTimeout(), limits.keepAliveTimeout()))
                .addLast("http", new HttpServerCodec(decoder))
                .addLast("proxy", new ProxyHandler(gateway));
    }
}
