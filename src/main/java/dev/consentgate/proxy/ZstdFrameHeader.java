package dev.consentgate.proxy;

import java.nio.ByteBuffer;

/**
 * What a zstd frame's header (RFC 8878, 3.1.1.1) says before the frame is decoded: the window it asks its decoder to
 * keep (zstd-jni's decompression context would otherwise allocate whatever a frame names, up to 128 MiB, where a
 * browser accepts 8 MiB for the zstd content coding, RFC 9659) and, when it says so, the size of its content, which
 * the decoder checks at the frame's end (zstd-jni checks it when a whole frame arrives at once, not when it arrives
 * in pieces).
 */
final class ZstdFrameHeader {

    /** The window and content size of a frame; {@code contentSize} is -1 when the header does not give it. */
    record Frame(long window, long contentSize) {
    }

    /** The largest window a frame of a body may ask for. */
    static final long MAX_WINDOW = 8 << 20;
    /** Returned while the bytes at hand end inside the header. */
    static final Frame NEED_MORE = new Frame(-1, -1);
    /**
     * Returned for bytes that start no frame of the format RFC 8878 defines: garbage, or a frame of zstd's pre-1.0
     * formats, which browsers do not decode and zstd-jni decodes differently depending on how its bytes arrive.
     */
    static final Frame NOT_A_FRAME = new Frame(-2, -1);

    private static final int MAGIC = 0xFD2FB528;
    /** Skippable frames: 0x184D2A50 to 0x184D2A5F. */
    private static final int SKIPPABLE_MAGIC = 0x184D2A50;
    private static final int[] DICTIONARY_ID_BYTES = {0, 1, 2, 4};
    private static final int[] CONTENT_SIZE_BYTES = {0, 2, 4, 8};

    private ZstdFrameHeader() {
    }

    /**
     * The header of the frame starting at {@code b}'s position; a skippable frame keeps no window and says no size.
     * Reads without moving the position.
     */
    static Frame read(ByteBuffer b) {
        int p = b.position();
        int n = b.remaining();
        if (n < 4) {
            return NEED_MORE;
        }
        int magic = (int) littleEndian(b, p, 4);
        if ((magic & 0xFFFFFFF0) == SKIPPABLE_MAGIC) {
            return new Frame(0, -1);
        }
        if (magic != MAGIC) {
            return NOT_A_FRAME;
        }
        if (n < 5) {
            return NEED_MORE;
        }
        int descriptor = b.get(p + 4) & 0xff;
        boolean singleSegment = (descriptor & 0x20) != 0;
        int windowBytes = singleSegment ? 0 : 1;
        int sizeBytes = CONTENT_SIZE_BYTES[descriptor >>> 6];
        if (singleSegment && sizeBytes == 0) {
            sizeBytes = 1;
        }
        int sizeAt = 5 + windowBytes + DICTIONARY_ID_BYTES[descriptor & 3];
        if (n < sizeAt + sizeBytes) {
            return NEED_MORE;
        }
        long size = -1;
        if (sizeBytes > 0) {
            size = littleEndian(b, p + sizeAt, sizeBytes);
            // eight bytes may exceed a long: as large as can be
            size = size < 0 ? Long.MAX_VALUE : sizeBytes == 2 ? size + 256 : size;
        }
        if (singleSegment) {
            // the window is the content
            return new Frame(size, size);
        }
        // a window descriptor: an exponent and an eighth-step mantissa
        int wd = b.get(p + 5) & 0xff;
        long base = 1L << (10 + (wd >>> 3));
        return new Frame(base + base / 8 * (wd & 7), size);
    }

    private static long littleEndian(ByteBuffer b, int at, int bytes) {
        long v = 0;
        for (int k = bytes - 1; k >= 0; k--) {
            v = v << 8 | (b.get(at + k) & 0xffL);
        }
        return v;
    }
}
