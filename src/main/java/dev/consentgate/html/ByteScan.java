package dev.consentgate.html;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Word-at-a-time (SWAR) searches over byte arrays: the hot loops of the tokenizer. */
final class ByteScan {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteScan() {
    }

    /** Index of the first {@code value} in {@code a[from, to)}, or {@code to} when there is none. */
    static int indexOf(byte[] a, int from, int to, byte value) {
        long pattern = (value & 0xffL) * ONES;
        int i = from;
        int limit = to - 8;
        while (i <= limit) {
            long word = (long) LONGS.get(a, i) ^ pattern;
            long found = (word - ONES) & ~word & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        while (i < to) {
            if (a[i] == value) {
                return i;
            }
            i++;
        }
        return to;
    }

    /** Index of the first {@code x} or {@code y} in {@code a[from, to)}, or {@code to} when there is none. */
    static int indexOfEither(byte[] a, int from, int to, byte x, byte y) {
        long px = (x & 0xffL) * ONES;
        long py = (y & 0xffL) * ONES;
        int i = from;
        int limit = to - 8;
        while (i <= limit) {
            long word = (long) LONGS.get(a, i);
            long wx = word ^ px;
            long wy = word ^ py;
            long found = ((wx - ONES) & ~wx | (wy - ONES) & ~wy) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        while (i < to) {
            if (a[i] == x || a[i] == y) {
                return i;
            }
            i++;
        }
        return to;
    }

    /** Number of {@code '\n'} bytes in {@code a[from, to)}. */
    static long countNewlines(byte[] a, int from, int to) {
        long pattern = ('\n' & 0xffL) * ONES;
        long count = 0;
        int i = from;
        int limit = to - 8;
        while (i <= limit) {
            long word = (long) LONGS.get(a, i) ^ pattern;
            // exact per-byte zero test (no borrow false positives): high bit set iff the byte is zero
            long zero = ~(((word & ~HIGHS) + ~HIGHS) | word) & HIGHS;
            count += Long.bitCount(zero);
            i += 8;
        }
        while (i < to) {
            if (a[i] == '\n') {
                count++;
            }
            i++;
        }
        return count;
    }

    /**
     * Line ends in {@code a[from, to)} as HTML counts them: an LF, a CR, and a CR followed by an LF as one.
     * {@code crBefore}: the byte before {@code from} (perhaps in an earlier chunk) is a CR, so an LF at
     * {@code from} ends no further line. A CR at {@code to - 1} counts, its LF being the next range's.
     */
    static long countLineEnds(byte[] a, int from, int to, boolean crBefore) {
        long count = countNewlines(a, from, to);
        if (crBefore && from < to && a[from] == '\n') {
            count--;
        }
        // a second pass, for CRs: a CRLF is counted by its LF, a CR alone by itself
        for (int i = indexOf(a, from, to, (byte) '\r'); i < to; i = indexOf(a, i + 1, to, (byte) '\r')) {
            if (i + 1 == to || a[i + 1] != '\n') {
                count++;
            }
        }
        return count;
    }
}