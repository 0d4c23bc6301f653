package dev.consentgate.html;

import static dev.consentgate.html.ByteClasses.ATTR_NAME_END;
import static dev.consentgate.html.ByteClasses.NAME_END;
import static dev.consentgate.html.ByteClasses.SPACE;
import static dev.consentgate.html.ByteClasses.isAlpha;

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
     * JIT keeps the whole run in registers.
     */
    static int skip(byte[] a, int lt, int to) {
        tags:
        while (lt < to) {
            int i = lt + 1;
            if (i + 1 >= to) {
                return lt;
            }
            if (a[i] == '/') {
                i++;
            }
            if (!isAlpha(a[i])) {
                return lt;
            }
            int nameStart = i;
            while (i < to && !NAME_END[a[i] & 0xff]) {
                i++;
            }
            if (i == to || mayBeSpecial(a, nameStart, i)) {
                return lt;
            }
            // before attribute name
            while (true) {
                while (SPACE[a[i] & 0xff]) {
                    if (++i == to) {
                        return lt;
                    }
                }
                byte c = a[i];
                if (c == '>') {
                    lt = ByteScan.indexOf(a, i + 1, to, (byte) '<');
                    continue tags;
                }
                if (c == '/') {
                    // self-closing start: '>' ends the tag, anything else is reconsumed before an attribute name
                    if (++i == to) {
                        return lt;
                    }
                    continue;
                }
                // attribute name (its first byte is part of it, whatever it is)
                i++;
                while (true) {
                    while (i < to && !ATTR_NAME_END[a[i] & 0xff]) {
                        i++;
                    }
                    // after attribute name
                    while (i < to && SPACE[a[i] & 0xff]) {
                        i++;
                    }
                    if (i == to) {
                        return lt;
                    }
                    c = a[i];
                    if (c == '=' || c == '>' || c == '/') {
                        break;
                    }
                    // another attribute name starts
                    i++;
                }
                if (c != '=') {
                    continue;
                }
                // before attribute value
                i++;
                while (i < to && SPACE[a[i] & 0xff]) {
                    i++;
                }
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
                    lt = ByteScan.indexOf(a, i + 1, to, (byte) '<');
                    continue tags;
                } else {
                    while (i < to && !SPACE[a[i] & 0xff] && a[i] != '>') {
                        i++;
                    }
                    if (i == to) {
                        return lt;
                    }
                    if (a[i] == '>') {
                        lt = ByteScan.indexOf(a, i + 1, to, (byte) '<');
                        continue tags;
                    }
                }
            }
        }
        return lt;
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

    /** Whether the 3 to 8 letters {@code a[from, to)} are a name of {@link ElementNames} (case-insensitively). */
    private static boolean isShortSpecialName(byte[] a, int from, int to) {
        int len = to - from;
        long key = 0;
        for (int k = to - 1; k >= from; k--) {
            key = key << 8 | (a[k] | 0x20) & 0xff;
        }
        return switch (len) {
            case 3 -> key == IMG_KEY || key == SVG_KEY || key == XMP_KEY;
            case 4 -> key == LINK_KEY || key == META_KEY || key == MATH_KEY;
            case 5 -> key == STYLE_KEY || key == TITLE_KEY || key == EMBED_KEY || key == FRAME_KEY;
            case 6 -> key == SCRIPT_KEY || key == IFRAME_KEY || key == OBJECT_KEY || key == SOURCE_KEY;
            case 7 -> key == NOEMBED_KEY;
            default -> key == NOSCRIPT_KEY || key == NOFRAMES_KEY || key == TEXTAREA_KEY;
        };
    }

    private static long key(String lowerName) {
        long key = 0;
        for (int k = lowerName.length() - 1; k >= 0; k--) {
            key = key << 8 | lowerName.charAt(k);
        }
        return key;
    }

    private static final long IMG_KEY = key("img");
    private static final long SVG_KEY = key("svg");
    private static final long XMP_KEY = key("xmp");
    private static final long LINK_KEY = key("link");
    private static final long META_KEY = key("meta");
    private static final long MATH_KEY = key("math");
    private static final long STYLE_KEY = key("style");
    private static final long TITLE_KEY = key("title");
    private static final long EMBED_KEY = key("embed");
    private static final long FRAME_KEY = key("frame");
    private static final long SCRIPT_KEY = key("script");
    private static final long IFRAME_KEY = key("iframe");
    private static final long OBJECT_KEY = key("object");
    private static final long SOURCE_KEY = key("source");
    private static final long NOEMBED_KEY = key("noembed");
    private static final long NOSCRIPT_KEY = key("noscript");
    private static final long NOFRAMES_KEY = key("noframes");
    private static final long TEXTAREA_KEY = key("textarea");
}
