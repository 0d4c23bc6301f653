package dev.consentgate.proxy;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.ReferenceCountUtil;

/**
 * A total and a ratio budget for one response's decompressed body, which Netty's HttpContentDecompressor does not
 * have. Its two handlers go on either side of the decompressor in an upstream pipeline: {@link #compressedSide()}
 * before it counts the bytes as they arrive, {@link #decodedSide()} after it counts what they expand to. Past either
 * budget the rest of the response is dropped and a {@link DecompressionBombException} is fired, so the exchange is
 * aborted rather than finished (fail closed: a bomb never reaches the rewriter or the client whole).
 */
final class DecompressionBudget {

    /** Fired down the pipeline when a response expands beyond its budget. */
    static final class DecompressionBombException extends RuntimeException {
        DecompressionBombException(String detail) {
            super(detail, null, false, false);
        }
    }

    /** Below this many compressed bytes the ratio is not judged: tiny bodies have large ratios honestly. */
    private static final long RATIO_GRACE_BYTES = 4096;

    private final long maxDecodedBytes;
    private final long maxRatio;
    private long compressed;
    private long decoded;
    private boolean tripped;

    DecompressionBudget(long maxDecodedBytes, long maxRatio) {
        this.maxDecodedBytes = maxDecodedBytes;
        this.maxRatio = maxRatio;
    }

    ChannelHandler compressedSide() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpResponse) {
                    compressed = 0;
                    decoded = 0;
                    tripped = false;
                }
                if (msg instanceof HttpContent content) {
                    compressed += content.content().readableBytes();
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    ChannelHandler decodedSide() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (!(msg instanceof HttpContent content)) {
                    ctx.fireChannelRead(msg);
                    return;
                }
                if (tripped) {
                    ReferenceCountUtil.release(msg);
                    return;
                }
                decoded += content.content().readableBytes();
                String exceeded = exceeded();
                if (exceeded != null) {
                    tripped = true;
                    ReferenceCountUtil.release(msg);
                    ctx.fireExceptionCaught(new DecompressionBombException(exceeded));
                    return;
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    private String exceeded() {
        if (decoded > maxDecodedBytes) {
            return "decompressed body larger than " + maxDecodedBytes + " bytes";
        }
        if (compressed >= RATIO_GRACE_BYTES && decoded > maxRatio * compressed) {
            return "decompression ratio above " + maxRatio + ":1";
        }
        if (compressed < RATIO_GRACE_BYTES && decoded > maxRatio * RATIO_GRACE_BYTES) {
            return "decompression ratio above " + maxRatio + ":1";
        }
        return null;
    }

    /** True once the current response went over budget; its last content was dropped too. */
    boolean tripped() {
        return tripped;
    }
}
