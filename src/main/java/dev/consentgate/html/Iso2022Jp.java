package dev.consentgate.html;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;

/**
 * ISO-2022-JP exactly as browsers decode it (WHATWG Encoding): only ESC ( B, ESC ( J, ESC ( I, ESC $ @ and ESC $ B
 * switch character sets; any other escape is an error (U+FFFD) after which its bytes are read again in the current
 * set. Java's own ISO-2022-JP charsets also take ESC $ ( D (JIS X 0212) and SO/SI, where a browser reads ASCII: a tag
 * hidden in such bytes would pass unseen. The encoder writes only the sequences this decoder reads, so the page a
 * browser decodes from the output is the one that was judged. The JIS X 0208 table is Java's (with NEC's row 13).
 */
final class Iso2022Jp extends Charset {

    static final Iso2022Jp INSTANCE = new Iso2022Jp();

    private static final char REPLACEMENT = '\uFFFD';
    private static final int ROWS = 94;

    private Iso2022Jp() {
        super("x-consentgate-whatwg-iso-2022-jp", new String[0]);
    }

    @Override
    public boolean contains(Charset cs) {
        return cs instanceof Iso2022Jp;
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new Decoder(this);
    }

    @Override
    public CharsetEncoder newEncoder() {
        return new Encoder(this);
    }

    /** JIS X 0208 by pointer ((lead - 0x21) * 94 + trail - 0x21), 0 where unmapped; and back. */
    private static final class Jis0208 {
        static final char[] BY_POINTER = new char[ROWS * ROWS];
        static final short[] POINTER_PLUS_ONE = new short[0x10000];

        static {
            Charset java = Charset.isSupported("x-windows-50221") ? Charset.forName("x-windows-50221")
                    : Charset.forName("ISO-2022-JP");
            for (int p = 0; p < ROWS * ROWS; p++) {
                byte[] pair = {0x1b, '$', 'B', (byte) (0x21 + p / ROWS), (byte) (0x21 + p % ROWS)};
                String s = new String(pair, java);
                if (s.length() == 1 && s.charAt(0) != REPLACEMENT) {
                    char c = s.charAt(0);
                    BY_POINTER[p] = c;
                    if (POINTER_PLUS_ONE[c] == 0) {
                        POINTER_PLUS_ONE[c] = (short) (p + 1);
                    }
                }
            }
        }
    }

    private enum State { ASCII, ROMAN, KATAKANA, LEAD, TRAIL, ESCAPE_START, ESCAPE }

    /** The WHATWG decoder's states; bytes it "prepends" to the stream are read again from {@code pending}. */
    private static final class Decoder extends CharsetDecoder {
        private State state = State.ASCII;
        private State outputState = State.ASCII;
        /** The last thing read was a switch (WHATWG's output flag): a second one at once is an error. */
        private boolean justSwitched;
        private int lead;
        /** Bytes to read again before the input, first at index 0 (at most two: an escape's lead and byte). */
        private final int[] pending = new int[4];
        private int pendingCount;

        Decoder(Charset cs) {
            super(cs, 1f, 2f);
        }

        @Override
        protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
            while (pendingCount > 0 || in.hasRemaining()) {
                // each step writes at most one character
                if (!out.hasRemaining()) {
                    return CoderResult.OVERFLOW;
                }
                step(pendingCount > 0 ? takePending() : in.get() & 0xff, out);
            }
            return CoderResult.UNDERFLOW;
        }

        private void step(int b, CharBuffer out) {
            switch (state) {
                case ASCII, ROMAN, KATAKANA -> {
                    if (b == 0x1b) {
                        state = State.ESCAPE_START;
                        return;
                    }
                    justSwitched = false;
                    out.put(inSingleByteSet(b));
                }
                case LEAD -> {
                    if (b == 0x1b) {
                        state = State.ESCAPE_START;
                        return;
                    }
                    justSwitched = false;
                    if (b >= 0x21 && b <= 0x7e) {
                        lead = b;
                        state = State.TRAIL;
                    } else {
                        out.put(REPLACEMENT);
                    }
                }
                case TRAIL -> {
                    if (b == 0x1b) {
                        state = State.ESCAPE_START;
                        out.put(REPLACEMENT);
                        return;
                    }
                    state = State.LEAD;
                    char c = b >= 0x21 && b <= 0x7e ? Jis0208.BY_POINTER[(lead - 0x21) * ROWS + b - 0x21] : 0;
                    out.put(c == 0 ? REPLACEMENT : c);
                }
                case ESCAPE_START -> {
                    if (b == 0x24 || b == 0x28) {
                        lead = b;
                        state = State.ESCAPE;
                        return;
                    }
                    pushFront(b);
                    justSwitched = false;
                    state = outputState;
                    out.put(REPLACEMENT);
                }
                case ESCAPE -> {
                    int escapeLead = lead;
                    lead = 0;
                    State next = escapeLead == 0x28 && b == 0x42 ? State.ASCII
                            : escapeLead == 0x28 && b == 0x4a ? State.ROMAN
                            : escapeLead == 0x28 && b == 0x49 ? State.KATAKANA
                            : escapeLead == 0x24 && (b == 0x40 || b == 0x42) ? State.LEAD : null;
                    if (next != null) {
                        state = next;
                        outputState = next;
                        boolean twice = justSwitched;
                        justSwitched = true;
                        if (twice) {
                            // two switches with nothing between them
                            out.put(REPLACEMENT);
                        }
                        return;
                    }
                    // not a switch browsers know: its two bytes are read again in the current set
                    pushFront(b);
                    pushFront(escapeLead);
                    justSwitched = false;
                    state = outputState;
                    out.put(REPLACEMENT);
                }
                default -> throw new IllegalStateException();
            }
        }

        /** A byte other than ESC in the ASCII, Roman or katakana set. */
        private char inSingleByteSet(int b) {
            if (state == State.KATAKANA) {
                return b >= 0x21 && b <= 0x5f ? (char) (0xFF61 - 0x21 + b) : REPLACEMENT;
            }
            if (state == State.ROMAN && b == 0x5c) {
                return '\u00A5';
            }
            if (state == State.ROMAN && b == 0x7e) {
                return '\u203E';
            }
            return b <= 0x7f && b != 0x0e && b != 0x0f ? (char) b : REPLACEMENT;
        }

        private void pushFront(int b) {
            System.arraycopy(pending, 0, pending, 1, pendingCount);
            pending[0] = b;
            pendingCount++;
        }

        private int takePending() {
            int b = pending[0];
            pendingCount--;
            System.arraycopy(pending, 1, pending, 0, pendingCount);
            return b;
        }

        /** End of input inside an escape or a two-byte character: an error, and an escape's lead is read again. */
        @Override
        protected CoderResult implFlush(CharBuffer out) {
            while (pendingCount > 0 || state == State.TRAIL || state == State.ESCAPE_START
                    || state == State.ESCAPE) {
                if (!out.hasRemaining()) {
                    return CoderResult.OVERFLOW;
                }
                if (pendingCount > 0) {
                    step(takePending(), out);
                } else if (state == State.ESCAPE) {
                    pushFront(lead);
                    lead = 0;
                    justSwitched = false;
                    state = outputState;
                    out.put(REPLACEMENT);
                } else {
                    state = state == State.TRAIL ? State.LEAD : outputState;
                    out.put(REPLACEMENT);
                }
            }
            return CoderResult.UNDERFLOW;
        }

        @Override
        protected void implReset() {
            state = State.ASCII;
            outputState = State.ASCII;
            justSwitched = false;
            lead = 0;
            pendingCount = 0;
        }
    }

    /**
     * Writes ASCII, the yen sign and overline (JIS Roman), half-width katakana and JIS X 0208; anything else as a
     * byte that decodes to U+FFFD.
     */
    private static final class Encoder extends CharsetEncoder {
        private State state = State.ASCII;

        Encoder(Charset cs) {
            super(cs, 3f, 8f, new byte[] {'?'});
        }

        @Override
        protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
            while (in.hasRemaining()) {
                if (out.remaining() < 5) {
                    return CoderResult.OVERFLOW;
                }
                char c = in.get();
                if (c < 0x80 && c != 0x0e && c != 0x0f && c != 0x1b) {
                    if (state != State.ASCII && !(state == State.ROMAN && c != 0x5c && c != 0x7e)) {
                        switchTo(State.ASCII, out);
                    }
                    out.put((byte) c);
                } else if (c == '\u00A5' || c == '\u203E') {
                    switchTo(State.ROMAN, out);
                    out.put((byte) (c == '\u00A5' ? 0x5c : 0x7e));
                } else if (c >= '\uFF61' && c <= '\uFF9F') {
                    switchTo(State.KATAKANA, out);
                    out.put((byte) (c - 0xFF61 + 0x21));
                } else if (Jis0208.POINTER_PLUS_ONE[c] != 0) {
                    int pointer = Jis0208.POINTER_PLUS_ONE[c] - 1;
                    switchTo(State.LEAD, out);
                    out.put((byte) (0x21 + pointer / ROWS));
                    out.put((byte) (0x21 + pointer % ROWS));
                } else {
                    // a byte no set holds decodes to U+FFFD in any state, as the character it stands for was
                    // judged ('?' would be markup: "<?" opens a bogus comment)
                    out.put((byte) 0x80);
                }
            }
            return CoderResult.UNDERFLOW;
        }

        private void switchTo(State next, ByteBuffer out) {
            if (state == next) {
                return;
            }
            state = next;
            byte[] escape = switch (next) {
                case ASCII -> new byte[] {0x1b, '(', 'B'};
                case ROMAN -> new byte[] {0x1b, '(', 'J'};
                case KATAKANA -> new byte[] {0x1b, '(', 'I'};
                default -> new byte[] {0x1b, '$', 'B'};
            };
            out.put(escape);
        }

        @Override
        protected CoderResult implFlush(ByteBuffer out) {
            if (state != State.ASCII) {
                if (out.remaining() < 3) {
                    return CoderResult.OVERFLOW;
                }
                switchTo(State.ASCII, out);
            }
            return CoderResult.UNDERFLOW;
        }

        @Override
        protected void implReset() {
            state = State.ASCII;
        }

        @Override
        public boolean canEncode(char c) {
            return c < 0x80 || c == '\u00A5' || c == '\u203E' || (c >= '\uFF61' && c <= '\uFF9F')
                    || Jis0208.POINTER_PLUS_ONE[c] != 0;
        }
    }
}
