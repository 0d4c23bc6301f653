package dev.consentgate.html;

/** The classes of bytes the tokenizer states test: ASCII letters, HTML white space, and what ends a name. */
final class ByteClasses {

    /** Tab, line feed, form feed, carriage return and space. */
    static final boolean[] SPACE = new boolean[256];
    /** Bytes that end a tag name: white space, {@code /} and {@code >}. */
    static final boolean[] NAME_END = new boolean[256];
    /** Bytes that end an attribute name: those that end a tag name, and {@code =}. */
    static final boolean[] ATTR_NAME_END = new boolean[256];

    static {
        for (char c : new char[] {' ', '\n', '\t', '\f', '\r'}) {
            SPACE[c] = true;
            NAME_END[c] = true;
        }
        NAME_END['/'] = true;
        NAME_END['>'] = true;
        System.arraycopy(NAME_END, 0, ATTR_NAME_END, 0, 256);
        ATTR_NAME_END['='] = true;
    }

    private ByteClasses() {
    }

    static boolean isAlpha(byte c) {
        return ((c | 0x20) - 'a' & 0xff) < 26;
    }

    static boolean isSpace(byte c) {
        return SPACE[c & 0xff];
    }

    /** The first byte from {@code a[i]} on that is not white space, or {@code to}. */
    static int afterSpaces(byte[] a, int i, int to) {
        while (i < to && SPACE[a[i] & 0xff]) {
            i++;
        }
        return i;
    }
}
