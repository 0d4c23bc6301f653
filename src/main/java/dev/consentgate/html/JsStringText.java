package dev.consentgate.html;

import java.nio.charset.StandardCharsets;

/**
 * The text of a script's string literals as the engine reads it, streaming: the bytes between a string's quotes
 * (as {@link CompactedCode} finds them) come in, their escapes go out decoded ({@code \"}, {@code \n},
 * {@code \x66}, {@code \u0066}, <code>&#92;u{66}</code>, a legacy octal {@code \146}, a line continuation), so
 * that code a string holds ({@code setTimeout("fbq (\"track\")")}, {@code eval('\x66bq(...)')}) reads as the
 * code it runs. A character past ASCII is written as UTF-8; a surrogate (a character that needs two escapes) as
 * U+FFFD, no signature's. An escape cut by the end of a piece is completed by the next; one cut by the string's end
 * is dropped (the engine would not run such code).
 */
final class JsStringText {

    /** Receives the text of each string, decoded: pieces of it, then its end. */
    interface Sink {
        void text(byte[] a, int from, int to);

        /** The string ended (its quote, a line's end, or the code's end). */
        void end();

        /** Both sinks, {@code first} first. */
        static Sink both(Sink first, Sink second) {
            return new Sink() {
                @Override
                public void text(byte[] a, int from, int to) {
                    first.text(a, from, to);
                    second.text(a, from, to);
                }

                @Override
                public void end() {
                    first.end();
                    second.end();
                }
            };
        }
    }

    private enum State { TEXT, ESCAPE, HEX, BRACED_HEX, OCTAL, CARRIAGE_RETURN }

    private final Sink sink;
    private State state = State.TEXT;
    /** The value of the escape being read. */
    private int value;
    /** Digits read of it; for {@link State#HEX}, the digits it still needs. */
    private int digits;
    /** The most digits a legacy octal escape may have: 3 when it starts with 0 to 3, else 2. */
    private int octalDigits;
    private final byte[] decoded = new byte[4];

    JsStringText(Sink sink) {
        this.sink = sink;
    }

    void reset() {
        state = State.TEXT;
    }

    /** The next bytes of a string's text, {@code a[from, to)}, as written between its quotes. */
    void text(byte[] a, int from, int to) {
        int i = from;
        while (i < to) {
            if (state == State.TEXT) {
                int end = ByteScan.indexOf(a, i, to, (byte) '\\');
                if (end > i) {
                    sink.text(a, i, end);
                }
                if (end < to) {
                    state = State.ESCAPE;
                    end++;
                }
                i = end;
                continue;
            }
            if (escaped(a[i] & 0xff)) {
                i++;
            }
        }
    }

    /** The string ended: an escape it cut is dropped. */
    void end() {
        if (state == State.OCTAL) {
            // "\0" or "\12" at the string's end is whole
            codePoint(value);
        }
        state = State.TEXT;
        sink.end();
    }

    /** Reads byte {@code b} of an escape; returns false when it was not the escape's, to be read again as text. */
    private boolean escaped(int b) {
        switch (state) {
            case ESCAPE -> {
                state = State.TEXT;
                switch (b) {
                    case 'n' -> codePoint('\n');
                    case 't' -> codePoint('\t');
                    case 'r' -> codePoint('\r');
                    case 'b' -> codePoint('\b');
                    case 'f' -> codePoint('\f');
                    case 'v' -> codePoint(0x0B);
                    case 'x' -> hex(2);
                    case 'u' -> hex(4);
                    case '\n' -> { }
                    // a line continuation: "\" and a line's end are no text
                    case '\r' -> state = State.CARRIAGE_RETURN;
                    default -> {
                        if (b >= '0' && b <= '7') {
                            state = State.OCTAL;
                            value = b - '0';
                            digits = 1;
                            octalDigits = b <= '3' ? 3 : 2;
                        } else {
                            // any other character stands for itself ("\"", "\'", "\\", "\/", "\8")
                            decoded[0] = (byte) b;
                            sink.text(decoded, 0, 1);
                        }
                    }
                }
                return true;
            }
            case CARRIAGE_RETURN -> {
                state = State.TEXT;
                return b == '\n';
            }
            case HEX -> {
                int d = Character.digit(b, 16);
                if (d < 0) {
                    if (digits == 4 && b == '{' && value == 0) {
                        state = State.BRACED_HEX;
                        return true;
                    }
                    // a broken escape, a syntax error to the engine: dropped
                    state = State.TEXT;
                    return false;
                }
                value = value << 4 | d;
                if (--digits == 0) {
                    state = State.TEXT;
                    codePoint(value);
                }
                return true;
            }
            case BRACED_HEX -> {
                int d = Character.digit(b, 16);
                if (b == '}') {
                    state = State.TEXT;
                    codePoint(value);
                    return true;
                }
                if (d < 0 || value > 0x10FFFF) {
                    state = State.TEXT;
                    return false;
                }
                value = value << 4 | d;
                return true;
            }
            case OCTAL -> {
                if (b >= '0' && b <= '7' && digits < octalDigits) {
                    value = value << 3 | (b - '0');
                    digits++;
                    return true;
                }
                state = State.TEXT;
                codePoint(value);
                return false;
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void hex(int count) {
        state = State.HEX;
        value = 0;
        digits = count;
    }

    private void codePoint(int c) {
        if (c < 0x80) {
            decoded[0] = (byte) c;
            sink.text(decoded, 0, 1);
            return;
        }
        boolean valid = c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF);
        byte[] utf8 = new String(Character.toChars(valid ? c : 0xFFFD)).getBytes(StandardCharsets.UTF_8);
        sink.text(utf8, 0, utf8.length);
    }
}
