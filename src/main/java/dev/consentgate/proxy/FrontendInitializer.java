package dev.consentgate.proxy;

import dev.consentgate.config.Limits;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.URI;

/**
 * The client-side pipeline, step by step: connection limit, header deadline, strict framing of the raw bytes,
 * HTTP/1.1 codec, the proxy.
 */
final class FrontendInitializer extends ChannelInitializer<SocketChannel> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FrontendInitializer.class);

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
        ch.pipeline().addLast("limit", connectionLimit);
        addHttpHandlers(ch.pipeline(), gateway, null);
    }

    /**
     * The HTTP steps, also added inside a CONNECT tunnel of the browser proxy ({@code tunnel} the site it leads to;
     * null on a connection of its own, where the browser proxy also accepts CONNECT).
     */
    static void addHttpHandlers(ChannelPipeline pipeline, Gateway gateway, URI tunnel) {
        Limits limits = gateway.limits();
        HttpDecoderConfig decoder = decoderConfig(limits);
        boolean acceptsConnect = gateway.browse().isPresent() && tunnel == null;
        // a 408 is a refusal like any other: one log line, counted (found by a probe, 2026-12-02: neither was)
        java.util.function.Consumer<String> timedOut = detail -> {
            gateway.metrics().refused.increment();
            LOG.info("refused (timed out): 408 {}", detail);
        };
        RequestHeadScanner framing = new RequestHeadScanner(new RequestFraming(limits, acceptsConnect),
                limits.maxPipelinedRequests(), limits.bodyIdleTimeout().toMillis(),
                limits.bodyReadTimeout().toMillis(), timedOut);
        pipeline.addLast("deadline", new HeaderDeadline(limits.headerReadTimeout(), limits.keepAliveTimeout(),
                        framing::exchangeFinished, timedOut))
                .addLast("framing", framing)
                .addLast("http", new HttpServerCodec(decoder))
                .addLast("proxy", new ProxyHandler(gateway, tunnel));
    }
}
