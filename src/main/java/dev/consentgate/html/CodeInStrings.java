package dev.consentgate.html;

import java.util.Arrays;

/**
 * The code a script's strings may hold, read for signatures: {@code setTimeout("fbq ('track')")},
 * {@code setInterval}, {@code eval}, {@code new Function} and a created script's {@code text} run a string as code,
 * which the script's signatures as written and compacted keep as it is ({@code fbq (} is no {@code fbq(} there).
 * Each string's text, its escapes decoded ({@link StringEscapes#forStringText()}), is read as {@link CompactedCode}
 * reads code, and the strings inside it the same way, {@link #LEVELS} deep ({@code eval("setTimeout('...')")}).
 * Failing closed, every string counts, whatever the script does with it: text that reads as a tracker's call is one.
 * Strings are read one by one: code a script joins from pieces ({@code "fb" + "q("}) is not put back together.
 * A string whose text is its bytes as written, with nothing in it that reading it as code changes (white space, past
 * ASCII too, a quote, an escape, a {@code *} that may end a comment), reads as a piece of the script the scans as
 * written already searched (a {@code //} only cuts it short), so it is held and dropped at its end, not searched
 * twice: most strings are names, keys and URLs.
 */
final class CodeInStrings implements CompactedCode.StringText {

    /** How deep strings inside strings are read as code. */
    static final int LEVELS = 2;

    private final SignatureMatcher signatures;
    private final CompactedCode code;
    /** The strings inside this level's strings; null at the last level. */
    private final CodeInStrings deeper;
    private int matcherState;
    private final SignatureMatcher.Lookback lookback;
    /** The string being read still reads as the script's bytes as written (see the class comment). */
    private boolean asWritten = true;
    /** That string's text so far, while it does. */
    private byte[] held = new byte[64];
    private int heldLength;

    /**
     * Bytes that reading a string's text as code may change: white space (the last byte of one past ASCII, which a
     * piece cut before it leaves whole in what is held), quotes, escapes, a comment's end.
     */
    private static final boolean[] CHANGED_AS_CODE = new boolean[256];

    static {
        for (char c : " \t\n\r\f\u000B'\"`\\*".toCharArray()) {
            CHANGED_AS_CODE[c] = true;
        }
        for (int b = 0x80; b < 0x100; b++) {
            CHANGED_AS_CODE[b] = CompactedCode.mayEndSpacePastAscii((byte) b);
        }
    }

    /** The code in a script's strings, {@link #LEVELS} deep, to be searched for {@code signatures}. */
    CodeInStrings(SignatureMatcher signatures) {
        this(signatures, LEVELS);
    }

    private CodeInStrings(SignatureMatcher signatures, int levels) {
        this.signatures = signatures;
        this.deeper = levels > 1 ? new CodeInStrings(signatures, levels - 1) : null;
        this.code = new CompactedCode(deeper);
        this.lookback = signatures.newLookback();
    }

    void reset() {
        asWritten = true;
        heldLength = 0;
        code.reset();
        matcherState = 0;
        lookback.reset();
        if (deeper != null) {
            deeper.reset();
        }
    }

    /** A new piece of the script is read: what its strings held is read afresh. */
    void clear() {
        code.clear();
        if (deeper != null) {
            deeper.clear();
        }
    }

    @Override
    public void text(byte[] a, int from, int to, boolean asWritten) {
        if (this.asWritten && asWritten && readsAsWritten(a, from, to)) {
            hold(a, from, to);
            return;
        }
        if (this.asWritten) {
            this.asWritten = false;
            code.append(held, 0, heldLength);
            heldLength = 0;
        }
        code.append(a, from, to);
    }

    @Override
    public void end() {
        if (asWritten) {
            heldLength = 0;
        } else {
            code.endOfCode();
        }
        asWritten = true;
    }

    private static boolean readsAsWritten(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (CHANGED_AS_CODE[a[i] & 0xff]) {
                return false;
            }
        }
        return true;
    }

    private void hold(byte[] a, int from, int to) {
        if (heldLength + to - from > held.length) {
            held = Arrays.copyOf(held, Math.max(heldLength + to - from, 2 * held.length));
        }
        System.arraycopy(a, from, held, heldLength, to - from);
        heldLength += to - from;
    }

    /**
     * Searches the code the strings of the piece read since {@link #clear} hold, at each level, for signatures;
     * returns false when {@code hits} asked to stop.
     */
    boolean scan(SignatureMatcher.Hits hits) {
        if (code.length() > 0) {
            int next = signatures.scan(code.bytes(), 0, code.length(), matcherState, hits, lookback);
            if (next < 0) {
                return false;
            }
            matcherState = next;
        }
        return deeper == null || deeper.scan(hits);
    }
}
