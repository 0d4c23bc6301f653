package dev.consentgate.html;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The tag the tokenizer is reading or has just read. Reused for every tag of a stream (no allocation per tag).
 * When the sink asked for the tag to be captured, {@link #bytes()} holds the tag's raw bytes from {@code <} to
 * {@code >} and the attribute positions are offsets into it.
 */
final class TagToken {

    static final int MAX_NAME = 256;

    long start;
    long end;
    boolean endTag;
    boolean selfClosing;
    int nameId;
    final byte[] name = new byte[MAX_NAME];
    int nameLen;
    /**
     * Where the local part of the name starts: after the prefix's colon in a page parsed as XML
     * ({@code h:script} is a script there), else 0. The name's bytes keep the prefix.
     */
    int localStart;
    /** The page is parsed as XML: a prefixed address attribute ({@code l:href}) counts by its local name. */
    boolean xmlNames;
    /** The entities the page's DOCTYPE declares, expanded in values (see {@link DeclaredEntities}); null: none. */
    DeclaredEntities entities;
    /** Attributes and raw bytes are recorded. */
    boolean captured;
    /** The tag grew past the size limit while captured; its attributes are incomplete. */
    boolean overflowed;
    /** Of an overflowed tag: the attribute inside whose value the limit falls, -1 when it falls outside any. */
    int cutValue = -1;

    int attrCount;
    int[] nameStart = new int[8];
    int[] nameEnd = new int[8];
    /** -1 when the attribute has no value. */
    int[] valueStart = new int[8];
    int[] valueEnd = new int[8];
    int[] attrEnd = new int[8];

    /** The encoding of the page's bytes, in which values are decoded. */
    Charset encoding = StandardCharsets.UTF_8;

    private byte[] view;
    private int viewOffset;
    private byte[] spill = new byte[256];
    private int spillLen;

    void reset(long startAbs, boolean isEnd, boolean capture) {
        start = startAbs;
        end = -1;
        endTag = isEnd;
        selfClosing = false;
        nameId = ElementNames.OTHER;
        nameLen = 0;
        localStart = 0;
        captured = capture;
        overflowed = false;
        cutValue = -1;
        attrCount = 0;
        spillLen = 0;
        view = null;
    }

    /** Appends {@code a[from, to)} to the name, lower-casing ASCII letters. */
    void appendName(byte[] a, int from, int to) {
        int room = Math.min(to, from + Math.max(0, MAX_NAME - nameLen));
        int n = nameLen;
        for (int i = from; i < room; i++) {
            byte c = a[i];
            name[n++] = c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
        }
        nameLen += to - from;
    }

    void appendName(byte c) {
        if (nameLen < MAX_NAME) {
            name[nameLen] = c;
        }
        nameLen++;
    }

    /** The element's name: its local part, without an XML prefix (see {@link #localStart}). */
    String nameString() {
        int len = Math.min(nameLen, MAX_NAME);
        return new String(name, Math.min(localStart, len), len - Math.min(localStart, len), StandardCharsets.UTF_8);
    }

    /** The name as written, prefix included (lower-cased), for matching an end tag in a page parsed as XML. */
    byte[] qualifiedName() {
        return Arrays.copyOf(name, Math.min(nameLen, MAX_NAME));
    }

    int beginAttribute(int relNameStart) {
        if (attrCount == nameStart.length) {
            int n = attrCount * 2;
            nameStart = Arrays.copyOf(nameStart, n);
            nameEnd = Arrays.copyOf(nameEnd, n);
            valueStart = Arrays.copyOf(valueStart, n);
            valueEnd = Arrays.copyOf(valueEnd, n);
            attrEnd = Arrays.copyOf(attrEnd, n);
        }
        int k = attrCount++;
        nameStart[k] = relNameStart;
        nameEnd[k] = relNameStart;
        valueStart[k] = -1;
        valueEnd[k] = -1;
        attrEnd[k] = relNameStart;
        return k;
    }

    /** Keeps {@code a[from, to)} (the part of the tag in a chunk that is about to go). */
    void spill(byte[] a, int from, int to) {
        int n = to - from;
        if (spillLen + n > spill.length) {
            spill = Arrays.copyOf(spill, Math.max(spill.length * 2, spillLen + n));
        }
        System.arraycopy(a, from, spill, spillLen, n);
        spillLen += n;
    }

    int spilled() {
        return spillLen;
    }

    /** Fixes where the raw bytes are: the spill plus {@code a[from, to)}, or {@code a} itself at {@code offset}. */
    void complete(byte[] a, int from, int to, int offsetInChunk) {
        if (spillLen > 0) {
            spill(a, from, to);
            view = spill;
            viewOffset = 0;
        } else {
            view = a;
            viewOffset = offsetInChunk;
        }
    }

    /** Makes the raw bytes independent of the chunk they were read from (which is about to be released). */
    void materialize() {
        if (view != null && view != spill) {
            int n = (int) (end - start);
            if (spill.length < n) {
                spill = new byte[n];
            }
            System.arraycopy(view, viewOffset, spill, 0, n);
            spillLen = n;
            view = spill;
            viewOffset = 0;
        }
    }

    /**
     * For a captured tag the input ended inside: whether an attribute whose name was read whole is an event handler
     * ("on..."). Its bytes so far are in the spill (see TagStates#chunkEnd).
     */
    boolean hasHandlerSoFar() {
        byte[] bytes = view != null ? view : spill;
        int offset = view != null ? viewOffset : 0;
        int known = view != null ? bytes.length - offset : spillLen;
        for (int k = 0; k < attrCount; k++) {
            int at = nameStart[k];
            if (nameEnd[k] - at > 2 && nameEnd[k] <= known && (bytes[offset + at] | 0x20) == 'o'
                    && (bytes[offset + at + 1] | 0x20) == 'n') {
                return true;
            }
        }
        return false;
    }

    /** Raw bytes of the tag; valid from {@link #complete} until the next tag starts. */
    byte[] bytes() {
        return view;
    }

    int offset() {
        return viewOffset;
    }

    int length() {
        return (int) (end - start);
    }

    /**
     * Of an overflowed tag: where its bytes read whole end, after its name and each attribute before the limit whose
     * value was read to its end (an attribute of no value after the last of those, which may be a value's name the
     * limit cut from it, goes with the rest). What follows was not judged.
     */
    int wholeAttributesEnd() {
        int end = 1 + nameLen;
        for (int k = 0; k < attrCount && k != cutValue; k++) {
            if (valueStart[k] >= 0) {
                end = attrEnd[k];
            }
        }
        return end;
    }

    /**
     * Keeps of the attributes what lies in the tag's first {@code limit} bytes (the raw bytes reach at least that
     * far): those whose names end there, and a value cut where the limit falls, even one still open
     * ({@link #cutValue}). An attribute whose name runs past the limit, or is still unfinished (empty), is dropped
     * with all after it.
     */
    void cutAt(int limit) {
        for (int k = 0; k < attrCount; k++) {
            // a finished name has at least its first byte
            if (nameEnd[k] == nameStart[k] || nameEnd[k] > limit) {
                attrCount = k;
                return;
            }
            if (valueStart[k] > limit) {
                valueStart[k] = -1;
                valueEnd[k] = -1;
                attrEnd[k] = nameEnd[k];
            } else if (valueStart[k] >= 0 && (valueEnd[k] < 0 || valueEnd[k] > limit)) {
                valueEnd[k] = limit;
                attrEnd[k] = limit;
                cutValue = k;
            }
        }
    }

    /** Lower-cased attribute name k. */
    String attributeName(int k) {
        StringBuilder sb = new StringBuilder(nameEnd[k] - nameStart[k]);
        for (int p = nameStart[k]; p < nameEnd[k]; p++) {
            int c = view[viewOffset + p] & 0xff;
            sb.append((char) (c >= 'A' && c <= 'Z' ? c + 32 : c));
        }
        return sb.toString();
    }

    int attributeNameLength(int k) {
        return nameEnd[k] - nameStart[k];
    }

    boolean attributeNameIs(int k, String lowerAscii) {
        return nameEnd[k] - nameStart[k] == lowerAscii.length() && attributeNameStartsWith(k, lowerAscii);
    }

    /** Whether attribute k's name is longer than {@code lowerAscii} and starts with it, in any ASCII case. */
    boolean attributeNameExtends(int k, String lowerAscii) {
        return nameEnd[k] - nameStart[k] > lowerAscii.length() && attributeNameStartsWith(k, lowerAscii);
    }

    /** Whether attribute k's name, at least as long as {@code lowerAscii}, starts with it in any ASCII case. */
    private boolean attributeNameStartsWith(int k, String lowerAscii) {
        for (int p = 0; p < lowerAscii.length(); p++) {
            int c = view[viewOffset + nameStart[k] + p] & 0xff;
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != lowerAscii.charAt(p)) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first attribute named {@code lowerAscii} (duplicates are ignored, as browsers do), or -1. */
    int find(String lowerAscii) {
        int len = lowerAscii.length();
        for (int k = 0; k < attrCount; k++) {
            // most attributes differ in length: one comparison, where the whole test is a loop and a call
            if (nameEnd[k] - nameStart[k] == len && attributeNameIs(k, lowerAscii)) {
                return k;
            }
        }
        return -1;
    }

    /** Value of attribute k with character references decoded; "" when it has none. */
    String value(int k) {
        if (valueStart[k] < 0) {
            return "";
        }
        String raw = ValueReadings.read(view, viewOffset + valueStart[k], viewOffset + valueEnd[k], encoding);
        return CharRefs.decode(entities == null ? raw : entities.expand(raw), true);
    }

    /**
     * Whether a value the judging may read holds a byte past ASCII, which another encoding reads otherwise: an
     * {@code alt}, {@code title} or {@code aria-label} is text shown, never loaded or run, and is not counted; nor,
     * with {@code asciiRules} (rules whose hosts and paths are all ASCII), an HTML src or href whose bytes past ASCII
     * are all in its path, which every reading judges alike ({@link ValueReadings#pastAsciiOnlyInPath}).
     */
    boolean hasJudgedValuePastAscii(boolean asciiRules) {
        for (int k = 0; k < attrCount; k++) {
            int from = viewOffset + valueStart[k];
            int to = viewOffset + valueEnd[k];
            if (valueStart[k] >= 0 && !ValueReadings.isAscii(view, from, to)
                    && !attributeNameIs(k, "alt") && !attributeNameIs(k, "title")
                    && !attributeNameIs(k, "aria-label")
                    && !(asciiRules && !xmlNames && (attributeNameIs(k, "src") || attributeNameIs(k, "href"))
                            && ValueReadings.pastAsciiOnlyInPath(view, from, to))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Index of the first attribute after {@code from} where the element may keep the address {@code lowerAscii}
     * names ({@code href}, {@code xlink:href}, {@code src}), or -1. In HTML the first attribute of that name (a
     * browser ignores a repeated one). In a page parsed as XML any attribute whose local name is that name's
     * ({@code l:href} with l bound to XLink's namespace is an image's xlink:href), each in turn: which namespace a
     * prefix is bound to is not followed, so every one counts, failing closed.
     */
    int findAddress(String lowerAscii, int from) {
        if (!xmlNames) {
            return from == 0 ? find(lowerAscii) : -1;
        }
        String local = lowerAscii.substring(lowerAscii.indexOf(':') + 1);
        for (int k = from; k < attrCount; k++) {
            int len = nameEnd[k] - nameStart[k];
            if (len == lowerAscii.length() && attributeNameIs(k, lowerAscii) || len >= local.length()
                    && attributeNameEndsWithLocal(k, local)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Whether attribute k's local name is {@code local} (lower-case ASCII): its whole name, or what follows a prefix's
     * ':' ({@code xlink:href}), in any ASCII case.
     */
    boolean attributeLocalNameIs(int k, String local) {
        return nameEnd[k] - nameStart[k] >= local.length() && attributeNameEndsWithLocal(k, local);
    }

    /** Whether attribute k's name is {@code local} or ends with ':' and {@code local}, in any ASCII case. */
    private boolean attributeNameEndsWithLocal(int k, String local) {
        int len = nameEnd[k] - nameStart[k];
        int at = viewOffset + nameEnd[k] - local.length();
        for (int p = 0; p < local.length(); p++) {
            int c = view[at + p] & 0xff;
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != local.charAt(p)) {
                return false;
            }
        }
        return len == local.length() || view[at - 1] == ':';
    }

    /** Decoded value of the first attribute {@code lowerAscii}, or null when absent. */
    String value(String lowerAscii) {
        int k = find(lowerAscii);
        return k < 0 ? null : value(k);
    }
}
