package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.Zstd;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.compression.DecompressionException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** A body coded several times, decoded last coding first, each layer's pieces counted as they are made. */
class DecodingChainTest {

    private static final byte[] PAGE = ("<!doctype html><title>t</title>"
            + "<p>layer upon layer</p>".repeat(20_000)).getBytes(StandardCharsets.UTF_8);

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    /** Feeds {@code coded} in pieces of {@code step} bytes and finishes; returns what came out. */
    private static byte[] decode(List<String> applied, byte[] coded, int step, Consumer<ByteBuf> eachPiece) {
        DecodingChain chain = new DecodingChain(applied, eachPiece);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Consumer<ByteBuf> collect = buf -> {
            assertTrue(buf.readableBytes() <= BodyCodec.MAX_PIECE, "a piece of " + buf.readableBytes());
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            buf.release();
            out.writeBytes(bytes);
        };
        try {
            for (int i = 0; i < coded.length; i += step) {
                chain.write(Unpooled.copiedBuffer(coded, i, Math.min(step, coded.length - i)), collect);
            }
            chain.finish(collect);
        } finally {
            chain.release();
        }
        return out.toByteArray();
    }

    @Test
    void theCodingAppliedLastIsUndoneFirstInPiecesOfAnySize() throws Exception {
        // Before (found by a review): a body of more than one coding could not be decoded (answered 502)
        Brotli4jLoader.ensureAvailability();
        byte[] gzipThenBr = Encoder.compress(gzip(PAGE));
        byte[] brThenZstd = Zstd.compress(Encoder.compress(PAGE));
        for (int step : List.of(1, 100, 8192, 1 << 20)) {
            assertArrayEquals(PAGE, decode(List.of("gzip", "br"), gzipThenBr, step, buf -> { }), "steps of " + step);
            assertArrayEquals(PAGE, decode(List.of("br", "zstd"), brThenZstd, step, buf -> { }), "steps of " + step);
        }
    }

    @Test
    void everyLayersPiecesAreCountedBeforeTheNextIsMade() throws Exception {
        byte[] once = gzip(PAGE);
        List<Integer> pieces = new ArrayList<>();
        assertArrayEquals(PAGE, decode(List.of("gzip", "gzip"), gzip(once), 4096,
                buf -> pieces.add(buf.readableBytes())));
        assertEquals(once.length + PAGE.length, pieces.stream().mapToInt(Integer::intValue).sum(),
                "the inner layer's bytes and the page's");
    }

    @Test
    void aPieceTheBudgetRefusesStopsEveryLayerAndNothingIsLeft() throws Exception {
        List<ByteBuf> seen = new ArrayList<>();
        long[] total = {0};
        Consumer<ByteBuf> budget = buf -> {
            seen.add(buf);
            total[0] += buf.readableBytes();
            if (total[0] > 100_000) {
                buf.release();
                throw new IllegalStateException("over budget");
            }
        };
        DecodingChain chain = new DecodingChain(List.of("gzip", "gzip"), budget);
        byte[] coded = gzip(gzip(PAGE));
        assertThrows(IllegalStateException.class, () -> chain.write(Unpooled.wrappedBuffer(coded), ByteBuf::release));
        chain.release();
        for (ByteBuf buf : seen) {
            assertEquals(0, buf.refCnt(), "every piece made was released");
        }
    }

    @Test
    void anInnerLayerCutShortFailsAtTheEnd() throws Exception {
        byte[] inner = gzip(PAGE);
        byte[] cut = gzip(java.util.Arrays.copyOf(inner, inner.length - 3));
        assertThrows(DecompressionException.class, () -> decode(List.of("gzip", "gzip"), cut, 4096, buf -> { }));
    }
}
