package dev.consentgate.html;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Streaming conversion between two charsets; bytes of a character split across calls are carried over, and both
 * sides keep their state between calls (ISO-2022-JP's current character set), so the result does not depend on how
 * the input is split.
 */
final class Transcoder {

    private final CharsetDecoder decoder;
    private final CharsetEncoder encoder;
    private byte[] carry = new byte[0];

    Transcoder(Charset from, Charset to) {
        decoder = from.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        encoder = to.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    /**
     * Where buffers go to be converted before they reach {@code out}: each is converted (not yet ending the input)
     * and released.
     */
    java.util.function.Consumer<io.netty.buffer.ByteBuf> converting(
            java.util.function.Consumer<io.netty.buffer.ByteBuf> out) {
        return b -> {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            byte[] converted = convert(bytes, 0, bytes.length, false);
            if (converted.length > 0) {
                out.accept(io.netty.buffer.Unpooled.wrappedBuffer(converted));
            }
        };
    }

    byte[] convert(byte[] input, int off, int len, boolean end) {
        byte[] all = input;
        int start = off;
        int n = len;
        if (carry.length > 0) {
            all = new byte[carry.length + len];
            System.arraycopy(carry, 0, all, 0, carry.length);
            System.arraycopy(input, off, all, carry.length, len);
            start = 0;
            n = all.length;
        }
        ByteBuffer in = ByteBuffer.wrap(all, start, n);
        CharBuffer chars = CharBuffer.allocate(n + 2);
        decoder.decode(in, chars, end);
        if (end) {
            decoder.flush(chars);
            decoder.reset();
        }
        carry = in.hasRemaining() ? Arrays.copyOfRange(all, in.position(), in.limit()) : new byte[0];
        chars.flip();
        // the decoders used here only ever hand out whole surrogate pairs, so each call encodes all it is given;
        // only the end of input returns a stateful encoding to its initial state (ESC ( B in ISO-2022-JP)
        ByteBuffer buf = ByteBuffer.allocate((int) (chars.remaining() * encoder.maxBytesPerChar()) + 16);
        encoder.encode(chars, buf, end);
        if (end) {
            encoder.flush(buf);
            encoder.reset();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(buf.position());
        out.write(buf.array(), 0, buf.position());
        return out.toByteArray();
    }
}
