package dev.consentgate.html;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Bytes decoded as a browser decodes them where they hold an error. The WHATWG decoders of the multi-byte encodings
 * (Shift_JIS, EUC-JP, EUC-KR, Big5, gb18030) give one U+FFFD for a lead byte that forms no character with what
 * follows, and read an ASCII byte that followed it again as itself; some of the JDK's (EUC-JP, Big5-HKSCS) take
 * that byte into the error, so a backslash or a quote after a stray lead byte would vanish from the text judged
 * while a browser reads it (found by a review, 2026-12-02: {@code "\x85\"} in a data: stylesheet in EUC-JP hid the
 * rest of a string from the gateway, not from Chromium).
 */
final class BrowserDecoding {

    private BrowserDecoding() {
    }

    static String decode(byte[] a, Charset encoding) {
        return decode(a, 0, a.length, encoding);
    }

    /** {@code a[from, from + length)} in {@code encoding}, each error as a browser reads it. */
    static String decode(byte[] a, int from, int length, Charset encoding) {
        String quick = new String(a, from, length, encoding);
        if (quick.indexOf('\uFFFD') < 0) {
            // no error (the usual case): the JDK's own decoding is the browser's
            return quick;
        }
        CharsetDecoder decoder = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(a, from, length);
        CharBuffer out = CharBuffer.allocate(length + 16);
        StringBuilder text = new StringBuilder(length + 16);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                text.append(out.flip()).append('\uFFFD');
                out.clear();
                int at = in.position();
                int skip = r.length();
                // an ASCII byte the error took in is read again as itself
                for (int k = 1; k < r.length(); k++) {
                    if (a[at + k] >= 0) {
                        skip = k;
                        break;
                    }
                }
                in.position(at + skip);
                continue;
            }
            if (r.isOverflow()) {
                text.append(out.flip());
                out.clear();
                continue;
            }
            while (decoder.flush(out).isOverflow()) {
                text.append(out.flip());
                out.clear();
            }
            return text.append(out.flip()).toString();
        }
    }
}
