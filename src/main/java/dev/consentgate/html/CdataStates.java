package dev.consentgate.html;

import static dev.consentgate.html.HtmlTokenizer.CDATA_OPEN;
import static dev.consentgate.html.HtmlTokenizer.CDATA_SECTION;
import static dev.consentgate.html.HtmlTokenizer.DATA;

import java.nio.charset.StandardCharsets;

/**
 * The tokenizer's CDATA section states, run where a browser may have them: inside SVG and MathML, and wherever the
 * rewriter cannot tell (content it reads both ways). From the {@code [} after {@code <!}: an opening that is not
 * {@code [CDATA[} is a bogus comment; a section's text runs to {@code ]]>} and goes to the sink as raw text, so that
 * the sink can read it as HTML does too, where {@code <![CDATA[} opens a bogus comment ending at the first
 * {@code >} and what follows is markup.
 */
final class CdataStates {

    private static final byte[] OPEN = "[CDATA[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BRACKETS = {']', ']'};

    private final HtmlTokenizer.Sink sink;
    private final CommentStates comments;
    /** The {@code <} of the {@code <!}. */
    private long start;
    /** The {@code [}: a bogus comment's data starts there. */
    private long bracket;
    private int matched;
    /** The sink reads the section's text. */
    private boolean wanted;
    /** {@code ]} bytes at the end of the last chunk that may begin {@code ]]>}, not yet given to the sink. */
    private int carried;
    /** The state the last {@link #scan} stopped in: DATA, BOGUS_COMMENT (not a section) or a CDATA state. */
    int state;

    CdataStates(HtmlTokenizer.Sink sink, CommentStates comments) {
        this.sink = sink;
        this.comments = comments;
    }

    /** {@code <!} was read, its {@code <} at {@code startAbs}, and a {@code [} follows at {@code bracketAbs}. */
    int open(long startAbs, long bracketAbs) {
        start = startAbs;
        bracket = bracketAbs;
        matched = 0;
        return CDATA_OPEN;
    }

    /** For conformance tests: the tokenizer starts inside a section, whose text the sink reads. */
    void startInSection() {
        wanted = true;
        carried = 0;
    }

    /**
     * Runs the CDATA states from {@code st} on {@code a[begin, to)}, whose index {@code k} is at absolute offset
     * {@code k + delta}; returns where it stopped, with {@link #state}.
     */
    int scan(byte[] a, int begin, int to, long delta, int st) {
        int i = begin;
        if (st == CDATA_OPEN) {
            while (i < to && matched < OPEN.length) {
                if (a[i] != OPEN[matched]) {
                    state = comments.openBogus(start, bracket);
                    return i;
                }
                matched++;
                i++;
            }
            if (matched < OPEN.length) {
                state = CDATA_OPEN;
                return i;
            }
            wanted = sink.cdataStart(i + delta);
            carried = 0;
        }
        state = CDATA_SECTION;
        return section(a, i, to, delta);
    }

    private int section(byte[] a, int begin, int to, long delta) {
        int i = begin;
        // the brackets the last chunk ended with, against this chunk's first bytes
        while (carried > 0 && i < to) {
            if (a[i] == '>' && carried == 2) {
                return ended(i + 1, i + delta - 2);
            }
            if (a[i] != ']') {
                give(BRACKETS, 0, carried);
                carried = 0;
                break;
            }
            if (carried == 2) {
                // "]]]": the first is text
                give(BRACKETS, 0, 1);
            } else {
                carried++;
            }
            i++;
        }
        int textStart = i;
        while (i < to) {
            int close = ByteScan.indexOf(a, i, to, (byte) ']');
            if (close == to) {
                break;
            }
            if (close + 2 < to) {
                if (a[close + 1] == ']' && a[close + 2] == '>') {
                    give(a, textStart, close);
                    return ended(close + 3, close + delta);
                }
                i = close + 1;
            } else if (close + 1 == to || a[close + 1] == ']') {
                // "]" or "]]" at the chunk's end: held until the next chunk says whether "]]>" ends the section
                give(a, textStart, close);
                carried = to - close;
                return to;
            } else {
                i = close + 1;
            }
        }
        give(a, textStart, to);
        return to;
    }

    private int ended(int next, long closeAbs) {
        if (wanted) {
            sink.rawTextEnd(closeAbs);
        }
        state = DATA;
        return next;
    }

    private void give(byte[] a, int from, int to) {
        if (wanted && from < to) {
            sink.rawText(a, from, to);
        }
    }

    /** The input ended in CDATA state {@code st}, at {@code endAbs}. */
    void inputEnd(int st, long endAbs) {
        if (st == CDATA_OPEN) {
            comments.openBogus(start, bracket);
            comments.inputEnd(HtmlTokenizer.BOGUS_COMMENT, endAbs);
        } else {
            give(BRACKETS, 0, carried);
            carried = 0;
            if (wanted) {
                sink.rawTextEnd(endAbs);
            }
        }
    }
}
