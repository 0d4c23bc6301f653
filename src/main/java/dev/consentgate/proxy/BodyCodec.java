package dev.consentgate.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.compression.Brotli;
import io.netty.handler.codec.compression.BrotliDecoder;
import io.netty.handler.codec.compression.BrotliEncoder;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.compression.ZlibWrapper;
import io.netty.handler.codec.compression.Zstd;
import io.netty.handler.codec.compression.ZstdDecoder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams a body through one content coding, decoding or encoding, with Netty's codecs run in an embedded channel
 * (as Netty's own HttpContentDecoder does). Each instance handles one body; buffers passed in are owned by it.
 */
final class BodyCodec {

    private final EmbeddedChannel channel;
    private final boolean decoding;

    private BodyCodec(EmbeddedChannel channel, boolean decoding) {
        this.channel = channel;
        this.decoding = decoding;
    }

    /** The coding's canonical name when this gateway can decode it ("identity" for none), else empty. */
    static Optional<String> decodable(String contentEncoding) {
        String coding = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (coding) {
            case "", "identity" -> Optional.of("identity");
            case "gzip", "x-gzip" -> Optional.of("gzip");
            case "deflate" -> Optional.of("deflate");
            case "br" -> Brotli.isAvailable() ? Optional.of("br") : Optional.empty();
            case "zstd" -> Zstd.isAvailable() ? Optional.of("zstd") : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * The Accept-Encoding to send upstream for a client's: the codings it accepts that the gateway can also decode,
     * each with its parameters, so that a page never has to pass undecoded and anything else passes in a coding the
     * client reads. A {@code *} stands for the decodable codings the client did not name. Nothing left: identity.
     */
    static String upstreamOffer(String clientAcceptEncoding) {
        List<String> offered = new ArrayList<>();
        Set<String> named = new HashSet<>();
        String wildcardParams = null;
        for (String item : clientAcceptEncoding.split(",")) {
            int semicolon = item.indexOf(';');
            String coding = (semicolon < 0 ? item : item.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
            String params = semicolon < 0 ? "" : item.substring(semicolon).trim();
            if (coding.equals("*")) {
                wildcardParams = params;
            } else if (!coding.isEmpty() && decodable(coding).isPresent()) {
                named.add(decodable(coding).orElseThrow());
                offered.add(coding + params);
            }
        }
        if (wildcardParams != null) {
            for (String coding : acceptable().split(", ")) {
                if (named.add(coding)) {
                    offered.add(coding + wildcardParams);
                }
            }
        }
        return offered.isEmpty() ? "identity" : String.join(", ", offered);
    }

    /** The codings the gateway can decode, identity aside. */
    static String acceptable() {
        StringBuilder offer = new StringBuilder("gzip, deflate");
        if (Brotli.isAvailable()) {
            offer.append(", br");
        }
        if (Zstd.isAvailable()) {
            offer.append(", zstd");
        }
        return offer.toString();
    }

    static BodyCodec decoder(String coding) {
        return new BodyCodec(new EmbeddedChannel(switch (coding) {
            case "gzip" -> ZlibCodecFactory.newZlibDecoder(ZlibWrapper.GZIP, MAX_STEP_OUTPUT);
            case "deflate" -> ZlibCodecFactory.newZlibDecoder(ZlibWrapper.ZLIB_OR_NONE, MAX_STEP_OUTPUT);
            case "br" -> new BrotliDecoder();
            case "zstd" -> new ZstdDecoder();
            default -> throw new IllegalArgumentException("no decoder for " + coding);
        }), true);
    }

    static BodyCodec encoder(String coding) {
        return new BodyCodec(new EmbeddedChannel(switch (coding) {
            case "gzip" -> ZlibCodecFactory.newZlibEncoder(ZlibWrapper.GZIP, 6);
            case "br" -> new BrotliEncoder();
            default -> throw new IllegalArgumentException("no encoder for " + coding);
        }), false);
    }

    /** Codes one piece; what comes out goes to {@code out}. Throws on corrupt input. */
    void write(ByteBuf in, Consumer<ByteBuf> out) {
        if (!decoding) {
            channel.writeOutbound(in);
            drain(out);
            return;
        }
        // Decode in small steps: one step's output is then bounded (about 1000 x the step for deflate), so a bomb
        // is caught by the caller's budget before it can take much memory.
        try {
            while (in.readableBytes() > DECODE_STEP) {
                channel.writeInbound(in.readRetainedSlice(DECODE_STEP));
                drain(out);
            }
            channel.writeInbound(in.retain());
            drain(out);
        } finally {
            in.release();
        }
    }

    private static final int DECODE_STEP = 4096;
    /** Output one decode step may allocate: a step of 4 KiB expands to at most about 4 MiB with deflate. */
    private static final int MAX_STEP_OUTPUT = 8 << 20;

    /** End of body: flushes what the coding still holds (the gzip trailer, the last brotli block). */
    void finish(Consumer<ByteBuf> out) {
        channel.finish();
        drain(out);
    }

    /** Drops everything held, on abort; a corrupt stream's last error is of no interest any more. */
    void release() {
        try {
            channel.finishAndReleaseAll();
        } catch (RuntimeException alreadyFailing) {
            channel.releaseInbound();
            channel.releaseOutbound();
        }
    }

    private void drain(Consumer<ByteBuf> out) {
        ByteBuf buf;
        while ((buf = decoding ? channel.readInbound() : channel.readOutbound()) != null) {
            if (buf.isReadable()) {
                out.accept(buf);
            } else {
                buf.release();
            }
        }
    }
}
