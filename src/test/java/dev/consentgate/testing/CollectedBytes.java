package dev.consentgate.testing;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/** Where a rewriter's output goes in a test: each buffer's bytes appended, and the buffer released. */
public final class CollectedBytes implements Consumer<ByteBuf> {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Override
    public void accept(ByteBuf buf) {
        try {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            out.writeBytes(bytes);
        } finally {
            buf.release();
        }
    }

    /** Everything collected so far. */
    public byte[] bytes() {
        return out.toByteArray();
    }
}
