package dev.consentgate.html;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;

/**
 * How the values of a page that declares no encoding are decoded for judging: a browser reads such a page as
 * windows-1252 (Chromium's default here) or as what its detector guesses, never as UTF-8 (Chromium does not detect
 * UTF-8 in pages from the web); the gateway fails closed on both readings it can tell apart, taking a byte sequence
 * that is valid UTF-8 as UTF-8 (as before, a host written in U+3002 still counts) and every other byte as windows-1252
 * (where 0xAA is 'ª', an 'a' in a host). No windows-1252 text that is also valid UTF-8 spells ASCII in a host: its
 * first character is a letter with a diacritic. The detector's other guesses are judged besides this reading (see
 * {@link ValueReadings}). Decodes only, for whole values.
 */
final class Utf8OrWindows1252 extends Charset {

    static final Utf8OrWindows1252 INSTANCE = new Utf8OrWindows1252();
    /** windows-1252 as the WHATWG Encoding Standard has it: the JDK's, with its five holes as C1 controls. */
    private static final char[] WINDOWS_1252 = windows1252();

    private Utf8OrWindows1252() {
        super("x-consentgate-utf-8-or-windows-1252", null);
    }

    @Override
    public boolean contains(Charset cs) {
        return false;
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new Decoder(this);
    }

    @Override
    public CharsetEncoder newEncoder() {
        throw new UnsupportedOperationException("decodes only");
    }

    private static char[] windows1252() {
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
        }
        char[] table = new String(all, Charset.forName("windows-1252")).toCharArray();
        for (int hole : new int[] {0x81, 0x8D, 0x8F, 0x90, 0x9D}) {
            table[hole] = (char) hole;
        }
        return table;
    }

    private static final class Decoder extends CharsetDecoder {

        Decoder(Charset cs) {
            super(cs, 1f, 2f);
        }

        @Override
        protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
            while (in.hasRemaining()) {
                if (out.remaining() < 2) {
                    return CoderResult.OVERFLOW;
                }
                int at = in.position();
                int length = utf8Length(in, at);
                if (length == 0) {
                    out.put(WINDOWS_1252[in.get() & 0xff]);
                    continue;
                }
                int lead = in.get(at) & 0xff;
                int cp = length == 1 ? lead : lead & (0xff >> (length + 1));
                for (int k = 1; k < length; k++) {
                    cp = cp << 6 | in.get(at + k) & 0x3f;
                }
                out.put(Character.toChars(cp));
                in.position(at + length);
            }
            return CoderResult.UNDERFLOW;
        }

        /** The length of the valid UTF-8 sequence at {@code at}, 0 when none starts there. */
        private static int utf8Length(ByteBuffer in, int at) {
            int lead = in.get(at) & 0xff;
            if (lead < 0x80) {
                return 1;
            }
            int length;
            int low = 0x80;
            int high = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                low = lead == 0xE0 ? 0xA0 : 0x80;
                high = lead == 0xED ? 0x9F : 0xBF;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                low = lead == 0xF0 ? 0x90 : 0x80;
                high = lead == 0xF4 ? 0x8F : 0xBF;
            } else {
                return 0;
            }
            if (at + length > in.limit()) {
                return 0;
            }
            for (int k = 1; k < length; k++) {
                int b = in.get(at + k) & 0xff;
                if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) {
                    return 0;
                }
            }
            return length;
        }
    }
}
