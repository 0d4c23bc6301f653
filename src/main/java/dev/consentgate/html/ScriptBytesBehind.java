package dev.consentgate.html;

/**
 * The bytes of a script before a position, for readers that look back from what they find: the piece being read,
 * and before it the last bytes of the pieces read earlier, as many as the readers need, so that what they see does
 * not depend on where the script was cut.
 */
final class ScriptBytesBehind {

    /** The last bytes of the pieces before the current one, oldest first. */
    private final byte[] tail;
    private int length;

    /** Keeps the last {@code size} bytes of each piece for the next. */
    ScriptBytesBehind(int size) {
        this.tail = new byte[size];
    }

    /** A new script: nothing before it. */
    void reset() {
        length = 0;
    }

    /** The byte at index {@code k} of the piece {@code a[from, ...)}, or of the pieces before it; -1 if gone. */
    int at(byte[] a, int from, int k) {
        if (k >= from) {
            return a[k] & 0xff;
        }
        int t = length - (from - k);
        return t >= 0 ? tail[t] & 0xff : -1;
    }

    /** The piece {@code a[from, to)} was read: its last bytes are kept for the next. */
    void keep(byte[] a, int from, int to) {
        int n = to - from;
        int size = tail.length;
        if (n >= size) {
            System.arraycopy(a, to - size, tail, 0, size);
            length = size;
            return;
        }
        int kept = Math.min(length, size - n);
        System.arraycopy(tail, length - kept, tail, 0, kept);
        System.arraycopy(a, from, tail, kept, n);
        length = kept + n;
    }
}
