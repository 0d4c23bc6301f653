package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.github.luben.zstd.ZstdException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.compression.DecompressionException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Jazzer target for the body decoders (seeds in {@code BodyDecodersFuzzTestInputs/}: a first byte choosing the coding,
 * a second the size of the pieces, then the body). Invariants: a corrupt or cut body ends in a decoding error and
 * nothing else (never a hang, a native crash or another exception); whether it fails (but for zstd, see below), and
 * a whole body's output, do not depend on how the body is split; every decoder hands on pieces of at most
 * {@link BodyCodec#MAX_PIECE}.
 */
class BodyDecodersFuzzTest {

    private static final String[] CODINGS = {"br", "zstd", "gzip", "deflate"};
    /** Output past which a run stops, as the budget would: bombs are not the point here, and must stay quick. */
    private static final int STOP_AFTER = 4 << 20;

    /** What decoding produced: the bytes, and whether it failed (a budget stop is no failure). */
    record Outcome(byte[] output, boolean failed) {
    }

    @FuzzTest
    void decodingFailsOnlyAsDecodingAndDoesNotDependOnSplits(FuzzedDataProvider data) {
        byte[] all = data.consumeRemainingAsBytes();
        if (all.length < 2) {
            return;
        }
        String coding = CODINGS[(all[0] & 0xff) % CODINGS.length];
        int step = 1 + (all[1] & 0xff);
        byte[] body = Arrays.copyOfRange(all, 2, all.length);
        Outcome whole = decode(coding, body, Math.max(1, body.length));
        Outcome pieces = decode(coding, body, step);
        // a stop at the output limit may come at a different place; below it, splits must not matter. How much of a
        // corrupt body comes out before the error does depend on them, and is discarded with the aborted response.
        // zstd-jni checks some corrupt frames (an empty compressed block) only when a frame arrives whole, so for
        // zstd only a body that passes both ways must come out the same; what passes is judged by the rewriter.
        if (whole.output().length < STOP_AFTER && pieces.output().length < STOP_AFTER) {
            if (!coding.equals("zstd")) {
                assertEquals(whole.failed(), pieces.failed(), coding + ": the verdict depends on the split");
            }
            if (!whole.failed() && !pieces.failed()) {
                assertArrayEquals(whole.output(), pieces.output(), coding + ": the output depends on the split");
            }
        }
    }

    private static Outcome decode(String coding, byte[] body, int step) {
        BodyCodec decoder = BodyCodec.decoder(coding);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (int i = 0; i < body.length; i += step) {
                decoder.write(Unpooled.copiedBuffer(body, i, Math.min(step, body.length - i)), buf -> collect(coding,
                        buf, out));
            }
            decoder.finish(buf -> collect(coding, buf, out));
            return new Outcome(out.toByteArray(), false);
        } catch (DecompressionException | ZstdException corrupt) {
            return new Outcome(out.toByteArray(), true);
        } catch (OutputLimit stop) {
            return new Outcome(out.toByteArray(), false);
        } finally {
            decoder.release();
        }
    }

    private static void collect(String coding, ByteBuf buf, ByteArrayOutputStream out) {
        try {
            assertTrue(buf.readableBytes() <= BodyCodec.MAX_PIECE, coding + ": a piece of " + buf.readableBytes());
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            out.writeBytes(bytes);
        } finally {
            buf.release();
        }
        if (out.size() > STOP_AFTER) {
            throw new OutputLimit();
        }
    }

    /** The run's output limit was passed. */
    private static final class OutputLimit extends RuntimeException {
        OutputLimit() {
            super(null, null, false, false);
        }
    }
}
