package dev.consentgate.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.compression.Brotli;
import io.netty.handler.codec.compression.Zstd;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams one body through one content coding, decoding or encoding; buffers passed in are owned by it. A decoder
 * hands on its output in bounded pieces as it makes them, so that the caller's decompression budget sees each piece
 * before the next is made. A decoder also fails at the end of a body whose coded stream did not end, so that a
 * truncated body is not taken for a whole one.
 */
interface BodyCodec {

    /** Codes one piece; what comes out goes to {@code out}, piece by piece. Throws on corrupt input. */
    void write(ByteBuf in, Consumer<ByteBuf> out);

    /** End of body: flushes what the coding still holds (the gzip trailer, the last brotli block). */
    void finish(Consumer<ByteBuf> out);

    /** Drops everything held, on abort. */
    void release();

    /** The most a decoder hands on in one piece. */
    int MAX_PIECE = 64 * 1024;

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
            for (String coding : decodableCodings()) {
                if (named.add(coding)) {
                    offered.add(coding + wildcardParams);
                }
            }
        }
        return offered.isEmpty() ? "identity" : String.join(", ", offered);
    }

    /** The codings the gateway can decode, identity aside. */
    private static List<String> decodableCodings() {
        List<String> codings = new ArrayList<>(List.of("gzip", "deflate"));
        if (Brotli.isAvailable()) {
            codings.add("br");
        }
        if (Zstd.isAvailable()) {
            codings.add("zstd");
        }
        return codings;
    }

    /** A decoder of a coding {@link #decodable} names. */
    static BodyCodec decoder(String coding) {
        return switch (coding) {
            case "gzip", "deflate" -> new InflateDecoding(coding);
            case "br" -> new BrotliDecoding();
            case "zstd" -> new ZstdDecoding();
            default -> throw new IllegalArgumentException("no decoder for " + coding);
        };
    }

    /** An encoder for gzip or br. */
    static BodyCodec encoder(String coding) {
        return ChannelCodec.encoder(coding);
    }
}
