package dev.consentgate.proxy;

import com.github.luben.zstd.ZstdDecompressCtx;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.compression.DecompressionException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Decodes a zstd body (one frame or several) with zstd-jni's streaming decompression into an output buffer of
 * {@link #MAX_PIECE}, handing each piece on before the next is made. (Netty's ZstdDecoder makes all the output of
 * one input before anyone can count it.)
 */
final class ZstdDecoding implements BodyCodec {

    private static final int INPUT_BUFFER = 16 * 1024;
    private final ZstdDecompressCtx context = new ZstdDecompressCtx();
    private final ByteBuffer input = ByteBuffer.allocateDirect(INPUT_BUFFER);
    private final ByteBuffer output = ByteBuffer.allocateDirect(MAX_PIECE);
    private boolean anyInput;
    /** The last frame read ended and its output was all handed on. */
    private boolean ended;
    private boolean closed;

    @Override
    public void write(ByteBuf in, Consumer<ByteBuf> out) {
        try {
            anyInput |= in.isReadable();
            while (in.isReadable()) {
                input.clear();
                input.limit(Math.min(input.capacity(), in.readableBytes()));
                in.readBytes(input);
                input.flip();
                decode(out);
            }
        } finally {
            in.release();
        }
    }

    private void decode(Consumer<ByteBuf> out) {
        while (true) {
            output.clear();
            int before = input.position();
            boolean flushed = context.decompressDirectByteBufferStream(output, input);
            if (flushed) {
                ended = true;
            } else if (input.position() > before) {
                ended = false;
            }
            output.flip();
            if (output.hasRemaining()) {
                ByteBuf buf = ByteBufAllocator.DEFAULT.heapBuffer(output.remaining());
                buf.writeBytes(output);
                out.accept(buf);
            }
            // with the input used up, a call that did not fill the output holds nothing back
            if (!input.hasRemaining() && (flushed || output.limit() < output.capacity())) {
                return;
            }
        }
    }

    @Override
    public void finish(Consumer<ByteBuf> out) {
        release();
        if (anyInput && !ended) {
            throw new DecompressionException("the zstd body ended before its frame did (truncated)");
        }
    }

    @Override
    public void release() {
        if (!closed) {
            closed = true;
            context.close();
        }
    }
}
