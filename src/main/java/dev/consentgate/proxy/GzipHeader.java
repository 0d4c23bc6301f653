package dev.consentgate.proxy;

import io.netty.handler.codec.compression.DecompressionException;

/**
 * Reads past a gzip member's header (RFC 1952: ten fixed bytes, then the optional extra field, file name, comment and
 * header CRC its flags announce) as its bytes arrive, keeping only counters: however the header is split, and
 * however long its optional fields, the cost is one look at each byte.
 */
final class GzipHeader {

    private enum Field { FIXED, EXTRA_LENGTH, EXTRA, NAME, COMMENT, HEADER_CRC, DONE }

    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;
    private static final int FHCRC = 0x02;

    private Field field = Field.FIXED;
    private int flags;
    /** Bytes read of the current fixed-size field. */
    private int read;
    private int extraLeft;

    /** Whether the whole header has been read. */
    boolean done() {
        return field == Field.DONE;
    }

    /** Reads header bytes from {@code a[off, off+len)}; returns how many were the header's. Throws on a bad one. */
    int read(byte[] a, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && field != Field.DONE) {
            switch (field) {
                case FIXED -> {
                    checkFixed(read, a[i++] & 0xff);
                    if (++read == 10) {
                        next();
                    }
                }
                case EXTRA_LENGTH -> {
                    extraLeft |= (a[i++] & 0xff) << (8 * read);
                    if (++read == 2) {
                        next();
                    }
                }
                case EXTRA -> {
                    int n = Math.min(extraLeft, end - i);
                    i += n;
                    extraLeft -= n;
                    if (extraLeft == 0) {
                        next();
                    }
                }
                case NAME, COMMENT -> {
                    // text up to a zero byte
                    while (i < end && a[i] != 0) {
                        i++;
                    }
                    if (i < end) {
                        i++;
                        next();
                    }
                }
                default -> {
                    // the header CRC's two bytes are skipped, not checked
                    i++;
                    if (++read == 2) {
                        next();
                    }
                }
            }
        }
        return i - off;
    }

    private void checkFixed(int index, int b) {
        switch (index) {
            case 0, 1 -> {
                if (b != (index == 0 ? 0x1f : 0x8b)) {
                    throw new DecompressionException("the body is not gzip (no gzip magic bytes)");
                }
            }
            case 2 -> {
                if (b != 8) {
                    throw new DecompressionException("gzip with a compression method other than deflate");
                }
            }
            case 3 -> {
                if ((b & 0xe0) != 0) {
                    throw new DecompressionException("gzip header with reserved flags set");
                }
                flags = b;
            }
            default -> {
                // modification time, extra flags, operating system: of no use here
            }
        }
    }

    /** Moves to the next field the flags announce (an empty extra field is passed over at once). */
    private void next() {
        read = 0;
        Field[] order = Field.values();
        for (int k = field.ordinal() + 1; k < order.length; k++) {
            Field candidate = order[k];
            if (candidate == Field.DONE || announced(candidate) && !(candidate == Field.EXTRA && extraLeft == 0)) {
                field = candidate;
                return;
            }
        }
    }

    private boolean announced(Field candidate) {
        return switch (candidate) {
            case EXTRA_LENGTH, EXTRA -> (flags & FEXTRA) != 0;
            case NAME -> (flags & FNAME) != 0;
            case COMMENT -> (flags & FCOMMENT) != 0;
            case HEADER_CRC -> (flags & FHCRC) != 0;
            default -> false;
        };
    }
}
