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
    /**
     * Returned for bytes that start no frame of the format RFC 8878 defines: garbage, or a frame of zstd's pre-1.0
     * formats, which browsers do not decode and zstd-jni decodes differently depending on how its bytes arrive.
     */
    static final long NOT_A_FRAME = -2;

    private static final int MAGIC = 0xFD2FB528;
    /** Skippable frames: 0x184D2A50 to 0x184D2A5F. */
    private static final int SKIPPABLE_MAGIC = 0x184D2A50;
    private static final int[] DICTIONARY_ID_BYTES = {0, 1, 2, 4};
    private static final int[] CONTENT_SIZE_BYTES = {1, 2, 4, 8};

    private ZstdFrameHeader() {
    }

    /**
     * The window the frame starting at {@code b}'s position asks for: 0 for a skippable frame, which keeps none;
     * {@link #NEED_MORE} when the bytes end first; {@link #NOT_A_FRAME}. Reads without moving the position.
     */
    static long window(ByteBuffer b) {
        int p = b.position();
        int n = b.remaining();
        if (n < 4) {
            return NEED_MORE;
        }
        int magic = (int) littleEndian(b, p, 4);
        if ((magic & 0xFFFFFFF0) == SKIPPABLE_MAGIC) {
            return 0;
        }
        if (magic != MAGIC) {
            return NOT_A_FRAME;
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
