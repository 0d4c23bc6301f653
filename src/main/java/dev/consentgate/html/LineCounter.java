package dev.consentgate.html;

/**
 * Line numbers for events, counted once per byte with a word-at-a-time scan. Remembers the line of the element
 * still held at a chunk's end, whose bytes are gone from the next chunk's array.
 */
final class LineCounter {

    /** Newlines in {@code [0, countedAbs)}. */
    private long newlines;
    private long countedAbs;
    private long markAbs = -1;
    private long markLine;
    private byte[] a;
    private int from;
    private long chunkAbs;

    void chunk(byte[] array, int offset, long abs) {
        this.a = array;
        this.from = offset;
        this.chunkAbs = abs;
    }

    long lineAt(long abs) {
        if (abs == markAbs) {
            return markLine;
        }
        if (abs < chunkAbs) {
            return markAbs >= 0 ? markLine : newlines + 1;
        }
        if (abs >= countedAbs) {
            newlines += ByteScan.countNewlines(a, local(countedAbs), local(abs));
            countedAbs = abs;
            return newlines + 1;
        }
        return newlines - ByteScan.countNewlines(a, local(abs), local(countedAbs)) + 1;
    }

    void chunkEnd(byte[] array, int offset, int to, long abs, long held) {
        this.a = array;
        this.from = offset;
        this.chunkAbs = abs;
        if (held >= abs) {
            markLine = lineAt(held);
            markAbs = held;
        } else if (held < 0) {
            markAbs = -1;
        }
        newlines += ByteScan.countNewlines(a, local(countedAbs), to);
        countedAbs = abs + (to - offset);
    }

    private int local(long abs) {
        return (int) (abs - chunkAbs) + from;
    }
}
