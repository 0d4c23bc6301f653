package dev.consentgate.html;

import static dev.consentgate.html.ByteClasses.ATTR_NAME_END;
import static dev.consentgate.html.ByteClasses.NAME_END;
import static dev.consentgate.html.ByteClasses.SPACE;
import static dev.consentgate.html.ByteClasses.afterSpaces;
import static dev.consentgate.html.ByteClasses.isAlpha;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The tokenizer's fast path for ordinary tags (those whose name the rewriter never needs): one stateless pass that
 * only finds where such a tag ends, so that the data state can go on after it without resetting a token, copying
 * the name or reporting anything.
 */
final class OrdinaryTags {

    private OrdinaryTags() {
    }

    /**
     * From the {@code '<'} at {@code a[lt]}, skips ordinary start and end tags (those whose name the rewriter never
     * needs) and the text between them; returns the first {@code '<'} that does not open such a tag wholly inside
     * {@code a[lt, to)} (a special name, not a tag, or cut off by the chunk end), for the caller to read through the
     * states, or {@code to}. Valid only in tree-aware mode outside foreign content, where an ordinary tag produces no
     * report and leaves the state at DATA. Reads attributes with the transitions of {@code TagStates.skipUncaptured}
     * but keeps no state, so giving up half way costs nothing. One loop over tags and text, not a call per tag: the
     * JIT keeps the whole run in registers. A link's start tag ({@code a}) is ordinary unless it has a {@code ping} or
     * {@code attributionsrc} attribute or is longer than {@code maxTagBytes}, past which the states would cut it (and
     * report that they did, as they would for one cut by a chunk's end); an image map's {@code area}, which pings
     * too, is left to them. A start tag with an attribute whose name starts with "on" (an event handler, whose code
     * the rewriter judges on every element) or named "style" (whose addresses it judges) is left to them too.
     */
    static int skip(byte[] a, int lt, int to, int maxTagBytes) {
        tags:
        while (lt < to) {
            int i = lt + 1;
            if (i + 1 >= to) {
                return lt;
            }
            boolean endTag = a[i] == '/';
            if (endTag) {
                i++;
            }
            if (!isAlpha(a[i])) {
                return lt;
            }
            int nameStart = i;
            while (i < to && !NAME_END[a[i] & 0xff]) {
                i++;
            }
            if (i == to || mayBeSpecial(a, nameStart, i) || !endTag && isRowOrCell(a, nameStart, i)) {
                return lt;
            }
            // a link's beacons are judged: its start tag goes to the states when it has one (area, rare, always does)
            boolean link = !endTag && i - nameStart == 1 && (a[nameStart] | 0x20) == 'a';
            // before attribute name
            while (true) {
                while (SPACE[a[i] & 0xff]) {
                    if (++i == to) {
                        return lt;
                    }
                }
                byte c = a[i];
                if (c == '>') {
                    if (link && i - lt >= maxTagBytes) {
                        return lt;
                    }
                    lt = nextTag(a, i + 1, to);
                    continue tags;
                }
                if (c == '/') {
                    // self-closing start: '>' ends the tag, anything else is reconsumed before an attribute name
                    if (++i == to) {
                        return lt;
                    }
                    continue;
                }
                // attribute name (its first byte is part of it, whatever it is); a start tag with an event handler
                // goes to the states, whose rewriter judges the handler's code
                if (!endTag && mayStartAJudgedName(a, i, to)) {
                    return lt;
                }
                i++;
                while (true) {
                    while (i < to && !ATTR_NAME_END[a[i] & 0xff]) {
                        i++;
                    }
                    if (link && mayEndABeaconsName(a, i)) {
                        return lt;
                    }
                    // after attribute name
                    i = afterSpaces(a, i, to);
                    if (i == to) {
                        return lt;
                    }
                    c = a[i];
                    if (c == '=' || c == '>' || c == '/') {
                        break;
                    }
                    // another attribute name starts
                    if (!endTag && mayStartAJudgedName(a, i, to)) {
                        return lt;
                    }
                    i++;
                }
                if (c != '=') {
                    continue;
                }
                // before attribute value
                i = afterSpaces(a, i + 1, to);
                if (i == to) {
                    return lt;
                }
                c = a[i];
                if (c == '"' || c == '\'') {
                    int q = ByteScan.indexOf(a, i + 1, to, c);
                    if (q == to || q + 1 == to) {
                        return lt;
                    }
                    // after a quoted value: '>', '/' and spaces act as before an attribute name; others start one
                    i = q + 1;
                } else if (c == '>') {
                    if (link && i - lt >= maxTagBytes) {
                        return lt;
                    }
                    lt = nextTag(a, i + 1, to);
                    continue tags;
                } else {
                    while (i < to && !SPACE[a[i] & 0xff] && a[i] != '>') {
                        i++;
                    }
                    if (i == to) {
                        return lt;
                    }
                    if (a[i] == '>') {
                        if (link && i - lt >= maxTagBytes) {
                            return lt;
                        }
                        lt = nextTag(a, i + 1, to);
                        continue tags;
                    }
                }
            }
        }
        return lt;
    }

    /**
     * The first {@code '<'} from {@code a[from]} on, or {@code to}. Tags often follow each other directly or after
     * a line break; testing for that first lets the processor run ahead on a predicted branch, where the word search
     * would make the next tag's position wait for a load and a bit count.
     */
    private static int nextTag(byte[] a, int from, int to) {
        if (from < to && a[from] == '<') {
            return from;
        }
        if (from + 1 < to && a[from] == '\n' && a[from + 1] == '<') {
            return from + 1;
        }
        return ByteScan.indexOf(a, from, to, (byte) '<');
    }

    /**
     * Whether {@code a[from, to)} may be a name of {@link ElementNames} (case-insensitively): 3 to 8 letters, or 9 or
     * 10 starting with "amp-". Kept small, and the table in its own method, so that the JIT inlines both into the
     * loop over every tag.
     */
    private static boolean mayBeSpecial(byte[] a, int from, int to) {
        int len = to - from;
        if (len >= 3 && len <= 8) {
            return isShortSpecialName(a, from, to);
        }
        return (len == 9 || len == 10) && (a[from] | 0x20) == 'a' && (a[from + 1] | 0x20) == 'm'
                && (a[from + 2] | 0x20) == 'p' && a[from + 3] == '-';
    }

    /**
     * Whether {@code a[from, to)} is tr, td or th (case-insensitively), whose start tags may hold a background
     * attribute, which loads an image; their end tags are ordinary.
     */
    private static boolean isRowOrCell(byte[] a, int from, int to) {
        if (to - from != 2 || (a[from] | 0x20) != 't') {
            return false;
        }
        int second = a[from + 1] | 0x20;
        return second == 'r' || second == 'd' || second == 'h';
    }

    /**
     * Whether the attribute name that ends before {@code a[end]} may be ping or attributionsrc (case-insensitively),
     * judged by its last four bytes alone, "ping" or "nsrc": one word compared, and no name start to keep in the loop,
     * which measured 8 to 11% of the whole rewriter's time with a name's whole comparison. A longer name that ends so
     * ({@code data-ping}) goes to the states too, which read it exactly. An a's attribute name ends at least four bytes
     * into the array ({@code <a b}).
     */
    private static boolean mayEndABeaconsName(byte[] a, int end) {
        int last4 = (int) INTS.get(a, end - 4) | 0x20202020;
        return last4 == PING || last4 == NSRC;
    }

    /**
     * Whether the attribute name starting at {@code a[start]} may be an event handler's ("on...", in any case) or a
     * style attribute's ("style"), or the chunk ends before that is known.
     */
    private static boolean mayStartAJudgedName(byte[] a, int start, int to) {
        int first = a[start] | 0x20;
        if (first == 'o') {
            return start + 1 == to || (a[start + 1] | 0x20) == 'n';
        }
        if (first == 's') {
            // "style" itself, not a longer name ("styles")
            int end = startsWithName(a, start, to, STYLE);
            return end == to || end > 0 && ATTR_NAME_END[a[end] & 0xff];
        }
        if (first == 'd') {
            // a lazy background, "data-bg" or "data-bg-multi" (see StyleAttributes); "data-bgcolor" is not one
            int end = startsWithName(a, start, to, DATA_BG);
            return end == to || end > 0 && (ATTR_NAME_END[a[end] & 0xff] || a[end] == '-');
        }
        return false;
    }

    /**
     * Where {@code name} (lower case) ends when the bytes from {@code start} spell it in any case: that index, or
     * {@code to} when they run to {@code to} spelling its start (a cut name may be it), or -1.
     */
    private static int startsWithName(byte[] a, int start, int to, byte[] name) {
        for (int k = 1; k < name.length; k++) {
            if (start + k == to) {
                return to;
            }
            if ((a[start + k] | 0x20) != name[k]) {
                return -1;
            }
        }
        return start + name.length;
    }

    private static final byte[] STYLE = {'s', 't', 'y', 'l', 'e'};
    private static final byte[] DATA_BG = {'d', 'a', 't', 'a', '-', 'b', 'g'};

    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int PING = 'p' | 'i' << 8 | 'n' << 16 | 'g' << 24;
    private static final int NSRC = 'n' | 's' << 8 | 'r' << 16 | 'c' << 24;

    /** Whether the 3 to 8 bytes {@code a[from, to)} are a name of {@link ElementNames} (case-insensitively). */
    private static boolean isShortSpecialName(byte[] a, int from, int to) {
        int len = to - from;
        long key;
        if (from + 8 <= a.length) {
            // the name's bytes lower-cased as one word (| 0x20 turns no other byte into a letter), the rest cleared
            key = ((long) LONGS.get(a, from) | LOWER_CASE_BITS) & (-1L >>> (64 - 8 * len));
        } else {
            key = 0;
            for (int k = to - 1; k >= from; k--) {
                key = key << 8 | (a[k] | 0x20) & 0xff;
            }
        }
        // every special name has a slot of its own: one comparison decides
        return SHORT_SPECIAL_KEYS[slotOf(key)] == key;
    }

    private static int slotOf(long key) {
        return NameKeys.slotOf(key, SLOT_MULTIPLIER, SLOT_BITS);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long LOWER_CASE_BITS = 0x2020202020202020L;
    /** 128 slots for 38 names. */
    private static final int SLOT_BITS = 7;
    private static final String[] SHORT_SPECIAL_NAMES = {"img", "svg", "xmp", "base", "link", "meta", "math",
        "image", "style", "title", "embed", "frame", "script", "iframe", "object", "source", "noembed", "noscript",
        "noframes", "textarea", "frameset", "template", "set", "animate", "input", "video", "audio", "track", "body",
        "feimage", "table", "area", "tbody", "thead", "tfoot", "colgroup", "col", "details"};
    /**
     * Gives each name a slot of its own, so that a look-up is one comparison rather than a walk past names that share
     * a slot: common ordinary names ("strong", "article", "label") land on a taken slot often enough to show in the
     * no-match benchmark.
     */
    private static final long SLOT_MULTIPLIER = NameKeys.collisionFreeMultiplier(SHORT_SPECIAL_NAMES, SLOT_BITS);
    /**
     * The names of 3 to 8 letters among {@link ElementNames} but font (ordinary in HTML), as little-endian words, by
     * {@link #slotOf}.
     */
    private static final long[] SHORT_SPECIAL_KEYS = new long[1 << SLOT_BITS];

    static {
        for (String name : SHORT_SPECIAL_NAMES) {
            SHORT_SPECIAL_KEYS[slotOf(NameKeys.keyOf(name))] = NameKeys.keyOf(name);
        }
    }
}
