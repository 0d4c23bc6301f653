package dev.consentgate.proxy;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.compression.DecompressionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Decodes a brotli body with brotli4j's streaming decoder, pulling its output a bounded piece at a time and handing
 * each piece on before the next is made. (Netty's BrotliDecoder makes all the output of one input before anyone can
 * count it: a few kilobytes can expand to gigabytes first.)
 */
final class BrotliDecoding implements BodyCodec {

    private static final int INPUT_BUFFER = 16 * 1024;

    static {
        // the native library, loaded once (the gateway asks BodyCodec.decodable first, which loads it too)
        Brotli4jLoader.ensureAvailability();
    }

    private final DecoderJNI.Wrapper decoder;
    private boolean anyInput;
    private boolean ended;
    private boolean destroyed;

    BrotliDecoding() {
        try {
            decoder = new DecoderJNI.Wrapper(INPUT_BUFFER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(ByteBuf in, Consumer<ByteBuf> out) {
        try {
            anyInput |= in.isReadable();
            decode(in, out);
        } finally {
            in.release();
        }
    }

    private void decode(ByteBuf in, Consumer<ByteBuf> out) {
        while (true) {
            if (decoder.hasOutput()) {
                emit(out);
                continue;
            }
            switch (decoder.getStatus()) {
                case NEEDS_MORE_INPUT -> {
                    if (!in.isReadable()) {
                        return;
                    }
                    ByteBuffer input = decoder.getInputBuffer();
                    input.clear();
                    int n = Math.min(input.capacity(), in.readableBytes());
                    input.limit(n);
                    in.readBytes(input);
                    decoder.push(n);
                }
                case NEEDS_MORE_OUTPUT -> emit(out);
                case OK -> decoder.push(0);
                case DONE -> {
                    ended = true;
                    if (in.isReadable()) {
                        throw new DecompressionException("data after the end of the brotli stream");
                    }
                    return;
                }
                default -> throw new DecompressionException("corrupt brotli stream");
            }
        }
    }

    private void emit(Consumer<ByteBuf> out) {
        ByteBuffer piece = decoder.pull(MAX_PIECE);
        ByteBuf buf = ByteBufAllocator.DEFAULT.heapBuffer(piece.remaining());
        buf.writeBytes(piece);
        out.accept(buf);
    }

    @Override
    public void finish(Consumer<ByteBuf> out) {
        release();
        if (anyInput && !ended) {
            throw new DecompressionException("the brotli body ended before its stream did (truncated)");
        }
    }

    @Override
    public void release() {
        if (!destroyed) {
            destroyed = true;
            decoder.destroy();
        }
    }
}
