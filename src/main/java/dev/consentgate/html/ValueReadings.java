package dev.consentgate.html;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The encodings the values judged in a page's bytes (addresses, an inline script's URLs, a data: script's code) are
 * read in. A page that declares its encoding is read in that one. A page that declares none Chromium reads as
 * windows-1252 or as whatever its encoding detector guesses from the page's text (Shift_JIS, EUC-JP, GBK, Big5,
 * EUC-KR, windows-1251...), where fullwidth letters, say, are the ASCII letters of a tracker's host. Rather than guess
 * as the detector does, such a value with a byte past ASCII is judged in every encoding the detector may choose, and
 * blocks when any reading does (fail closed); a plain ASCII value reads the same in all and is judged once.
 */
final class ValueReadings {

    /** A page that declares no encoding: both readings the gateway takes first, then each one a detector may choose. */
    private static final List<Charset> UNDECLARED = undeclared();

    private ValueReadings() {
    }

    private static List<Charset> undeclared() {
        List<Charset> all = new ArrayList<>();
        all.add(Utf8OrWindows1252.INSTANCE);
        all.addAll(EncodingLabels.DETECTABLE);
        return List.copyOf(all);
    }

    /** The readings of a value in the bytes of a page read as {@code pageEncoding}, the page's own first. */
    static List<Charset> of(Charset pageEncoding) {
        return pageEncoding == Utf8OrWindows1252.INSTANCE ? UNDECLARED : List.of(pageEncoding);
    }

    /** The readings besides the page's own: none unless the page declares no encoding. */
    static List<Charset> besides(Charset pageEncoding) {
        List<Charset> all = of(pageEncoding);
        return all.subList(1, all.size());
    }

    /** Whether {@code a[from, to)} is plain ASCII, which every reading reads alike. */
    static boolean isAscii(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code a[from, to)} read in {@code reading}. Plain ASCII is decoded as such whatever the reading: every encoding
     * a page's bytes are read in maps ASCII to itself (a page in any other is converted to UTF-8 first, see
     * {@link PageEncoding}), and the JDK's decoder, or {@link Utf8OrWindows1252}'s, costs a set-up per value that
     * took nearly half the time of rewriting a page that declares no encoding.
     */
    static String read(byte[] a, int from, int to, Charset reading) {
        return new String(a, from, to - from, isAscii(a, from, to) ? StandardCharsets.ISO_8859_1 : reading);
    }
}
