package dev.consentgate.html;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The spans of a stylesheet that go as {@code none} (a blocked address, or a long token dropped whole), by absolute
 * offset, and the writing of held bytes with them replaced: overlapping spans are one, and the rest of a long token,
 * recorded piece by piece as it streams past, continues the {@code none} its start was written as.
 */
final class NoneSpans {

    private static final byte[] NONE = CssUrls.NONE.getBytes(StandardCharsets.US_ASCII);

    /** Start, end and 1 for a span that continues one already begun (else 0), ordered by start. */
    private final List<long[]> spans = new ArrayList<>();
    /** Where the last {@code none} written ends: a span that continues from there adds none. */
    private long noneEndsAt = -1;

    /** Records a span; false when the same one is already recorded (several readings may find it). */
    boolean add(long start, long end) {
        int at = insertionPoint(start);
        if (at > 0 && spans.get(at - 1)[0] == start && spans.get(at - 1)[1] == end) {
            return false;
        }
        spans.add(at, new long[] {start, end, 0});
        return true;
    }

    /** Records more of a long token whose start went (or goes) as none. */
    void addRest(long start, long end) {
        spans.add(insertionPoint(start), new long[] {start, end, 1});
    }

    private int insertionPoint(long start) {
        int at = spans.size();
        while (at > 0 && spans.get(at - 1)[0] > start) {
            at--;
        }
        return at;
    }

    /**
     * Writes {@code held} (whose first byte is at {@code heldStart}) up to {@code settled} into {@code out}, each
     * span replaced; a span that reaches past {@code settled} waits, with what follows its start. Returns how far
     * it wrote.
     */
    long write(byte[] held, long heldStart, long settled, ByteBuf out) {
        long at = heldStart;
        while (!spans.isEmpty() && spans.get(0)[0] < settled) {
            long start = spans.get(0)[0];
            long end = spans.get(0)[1];
            int merged = 1;
            while (merged < spans.size() && (spans.get(merged)[0] < end
                    || spans.get(merged)[0] == end && spans.get(merged)[2] == 1)) {
                end = Math.max(end, spans.get(merged)[1]);
                merged++;
            }
            if (end > settled) {
                settled = start;
                break;
            }
            out.writeBytes(held, (int) (at - heldStart), (int) (start - at));
            if (!(spans.get(0)[2] == 1 && start == noneEndsAt)) {
                out.writeBytes(NONE);
            }
            noneEndsAt = end;
            at = end;
            spans.subList(0, merged).clear();
        }
        if (settled > at) {
            out.writeBytes(held, (int) (at - heldStart), (int) (settled - at));
        }
        return settled;
    }
}
