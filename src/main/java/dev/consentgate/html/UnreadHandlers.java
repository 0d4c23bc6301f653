package dev.consentgate.html;

import static dev.consentgate.html.ByteClasses.SPACE;
import static dev.consentgate.html.HtmlTokenizer.BEFORE_ATTR_VALUE;

import java.util.Arrays;

/**
 * The event handlers of a start tag past the size limit that the limit leaves unread or cuts, found for the tag
 * states (see {@link HtmlTokenizer.Sink#handlerPastLimit}): among the attributes recorded when the tag overflows, as
 * they are in the whole tag (a name or a value that runs past the limit), and then at each attribute name the states
 * step over, by its first two bytes. Where a chunk ends after a name's first byte, or after a handler's name with no
 * value yet, the next bytes decide, and the output is held from that name meanwhile: what is found does not depend on
 * how the page is cut.
 */
final class UnreadHandlers {

    private final HtmlTokenizer.Sink sink;
    private final TagToken tag;
    private final int maxTagBytes;
    /** Where the handlers found when the tag overflowed start, told to the sink once it knows of the overflow. */
    private long[] found = new long[4];
    private int foundCount;
    /** Where a name starting with 'o' begins as the last byte of a chunk (its next byte decides); -1 when none. */
    private long nameAt = -1;
    /**
     * Where a handler's name starts that was read whole within the limit with no value yet when the tag overflowed:
     * an '=' after it (a value past the limit) makes it one to rename; -1 when none.
     */
    private long valuePendingAt = -1;
    /** A name of {@link #found} whose next byte the chunk's end cut, or one awaiting its value (see overflowed). */
    private long foundNameAt = -1;
    private long foundValuePendingAt = -1;

    UnreadHandlers(HtmlTokenizer.Sink sink, TagToken tag, int maxTagBytes) {
        this.sink = sink;
        this.tag = tag;
        this.maxTagBytes = maxTagBytes;
    }

    /**
     * The tag is about to be cut to the limit, its first {@code read} bytes read, its attributes recorded as they
     * were; with {@code lastMayGoOn} its last attribute may go on past {@code read} (which is past the limit).
     */
    void overflowing(int read, boolean lastMayGoOn) {
        foundCount = 0;
        byte[] bytes = tag.bytes();
        int offset = tag.offset();
        int recorded = tag.attrCount;
        for (int k = 0; k < recorded; k++) {
            int at = tag.nameStart[k];
            boolean nameWhole = tag.nameEnd[k] > at;
            boolean readWhole = nameWhole && tag.nameEnd[k] <= maxTagBytes && (tag.valueStart[k] < 0
                    || tag.valueEnd[k] >= 0 && tag.valueEnd[k] <= maxTagBytes);
            boolean valueMayFollow = lastMayGoOn && k == recorded - 1 && nameWhole && tag.valueStart[k] < 0;
            if (readWhole && !valueMayFollow || at >= read || (bytes[offset + at] | 0x20) != 'o') {
                continue;
            }
            if (at + 1 == read) {
                foundNameAt = tag.start + at;
            } else if ((bytes[offset + at + 1] | 0x20) == 'n') {
                if (readWhole) {
                    foundValuePendingAt = tag.start + at;
                } else {
                    add(tag.start + at);
                }
            }
        }
    }

    /** The sink knows the tag overflowed: it is told of the handlers found then. */
    void overflowed() {
        for (int k = 0; k < foundCount; k++) {
            sink.handlerPastLimit(tag.start, found[k]);
        }
        foundCount = 0;
        nameAt = foundNameAt;
        valuePendingAt = foundValuePendingAt;
        foundNameAt = -1;
        foundValuePendingAt = -1;
    }

    /** A chunk starts at {@code a[from, to)}: a name's first byte held at the last one's end is decided. */
    void chunkStart(byte[] a, int from, int to) {
        if (nameAt >= 0 && from < to) {
            long at = nameAt;
            nameAt = -1;
            if ((a[from] | 0x20) == 'n') {
                sink.handlerPastLimit(tag.start, at);
            }
        }
    }

    /** An attribute name of an overflowed start tag starts at {@code a[p]}, in a chunk that ends at {@code to}. */
    void nameStarts(byte[] a, int p, int to, long delta) {
        if (tag.endTag || (a[p] | 0x20) != 'o') {
            return;
        }
        if (p + 1 == to) {
            nameAt = p + delta;
        } else if ((a[p + 1] | 0x20) == 'n') {
            sink.handlerPastLimit(tag.start, p + delta);
        }
    }

    /** Whether a handler's name awaits what follows it ({@link #afterName}). */
    boolean awaitsValue() {
        return valuePendingAt >= 0;
    }

    /**
     * After a handler's name with no value yet, the attribute states read {@code c} in state {@code st} (after the
     * name, or before a value): an '=' (a value, empty or not, past the limit) makes it one to rename; anything else
     * but white space ends the wait.
     */
    void afterName(byte c, int st) {
        if (SPACE[c & 0xff]) {
            return;
        }
        if (st == BEFORE_ATTR_VALUE || c == '=') {
            sink.handlerPastLimit(tag.start, valuePendingAt);
        }
        valuePendingAt = -1;
    }

    /** The tag ended. */
    void tagEnded() {
        valuePendingAt = -1;
    }

    /** Where the output must be held from while a name is undecided; -1 when none. */
    long heldFrom() {
        return valuePendingAt >= 0 && (nameAt < 0 || valuePendingAt < nameAt) ? valuePendingAt : nameAt;
    }

    private void add(long at) {
        if (foundCount == found.length) {
            found = Arrays.copyOf(found, 2 * foundCount);
        }
        found[foundCount++] = at;
    }
}
