package dev.consentgate.html;

import static dev.consentgate.html.ByteClasses.isAlpha;
import static dev.consentgate.html.ByteClasses.isSpace;
import static dev.consentgate.html.HtmlTokenizer.RAW;
import static dev.consentgate.html.HtmlTokenizer.RAW_END_NAME;
import static dev.consentgate.html.HtmlTokenizer.RAW_LT;
import static dev.consentgate.html.HtmlTokenizer.SCRIPT;
import static dev.consentgate.html.HtmlTokenizer.SCRIPT_DBL_ESC;
import static dev.consentgate.html.HtmlTokenizer.SCRIPT_DBL_ESC_DASH;
import static dev.consentgate.html.HtmlTokenizer.SCRIPT_DBL_ESC_DASH_DASH;
import static dev.consentgate.html.HtmlTokenizer.SCRIPT_DBL_ESC_END;
import static dev.consentgate.html.HtmlTokenizer.SCRIPT_DBL_ESC_LT;
import static dev.consentgate.html.HtmlTokenizer.SCRIPT_DBL_ESC_START;
import static dev.consentgate.html.HtmlTokenizer.SCRIPT_END_NAME;
import static dev.consentgate.html.HtmlTokenizer.SCRIPT_ESC;
import static dev.consentgate.html.HtmlTokenizer.SCRIPT_ESC_DASH;
import static dev.consentgate.html.HtmlTokenizer.SCRIPT_ESC_DASH_DASH;
import static dev.consentgate.html.HtmlTokenizer.SCRIPT_ESC_END_NAME;
import static dev.consentgate.html.HtmlTokenizer.SCRIPT_ESC_LT;
import static dev.consentgate.html.HtmlTokenizer.SCRIPT_ESC_START;
import static dev.consentgate.html.HtmlTokenizer.SCRIPT_ESC_START_DASH;
import static dev.consentgate.html.HtmlTokenizer.SCRIPT_LT;
import static dev.consentgate.html.HtmlTokenizer.TAG_NAME;

import java.util.Arrays;

/**
 * The tokenizer's raw text states: RAWTEXT and RCDATA (style, title, textarea...) and script data with its escaped
 * and double-escaped states, up to the appropriate end tag, whose name it reads before handing the tag over to the
 * tag states. When the sink asked for the text, passes it on as it is read.
 */
final class RawTextStates {

    private static final byte[] SCRIPT_NAME = {'s', 'c', 'r', 'i', 'p', 't'};

    private final HtmlTokenizer.Sink sink;
    private final TagToken tag;
    /** Lower-case name of the element whose end tag ends the text. */
    private byte[] endName;
    /** Letters matched so far of a possible end tag name (of "script" in the escaped states); -1 after a mismatch. */
    private int matched;
    /** The {@code <} that may open the end tag. */
    private long ltAbs;
    /** The sink asked for the text; what lies before {@code textMark} in the current chunk has been passed on. */
    private boolean passingText;
    private int textMark;
    /** Absolute offset of the current chunk's index 0. */
    private long chunkDelta;
    /**
     * The bytes of a possible end tag that a chunk's end cut ({@code "</scr"}): held back from the sink until the
     * next chunk shows whether they are text, so the text the sink sees does not depend on where chunks end.
     */
    private byte[] carry = new byte[16];
    private int carryLength;
    /** The state the last {@link #scan} stopped in: a raw text state, or TAG_NAME once the end tag's name was read. */
    int state;

    RawTextStates(HtmlTokenizer.Sink sink, TagToken tag) {
        this.sink = sink;
        this.tag = tag;
    }

    /** The text about to be read ends at the end tag named {@code lowerName}. */
    void expectEndTag(byte[] lowerName) {
        endName = lowerName;
    }

    /** The sink wants the text, which starts at {@code a[textStart]} of the current chunk. */
    void passTextFrom(int textStart) {
        passingText = true;
        textMark = textStart;
        carryLength = 0;
    }

    /** A chunk starts at {@code a[from]}, which is at absolute offset {@code from + delta}. */
    void chunkStart(int from, long delta) {
        textMark = from;
        chunkDelta = delta;
    }

    /**
     * The chunk ends at {@code a[to]}: the text it holds goes to the sink now, except a possible end tag it ends in,
     * which is carried to the next chunk.
     */
    void chunkEnd(byte[] a, int to) {
        if (!passingText) {
            return;
        }
        int end = to;
        if (mayBeEndTag(state)) {
            end = (int) Math.max(textMark, Math.min(to, ltAbs - chunkDelta));
            hold(a, end, to);
        } else {
            // the chunk's last byte may have shown the carried bytes to be text
            passCarry();
        }
        if (textMark < end) {
            sink.rawText(a, textMark, end);
        }
    }

    /** The input ended at {@code endAbs}, and with it any text the sink asked for. */
    void inputEnd(long endAbs) {
        if (passingText) {
            passCarry();
            passingText = false;
            sink.rawTextEnd(endAbs);
        }
    }

    /** States after a {@code <} that may open the end tag that ends the text. */
    private static boolean mayBeEndTag(int st) {
        return st == RAW_LT || st == RAW_END_NAME || st == SCRIPT_LT || st == SCRIPT_END_NAME || st == SCRIPT_ESC_LT
                || st == SCRIPT_ESC_END_NAME;
    }

    private void hold(byte[] a, int from, int to) {
        int n = to - from;
        if (carryLength + n > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(2 * carry.length, carryLength + n));
        }
        System.arraycopy(a, from, carry, carryLength, n);
        carryLength += n;
    }

    /** The bytes carried over turned out to be text: they go to the sink before any of this chunk's. */
    private void passCarry() {
        if (carryLength > 0) {
            int n = carryLength;
            carryLength = 0;
            sink.rawText(carry, 0, n);
        }
    }

    /**
     * Runs the raw text states from state {@code st} on {@code a[begin, to)}, whose index {@code k} is at absolute
     * offset {@code k + delta}; returns where it stopped (the byte after the end tag's name, or {@code to}), with
     * {@link #state}.
     */
    int scan(byte[] a, int begin, int to, long delta, int st) {
        int i = begin;
        while (i < to && st != TAG_NAME) {
            if (carryLength > 0 && !mayBeEndTag(st)) {
                passCarry();
            }
            switch (st) {
                case RAW:
                case SCRIPT:
                {
                    int lt = ByteScan.indexOf(a, i, to, (byte) '<');
                    if (lt == to) {
                        i = to;
                    } else {
                        ltAbs = lt + delta;
                        i = lt + 1;
                        st = st == RAW ? RAW_LT : SCRIPT_LT;
                    }
                    break;
                }
                case RAW_LT:
                {
                    if (a[i] == '/') {
                        i++;
                        matched = 0;
                        st = RAW_END_NAME;
                    } else {
                        st = RAW;
                    }
                    break;
                }
                case RAW_END_NAME:
                case SCRIPT_END_NAME:
                case SCRIPT_ESC_END_NAME:
                {
                    byte c = a[i];
                    int text = st == RAW_END_NAME ? RAW : st == SCRIPT_END_NAME ? SCRIPT : SCRIPT_ESC;
                    if (isSpace(c) || c == '/' || c == '>') {
                        // the tag name state reads c as the end of the name
                        st = matched == endName.length && endName.length > 0 ? openEndTag(a, delta) : text;
                    } else {
                        // a letter, or in XML a prefix's colon (no other byte is in a name expected here)
                        matched = extendMatch(matched, c, endName);
                        if (matched >= 0) {
                            i++;
                        } else {
                            st = text;
                        }
                    }
                    break;
                }
                case SCRIPT_LT:
                {
                    byte c = a[i];
                    if (c == '/') {
                        i++;
                        matched = 0;
                        st = SCRIPT_END_NAME;
                    } else if (c == '!') {
                        i++;
                        st = SCRIPT_ESC_START;
                    } else {
                        st = SCRIPT;
                    }
                    break;
                }
                case SCRIPT_ESC_START:
                {
                    if (a[i] == '-') {
                        i++;
                        st = SCRIPT_ESC_START_DASH;
                    } else {
                        st = SCRIPT;
                    }
                    break;
                }
                case SCRIPT_ESC_START_DASH:
                {
                    if (a[i] == '-') {
                        i++;
                        st = SCRIPT_ESC_DASH_DASH;
                    } else {
                        st = SCRIPT;
                    }
                    break;
                }
                case SCRIPT_ESC:
                case SCRIPT_DBL_ESC:
                {
                    int j = ByteScan.indexOfEither(a, i, to, (byte) '-', (byte) '<');
                    if (j == to) {
                        i = to;
                        break;
                    }
                    boolean dbl = st == SCRIPT_DBL_ESC;
                    if (a[j] == '-') {
                        st = dbl ? SCRIPT_DBL_ESC_DASH : SCRIPT_ESC_DASH;
                    } else {
                        ltAbs = j + delta;
                        st = dbl ? SCRIPT_DBL_ESC_LT : SCRIPT_ESC_LT;
                    }
                    i = j + 1;
                    break;
                }
                case SCRIPT_ESC_DASH:
                case SCRIPT_DBL_ESC_DASH:
                {
                    boolean dbl = st == SCRIPT_DBL_ESC_DASH;
                    byte c = a[i];
                    if (c == '-') {
                        st = dbl ? SCRIPT_DBL_ESC_DASH_DASH : SCRIPT_ESC_DASH_DASH;
                        i++;
                    } else if (c == '<') {
                        ltAbs = i + delta;
                        st = dbl ? SCRIPT_DBL_ESC_LT : SCRIPT_ESC_LT;
                        i++;
                    } else {
                        st = dbl ? SCRIPT_DBL_ESC : SCRIPT_ESC;
                    }
                    break;
                }
                case SCRIPT_ESC_DASH_DASH:
                case SCRIPT_DBL_ESC_DASH_DASH:
                {
                    boolean dbl = st == SCRIPT_DBL_ESC_DASH_DASH;
                    byte c = a[i];
                    if (c == '-') {
                        i++;
                    } else if (c == '<') {
                        ltAbs = i + delta;
                        st = dbl ? SCRIPT_DBL_ESC_LT : SCRIPT_ESC_LT;
                        i++;
                    } else if (c == '>') {
                        st = SCRIPT;
                        i++;
                    } else {
                        st = dbl ? SCRIPT_DBL_ESC : SCRIPT_ESC;
                    }
                    break;
                }
                case SCRIPT_ESC_LT:
                {
                    byte c = a[i];
                    if (c == '/') {
                        i++;
                        matched = 0;
                        st = SCRIPT_ESC_END_NAME;
                    } else if (isAlpha(c)) {
                        matched = 0;
                        st = SCRIPT_DBL_ESC_START;
                    } else {
                        st = SCRIPT_ESC;
                    }
                    break;
                }
                case SCRIPT_DBL_ESC_START:
                case SCRIPT_DBL_ESC_END:
                {
                    boolean start = st == SCRIPT_DBL_ESC_START;
                    byte c = a[i];
                    if (isSpace(c) || c == '/' || c == '>') {
                        // the letters read spell "script": the double escape starts or ends
                        boolean isScript = matched == SCRIPT_NAME.length;
                        if (start) {
                            st = isScript ? SCRIPT_DBL_ESC : SCRIPT_ESC;
                        } else {
                            st = isScript ? SCRIPT_ESC : SCRIPT_DBL_ESC;
                        }
                        i++;
                    } else if (isAlpha(c)) {
                        matched = extendMatch(matched, c, SCRIPT_NAME);
                        i++;
                    } else {
                        st = start ? SCRIPT_ESC : SCRIPT_DBL_ESC;
                    }
                    break;
                }
                case SCRIPT_DBL_ESC_LT:
                {
                    if (a[i] == '/') {
                        i++;
                        matched = 0;
                        st = SCRIPT_DBL_ESC_END;
                    } else {
                        st = SCRIPT_DBL_ESC;
                    }
                    break;
                }
                default:
                    throw new IllegalStateException("tokenizer state " + st);
            }
        }
        state = st;
        return i;
    }

    /** How far the letter {@code c} takes a match of {@code lowerName}: one letter further, or -1 (no match). */
    private static int extendMatch(int matched, byte c, byte[] lowerName) {
        int lower = c >= 'A' && c <= 'Z' ? c | 0x20 : c;
        return matched >= 0 && matched < lowerName.length && lower == lowerName[matched] ? matched + 1 : -1;
    }

    /**
     * The appropriate end tag's name was read: the text ends at its {@code <}, and the tag states read the rest of
     * the tag. Returns the state they go on in.
     */
    private int openEndTag(byte[] a, long delta) {
        // what was carried over is this end tag's start
        carryLength = 0;
        if (passingText) {
            int ltLocal = (int) (ltAbs - delta);
            if (ltLocal > textMark) {
                sink.rawText(a, textMark, ltLocal);
            }
            passingText = false;
            sink.rawTextEnd(ltAbs);
        }
        tag.reset(ltAbs, true, false);
        // every letter matched a lower-case one, so this copy is the name as the tag states would have read it
        tag.appendName(endName, 0, endName.length);
        return TAG_NAME;
    }
}
