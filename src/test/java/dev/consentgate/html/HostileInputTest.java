package dev.consentgate.html;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Arbitrary bytes never make the rewriter throw or leak, in any chunking and charset, and full consent is identity. */
class HostileInputTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();

    @Property(tries = 300)
    void arbitraryBytesNeverThrowAndAreChunkIndependent(@ForAll("markupLikeBytes") byte[] input,
                                                        @ForAll @Size(min = 1, max = 4)
                                                        List<@IntRange(min = 1, max = 64) Integer> sizes) {
        byte[] whole = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, input, List.of(input.length + 1));
        assertArrayEquals(whole, Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, input, sizes));
        assertArrayEquals(input, Chunks.rewrite(POLICY, TestRules.EVERYTHING, input, sizes));
    }

    @Property(tries = 100)
    void arbitraryBytesLabelledUtf16NeverThrow(@ForAll("markupLikeBytes") byte[] input,
                                               @ForAll @IntRange(min = 1, max = 9) int size) {
        Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, input, List.of(size), Optional.of("utf-16"),
                new java.util.ArrayList<>());
    }

    /** Bytes biased toward markup: tokens of HTML syntax and tracker URLs mixed with random bytes. */
    @Provide
    Arbitrary<byte[]> markupLikeBytes() {
        Arbitrary<String> tokens = Arbitraries.of("<", ">", "</", "/", "=", "\"", "'", " ", "\n", "-", "--", "!", "?",
                "<!--", "-->", "--!>", "<![CDATA[", "]]>", "script", "SCRIPT", "iframe", "img", "src", "type",
                "text/plain", "style", "title", "svg", "noscript", "object", "link rel=preconnect href",
                "https://www.googletagmanager.com/gtm.js", "//www.facebook.com/tr", "fbq(", "gtag(", "&#x2F;",
                "&amp;", "\u00e9", "\uFEFF", "meta http-equiv=set-cookie content=a=b", "style=", "url(", ")", "@import ",
                "image-set(", "\\", "/*", "*/");
        Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(4);
        Arbitrary<byte[]> pieces = Arbitraries.oneOf(tokens.map(t -> t.getBytes(StandardCharsets.UTF_8)),
                randomBytes);
        return pieces.list().ofMaxSize(40).map(list -> {
            int n = list.stream().mapToInt(b -> b.length).sum();
            byte[] out = new byte[n];
            int pos = 0;
            for (byte[] b : list) {
                System.arraycopy(b, 0, out, pos, b.length);
                pos += b.length;
            }
            return out;
        });
    }
}
