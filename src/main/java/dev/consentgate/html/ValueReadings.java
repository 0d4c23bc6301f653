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
        return isAscii(a, from, to) ? new String(a, from, to - from, StandardCharsets.ISO_8859_1)
                : BrowserDecoding.decode(a, from, to - from, reading);
    }

    /**
     * Whether every reading of the URL {@code a[from, to)} is judged as the page's own reading judges it, given rules
     * whose hosts and paths are ASCII: its bytes past ASCII all lie after the end of its own authority, or it has none
     * (a relative URL takes its host from a base, whose readings are judged apart), and no {@code "//"} follows, where
     * {@link UrlJudge} reads the URL a redirect carries. A reading changes only what it reads past ASCII (an ASCII byte
     * a multi-byte character takes in becomes part of a character past ASCII, never another ASCII one, and a '/' is
     * never taken in), and past ASCII only a host's characters can turn into ASCII ones (fullwidth letters, mapped as
     * a browser maps a host); an ASCII rule found in a path in any reading is found in the page's own reading too.
     * No character reference may be in it: one can spell anything. Saves judging a tag once per encoding a detector
     * may choose (37) for each image whose file name is in Japanese on a page that declares no encoding.
     */
    static boolean pastAsciiOnlyInPath(byte[] a, int from, int to) {
        int firstPastAscii = from;
        while (firstPastAscii < to && a[firstPastAscii] >= 0) {
            firstPastAscii++;
        }
        if (firstPastAscii == to) {
            return true;
        }
        for (int i = from; i < to; i++) {
            if (a[i] == '&') {
                return false;
            }
        }
        // the ASCII before it as the URL parser reads it: leading controls and spaces trimmed, tabs and breaks removed
        StringBuilder ascii = new StringBuilder(firstPastAscii - from);
        int[] at = new int[firstPastAscii - from + 1];
        for (int i = from; i < firstPastAscii; i++) {
            byte c = a[i];
            if (c != '\t' && c != '\n' && c != '\r' && (c > ' ' || ascii.length() > 0)) {
                at[ascii.length()] = i;
                ascii.append((char) c);
            }
        }
        at[ascii.length()] = firstPastAscii;
        String url = ascii.toString();
        int authority;
        if (isSlash(url, 0) && isSlash(url, 1)) {
            authority = 2;
        } else {
            int colon = UrlParts.schemeEnd(url, 0);
            if (colon < 0) {
                // relative: a scheme cannot go on past ASCII, so no part of it names a host
                return !hasDoubleSlash(a, from, to);
            }
            if (!UrlParts.isFetchScheme(url, 0, colon)) {
                // data:, javascript: and the like: what they carry is read as a whole
                return false;
            }
            authority = colon + 1;
        }
        while (isSlash(url, authority)) {
            authority++;
        }
        return pastAsciiOnlyAfterAuthority(a, at[authority], to);
    }

    /**
     * {@link #pastAsciiOnlyInPath} for the authority and what follows, {@code a[from, to)}: whether it ends before
     * the first byte past ASCII, with no {@code "//"} after it.
     */
    static boolean pastAsciiOnlyAfterAuthority(byte[] a, int from, int to) {
        for (int i = from; i < to && a[i] >= 0; i++) {
            byte c = a[i];
            if (c == '/' || c == '\\' || c == '?' || c == '#') {
                return !hasDoubleSlash(a, i, to);
            }
        }
        // the authority goes on past ASCII, unless there is nothing past ASCII
        return isAscii(a, from, to);
    }

    private static boolean isSlash(String url, int k) {
        return k < url.length() && (url.charAt(k) == '/' || url.charAt(k) == '\\');
    }

    /** Whether {@code a[from, to)} holds two slashes in a row, tabs and line breaks between them not counted. */
    private static boolean hasDoubleSlash(byte[] a, int from, int to) {
        boolean slash = false;
        for (int i = from; i < to; i++) {
            byte c = a[i];
            if (c == '/') {
                if (slash) {
                    return true;
                }
                slash = true;
            } else if (c != '\t' && c != '\n' && c != '\r') {
                slash = false;
            }
        }
        return false;
    }
}
