package dev.consentgate.html;

/**
 * Whether the text of a script inside SVG or MathML holds a tag. There a browser does not read a script's content
 * as script text but as markup: {@code <svg><script>x<img src=pixel></script>} makes an HTML img, which breaks out of
 * the SVG and loads. The tokenizer reads that content as script text (as it must inside HTML), so the rewriter asks
 * this reader instead, fed the same pieces in order.
 *
 * <p>A tag is {@code <} or {@code </} followed by an ASCII letter, outside a comment and a CDATA section (SVG scripts
 * often wrap their code in one). A comment is taken to end at its first {@code >}, where a browser ends it at
 * {@code -->} or sooner: read too short, a comment can only make this reader see a tag the browser does not, which
 * removes a script rather than passing a pixel.
 */
final class ForeignScriptText {

    private static final byte[] CDATA_OPEN = {'[', 'C', 'D', 'A', 'T', 'A', '['};

    private static final int TEXT = 0;
    /** After {@code <}. */
    private static final int LESS_THAN = 1;
    /** After {@code </}. */
    private static final int END_TAG_OPEN = 2;
    /** After {@code <!}: a comment, a CDATA section or a bogus comment; {@link #matched} bytes of {@code [CDATA[}. */
    private static final int DECLARATION = 3;
    /** A comment or a bogus comment: up to the next {@code >}. */
    private static final int COMMENT = 4;
    /** Inside {@code <![CDATA[}, up to {@code ]]>}; {@link #matched} counts the {@code ]} just read. */
    private static final int CDATA = 5;

    private int state = TEXT;
    private int matched;
    private boolean holdsTag;

    void reset() {
        state = TEXT;
        matched = 0;
        holdsTag = false;
    }

    /** Reads the next piece, {@code a[from, to)}; returns whether a tag opened in what was read so far. */
    boolean holdsTag(byte[] a, int from, int to) {
        for (int i = from; i < to && !holdsTag; i++) {
            read(a[i]);
        }
        return holdsTag;
    }

    private void read(byte b) {
        switch (state) {
            case TEXT -> {
                if (b == '<') {
                    state = LESS_THAN;
                }
            }
            case LESS_THAN -> {
                if (isAsciiLetter(b)) {
                    holdsTag = true;
                } else if (b == '/') {
                    state = END_TAG_OPEN;
                } else if (b == '!') {
                    state = DECLARATION;
                    matched = 0;
                } else if (b == '?') {
                    state = COMMENT;
                } else if (b != '<') {
                    state = TEXT;
                }
            }
            case END_TAG_OPEN -> {
                if (isAsciiLetter(b)) {
                    holdsTag = true;
                } else {
                    state = b == '>' ? TEXT : COMMENT;
                }
            }
            case DECLARATION -> {
                if (b == CDATA_OPEN[matched]) {
                    if (++matched == CDATA_OPEN.length) {
                        state = CDATA;
                        matched = 0;
                    }
                } else {
                    state = b == '>' ? TEXT : COMMENT;
                }
            }
            case COMMENT -> {
                if (b == '>') {
                    state = TEXT;
                }
            }
            default -> {
                if (b == '>' && matched >= 2) {
                    state = TEXT;
                }
                matched = b == ']' ? matched + 1 : 0;
            }
        }
    }

    private static boolean isAsciiLetter(byte b) {
        int lower = b | 0x20;
        return lower >= 'a' && lower <= 'z';
    }
}
