package dev.consentgate.html;

import static dev.consentgate.html.ByteClasses.ATTR_NAME_END;
import static dev.consentgate.html.ByteClasses.NAME_END;
import static dev.consentgate.html.ByteClasses.SPACE;
import static dev.consentgate.html.ByteClasses.afterSpaces;
import static dev.consentgate.html.ByteClasses.isSpace;
import static dev.consentgate.html.HtmlTokenizer.AFTER_ATTR_NAME;
import static dev.consentgate.html.HtmlTokenizer.AFTER_ATTR_VALUE_QUOTED;
import static dev.consentgate.html.HtmlTokenizer.ATTR_NAME;
import static dev.consentgate.html.HtmlTokenizer.ATTR_VALUE_DQ;
import static dev.consentgate.html.HtmlTokenizer.ATTR_VALUE_SQ;
import static dev.consentgate.html.HtmlTokenizer.ATTR_VALUE_UNQ;
import static dev.consentgate.html.HtmlTokenizer.BEFORE_ATTR_NAME;
import static dev.consentgate.html.HtmlTokenizer.BEFORE_ATTR_VALUE;
import static dev.consentgate.html.HtmlTokenizer.DATA;
import static dev.consentgate.html.HtmlTokenizer.SELF_CLOSING;
import static dev.consentgate.html.HtmlTokenizer.TAG_NAME;
import static dev.consentgate.html.HtmlTokenizer.TAG_OPEN;
import static dev.consentgate.html.HtmlTokenizer.isTagState;

/**
 * The tokenizer's tag states: from the tag name to the {@code >}, through attributes in all three quotings. Once the
 * name of a start tag is known the sink says whether to capture it; a captured tag has its attributes and raw bytes
 * recorded in the {@link TagToken}, up to the size limit, while the attributes of any other tag are only stepped
 * over. What the ended tag switches the tokenizer to is decided by {@link HtmlTokenizer}.
 */
final class TagStates {

    private final HtmlTokenizer.Sink sink;
    private final TagToken tag;
    private final int maxTagBytes;
    /** Names are XML's: see {@link #xmlNames()}. */
    private boolean xmlNames;
    /** The attribute of a captured tag being read (its index in the tag), -1 when none. */
    private int attr = -1;

    /** The chunk being scanned (from {@code curFrom}, index k at offset k + curDelta), to cut an overflowing tag. */
    private byte[] curA;
    private int curFrom;
    private int curTo;
    private long curDelta;
    /** The handlers of a tag past the size limit that the limit leaves unread or cuts. */
    private final UnreadHandlers unreadHandlers;

    /** The state the last {@link #scan} stopped in: a tag state, or DATA once the tag ended. */
    int state;

    TagStates(HtmlTokenizer.Sink sink, TagToken tag, int maxTagBytes) {
        this.sink = sink;
        this.tag = tag;
        this.maxTagBytes = maxTagBytes;
        this.unreadHandlers = new UnreadHandlers(sink, tag, maxTagBytes);
    }

    /**
     * The page is parsed as XML: an element is named by the local part of its name, after a prefix's colon
     * ({@code <h:script xmlns:h="http://www.w3.org/1999/xhtml">} is a script), whatever namespace the prefix is bound
     * to, which is not followed (failing closed: another vocabulary's {@code x:script} is judged as a script too).
     */
    void xmlNames() {
        xmlNames = true;
    }

    /** Where the local part of the XML name {@code name[0, len)} starts: after its first colon, else 0. */
    private static int localStart(byte[] name, int len) {
        for (int i = 0; i < len - 1; i++) {
            if (name[i] == ':') {
                return i + 1;
            }
        }
        return 0;
    }

    /** A chunk starts at {@code a[from]}, which is at absolute offset {@code from + delta}. */
    void chunkStart(byte[] a, int from, int to, long delta) {
        curA = a;
        curFrom = from;
        curTo = to;
        curDelta = delta;
        unreadHandlers.chunkStart(a, from, to);
    }

    /** Where the output must be held from while a handler's name past the size limit is undecided; -1 when none. */
    long handlerNameHeldFrom() {
        return unreadHandlers.heldFrom();
    }

    /**
     * The chunk ends at {@code a[to]} in tokenizer state {@code st}: a captured tag, or the {@code <} that may open
     * one, keeps its bytes so far, unless that makes the tag too long.
     */
    void chunkEnd(int to, int st) {
        if (tag.captured && (isTagState(st) || st == TAG_OPEN)) {
            int start = (int) Math.max(curFrom, tag.start - curDelta);
            if (tag.spilled() + (to - start) > maxTagBytes && st != TAG_OPEN) {
                overflow(to, true);
            } else {
                tag.spill(curA, start, to);
            }
        }
    }

    /**
     * Runs the tag states from state {@code st} on {@code a[begin, to)} ({@code from} is where the chunk starts),
     * whose index {@code k} is at absolute offset {@code k + delta}, recording the attributes of a captured tag;
     * returns where it stopped (after the tag or at {@code to}), with {@link #state}. The attributes of a tag nobody
     * captures are read by {@link #skipUncaptured}.
     */
    int scan(byte[] a, int begin, int to, long delta, int from, int st) {
        int i = begin;
        while (i < to && isTagState(st)) {
            if (st != TAG_NAME && !tag.captured) {
                state = st;
                i = skipUncaptured(a, i, to, delta, from);
                st = state;
                continue;
            }
            switch (st) {
                case TAG_NAME:
                {
                    int n = i;
                    while (n < to && !NAME_END[a[n] & 0xff]) {
                        n++;
                    }
                    tag.appendName(a, i, n);
                    i = n;
                    if (i == to) {
                        break;
                    }
                    byte c = a[i];
                    nameDone();
                    i++;
                    if (c == '/') {
                        st = SELF_CLOSING;
                    } else if (c == '>') {
                        st = ended(a, from, i, delta);
                    } else {
                        st = BEFORE_ATTR_NAME;
                        if (tag.captured) {
                            int gt = attributesInChunk(a, i, to, delta);
                            if (gt >= 0) {
                                i = gt + 1;
                                st = ended(a, from, i, delta);
                            }
                        }
                    }
                    break;
                }
                case BEFORE_ATTR_NAME:
                case AFTER_ATTR_NAME:
                case AFTER_ATTR_VALUE_QUOTED:
                {
                    // between attributes: only right after a name does '=' start a value (after a quoted value the
                    // spec's state differs from before-attribute-name only in parse errors)
                    byte c = a[i];
                    if (isSpace(c)) {
                        i++;
                    } else if (c == '/') {
                        i++;
                        st = SELF_CLOSING;
                    } else if (c == '>') {
                        i++;
                        st = ended(a, from, i, delta);
                    } else if (c == '=' && st == AFTER_ATTR_NAME) {
                        i++;
                        st = BEFORE_ATTR_VALUE;
                    } else {
                        beginAttribute(i + delta);
                        i++;
                        st = ATTR_NAME;
                    }
                    break;
                }
                case ATTR_NAME:
                {
                    while (i < to && !ATTR_NAME_END[a[i] & 0xff]) {
                        i++;
                    }
                    if (i < to) {
                        endAttributeName(i + delta);
                        if (a[i] == '=') {
                            i++;
                            st = BEFORE_ATTR_VALUE;
                        } else {
                            st = AFTER_ATTR_NAME;
                        }
                    }
                    break;
                }
                case BEFORE_ATTR_VALUE:
                {
                    byte c = a[i];
                    if (isSpace(c)) {
                        i++;
                    } else if (c == '"') {
                        i++;
                        valueStart(i + delta);
                        st = ATTR_VALUE_DQ;
                    } else if (c == '\'') {
                        i++;
                        valueStart(i + delta);
                        st = ATTR_VALUE_SQ;
                    } else if (c == '>') {
                        valueStart(i + delta);
                        valueEnd(i + delta, i + delta);
                        i++;
                        st = ended(a, from, i, delta);
                    } else {
                        valueStart(i + delta);
                        st = ATTR_VALUE_UNQ;
                    }
                    break;
                }
                case ATTR_VALUE_DQ:
                case ATTR_VALUE_SQ:
                {
                    int q = closingQuote(a, i, to, st);
                    if (q == to) {
                        i = to;
                    } else {
                        valueEnd(q + delta, q + 1 + delta);
                        i = q + 1;
                        st = AFTER_ATTR_VALUE_QUOTED;
                    }
                    break;
                }
                case ATTR_VALUE_UNQ:
                {
                    while (i < to && !SPACE[a[i] & 0xff] && a[i] != '>') {
                        i++;
                    }
                    if (i < to) {
                        valueEnd(i + delta, i + delta);
                        boolean tagEnds = a[i] == '>';
                        i++;
                        st = tagEnds ? ended(a, from, i, delta) : BEFORE_ATTR_NAME;
                    }
                    break;
                }
                case SELF_CLOSING:
                {
                    if (a[i] == '>') {
                        tag.selfClosing = true;
                        i++;
                        st = ended(a, from, i, delta);
                    } else {
                        st = BEFORE_ATTR_NAME;
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

    /**
     * The attribute states of a tag nobody captures: case for case those of {@link #scan}, without recording
     * anything. Returns when the tag ends or the chunk does.
     */
    private int skipUncaptured(byte[] a, int begin, int to, long delta, int from) {
        int i = begin;
        int st = state;
        while (i < to) {
            byte c = a[i];
            if (unreadHandlers.awaitsValue() && (st == AFTER_ATTR_NAME || st == BEFORE_ATTR_VALUE)) {
                unreadHandlers.afterName(c, st);
            }
            switch (st) {
                case BEFORE_ATTR_NAME:
                case AFTER_ATTR_NAME:
                case AFTER_ATTR_VALUE_QUOTED:
                    if (c == '>') {
                        return endUncaptured(a, i, delta, from);
                    }
                    i++;
                    if (c == '/') {
                        st = SELF_CLOSING;
                    } else if (c == '=' && st == AFTER_ATTR_NAME) {
                        st = BEFORE_ATTR_VALUE;
                    } else if (!SPACE[c & 0xff]) {
                        st = ATTR_NAME;
                        if (tag.overflowed) {
                            unreadHandlers.nameStarts(a, i - 1, to, delta);
                        }
                    }
                    break;
                case ATTR_NAME:
                    while (i < to && !ATTR_NAME_END[a[i] & 0xff]) {
                        i++;
                    }
                    if (i < to) {
                        if (a[i] == '=') {
                            i++;
                            st = BEFORE_ATTR_VALUE;
                        } else {
                            st = AFTER_ATTR_NAME;
                        }
                    }
                    break;
                case BEFORE_ATTR_VALUE:
                    if (SPACE[c & 0xff]) {
                        i++;
                    } else if (c == '"') {
                        i++;
                        st = ATTR_VALUE_DQ;
                    } else if (c == '\'') {
                        i++;
                        st = ATTR_VALUE_SQ;
                    } else if (c == '>') {
                        return endUncaptured(a, i, delta, from);
                    } else {
                        st = ATTR_VALUE_UNQ;
                    }
                    break;
                case ATTR_VALUE_DQ:
                case ATTR_VALUE_SQ: {
                    int q = closingQuote(a, i, to, st);
                    if (q == to) {
                        i = to;
                    } else {
                        i = q + 1;
                        st = AFTER_ATTR_VALUE_QUOTED;
                    }
                    break;
                }
                case ATTR_VALUE_UNQ:
                    while (i < to && !SPACE[a[i] & 0xff] && a[i] != '>') {
                        i++;
                    }
                    if (i < to) {
                        if (a[i] == '>') {
                            return endUncaptured(a, i, delta, from);
                        }
                        i++;
                        st = BEFORE_ATTR_NAME;
                    }
                    break;
                case SELF_CLOSING:
                    if (c == '>') {
                        tag.selfClosing = true;
                        return endUncaptured(a, i, delta, from);
                    }
                    st = BEFORE_ATTR_NAME;
                    break;
                default:
                    throw new IllegalStateException("tokenizer state " + st);
            }
        }
        state = st;
        return i;
    }

    /**
     * The attributes of a captured tag from the state before an attribute name, when the whole tag lies in this
     * chunk: the transitions of the attribute states of {@link #scan} in one straight pass, recording the same
     * positions, without a dispatch per state. Returns the index of the {@code >} that ends the tag (having set
     * {@code selfClosing}), or -1 with nothing recorded when the chunk or the size limit ends first, for the states
     * to read the attributes one by one. Tried once per tag, right after its name, so a tag cut by the chunk end is
     * read twice at most.
     */
    private int attributesInChunk(byte[] a, int begin, int to, long delta) {
        int recorded = tag.attrCount;
        long lastAttributeStart = tag.start + maxTagBytes;
        int i = begin;
        while (true) {
            // before an attribute name, and after a quoted value
            i = afterSpaces(a, i, to);
            if (i == to) {
                break;
            }
            byte c = a[i];
            if (c == '>') {
                return i;
            }
            if (c == '/') {
                if (++i == to) {
                    break;
                }
                if (a[i] == '>') {
                    tag.selfClosing = true;
                    return i;
                }
                // reconsumed before an attribute name
                continue;
            }
            if (i + delta > lastAttributeStart) {
                break;
            }
            // the attribute name (its first byte is part of it, whatever it is)
            attr = tag.beginAttribute((int) (i + delta - tag.start));
            i++;
            while (i < to && !ATTR_NAME_END[a[i] & 0xff]) {
                i++;
            }
            if (i == to) {
                break;
            }
            endAttributeName(i + delta);
            i = afterSpaces(a, i, to);
            if (i == to) {
                break;
            }
            if (a[i] != '=') {
                // '>', '/' or the next name: as before an attribute name
                continue;
            }
            i = afterSpaces(a, i + 1, to);
            if (i == to) {
                break;
            }
            c = a[i];
            if (c == '"' || c == '\'') {
                int q = ByteScan.indexOf(a, i + 1, to, c);
                if (q == to) {
                    break;
                }
                valueStart(i + 1 + delta);
                valueEnd(q + delta, q + 1 + delta);
                i = q + 1;
                continue;
            }
            valueStart(i + delta);
            if (c == '>') {
                valueEnd(i + delta, i + delta);
                return i;
            }
            while (i < to && !SPACE[a[i] & 0xff] && a[i] != '>') {
                i++;
            }
            if (i == to) {
                break;
            }
            valueEnd(i + delta, i + delta);
            if (a[i] == '>') {
                return i;
            }
            i++;
        }
        tag.attrCount = recorded;
        attr = -1;
        return -1;
    }

    /** The uncaptured tag ends at the {@code >} at {@code gt}. */
    private int endUncaptured(byte[] a, int gt, long delta, int from) {
        unreadHandlers.tagEnded();
        state = ended(a, from, gt + 1, delta);
        return gt + 1;
    }

    /** Index of the quote that closes a value in state ATTR_VALUE_DQ or ATTR_VALUE_SQ, or {@code to}. */
    private static int closingQuote(byte[] a, int i, int to, int st) {
        return ByteScan.indexOf(a, i, to, st == ATTR_VALUE_DQ ? (byte) '"' : (byte) '\'');
    }

    private void nameDone() {
        int len = Math.min(tag.nameLen, TagToken.MAX_NAME);
        if (xmlNames) {
            tag.xmlNames = true;
            tag.localStart = localStart(tag.name, len);
        }
        tag.nameId = ElementNames.lookup(tag.name, tag.localStart, len - tag.localStart);
        if (!tag.endTag) {
            tag.captured = sink.captureTag(tag);
        }
    }

    private void beginAttribute(long abs) {
        if (tag.captured) {
            if (abs - tag.start > maxTagBytes) {
                overflow((int) (abs - curDelta), false);
                attr = -1;
                // the name starting here is the first the limit leaves unread
                unreadHandlers.nameStarts(curA, (int) (abs - curDelta), curTo, curDelta);
                return;
            }
            attr = tag.beginAttribute((int) (abs - tag.start));
        }
    }

    /**
     * The captured tag passed the size limit; {@code posLocal} is how far it has been read in this chunk. Where that
     * is found (an attribute past the limit, a chunk's end, the tag's end) depends on the chunks, so the sink is shown
     * only what lies in the tag's first {@code maxTagBytes} bytes, and of the handlers after that, each one's start
     * ({@link UnreadHandlers}; {@code lastMayGoOn}: at a chunk's end, where the last attribute may go on).
     */
    private void overflow(int posLocal, boolean lastMayGoOn) {
        if (posLocal >= 0) {
            int startLocal = (int) (tag.start - curDelta);
            tag.complete(curA, Math.max(curFrom, startLocal), posLocal, startLocal);
        }
        unreadHandlers.overflowing(posLocal < 0 ? tag.length() : posLocal - (int) (tag.start - curDelta),
                lastMayGoOn);
        tag.cutAt(maxTagBytes);
        tag.overflowed = true;
        sink.tagOverflow(tag);
        tag.captured = false;
        attr = -1;
        unreadHandlers.overflowed();
    }

    private void endAttributeName(long abs) {
        if (tag.captured && attr >= 0) {
            tag.nameEnd[attr] = (int) (abs - tag.start);
            tag.attrEnd[attr] = tag.nameEnd[attr];
        }
    }

    private void valueStart(long abs) {
        if (tag.captured && attr >= 0) {
            tag.valueStart[attr] = (int) (abs - tag.start);
        }
    }

    private void valueEnd(long abs, long attrEndAbs) {
        if (tag.captured && attr >= 0) {
            tag.valueEnd[attr] = (int) (abs - tag.start);
            tag.attrEnd[attr] = (int) (attrEndAbs - tag.start);
        }
    }

    /**
     * The tag ended at {@code endLocal} (exclusive): fixes where a captured tag's raw bytes are. Returns DATA, the
     * state that tells the tokenizer to report the tag and decide what follows it.
     */
    private int ended(byte[] a, int from, int endLocal, long delta) {
        tag.end = endLocal + delta;
        attr = -1;
        if (tag.captured) {
            int startLocal = (int) (tag.start - delta);
            tag.complete(a, Math.max(from, startLocal), endLocal, startLocal);
            if (tag.length() > maxTagBytes) {
                overflow(-1, false);
            }
        }
        return DATA;
    }
}
