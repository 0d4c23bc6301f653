package dev.consentgate.html;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Input bytes not yet sent on, addressed by absolute stream offset. Passing bytes on hands out the input buffers
 * themselves or retained slices of them (never copies); dropping releases them.
 */
final class PendingOutput {

    private final ArrayDeque<ByteBuf> buffers = new ArrayDeque<>();
    /** Absolute offset of the first readable byte of the first buffer. */
    private long headAbs;
    private Consumer<ByteBuf> sink;

    /** The first byte to come is at {@code abs} (a part of a stream, read on its own). */
    void startsAt(long abs) {
        headAbs = abs;
    }

    void sink(Consumer<ByteBuf> consumer) {
        this.sink = consumer;
    }

    /** Takes ownership of {@code chunk}, whose bytes follow the ones already pending. */
    void append(ByteBuf chunk) {
        if (chunk.isReadable()) {
            buffers.addLast(chunk);
        } else {
            chunk.release();
        }
    }

    void emitUpTo(long abs) {
        move(abs, true);
    }

    void dropUpTo(long abs) {
        move(abs, false);
    }

    /** Sends bytes that are not from the input (a rewritten tag), after everything emitted before. */
    void insert(byte[] bytes) {
        insert(Unpooled.wrappedBuffer(bytes));
    }

    /** Sends a new buffer that is not from the input, taking ownership of it. */
    void insert(ByteBuf bytes) {
        sink.accept(bytes);
    }

    private void move(long abs, boolean emit) {
        while (headAbs < abs && !buffers.isEmpty()) {
            ByteBuf head = buffers.peekFirst();
            int readable = head.readableBytes();
            long wanted = abs - headAbs;
            if (wanted >= readable) {
                buffers.pollFirst();
                headAbs += readable;
                if (emit) {
                    sink.accept(head);
                } else {
                    head.release();
                }
            } else {
                int n = (int) wanted;
                if (emit) {
                    sink.accept(head.retainedSlice(head.readerIndex(), n));
                }
                head.skipBytes(n);
                headAbs += n;
            }
        }
    }

    void release() {
        ByteBuf b;
        while ((b = buffers.pollFirst()) != null) {
            b.release();
        }
    }
}
