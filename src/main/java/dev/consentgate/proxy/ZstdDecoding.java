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
 * one input before anyone can count it.) Each frame's header is read first ({@link ZstdFrameHeader}): a frame that
 * asks for a window over 8 MiB is refused before the context allocates it, and one whose content differs from the
 * size its header gives fails at its end.
 */
final class ZstdDecoding implements BodyCodec {

    private static final int INPUT_BUFFER = 16 * 1024;
    private final ZstdDecompressCtx context = new ZstdDecompressCtx();
    /** Bytes received and not yet decoded, from position 0 to the position (between writes, in write mode). */
    private final ByteBuffer input = ByteBuffer.allocateDirect(INPUT_BUFFER);
    private final ByteBuffer output = ByteBuffer.allocateDirect(MAX_PIECE);
    private boolean anyInput;
    /** The next byte starts a frame, whose header must be read before the context sees it. */
    private boolean atFrameStart = true;
    /** The last frame read ended and its output was all handed on. */
    private boolean ended;
    /** The content size the current frame's header gives, -1 when it gives none; and what it has made so far. */
    private long declaredSize = -1;
    private long frameSize;
    private boolean closed;

    @Override
    public void write(ByteBuf in, Consumer<ByteBuf> out) {
        try {
            anyInput |= in.isReadable();
            while (in.isReadable()) {
                int n = Math.min(input.remaining(), in.readableBytes());
                input.limit(input.position() + n);
                in.readBytes(input);
                input.limit(input.capacity());
                input.flip();
                try {
                    decode(out);
                } finally {
                    input.compact();
                }
            }
        } finally {
            in.release();
        }
    }

    /** Decodes what {@code input} holds, but for a frame header not yet whole. */
    private void decode(Consumer<ByteBuf> out) {
        while (true) {
            if (atFrameStart && input.hasRemaining()) {
                ZstdFrameHeader.Frame frame = ZstdFrameHeader.read(input);
                if (frame == ZstdFrameHeader.NEED_MORE) {
                    return;
                }
                if (frame == ZstdFrameHeader.NOT_A_FRAME) {
                    throw new DecompressionException("the zstd body holds bytes that start no zstd frame");
                }
                if (frame.window() > ZstdFrameHeader.MAX_WINDOW) {
                    throw new DecompressionException("a zstd frame asks for a window of " + frame.window()
                            + " bytes, more than the " + ZstdFrameHeader.MAX_WINDOW + " browsers accept");
                }
                atFrameStart = false;
                declaredSize = frame.contentSize();
                frameSize = 0;
            }
            output.clear();
            int before = input.position();
            boolean flushed = context.decompressDirectByteBufferStream(output, input);
            output.flip();
            frameSize += output.remaining();
            if (flushed) {
                // the frame ended (the context stops there): what follows starts the next one
                if (declaredSize >= 0 && frameSize != declaredSize) {
                    throw new DecompressionException("a zstd frame's content is " + frameSize
                            + " bytes where its header says " + declaredSize);
                }
                ended = true;
                atFrameStart = true;
            } else if (input.position() > before) {
                ended = false;
            }
            if (output.hasRemaining()) {
                ByteBuf buf = ByteBufAllocator.DEFAULT.heapBuffer(output.remaining());
                buf.writeBytes(output);
                out.accept(buf);
            }
            // with the input used up, a call that ended a frame or did not fill the output holds nothing back
            if (!input.hasRemaining() && (flushed || output.limit() < output.capacity())) {
                return;
            }
        }
    }

    @Override
    public void finish(Consumer<ByteBuf> out) {
        release();
        // bytes still held are a frame header that never became whole
        if (anyInput && (!ended || input.position() > 0)) {
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
