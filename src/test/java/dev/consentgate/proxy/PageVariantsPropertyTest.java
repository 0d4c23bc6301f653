package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a client sends as If-None-Match, a request for a page forwards at most this variant's own tags, without
 * their key, and no request forwards a tag of another variant.
 */
class PageVariantsPropertyTest {

    private static final String KEY = "1a2b3c4d";

    /** Lists of tags of this variant, of other variants, foreign ones, and broken pieces, joined any which way. */
    @Provide
    Arbitrary<String> ifNoneMatch() {
        Arbitrary<String> opaque = Arbitraries.strings().withChars("abc01-.,/ W\"").ofMaxLength(6);
        Arbitrary<String> tag = Arbitraries.oneOf(
                opaque.map(o -> "\"" + o + ".cg-" + KEY + "\""),
                opaque.map(o -> "W/\"" + o + ".cg-" + KEY + "\""),
                opaque.map(o -> "\"" + o + ".cg-99999999\""),
                opaque.map(o -> "W/\"" + o + ".cg-0000ffff\""),
                opaque.map(o -> "\"" + o + "\""),
                opaque,
                Arbitraries.of("*", ",", " ", "W/", "\"", ".cg-" + KEY,
                        "W/\"cg-date~Tue~_16_Dec_2025_08:00:00_GMT.cg-" + KEY + "\""));
        Arbitrary<String> separator = Arbitraries.of(", ", ",", " ", "", "\t,");
        return tag.list().ofMaxSize(6).flatMap(tags -> separator.map(sep -> String.join(sep, tags)));
    }

    @Property(tries = 3000)
    void aRequestForAPageForwardsOnlyThisVariantsTagsWithoutTheirKey(@ForAll("ifNoneMatch") String value) {
        PageVariants.Forwarded f = PageVariants.forwardIfNoneMatch(value, KEY, true);
        Optional<String> forwarded = f.value();
        if (forwarded.isEmpty()) {
            // only a tag standing for a date revalidates without a tag to forward
            assertEquals(f.ifModifiedSince().isPresent(), f.revalidatesVariant(), value);
            f.ifModifiedSince().ifPresent(d -> assertEquals("Tue, 16 Dec 2025 08:00:00 GMT", d));
            return;
        }
        if (forwarded.get().equals("*")) {
            assertEquals("*", value.trim());
            return;
        }
        assertTrue(f.revalidatesVariant(), value);
        assertFalse(forwarded.get().contains(".cg-"), value + " -> " + forwarded.get());
        // every forwarded tag was in the request with this variant's key (what was forwarded is well formed)
        for (PageVariants.EntityTag t : PageVariants.EntityTag.parseList(forwarded.get())) {
            assertTrue(value.contains(t.opaque() + ".cg-" + KEY + "\""), value + " -> " + t);
        }
    }

    @Property(tries = 3000)
    void noRequestForwardsATagOfAnotherVariant(@ForAll("ifNoneMatch") String value) {
        Optional<String> forwarded = PageVariants.forwardIfNoneMatch(value, KEY, false).value();
        for (String other : List.of(".cg-99999999", ".cg-0000ffff")) {
            assertFalse(forwarded.orElse("").contains(other), value + " -> " + forwarded);
        }
    }

    @Property(tries = 2000)
    void anyTextIsAnsweredWithoutAnError(@ForAll String value) {
        PageVariants.forwardIfNoneMatch(value, KEY, true);
        PageVariants.forwardIfNoneMatch(value, KEY, false);
        PageVariants.tag(value, KEY, true);
        PageVariants.forwardIfMatch(value, KEY);
    }
}
