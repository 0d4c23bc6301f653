package dev.consentgate.proxy;

import java.nio.ByteBuffer;

/**
 * The window a zstd frame asks its decoder to keep, read from the frame's header (RFC 8878, 3.1.1.1) before the
 * frame is decoded: zstd-jni's decompression context would otherwise allocate whatever window a frame names, up to
 * 128 MiB, and a browser accepts 8 MiB for the zstd content coding (RFC 9659).
 */
final class ZstdFrameHeader {

    /** The largest window a frame of a body may ask for. */
    static final long MAX_WINDOW = 8 << 20;
    /** Returned while the bytes at hand end inside the header's fields that say the window. */
    static final long NEED_MORE = -1;

    private static final int MAGIC = 0xFD2FB528;
    private static final int[] DICTIONARY_ID_BYTES = {0, 1, 2, 4};
    private static final int[] CONTENT_SIZE_BYTES = {1, 2, 4, 8};

    private ZstdFrameHeader() {
    }

    /**
     * The window the frame starting at {@code b}'s position asks for, {@link #NEED_MORE} when its bytes end first,
     * or 0 for anything that is no zstd frame header (a skippable frame, which keeps no window; or garbage, which
     * the decoder rejects). Reads without moving the position.
     */
    static long window(ByteBuffer b) {
        int p = b.position();
        int n = b.remaining();
        if (n < 4) {
            return NEED_MORE;
        }
        if ((int) littleEndian(b, p, 4) != MAGIC) {
            return 0;
        }
        if (n < 5) {
            return NEED_MORE;
        }
        int descriptor = b.get(p + 4) & 0xff;
        if ((descriptor & 0x20) == 0) {
            // a window descriptor: an exponent and an eighth-step mantissa
            if (n < 6) {
                return NEED_MORE;
            }
            int wd = b.get(p + 5) & 0xff;
            long base = 1L << (10 + (wd >>> 3));
            return base + base / 8 * (wd & 7);
        }
        // single segment: the window is the frame's content size, after the dictionary id
        int at = 5 + DICTIONARY_ID_BYTES[descriptor & 3];
        int sizeBytes = CONTENT_SIZE_BYTES[descriptor >>> 6];
        if (n < at + sizeBytes) {
            return NEED_MORE;
        }
        long size = littleEndian(b, p + at, sizeBytes);
        // eight bytes may exceed a long: as large as can be
        return size < 0 ? Long.MAX_VALUE : sizeBytes == 2 ? size + 256 : size;
    }

    private static long littleEndian(ByteBuffer b, int at, int bytes) {
        long v = 0;
        for (int k = bytes - 1; k >= 0; k--) {
            v = v << 8 | (b.get(at + k) & 0xffL);
        }
        return v;
    }
}
