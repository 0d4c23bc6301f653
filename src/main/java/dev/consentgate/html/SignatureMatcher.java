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
 *
 * <p>A signature that starts with a letter, digit, '_' or '$' matches only where no such byte comes before it: a
 * name in code is a whole name ({@code _paq} is not found in {@code peso_paquete}, nor {@code s.pageName=} in
 * {@code this.pageName=}). A byte that ends an escape ({@code \n}, {@code \x20}, {@code \u0020}, {@code %20})
 * counts as no name's. The bytes before a piece come from a {@link Lookback} the caller keeps for the stream.
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
    /** By rule index: the byte length of its signature, when it starts with an identifier byte; else 0. */
    private final int[] boundedLength;
    /** The longest signature, in bytes: how far back a boundary test may look. */
    private final int maxLength;

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
        int maxRule = -1;
        int longest = 0;
        for (int k = 0; k < signatures.size(); k++) {
            maxRule = Math.max(maxRule, ruleIndex[k]);
        }
        boundedLength = new int[maxRule + 1];
        for (int k = 0; k < signatures.size(); k++) {
            byte[] bytes = signatures.get(k).getBytes(StandardCharsets.UTF_8);
            longest = Math.max(longest, bytes.length);
            if (bytes.length > 0 && isIdentifierByte(bytes[0])) {
                boundedLength[ruleIndex[k]] = bytes.length;
            }
        }
        maxLength = longest;
    }

    /** The bytes of a stream read so far that a boundary test may look back on: a new one per stream. */
    Lookback newLookback() {
        // a signature's length, and the six bytes of a \\uXXXX escape before it
        return new Lookback(maxLength + 6);
    }

    /** The last bytes of a stream before the piece being scanned. */
    static final class Lookback {
        /** The last {@code count} bytes read, oldest first. */
        private final byte[] last;
        private int count;

        private Lookback(int size) {
            last = new byte[Math.max(1, size)];
        }

        void reset() {
            count = 0;
        }

        /** The byte {@code back} places before the next piece (1: the last byte read), -1 before the stream. */
        int byteBefore(int back) {
            return back > count ? -1 : last[count - back] & 0xff;
        }

        void append(byte[] a, int from, int to) {
            int n = to - from;
            if (n >= last.length) {
                System.arraycopy(a, to - last.length, last, 0, last.length);
                count = last.length;
                return;
            }
            int keep = Math.min(count, last.length - n);
            System.arraycopy(last, count - keep, last, 0, keep);
            System.arraycopy(a, from, last, keep, n);
            count = keep + n;
        }
    }

    private static boolean isIdentifierByte(int b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '$';
    }

    /**
     * Whether a name starts at {@code a[start]}: no byte of a name before it, unless that byte ends an escape (a
     * string's {@code \n} or {@code \x20}, a URL's {@code %20}), after which the text, unescaped, starts afresh.
     */
    private static boolean startsAName(byte[] a, int from, int start, Lookback lookback) {
        int b1 = byteBefore(a, from, start, 1, lookback);
        if (b1 < 0 || !isIdentifierByte(b1)) {
            return true;
        }
        if (byteBefore(a, from, start, 2, lookback) == '\\') {
            return true;
        }
        // a legacy octal escape ("\12", "\012": sloppy-mode strings, which eval and setTimeout run)
        if (b1 >= '0' && b1 <= '7') {
            for (int back = 2; back <= 4; back++) {
                int b = byteBefore(a, from, start, back, lookback);
                if (b == '\\') {
                    return true;
                }
                if (b < '0' || b > '7') {
                    break;
                }
            }
        }
        boolean hex1 = isHex(b1);
        int b2 = byteBefore(a, from, start, 2, lookback);
        if (hex1 && isHex(b2)) {
            int b3 = byteBefore(a, from, start, 3, lookback);
            int b4 = byteBefore(a, from, start, 4, lookback);
            if (b3 == '%' || (b3 == 'x' || b3 == 'X') && b4 == '\\') {
                return true;
            }
            int b5 = byteBefore(a, from, start, 5, lookback);
            int b6 = byteBefore(a, from, start, 6, lookback);
            return isHex(b3) && isHex(b4) && (b5 == 'u' || b5 == 'U') && b6 == '\\';
        }
        return false;
    }

    /** The byte {@code back} places before {@code a[start]}, from the lookback before {@code from}; -1 if none. */
    private static int byteBefore(byte[] a, int from, int start, int back, Lookback lookback) {
        int k = start - back;
        if (k >= from) {
            return a[k] & 0xff;
        }
        return lookback == null ? -1 : lookback.byteBefore(from - k);
    }

    private static boolean isHex(int b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }

    /**
     * The rules of {@code rules} whose signature, ending at {@code a[end]}, starts at a name boundary; the same array
     * when all do.
     */
    private int[] atBoundary(int[] rules, byte[] a, int from, int end, Lookback lookback) {
        int[] kept = null;
        int n = 0;
        for (int k = 0; k < rules.length; k++) {
            int r = rules[k];
            int length = r < boundedLength.length ? boundedLength[r] : 0;
            boolean ok = true;
            if (length > 0) {
                ok = startsAName(a, from, end + 1 - length, lookback);
            }
            if (!ok && kept == null) {
                kept = Arrays.copyOf(rules, k);
                n = k;
            } else if (ok && kept != null) {
                kept[n++] = r;
            }
        }
        return kept == null ? rules : Arrays.copyOf(kept, n);
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
        return scan(a, from, to, state, hits, null);
    }

    /** As {@link #scan(byte[], int, int, int, Hits)}, {@code lookback} holding the stream's earlier bytes. */
    int scan(byte[] a, int from, int to, int state, Hits hits, Lookback lookback) {
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
                int[] rules = atBoundary(outputs[next], a, from, i, lookback);
                if (rules.length > 0 && hits.onMatch(rules)) {
                    return -1;
                }
            }
            s = next;
        }
        if (lookback != null) {
            lookback.append(a, from, to);
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
