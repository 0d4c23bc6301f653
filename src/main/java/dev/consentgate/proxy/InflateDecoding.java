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
 * handing on at most {@link #MAX_PIECE} bytes at a time. The gzip header is read by {@link GzipHeader}. A body that
 * ends before its stream did, or whose check fails, is an error. Bytes after the first gzip member are ignored, as
 * Netty's decoder and browsers ignore them.
 */
final class InflateDecoding implements BodyCodec {

    private enum Stage { HEADER, DATA, TRAILER, DONE }

    private final boolean gzip;
    private final CRC32 crc = new CRC32();
    private final byte[] piece = new byte[MAX_PIECE];
    private Inflater inflater;
    private Stage stage = Stage.HEADER;
    private final GzipHeader header = new GzipHeader();
    /** Deflate's first two bytes (which say zlib or raw) or gzip's trailer, when they came in pieces. */
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
                    if (gzip) {
                        int used = header.read(bytes, off, len);
                        off += used;
                        len -= used;
                        if (!header.done()) {
                            return;
                        }
                        inflater = new Inflater(true);
                    } else {
                        // deflate has no header of its own: its first two bytes tell a zlib stream from a raw one
                        byte[] start = concat(held, bytes, off, Math.min(len, 2 - held.length));
                        if (start.length < 2) {
                            held = start;
                            return;
                        }
                        inflater = new Inflater(!isZlibHeader(start));
                        if (held.length > 0) {
                            // the first byte came alone: it goes in before this piece (one byte ends no stream)
                            inflate(held, 0, held.length, out);
                            held = new byte[0];
                        }
                    }
                    stage = Stage.DATA;
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
