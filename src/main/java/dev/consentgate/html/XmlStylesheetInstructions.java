package dev.consentgate.html;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code <?xml-stylesheet ...?>} processing instructions of a page parsed as XML after its prolog (whose own
 * {@link XmlProlog} reads): one after the root element is the document's as much as one before it, and Chromium 150
 * loads its address too. The tokenizer reads such an instruction as a bogus comment, to its first {@code >}, and
 * reports only its offsets when it ends: this reads the page's bytes alike, ahead of the tokenizer, keeping the text
 * of each {@code <?} that starts such an instruction, and holding the page's output from its {@code <?} until its
 * {@code >}, so that the rewriter can take it out whole however the body is cut. A {@code <?} that the tokenizer does
 * not read as one (in a comment or a value) is held until its {@code >} and then forgotten.
 */
final class XmlStylesheetInstructions {

    private static final byte[] TARGET = "<?xml-stylesheet".getBytes(StandardCharsets.US_ASCII);
    /** The longest instruction held: past it, the page is not rewritten (the instruction cannot be judged whole). */
    static final int MAX_BYTES = XmlProlog.MAX_BYTES;

    /** Where the {@code <?} being read starts, -1 when none is open. */
    private long start = -1;
    /** Its text so far, while it may be a stylesheet instruction. */
    private byte[] text = new byte[64];
    private int length;
    /** The last byte read was a {@code <}, at {@link #lessThan}. */
    private boolean afterLessThan;
    private long lessThan;
    /** The instructions read to their {@code >}, by their start, that the tokenizer has yet to report. */
    private final List<Instruction> read = new ArrayList<>();

    private record Instruction(long start, String text) {
    }

    /**
     * Reads {@code a[from, to)}, whose first byte is at offset {@code abs} in the page.
     *
     * @throws IllegalStateException when a stylesheet instruction runs past {@link #MAX_BYTES}
     */
    void read(byte[] a, int from, int to, long abs) {
        int i = from;
        while (i < to) {
            if (start >= 0) {
                // an instruction, to its first '>' (the tokenizer's bogus comment)
                int gt = ByteScan.indexOf(a, i, to, (byte) '>');
                int end = gt < to ? gt + 1 : to;
                keep(a, i, end);
                i = end;
                if (gt < to) {
                    if (length > TARGET.length && mayBeStylesheet()) {
                        read.add(new Instruction(start, new String(text, 0, length, StandardCharsets.UTF_8)));
                    }
                    start = -1;
                }
            } else if (afterLessThan) {
                // a '<' ended the last piece
                afterLessThan = false;
                if (a[i] == '?') {
                    open(lessThan);
                    i++;
                }
            } else {
                int lt = ByteScan.indexOf(a, i, to, (byte) '<');
                if (lt + 1 >= to) {
                    afterLessThan = lt + 1 == to;
                    lessThan = abs + lt - from;
                    return;
                }
                if (a[lt + 1] == '?') {
                    open(abs + lt - from);
                    i = lt + 2;
                } else {
                    i = lt + 1;
                }
            }
        }
    }

    /**
     * Where the output must be held from: the start of an open instruction that may be a stylesheet's, or a '<' that
     * may open one; -1 if none.
     */
    long heldFrom() {
        if (afterLessThan) {
            return lessThan;
        }
        return start >= 0 && mayBeStylesheet() ? start : -1;
    }

    /**
     * The text, to its first {@code >}, of the stylesheet instruction that starts at {@code at}, which the tokenizer
     * read as a bogus comment; null when none does. Instructions read before it are forgotten.
     */
    String take(long at) {
        while (!read.isEmpty() && read.get(0).start() <= at) {
            Instruction first = read.remove(0);
            if (first.start() == at) {
                return first.text();
            }
        }
        return null;
    }

    /**
     * The tokenizer read the bytes given to {@link #read}: an instruction it did not report was no bogus comment to it
     * (a {@code <?} in a comment or a value) and is forgotten, so that such text holds no memory.
     */
    void tokenized() {
        read.clear();
    }

    private void open(long at) {
        start = at;
        length = 0;
        text[length++] = '<';
        text[length++] = '?';
    }

    /** Keeps {@code a[from, to)} of the open instruction's text while it may be a stylesheet instruction. */
    private void keep(byte[] a, int from, int to) {
        int k = from;
        while (k < to && length < TARGET.length) {
            text[length++] = a[k++];
        }
        if (k == to || !mayBeStylesheet()) {
            return;
        }
        if (length + to - k > MAX_BYTES) {
            throw new IllegalStateException("an xml-stylesheet processing instruction of the page is longer than "
                    + MAX_BYTES + " bytes: it cannot be judged whole");
        }
        if (length + to - k > text.length) {
            text = Arrays.copyOf(text, Math.max(length + to - k, 2 * text.length));
        }
        System.arraycopy(a, k, text, length, to - k);
        length += to - k;
    }

    /** Whether the text so far starts like a stylesheet instruction (in ASCII case, as the prolog's are read). */
    private boolean mayBeStylesheet() {
        for (int k = 0; k < Math.min(length, TARGET.length); k++) {
            if ((text[k] | 0x20) != (TARGET[k] | 0x20)) {
                return false;
            }
        }
        return true;
    }
}
