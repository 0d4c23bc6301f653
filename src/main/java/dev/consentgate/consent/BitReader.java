package dev.consentgate.consent;

/** Big-endian bit fields out of a byte array, as the IAB TCF encodes them. Reading past the end is malformed. */
final class BitReader {

    private final byte[] bytes;
    private int bit;

    BitReader(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Reads {@code width} bits (at most 62) as an unsigned number. */
    long read(int width) {
        if ((long) bit + width > (long) bytes.length * 8) {
            throw new MalformedValue("TCF: string ends inside a field");
        }
        long value = 0;
        for (int i = 0; i < width; i++, bit++) {
            value = value << 1 | ((bytes[bit >>> 3] >>> (7 - (bit & 7))) & 1);
        }
        return value;
    }

    int readInt(int width) {
        return (int) read(width);
    }

    boolean readBit() {
        return read(1) == 1;
    }

    /** Bits left to read. */
    int remaining() {
        return bytes.length * 8 - bit;
    }

    int position() {
        return bit;
    }

    void seek(int position) {
        bit = position;
    }
}
