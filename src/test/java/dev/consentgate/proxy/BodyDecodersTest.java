package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.Zstd;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.compression.DecompressionException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The body decoders, run on real coded bytes: bounded pieces, bombs stopped early, truncation and bad checks caught. */
class BodyDecodersTest {

    private static final byte[] PAGE = "<html><body><p>consent</p><script src=\"/a.js\"></script></body></html>\n"
            .repeat(2000).getBytes(StandardCharsets.UTF_8);

    private static byte[] brotli(byte[] data) throws Exception {
        Brotli4jLoader.ensureAvailability();
        return Encoder.compress(data);
    }

    /** The body in a coding; "deflate-raw" is deflate without its zlib wrapping, which some servers send. */
    private static byte[] code(String coding, byte[] data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        switch (coding) {
            case "br" -> bytes.writeBytes(brotli(data));
            case "zstd" -> bytes.writeBytes(Zstd.compress(data, 19));
            case "gzip" -> {
                try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                    gz.write(data);
                }
            }
            case "deflate" -> {
                try (DeflaterOutputStream z = new DeflaterOutputStream(bytes)) {
                    z.write(data);
                }
            }
            default -> {
                try (DeflaterOutputStream z = new DeflaterOutputStream(bytes, new Deflater(6, true))) {
                    z.write(data);
                }
            }
        }
        return bytes.toByteArray();
    }

    private static final List<String> CODINGS = List.of("br", "zstd", "gzip", "deflate", "deflate-raw");

    /** Feeds {@code coded} in pieces of {@code step} bytes and finishes; returns what came out. */
    private static byte[] decode(String coding, byte[] coded, int step) {
        BodyCodec decoder = BodyCodec.decoder(coding.equals("deflate-raw") ? "deflate" : coding);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (int i = 0; i < coded.length; i += step) {
                decoder.write(Unpooled.copiedBuffer(coded, i, Math.min(step, coded.length - i)), buf -> {
                    assertTrue(buf.readableBytes() <= BodyCodec.MAX_PIECE, "a piece of " + buf.readableBytes());
                    byte[] bytes = new byte[buf.readableBytes()];
                    buf.readBytes(bytes);
                    buf.release();
                    out.writeBytes(bytes);
                });
            }
            decoder.finish(buf -> buf.release());
        } finally {
            decoder.release();
        }
        return out.toByteArray();
    }

    @Test
    void aBodyDecodesTheSameInPiecesOfAnySize() throws Exception {
        for (String coding : CODINGS) {
            byte[] coded = code(coding, PAGE);
            for (int step : List.of(1, 7, 4096, coded.length)) {
                assertArrayEquals(PAGE, decode(coding, coded, step), coding + " in steps of " + step);
            }
        }
    }

    @Test
    void zstdFramesOneAfterAnotherAreOneBody() throws Exception {
        byte[] first = Zstd.compress(Arrays.copyOf(PAGE, 1000), 3);
        byte[] second = Zstd.compress(Arrays.copyOfRange(PAGE, 1000, PAGE.length), 3);
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        assertArrayEquals(PAGE, decode("zstd", both, 100));
    }

    @Test
    void aBodyCutShortFailsAtItsEndInsteadOfPassingForAWholeOne() throws Exception {
        for (String coding : CODINGS) {
            byte[] coded = code(coding, PAGE);
            for (int cut : List.of(coded.length / 2, coded.length - 1, 1)) {
                byte[] part = Arrays.copyOf(coded, cut);
                assertThrows(DecompressionException.class, () -> decode(coding, part, 512), coding + " cut at " + cut);
            }
            assertDoesNotThrow(() -> decode(coding, new byte[0], 1), coding + ": an empty body has nothing to end");
        }
    }

    @Test
    void aGzipBodyWhoseCheckFailsIsAnError() throws Exception {
        byte[] coded = code("gzip", PAGE);
        byte[] badCrc = coded.clone();
        badCrc[badCrc.length - 8] ^= 1;
        assertThrows(DecompressionException.class, () -> decode("gzip", badCrc, 4096));
        byte[] badSize = coded.clone();
        badSize[badSize.length - 1] ^= 1;
        assertThrows(DecompressionException.class, () -> decode("gzip", badSize, 4096));
        byte[] notGzip = coded.clone();
        notGzip[0] = 'x';
        assertThrows(DecompressionException.class, () -> decode("gzip", notGzip, 4096));
    }

    @Test
    void aGzipHeaderWithItsOptionalFieldsIsReadInPiecesOfAnySize() throws Exception {
        byte[] plain = code("gzip", PAGE);
        // the same member with FEXTRA, FNAME, FCOMMENT and FHCRC set and filled in
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        member.write(new byte[] {0x1f, (byte) 0x8b, 8, 0x04 | 0x08 | 0x10 | 0x02, 0, 0, 0, 0, 0, (byte) 0xff});
        member.write(new byte[] {3, 0, 'a', 'b', 'c'});
        member.writeBytes("index.html\0".getBytes(StandardCharsets.ISO_8859_1));
        member.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        member.write(new byte[] {0x12, 0x34});
        member.write(plain, 10, plain.length - 10);
        byte[] withFields = member.toByteArray();
        for (int step : List.of(1, 5, 13, withFields.length)) {
            assertArrayEquals(PAGE, decode("gzip", withFields, step), "steps of " + step);
        }
        // bytes after the member are ignored, as browsers ignore them
        byte[] trailing = Arrays.copyOf(plain, plain.length + 7);
        assertArrayEquals(PAGE, decode("gzip", trailing, 100));
    }

    @Test
    void bytesAfterTheEndOfABrotliStreamFail() throws Exception {
        byte[] coded = brotli(PAGE);
        byte[] longer = Arrays.copyOf(coded, coded.length + 5);
        assertThrows(DecompressionException.class, () -> decode("br", longer, 4096));
    }

    @Test
    void aGzipHeaderOfAnyLengthIsReadTheSameHoweverItIsSplit() throws Exception {
        // RFC 1952 sets no limit on the file name; a browser reads past it
        byte[] plain = code("gzip", PAGE);
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        member.write(new byte[] {0x1f, (byte) 0x8b, 8, 0x08, 0, 0, 0, 0, 0, (byte) 0xff});
        member.writeBytes("n".repeat(70_000).getBytes(StandardCharsets.ISO_8859_1));
        member.write(0);
        member.write(plain, 10, plain.length - 10);
        byte[] longName = member.toByteArray();
        for (int step : List.of(1, 1000, 16 * 1024, longName.length)) {
            assertArrayEquals(PAGE, decode("gzip", longName, step), "steps of " + step);
        }
    }

    /** A zstd frame as a stream writes it (no content size in its header, so a window descriptor). */
    private static byte[] zstdStreamed(byte[] data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (com.github.luben.zstd.ZstdOutputStream z = new com.github.luben.zstd.ZstdOutputStream(bytes, 3)) {
            z.write(data);
        }
        return bytes.toByteArray();
    }

    @Test
    void aZstdFrameThatAsksForAWindowOverEightMebibytesIsRefused() throws Exception {
        byte[] frame = zstdStreamed(PAGE);
        assertEquals(0, frame[4] & 0x20, "the test needs a frame with a window descriptor");
        // the same frame, its window descriptor saying 8 MiB (2^23), then 16 MiB (2^24): the data needs neither
        byte[] eight = frame.clone();
        eight[5] = (byte) ((23 - 10) << 3);
        for (int step : List.of(1, 5, 4096)) {
            assertArrayEquals(PAGE, decode("zstd", eight, step), "8 MiB in steps of " + step);
        }
        byte[] sixteen = frame.clone();
        sixteen[5] = (byte) ((24 - 10) << 3);
        assertThrows(DecompressionException.class, () -> decode("zstd", sixteen, 4096));
        // also as the second frame of a body, whose first frame ends inside the same piece
        byte[] first = Zstd.compress(Arrays.copyOf(PAGE, 100), 3);
        byte[] both = Arrays.copyOf(first, first.length + sixteen.length);
        System.arraycopy(sixteen, 0, both, first.length, sixteen.length);
        for (int step : List.of(3, both.length)) {
            assertThrows(DecompressionException.class, () -> decode("zstd", both, step), "steps of " + step);
        }
    }

    @Test
    void aZstdBodyOfSkippableAndOrdinaryFramesDecodesAndAPreStandardFrameFailsHoweverSplit() throws Exception {
        // a skippable frame (magic 0x184D2A5?, a length, that many bytes) carries nothing and keeps no window
        byte[] skippable = {0x50, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 'a', 'b', 'c'};
        byte[] frame = Zstd.compress(PAGE, 3);
        byte[] body = Arrays.copyOf(skippable, skippable.length + frame.length);
        System.arraycopy(frame, 0, body, skippable.length, frame.length);
        for (int step : List.of(1, 4, 9, body.length)) {
            assertArrayEquals(PAGE, decode("zstd", body, step), "steps of " + step);
        }
        // zstd v0.7's magic: zstd-jni decoded this whole but failed on it in pieces; browsers decode neither
        byte[] legacy = {0x27, (byte) 0xb5, 0x2f, (byte) 0xfd, 0x51, 0, 0, 0, 0x25, (byte) 0xfb, (byte) 0xff, (byte) 0xff};
        for (int step : List.of(1, 4, legacy.length)) {
            assertThrows(DecompressionException.class, () -> decode("zstd", legacy, step), "steps of " + step);
        }
    }

    @Test
    void aZstdFrameWhoseContentDiffersFromItsDeclaredSizeFailsHoweverSplit() {
        // a frame saying 256 bytes of content (a two-byte size of 0, plus 256) whose one block is empty: zstd-jni
        // refused it whole but passed it in pieces
        byte[] frame = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0x71, 0, 0, 0, 0x01, 0, 0};
        for (int step : List.of(1, 3, frame.length)) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> decode("zstd", frame, step));
            assertTrue(e instanceof DecompressionException || e instanceof com.github.luben.zstd.ZstdException,
                    "steps of " + step + ": " + e);
        }
    }

    @Test
    void aBombIsStoppedByItsFirstPiecesNotAfterItsOutputWasMade() throws Exception {
        // 32 MiB of zeros codes to a few hundred bytes; the consumer stops it after 1 MiB, as the budget does (not
        // more: coding it holds the zeros and a compressor's output buffer of their size at once, and the suite's one
        // fork, 1 GiB of heap, ran out of memory here with 128 MiB)
        byte[] zeros = new byte[32 << 20];
        ByteBufAllocatorMetricProvider allocator = (ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT;
        for (String coding : CODINGS) {
            byte[] bomb = code(coding, zeros);
            BodyCodec decoder = BodyCodec.decoder(coding.equals("deflate-raw") ? "deflate" : coding);
            long before = used(allocator);
            long[] seen = {0, 0};
            try {
                assertThrows(IllegalStateException.class, () -> decoder.write(Unpooled.wrappedBuffer(bomb), buf -> {
                    seen[0] += buf.readableBytes();
                    seen[1] = Math.max(seen[1], used(allocator) - before);
                    buf.release();
                    if (seen[0] > 1 << 20) {
                        throw new IllegalStateException("over budget");
                    }
                }));
            } finally {
                decoder.release();
            }
            assertTrue(seen[0] <= (1 << 20) + BodyCodec.MAX_PIECE, coding + ": " + seen[0] + " bytes made");
            assertTrue(seen[1] < 16 << 20, coding + ": " + seen[1] + " bytes of buffers held at once");
        }
    }

    private static long used(ByteBufAllocatorMetricProvider allocator) {
        return allocator.metric().usedHeapMemory() + allocator.metric().usedDirectMemory();
    }
}
