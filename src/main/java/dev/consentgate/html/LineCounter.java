package dev.consentgate.html;

/**
 * Line numbers for events, counted once per byte with a word-at-a-time scan. A line ends at an LF, a CR, or a CR
 * and LF together (HTML's input stream preprocessing), a pair counted once even when a chunk's end falls between
 * them. Remembers the line of the element still held at a chunk's end, whose bytes are gone from the next chunk's
 * array.
 */
final class LineCounter {

    /** Line ends in {@code [0, countedAbs)}. */
    private long newlines;
    private long countedAbs;
    private long markAbs = -1;
    private long markLine;
    private byte[] a;
    private int from;
    private long chunkAbs;
    /** The byte before the chunk (the last of the one before) is a CR. */
    private boolean crBeforeChunk;

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
            newlines += ByteScan.countLineEnds(a, local(countedAbs), local(abs), crBefore(countedAbs));
            countedAbs = abs;
            return newlines + 1;
        }
        return newlines - ByteScan.countLineEnds(a, local(abs), local(countedAbs), crBefore(abs)) + 1;
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
        newlines += ByteScan.countLineEnds(a, local(countedAbs), to, crBefore(countedAbs));
        countedAbs = abs + (to - offset);
        if (to > offset) {
            crBeforeChunk = a[to - 1] == '\r';
        }
    }

    /** Whether the byte before {@code abs} (in this chunk, or the last of the one before) is a CR. */
    private boolean crBefore(long abs) {
        return abs == chunkAbs ? crBeforeChunk : a[local(abs) - 1] == '\r';
    }

    private int local(long abs) {
        return (int) (abs - chunkAbs) + from;
    }
}
