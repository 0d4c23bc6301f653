package dev.consentgate.html;

import static dev.consentgate.html.HtmlTokenizer.BOGUS_COMMENT;
import static dev.consentgate.html.HtmlTokenizer.COMMENT;
import static dev.consentgate.html.HtmlTokenizer.COMMENT_END;
import static dev.consentgate.html.HtmlTokenizer.COMMENT_END_BANG;
import static dev.consentgate.html.HtmlTokenizer.COMMENT_END_DASH;
import static dev.consentgate.html.HtmlTokenizer.COMMENT_START;
import static dev.consentgate.html.HtmlTokenizer.COMMENT_START_DASH;
import static dev.consentgate.html.HtmlTokenizer.DATA;
import static dev.consentgate.html.HtmlTokenizer.MARKUP_DECL;
import static dev.consentgate.html.HtmlTokenizer.MARKUP_DECL_DASH;

/**
 * The tokenizer's comment states: from the {@code <!} of a markup declaration, or the start of a bogus comment, to
 * the end of the comment (including the abrupt {@code <!-->} and {@code <!--->} and the {@code --!>} ending). Each
 * comment goes to the sink with the bounds of the text a browser would keep as its data.
 */
final class CommentStates {

    private final HtmlTokenizer.Sink sink;
    /** The {@code <} that opened the comment. */
    private long start;
    /** Where the comment's data starts. */
    private long dataStart;
    /** Where the dashes that may end the comment start: the data ends there if they do. */
    private long dashPos;
    /** The state the last {@link #scan} stopped in: DATA once the comment was reported, else a comment state. */
    int state;

    CommentStates(HtmlTokenizer.Sink sink) {
        this.sink = sink;
    }

    /** {@code <!} was read, its {@code <} at {@code startAbs}; returns the state to go on in. */
    int openDeclaration(long startAbs) {
        start = startAbs;
        return MARKUP_DECL;
    }

    /** Markup from {@code startAbs} is a bogus comment whose data starts at {@code dataStartAbs}. */
    int openBogus(long startAbs, long dataStartAbs) {
        start = startAbs;
        dataStart = dataStartAbs;
        return BOGUS_COMMENT;
    }

    /**
     * Runs the comment states from state {@code st} on {@code a[begin, to)}, whose index {@code k} is at absolute
     * offset {@code k + delta}; returns where it stopped (the end of the comment or {@code to}), with {@link #state}.
     */
    int scan(byte[] a, int begin, int to, long delta, int st) {
        int i = begin;
        // a comment only ever ends in the data state
        while (i < to && st != DATA) {
            switch (st) {
                case MARKUP_DECL:
                {
                    if (a[i] == '-') {
                        i++;
                        st = MARKUP_DECL_DASH;
                    } else {
                        dataStart = i + delta;
                        st = BOGUS_COMMENT;
                    }
                    break;
                }
                case MARKUP_DECL_DASH:
                {
                    if (a[i] == '-') {
                        i++;
                        dataStart = i + delta;
                        st = COMMENT_START;
                    } else {
                        dataStart = i - 1 + delta;
                        st = BOGUS_COMMENT;
                    }
                    break;
                }
                case COMMENT_START:
                {
                    byte c = a[i];
                    if (c == '-') {
                        i++;
                        st = COMMENT_START_DASH;
                    } else if (c == '>') {
                        i++;
                        st = emit(i + delta, dataStart, false);
                    } else {
                        st = COMMENT;
                    }
                    break;
                }
                case COMMENT_START_DASH:
                {
                    byte c = a[i];
                    if (c == '-') {
                        dashPos = dataStart;
                        i++;
                        st = COMMENT_END;
                    } else if (c == '>') {
                        i++;
                        st = emit(i + delta, dataStart, false);
                    } else {
                        st = COMMENT;
                    }
                    break;
                }
                case COMMENT:
                {
                    int dash = ByteScan.indexOf(a, i, to, (byte) '-');
                    if (dash == to) {
                        i = to;
                    } else {
                        dashPos = dash + delta;
                        i = dash + 1;
                        st = COMMENT_END_DASH;
                    }
                    break;
                }
                case COMMENT_END_DASH:
                {
                    if (a[i] == '-') {
                        i++;
                        st = COMMENT_END;
                    } else {
                        st = COMMENT;
                    }
                    break;
                }
                case COMMENT_END:
                {
                    byte c = a[i];
                    if (c == '>') {
                        i++;
                        st = emit(i + delta, dashPos, false);
                    } else if (c == '!') {
                        i++;
                        st = COMMENT_END_BANG;
                    } else if (c == '-') {
                        dashPos++;
                        i++;
                    } else {
                        st = COMMENT;
                    }
                    break;
                }
                case COMMENT_END_BANG:
                {
                    byte c = a[i];
                    if (c == '-') {
                        dashPos = i + delta;
                        i++;
                        st = COMMENT_END_DASH;
                    } else if (c == '>') {
                        i++;
                        st = emit(i + delta, dashPos, false);
                    } else {
                        st = COMMENT;
                    }
                    break;
                }
                case BOGUS_COMMENT:
                {
                    int gt = ByteScan.indexOf(a, i, to, (byte) '>');
                    if (gt == to) {
                        i = to;
                    } else {
                        i = gt + 1;
                        st = emit(i + delta, gt + delta, true);
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

    /** The input ended in comment state {@code st}: reports what the unterminated comment becomes. */
    void inputEnd(int st, long endAbs) {
        switch (st) {
            case MARKUP_DECL -> sink.comment(start, endAbs, endAbs, endAbs, true);
            case MARKUP_DECL_DASH -> sink.comment(start, endAbs, endAbs - 1, endAbs, true);
            case COMMENT_START, COMMENT_START_DASH -> sink.comment(start, endAbs, dataStart, dataStart, false);
            case COMMENT -> sink.comment(start, endAbs, dataStart, endAbs, false);
            case COMMENT_END_DASH, COMMENT_END, COMMENT_END_BANG -> sink.comment(start, endAbs, dataStart, dashPos,
                    false);
            case BOGUS_COMMENT -> sink.comment(start, endAbs, dataStart, endAbs, true);
            default -> throw new IllegalStateException("not a comment state " + st);
        }
    }

    private int emit(long endAbs, long dataEnd, boolean bogus) {
        sink.comment(start, endAbs, dataStart, dataEnd, bogus);
        return DATA;
    }
}
