package dev.consentgate.html;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds many literal signatures at once in a byte stream (Aho-Corasick compiled to a full transition table), so
 * that an inline script is read once whatever the number of rules. The state survives between calls, which makes
 * the search independent of how the script text is split into chunks.
 */
final class SignatureMatcher {

    /** Receives the rules whose signature ends at the current byte. */
    interface Hits {
        /** @return true to stop searching */
        boolean onMatch(int[] ruleIndexes);
    }

    static final SignatureMatcher EMPTY = new SignatureMatcher(List.of(), new int[0]);

    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** Bits of the hash of a signature's first four bytes: 65,536 bits for a few hundred signatures. */
    private static final int QUAD_BITS = 16;

    /** delta[state * 256 + byte]: next state; negative (~next) when the next state ends a signature. */
    private final int[] delta;
    private final int[][] outputs;
    /**
     * Bit {@link #quadHash} of the first four bytes of each signature; null when a signature is shorter. A clear bit
     * means no signature starts there.
     */
    private final long[] quadStarts;

    /**
     * @param signatures literals to find (non-empty)
     * @param ruleIndex  for each signature, the index of its rule
     */
    SignatureMatcher(List<String> signatures, int[] ruleIndex) {
        List<int[]> gotoTable = new ArrayList<>();
        List<int[]> out = new ArrayList<>();
        gotoTable.add(newRow());
        out.add(new int[0]);
        for (int k = 0; k < signatures.size(); k++) {
            byte[] bytes = signatures.get(k).getBytes(StandardCharsets.UTF_8);
            int state = 0;
            for (byte b : bytes) {
                int c = b & 0xff;
                if (gotoTable.get(state)[c] < 0) {
                    gotoTable.get(state)[c] = gotoTable.size();
                    gotoTable.add(newRow());
                    out.add(new int[0]);
                }
                state = gotoTable.get(state)[c];
            }
            out.set(state, append(out.get(state), ruleIndex[k]));
        }
        int n = gotoTable.size();
        int[] fail = new int[n];
        int[] table = new int[n * 256];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < 256; c++) {
            int next = gotoTable.get(0)[c];
            if (next < 0) {
                table[c] = 0;
            } else {
                table[c] = next;
                fail[next] = 0;
                queue.add(next);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            out.set(state, merge(out.get(state), out.get(fail[state])));
            for (int c = 0; c < 256; c++) {
                int next = gotoTable.get(state)[c];
                if (next < 0) {
                    table[state * 256 + c] = table[fail[state] * 256 + c];
                } else {
                    table[state * 256 + c] = next;
                    fail[next] = table[fail[state] * 256 + c];
                    queue.add(next);
                }
            }
        }
        outputs = new int[n][];
        for (int s = 0; s < n; s++) {
            outputs[s] = out.get(s).length == 0 ? null : out.get(s);
        }
        for (int i = 0; i < table.length; i++) {
            if (outputs[table[i]] != null) {
                table[i] = ~table[i];
            }
        }
        delta = table;
        quadStarts = quads(signatures);
    }

    private static long[] quads(List<String> signatures) {
        long[] bits = new long[1 << (QUAD_BITS - 6)];
        for (String signature : signatures) {
            byte[] bytes = signature.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 4) {
                return null;
            }
            int h = quadHash((int) INTS.get(bytes, 0));
            bits[h >>> 6] |= 1L << h;
        }
        return bits;
    }

    /** A hash of four bytes read as a little-endian int, {@link #QUAD_BITS} wide. */
    private static int quadHash(int fourBytes) {
        return (fourBytes * 0x9E3779B1) >>> (32 - QUAD_BITS);
    }

    /**
     * Runs the automaton over {@code a[from, to)} starting in {@code state}.
     *
     * @return the state to continue from, or {@code -1} when {@code hits} asked to stop
     */
    int scan(byte[] a, int from, int to, int state, Hits hits) {
        int[] d = delta;
        long[] starts = quadStarts;
        int s = state;
        for (int i = from; i < to; i++) {
            if (s == 0 && starts != null) {
                // From the root no match is under way: skip bytes where no signature starts, known from the four
                // bytes there (independent loads, unlike the table's dependent chain). The last three bytes of a
                // chunk go through the table, whose state carries over to the next chunk.
                int h;
                while (i + 4 <= to && (starts[(h = quadHash((int) INTS.get(a, i))) >>> 6] & 1L << h) == 0) {
                    i++;
                }
            }
            int next = d[(s << 8) | (a[i] & 0xff)];
            if (next < 0) {
                next = ~next;
                if (hits.onMatch(outputs[next])) {
                    return -1;
                }
            }
            s = next;
        }
        return s;
    }

    private static int[] newRow() {
        int[] row = new int[256];
        Arrays.fill(row, -1);
        return row;
    }

    private static int[] append(int[] a, int v) {
        int[] r = Arrays.copyOf(a, a.length + 1);
        r[a.length] = v;
        Arrays.sort(r);
        return r;
    }

    private static int[] merge(int[] a, int[] b) {
        if (b.length == 0) {
            return a;
        }
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return Arrays.stream(r).distinct().sorted().toArray();
    }
}
