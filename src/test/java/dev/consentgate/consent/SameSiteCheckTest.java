package dev.consentgate.consent;

import static dev.consentgate.consent.SameSiteCheck.Verdict.AMBIGUOUS;
import static dev.consentgate.consent.SameSiteCheck.Verdict.CROSS_SITE;
import static dev.consentgate.consent.SameSiteCheck.Verdict.NO_PROVENANCE;
import static dev.consentgate.consent.SameSiteCheck.Verdict.SAME_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SameSiteCheckTest {

    private static SameSiteCheck.Verdict judge(List<String> origin, List<String> site, String host) {
        return SameSiteCheck.judge(origin, site, Optional.ofNullable(host));
    }

    @Test
    void secFetchSiteDecidesWhenAlone() {
        assertEquals(SAME_SITE, judge(List.of(), List.of("same-origin"), "shop.example"));
        assertEquals(SAME_SITE, judge(List.of(), List.of("same-site"), "shop.example"));
        assertEquals(SAME_SITE, judge(List.of(), List.of("none"), "shop.example"));
        assertEquals(CROSS_SITE, judge(List.of(), List.of("cross-site"), "shop.example"));
        assertEquals(CROSS_SITE, judge(List.of(), List.of("bogus"), "shop.example"));
    }

    @Test
    void originMustMatchTheHost() {
        assertEquals(SAME_SITE, judge(List.of("https://shop.example"), List.of(), "shop.example"));
        assertEquals(SAME_SITE, judge(List.of("https://shop.example"), List.of(), "shop.example:443"));
        assertEquals(SAME_SITE, judge(List.of("http://localhost:8080"), List.of(), "localhost:8080"));
        assertEquals(SAME_SITE, judge(List.of("http://[::1]:8080"), List.of(), "[::1]:8080"));
        assertEquals(SAME_SITE, judge(List.of("https://SHOP.example"), List.of(), "shop.EXAMPLE"));
        assertEquals(CROSS_SITE, judge(List.of("https://evil.example"), List.of(), "shop.example"));
        assertEquals(CROSS_SITE, judge(List.of("https://shop.example.evil.example"), List.of(), "shop.example"));
        assertEquals(CROSS_SITE, judge(List.of("http://localhost:9090"), List.of(), "localhost:8080"));
        assertEquals(CROSS_SITE, judge(List.of("https://shop.example:8443"), List.of(), "shop.example"));
        assertEquals(CROSS_SITE, judge(List.of("null"), List.of(), "shop.example"));
        assertEquals(CROSS_SITE, judge(List.of("https://shop.example/path"), List.of(), "shop.example"));
        assertEquals(CROSS_SITE, judge(List.of("ftp://shop.example"), List.of(), "shop.example"));
        assertEquals(CROSS_SITE, judge(List.of("https://user@shop.example"), List.of(), "shop.example"));
        assertEquals(CROSS_SITE, judge(List.of("not a url"), List.of(), "shop.example"));
        assertEquals(CROSS_SITE, judge(List.of("https://shop.example"), List.of(), null));
        assertEquals(CROSS_SITE, judge(List.of("https://shop.example"), List.of(), "shop.example:x"));
    }

    @Test
    void whenBothAreSentBothMustPass() {
        assertEquals(SAME_SITE, judge(List.of("https://shop.example"), List.of("same-origin"), "shop.example"));
        assertEquals(CROSS_SITE, judge(List.of("https://evil.example"), List.of("same-origin"), "shop.example"));
        assertEquals(CROSS_SITE, judge(List.of("https://shop.example"), List.of("cross-site"), "shop.example"));
    }

    @Test
    void neitherHeaderIsRefused() {
        SameSiteCheck.Verdict v = judge(List.of(), List.of(), "shop.example");
        assertEquals(NO_PROVENANCE, v);
        assertFalse(v.allowed());
        assertTrue(SAME_SITE.allowed());
    }

    @Test
    void differingDuplicatesAreAmbiguous() {
        assertEquals(AMBIGUOUS, judge(List.of("https://shop.example", "https://evil.example"), List.of(),
                "shop.example"));
        assertEquals(AMBIGUOUS, judge(List.of(), List.of("same-origin", "cross-site"), "shop.example"));
        assertEquals(SAME_SITE, judge(List.of(), List.of("same-origin", "same-origin"), "shop.example"));
    }
}
