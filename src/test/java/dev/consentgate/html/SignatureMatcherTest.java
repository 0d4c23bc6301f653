package dev.consentgate.html;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignatureMatcherTest {

    private static final SignatureMatcher MATCHER = new SignatureMatcher(
            List.of("gtag(", "fbq(", "tag(", "_hsq.push"), new int[] {0, 1, 2, 3});

    /** Rule indexes reported, in order, when {@code text} is fed in pieces of {@code size} bytes. */
    private static List<Integer> hits(String text, int size) {
        byte[] a = text.getBytes(StandardCharsets.UTF_8);
        List<Integer> found = new ArrayList<>();
        int state = 0;
        for (int from = 0; from < a.length; from += size) {
            state = MATCHER.scan(a, from, Math.min(a.length, from + size), state, rules -> {
                for (int r : rules) {
                    found.add(r);
                }
                return false;
            });
        }
        return found;
    }

    @Test
    void findsEverySignatureWhereverTheChunksAreCut() {
        String text = "x=1;gtag('js');var q=fbq(1);window._hsq.push([]);ggtag(gt";
        List<Integer> whole = hits(text, text.length());
        // gtag( and tag( end at the same byte: both are reported there
        assertEquals(List.of(0, 2, 1, 3, 0, 2), whole);
        for (int size = 1; size < text.length(); size++) {
            assertEquals(whole, hits(text, size), "pieces of " + size);
        }
    }

    @Test
    void aSignatureAtTheVeryEndIsFound() {
        assertEquals(List.of(1), hits("abc fbq(", 3));
        assertEquals(List.of(1), hits("fbq(", 1));
    }

    @Test
    void textWithoutSignaturesReportsNothing() {
        assertEquals(List.of(), hits("function f(a){return a.tags+gta+fb+q(_hs);}", 7));
    }
}
