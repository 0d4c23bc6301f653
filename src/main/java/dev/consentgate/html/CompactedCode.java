package dev.consentgate.html;

import java.util.Arrays;

/**
 * A script's code as the compact forms of signatures are written, streaming: the whitespace and comments between
 * its tokens left out, a single space kept only between two names ({@code function gtag}), string literals as they
 * are. So {@code gtag(\n  'consent', // v2\n  'default',} reads {@code gtag('consent','default',}, as on one line.
 * White space is JavaScript's, past ASCII too: in UTF-8, a no-break space, the byte order mark, the Unicode spaces
 * and the line and paragraph separators (which end a line comment too), and a single-byte encoding's no-break space
 * (the byte 0xA0 after an ASCII byte). Other encodings' spaces (Shift_JIS's ideographic space) are not known here.
 * Signatures are looked for in this text as well as in the code as written: a call a site lays out over several
 * lines, or comments, is found as its one-line form is, whichever rule it belongs to (a tag's configuration as much
 * as the defaults that excuse the gtag function). Only a reading for signatures: a regular expression may be taken
 * for a comment or a string, which at worst leaves a match to the code as written.
 * The state survives between pieces, so the text does not depend on where the script is cut. The text of each string
 * literal may go, as the engine reads it ({@link StringEscapes#forStringText()}), to a sink that reads it in turn:
 * the code a string holds for {@code eval} or {@code setTimeout} ({@link CodeInStrings}), a data: URL
 * ({@link ScriptDataUrls}).
 */
final class CompactedCode {

    /** Receives the text of each string literal, its escapes decoded: pieces of it, then its end. */
    interface StringText {
        /** {@code asWritten}: the piece is the script's own bytes, no escape decoded into it. */
        void text(byte[] a, int from, int to, boolean asWritten);

        /** The string ended (its quote, a line's end, or the code's end). */
        void end();

        /** Both sinks, {@code first} first. */
        static StringText both(StringText first, StringText second) {
            return new StringText() {
                @Override
                public void text(byte[] a, int from, int to, boolean asWritten) {
                    first.text(a, from, to, asWritten);
                    second.text(a, from, to, asWritten);
                }

                @Override
                public void end() {
                    first.end();
                    second.end();
                }
            };
        }
    }

    private enum State {
        CODE, SLASH, LINE_COMMENT, BLOCK_COMMENT, BLOCK_COMMENT_STAR, STRING, STRING_ESCAPE,
        /** After a backslash and a carriage return in a string: a line feed next is the same line continuation. */
        STRING_CONTINUATION,
        /** In code, after the first bytes of what may be white space past ASCII ({@link #pending}). */
        CODE_PAST_ASCII,
        /** In a line comment, after the first bytes of what may be a line or paragraph separator. */
        LINE_COMMENT_PAST_ASCII
    }

    private State state = State.CODE;
    /** The quote that ends the string being read. */
    private byte quote;
    /** Whitespace or a comment was left out since the last byte written. */
    private boolean gap;
    /** The last byte written; 0 before any. */
    private byte last;
    private byte[] out = new byte[0];
    private int length;
    /** The last piece came out as it went in. */
    private boolean verbatim;
    /** The bytes read of what may be white space past ASCII, in UTF-8 (a piece may cut it). */
    private final byte[] pending = new byte[3];
    private int pendingLength;
    /** Receives the strings' text; null when nobody reads it. */
    private final StringText strings;
    /** Decodes the strings' escapes for {@link #strings}. */
    private final StringEscapes stringEscapes;

    /** Bytes that end a run of plain code: whitespace, a slash, a quote. */
    private static final boolean[] CODE_STOPS = new boolean[256];
    /** Bytes that end a run of a string's text besides its quote: an escape, a line's end. */
    private static final boolean[] STRING_STOPS = new boolean[256];

    /** JavaScript's white space past ASCII in UTF-8: U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000, U+FEFF. */
    private static final int[] SPACES_PAST_ASCII = {0xC2A0, 0xE19A80, 0xE28080, 0xE28081, 0xE28082, 0xE28083,
        0xE28084, 0xE28085, 0xE28086, 0xE28087, 0xE28088, 0xE28089, 0xE2808A, 0xE280AF, 0xE2819F, 0xE38080, 0xEFBBBF};
    /** The line and paragraph separators, U+2028 and U+2029, in UTF-8: white space that ends a line comment too. */
    private static final int[] LINE_ENDS_PAST_ASCII = {0xE280A8, 0xE280A9};
    /** The first byte of both. */
    private static final byte LINE_END_PAST_ASCII_START = (byte) 0xE2;
    /** A single-byte encoding's no-break space (windows-1252, ISO-8859-x), after an ASCII byte. */
    private static final byte SINGLE_BYTE_NO_BREAK_SPACE = (byte) 0xA0;
    /** The last byte of each white space past ASCII (see {@link #mayEndSpacePastAscii}). */
    private static final boolean[] SPACE_PAST_ASCII_ENDS = new boolean[256];
    /** The first byte of each white space past ASCII in UTF-8. */
    private static final boolean[] SPACE_PAST_ASCII_STARTS = new boolean[256];

    static {
        for (char c : " \t\n\r\f\u000B/'\"`".toCharArray()) {
            CODE_STOPS[c] = true;
        }
        for (char c : "\\\n\r".toCharArray()) {
            STRING_STOPS[c] = true;
        }
        for (int[] list : new int[][] {SPACES_PAST_ASCII, LINE_ENDS_PAST_ASCII}) {
            for (int space : list) {
                SPACE_PAST_ASCII_STARTS[space > 0xFFFF ? space >>> 16 : space >>> 8] = true;
                SPACE_PAST_ASCII_ENDS[space & 0xFF] = true;
            }
        }
        SPACE_PAST_ASCII_ENDS[SINGLE_BYTE_NO_BREAK_SPACE & 0xFF] = true;
        for (int b = 0x80; b < 0x100; b++) {
            CODE_STOPS[b] = SPACE_PAST_ASCII_STARTS[b] || b == (SINGLE_BYTE_NO_BREAK_SPACE & 0xFF);
        }
    }

    /**
     * Whether {@code b} may be the last byte of white space past ASCII: a text none of whose bytes is one holds none,
     * however it was cut.
     */
    static boolean mayEndSpacePastAscii(byte b) {
        return SPACE_PAST_ASCII_ENDS[b & 0xff];
    }

    /** Code whose strings' text nobody reads. */
    CompactedCode() {
        this(null);
    }

    /** Code whose strings' text, escapes decoded, goes to {@code strings} (null: nowhere). */
    CompactedCode(StringText strings) {
        this.strings = strings;
        this.stringEscapes = strings == null ? null : StringEscapes.forStringText();
    }

    void reset() {
        state = State.CODE;
        gap = false;
        last = 0;
        length = 0;
        pendingLength = 0;
        if (strings != null) {
            stringEscapes.reset();
        }
    }

    /** A new piece of the output starts, empty (for code read in pieces of pieces: see {@link #append}). */
    void clear() {
        length = 0;
    }

    /**
     * The code read so far ends, such as a string's text that holds code: a NUL, in no signature, keeps what comes
     * next from continuing it, which is read afresh (a string still open in it ends here too).
     */
    void endOfCode() {
        room(1);
        if (strings != null && inString()) {
            stringEnd();
        }
        out[length++] = 0;
        state = State.CODE;
        gap = false;
        last = 0;
        pendingLength = 0;
    }

    /** The script ends: a string it leaves open ends with it, for its sink. */
    void end() {
        if (strings != null && inString()) {
            stringEnd();
        }
        state = State.CODE;
        pendingLength = 0;
    }

    /**
     * Compacts {@code a[from, to)}, after what came before: the result is {@link #bytes()}[0, {@link #length()}).
     * Runs of plain code and of a string's text are copied whole; only the bytes that change the reading are looked
     * at one by one.
     */
    void compact(byte[] a, int from, int to) {
        length = 0;
        verbatim = state == State.CODE || state == State.STRING;
        append(a, from, to);
        verbatim &= length == to - from;
    }

    /** Compacts {@code a[from, to)} after the output of this piece so far (see {@link #clear}). */
    void append(byte[] a, int from, int to) {
        // at most a held '/' or the bytes held of a character past ASCII, and a space, more than the bytes read
        room(to - from + pending.length + 1);
        int i = from;
        while (i < to) {
            switch (state) {
                case CODE -> {
                    int end = i;
                    while (end < to && !CODE_STOPS[a[end] & 0xff]) {
                        end++;
                    }
                    if (end == i) {
                        code(a[i++]);
                    } else {
                        // the run's first byte may need a space before it; the rest follow it as they are
                        write(a[i]);
                        copy(a, i + 1, end);
                        i = end;
                    }
                }
                case STRING -> {
                    int end = i;
                    while (end < to && !STRING_STOPS[a[end] & 0xff] && a[end] != quote) {
                        end++;
                    }
                    copy(a, i, end);
                    if (strings != null && end > i) {
                        // STRING_STOPS hold the backslash: this run has none
                        passStringText(stringEscapes.decodeRunWithoutBackslash(a, i, end));
                    }
                    if (end < to) {
                        string(a[end]);
                        if (strings != null) {
                            if (state == State.CODE) {
                                stringEnd();
                            } else {
                                stringText(a, end, end + 1);
                            }
                        }
                        end++;
                    }
                    i = end;
                }
                case STRING_ESCAPE -> {
                    if (strings != null) {
                        stringText(a, i, i + 1);
                    }
                    out[length++] = a[i];
                    last = a[i];
                    state = a[i++] == '\r' ? State.STRING_CONTINUATION : State.STRING;
                }
                case STRING_CONTINUATION -> {
                    state = State.STRING;
                    if (a[i] == '\n') {
                        // "\" and CRLF are one line continuation: the line feed does not end the string
                        if (strings != null) {
                            stringText(a, i, i + 1);
                        }
                        out[length++] = a[i];
                        last = a[i++];
                    }
                }
                case SLASH -> {
                    byte b = a[i++];
                    verbatim = false;
                    if (b == '/') {
                        state = State.LINE_COMMENT;
                    } else if (b == '*') {
                        state = State.BLOCK_COMMENT;
                    } else {
                        // a division or a regular expression: the '/' held, then this byte as code
                        state = State.CODE;
                        write((byte) '/');
                        code(b);
                    }
                }
                case LINE_COMMENT -> {
                    verbatim = false;
                    while (i < to && a[i] != '\n' && a[i] != '\r' && a[i] != LINE_END_PAST_ASCII_START) {
                        i++;
                    }
                    if (i < to) {
                        if (a[i] == '\n' || a[i] == '\r') {
                            state = State.CODE;
                            gap = true;
                        } else {
                            pending[0] = a[i];
                            pendingLength = 1;
                            state = State.LINE_COMMENT_PAST_ASCII;
                        }
                        i++;
                    }
                }
                case CODE_PAST_ASCII -> {
                    pending[pendingLength++] = a[i];
                    int read = spacePastAscii();
                    if (read == PREFIX) {
                        i++;
                    } else if (read == NONE) {
                        // no white space: the bytes held are code, and this byte is read again as code
                        state = State.CODE;
                        write(pending[0]);
                        copy(pending, 1, pendingLength - 1);
                        pendingLength = 0;
                    } else {
                        i++;
                        state = State.CODE;
                        pendingLength = 0;
                        gap = true;
                        verbatim = false;
                    }
                }
                case LINE_COMMENT_PAST_ASCII -> {
                    pending[pendingLength++] = a[i];
                    int read = spacePastAscii();
                    if (read == PREFIX) {
                        i++;
                    } else {
                        pendingLength = 0;
                        if (read == LINE_END) {
                            state = State.CODE;
                            gap = true;
                        } else {
                            state = State.LINE_COMMENT;
                        }
                        if (read != NONE) {
                            // else this byte is read again in the comment: it may end it
                            i++;
                        }
                    }
                }
                case BLOCK_COMMENT -> {
                    verbatim = false;
                    i = ByteScan.indexOf(a, i, to, (byte) '*');
                    if (i < to) {
                        i++;
                        state = State.BLOCK_COMMENT_STAR;
                    }
                }
                case BLOCK_COMMENT_STAR -> {
                    verbatim = false;
                    byte b = a[i++];
                    if (b == '/') {
                        state = State.CODE;
                        gap = true;
                    } else if (b != '*') {
                        state = State.BLOCK_COMMENT;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    /** {@link #pending} may start white space past ASCII, and has not ended it. */
    private static final int PREFIX = 0;
    /** {@link #pending} is no white space. */
    private static final int NONE = 1;
    /** {@link #pending} is white space. */
    private static final int SPACE = 2;
    /** {@link #pending} is a line or paragraph separator. */
    private static final int LINE_END = 3;

    /** What the bytes of {@link #pending} are. */
    private int spacePastAscii() {
        int held = 0;
        for (int k = 0; k < pendingLength; k++) {
            held = held << 8 | pending[k] & 0xff;
        }
        int shift = 8 * (((pending[0] & 0xff) < 0xE0 ? 2 : 3) - pendingLength);
        if (shift == 0) {
            return contains(LINE_ENDS_PAST_ASCII, held) ? LINE_END : contains(SPACES_PAST_ASCII, held) ? SPACE : NONE;
        }
        for (int[] list : new int[][] {SPACES_PAST_ASCII, LINE_ENDS_PAST_ASCII}) {
            for (int space : list) {
                if (space >>> shift == held) {
                    return PREFIX;
                }
            }
        }
        return NONE;
    }

    private static boolean contains(int[] list, int value) {
        for (int v : list) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private boolean inString() {
        return state == State.STRING || state == State.STRING_ESCAPE || state == State.STRING_CONTINUATION;
    }

    /** A piece of a string's text, as written: to {@link #strings} decoded (an escape it cuts waits for the next). */
    private void stringText(byte[] a, int from, int to) {
        stringEscapes.decode(a, from, to);
        passStringText(false);
    }

    /** The string ends: an escape its end completes, then the end, to {@link #strings}. */
    private void stringEnd() {
        stringEscapes.end();
        passStringText(false);
        strings.end();
    }

    private void passStringText(boolean asWritten) {
        if (stringEscapes.length() > 0) {
            int from = stringEscapes.offset();
            strings.text(stringEscapes.text(), from, from + stringEscapes.length(), asWritten);
        }
    }

    private void room(int more) {
        if (out.length < length + more) {
            out = Arrays.copyOf(out, Math.max(length + more, 2 * out.length));
        }
    }

    /**
     * Whether the last piece compacted came out as it went in (nothing left out, held or added): its scan as written
     * stands for the compact text's.
     */
    boolean wasVerbatim() {
        return verbatim;
    }

    private void copy(byte[] a, int from, int to) {
        if (to > from) {
            System.arraycopy(a, from, out, length, to - from);
            length += to - from;
            last = a[to - 1];
        }
    }

    /** A byte of a string that ends it, escapes the next, or ends the line. */
    private void string(byte b) {
        out[length++] = b;
        last = b;
        if (b == '\\') {
            state = State.STRING_ESCAPE;
        } else if (b == quote || (b == '\n' || b == '\r') && quote != '`') {
            // a quote or apostrophe string ends at the line's end too (else the code is broken): a mistaken
            // string, from a regular expression, goes no further
            state = State.CODE;
        }
    }

    private void code(byte b) {
        if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0B
                || b == SINGLE_BYTE_NO_BREAK_SPACE && last >= 0) {
            gap = true;
            verbatim = false;
            return;
        }
        if (SPACE_PAST_ASCII_STARTS[b & 0xff]) {
            pending[0] = b;
            pendingLength = 1;
            state = State.CODE_PAST_ASCII;
            return;
        }
        if (b == '/') {
            state = State.SLASH;
            verbatim = false;
            return;
        }
        if (b == '\'' || b == '"' || b == '`') {
            state = State.STRING;
            quote = b;
        }
        write(b);
    }

    private void write(byte b) {
        if (gap && isNameByte(last) && isNameByte(b)) {
            out[length++] = ' ';
            verbatim = false;
        }
        gap = false;
        out[length++] = b;
        last = b;
    }

    /** A byte of a name: an ASCII letter or digit, '_', '$', or any byte of a non-ASCII character. */
    private static boolean isNameByte(byte b) {
        return b < 0 || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '$';
    }

    byte[] bytes() {
        return out;
    }

    int length() {
        return length;
    }
}
