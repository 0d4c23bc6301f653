package dev.consentgate.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.compression.DecompressionException;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes a gzip body (RFC 1952: its header, the deflate data, then the CRC-32 and size it checks) or a deflate one
 * (zlib-wrapped as RFC 9110 says, or raw, as some servers send it and browsers accept) with the JDK's Inflater,
 * handing on at most {@link #MAX_PIECE} bytes at a time. A body that ends before its stream did, or whose check
 * fails, is an error. Bytes after the first gzip member are ignored, as Netty's decoder ignored them.
 */
final class InflateDecoding implements BodyCodec {

    private enum Stage { HEADER, DATA, TRAILER, DONE }

    /** A gzip header with its optional fields may not run on past this. */
    private static final int MAX_HEADER = 64 * 1024;

    private final boolean gzip;
    private final CRC32 crc = new CRC32();
    private final byte[] piece = new byte[MAX_PIECE];
    private Inflater inflater;
    private Stage stage = Stage.HEADER;
    /** Header or trailer bytes that came in pieces, until all of it is there. */
    private byte[] held = new byte[0];
    private long size;
    private boolean anyInput;

    /** @param coding "gzip" or "deflate" */
    InflateDecoding(String coding) {
        this.gzip = coding.equals("gzip");
    }

    @Override
    public void write(ByteBuf in, Consumer<ByteBuf> out) {
        byte[] bytes;
        try {
            bytes = new byte[in.readableBytes()];
            in.readBytes(bytes);
        } finally {
            in.release();
        }
        anyInput |= bytes.length > 0;
        decode(bytes, 0, bytes.length, out);
    }

    private void decode(byte[] bytes, int from, int length, Consumer<ByteBuf> out) {
        int off = from;
        int len = length;
        while (len > 0) {
            switch (stage) {
                case HEADER -> {
                    byte[] start = concat(held, bytes, off, len);
                    int headerLength = headerLength(start);
                    if (headerLength < 0) {
                        held = start;
                        return;
                    }
                    held = new byte[0];
                    inflater = new Inflater(gzip || !isZlibHeader(start));
                    stage = Stage.DATA;
                    bytes = start;
                    off = headerLength;
                    len = start.length - headerLength;
                }
                case DATA -> {
                    int left = inflate(bytes, off, len, out);
                    if (stage == Stage.DATA) {
                        return;
                    }
                    off += len - left;
                    len = left;
                }
                case TRAILER -> {
                    held = concat(held, bytes, off, len);
                    if (held.length >= 8) {
                        checkTrailer(held);
                        stage = Stage.DONE;
                    }
                    return;
                }
                default -> {
                    return;
                }
            }
        }
    }

    /** Inflates what it can of {@code bytes[off, off+len)}; returns how many bytes after the stream's end were left. */
    private int inflate(byte[] bytes, int off, int len, Consumer<ByteBuf> out) {
        inflater.setInput(bytes, off, len);
        try {
            while (true) {
                int n = inflater.inflate(piece);
                if (n > 0) {
                    crc.update(piece, 0, n);
                    size += n;
                    ByteBuf buf = ByteBufAllocator.DEFAULT.heapBuffer(n);
                    buf.writeBytes(piece, 0, n);
                    out.accept(buf);
                } else if (inflater.finished()) {
                    int left = inflater.getRemaining();
                    inflater.end();
                    stage = gzip ? Stage.TRAILER : Stage.DONE;
                    return left;
                } else if (inflater.needsDictionary()) {
                    throw new DecompressionException("the deflate stream asks for a preset dictionary");
                } else {
                    // the input is used up: the rest comes with the next piece
                    return 0;
                }
            }
        } catch (DataFormatException e) {
            throw new DecompressionException("corrupt " + (gzip ? "gzip" : "deflate") + " body: " + e.getMessage());
        }
    }

    private void checkTrailer(byte[] trailer) {
        long expectedCrc = littleEndianInt(trailer, 0);
        long expectedSize = littleEndianInt(trailer, 4);
        if (expectedCrc != crc.getValue() || expectedSize != (size & 0xffffffffL)) {
            throw new DecompressionException("the gzip body's check failed (CRC-32 or size)");
        }
    }

    @Override
    public void finish(Consumer<ByteBuf> out) {
        release();
        if (anyInput && stage != Stage.DONE) {
            throw new DecompressionException("the " + (gzip ? "gzip" : "deflate")
                    + " body ended before its stream did (truncated)");
        }
    }

    @Override
    public void release() {
        if (inflater != null) {
            inflater.end();
        }
    }

    /**
     * The length of what comes before the deflate data: a gzip header with its optional fields, or nothing for
     * deflate (whose zlib header the Inflater reads); -1 while not all of it is there. Throws on a malformed one.
     */
    private int headerLength(byte[] h) {
        if (!gzip) {
            return h.length >= 2 ? 0 : -1;
        }
        if (h.length >= 2 && ((h[0] & 0xff) != 0x1f || (h[1] & 0xff) != 0x8b)) {
            throw new DecompressionException("the body is not gzip (no gzip magic bytes)");
        }
        if (h.length < 10) {
            return -1;
        }
        if (h[2] != 8) {
            throw new DecompressionException("gzip with a compression method other than deflate");
        }
        int flags = h[3] & 0xff;
        if ((flags & 0xe0) != 0) {
            throw new DecompressionException("gzip header with reserved flags set");
        }
        int i = 10;
        if ((flags & 0x04) != 0) {
            // FEXTRA: a length, then that many bytes
            if (h.length < i + 2) {
                return incomplete(h);
            }
            i += 2 + ((h[i] & 0xff) | (h[i + 1] & 0xff) << 8);
        }
        for (int zeroTerminated : new int[] {0x08, 0x10}) {
            // FNAME and FCOMMENT: text up to a zero byte
            if ((flags & zeroTerminated) != 0) {
                int zero = i;
                while (zero < h.length && h[zero] != 0) {
                    zero++;
                }
                if (zero >= h.length) {
                    return incomplete(h);
                }
                i = zero + 1;
            }
        }
        if ((flags & 0x02) != 0) {
            // FHCRC: two bytes of the header's CRC
            i += 2;
        }
        return i <= h.length ? i : incomplete(h);
    }

    private static int incomplete(byte[] h) {
        if (h.length > MAX_HEADER) {
            throw new DecompressionException("gzip header longer than " + MAX_HEADER + " bytes");
        }
        return -1;
    }

    /** Whether two bytes start a zlib stream (RFC 1950: deflate, and a header check that divides by 31). */
    private static boolean isZlibHeader(byte[] h) {
        int cmf = h[0] & 0xff;
        int flg = h[1] & 0xff;
        return (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && (cmf << 8 | flg) % 31 == 0;
    }

    private static long littleEndianInt(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    private static byte[] concat(byte[] a, byte[] b, int off, int len) {
        byte[] r = Arrays.copyOf(a, a.length + len);
        System.arraycopy(b, off, r, a.length, len);
        return r;
    }
}
