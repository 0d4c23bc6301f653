package dev.consentgate.html;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Element names of up to 8 bytes as one little-endian word (their "key"), and for a fixed set of such names a
 * multiplier that gives each key a slot of its own in a small table: a name look-up is one load, one multiply and
 * one comparison, where comparing against each name in turn costs a loop per name.
 */
final class NameKeys {

    /** The longest name a key holds. */
    static final int MAX_LENGTH = 8;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private NameKeys() {
    }

    /** The key of the 1 to 8 bytes {@code a[from, from + len)}, as they are. */
    static long keyOf(byte[] a, int from, int len) {
        if (from + MAX_LENGTH <= a.length) {
            return (long) LONGS.get(a, from) & (-1L >>> (64 - 8 * len));
        }
        long key = 0;
        for (int k = from + len - 1; k >= from; k--) {
            key = key << 8 | a[k] & 0xff;
        }
        return key;
    }

    /** The key of an ASCII name of 1 to 8 characters. */
    static long keyOf(String name) {
        long key = 0;
        for (int k = name.length() - 1; k >= 0; k--) {
            key = key << 8 | name.charAt(k);
        }
        return key;
    }

    /** The slot of {@code key} in a table of {@code 1 << slotBits} slots. */
    static int slotOf(long key, long multiplier, int slotBits) {
        return (int) ((key * multiplier) >>> (64 - slotBits));
    }

    /**
     * The first odd multiple of 2^64 divided by the golden ratio that gives each of {@code names} a slot of its own
     * in a table of {@code 1 << slotBits} slots.
     */
    static long collisionFreeMultiplier(String[] names, int slotBits) {
        long golden = 0x9E3779B97F4A7C15L;
        for (long odd = 1; ; odd += 2) {
            long multiplier = golden * odd;
            boolean[] taken = new boolean[1 << slotBits];
            boolean distinct = true;
            for (String name : names) {
                int slot = slotOf(keyOf(name), multiplier, slotBits);
                distinct &= !taken[slot];
                taken[slot] = true;
            }
            if (distinct) {
                return multiplier;
            }
        }
    }
}
