package dev.consentgate.cookie;

import static dev.consentgate.cookie.Fixtures.consent;
import static dev.consentgate.cookie.Fixtures.essentialOnly;
import static dev.consentgate.cookie.Fixtures.everything;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CookiePolicyRequestTest {

    private final CookiePolicy policy = Fixtures.seedPolicy();

    @Test
    void removesNonConsentedCookiesAndKeepsEssentialOnes() {
        CookiePolicy.RequestFilter filter = policy.filterRequest(List.of("_ga=GA1.1.1; JSESSIONID=abc"), essentialOnly());
        assertEquals(List.of("JSESSIONID=abc"), filter.headers());
        assertEquals(List.of("_ga"), filter.removed().stream().map(RequestCookie::name).toList());
        assertEquals(List.of("JSESSIONID"), filter.kept().stream().map(RequestCookie::name).toList());
    }

    @Test
    void headerWithNothingRemovedIsTheIdenticalString() {
        String header = "JSESSIONID=abc;userId=7 ;  _ga=1";
        assertSame(header, policy.filterRequest(List.of(header), everything()).headers().get(0));
    }

    @Test
    void keptCookiesAreByteIdenticalAndInOrder() {
        CookiePolicy.RequestFilter filter = policy.filterRequest(
                List.of("userId = \"7 x\";_fbp=fb.1;JSESSIONID=a=b;  cg_consent=2025-12-16:functionality"),
                consent("functionality"));
        assertEquals(List.of("userId = \"7 x\"; JSESSIONID=a=b; cg_consent=2025-12-16:functionality"),
                filter.headers());
    }

    @Test
    void eachHeaderIsFilteredSeparately() {
        CookiePolicy.RequestFilter filter =
                policy.filterRequest(List.of("_ga=1", "JSESSIONID=a; _fbp=2", "userId=7"), consent("functionality"));
        assertEquals(List.of("JSESSIONID=a", "userId=7"), filter.headers());
    }

    @Test
    void headerLeftEmptyIsOmitted() {
        assertTrue(policy.filterRequest(List.of("_ga=1; _fbp=2"), essentialOnly()).headers().isEmpty());
    }

    @Test
    void headerWithoutAnyCookieIsOmitted() {
        assertTrue(policy.filterRequest(List.of("", " ; "), everything()).headers().isEmpty());
    }

    @Test
    void prefixedNamesAreClassifiedWithoutThePrefix() {
        CookiePolicy.RequestFilter filter =
                policy.filterRequest(List.of("__Secure-_ga=1; __HOST-JSESSIONID=2"), essentialOnly());
        assertEquals(List.of("__HOST-JSESSIONID=2"), filter.headers());
    }

    @Test
    void namelessCookieIsRemovedWithoutFullConsent() {
        assertEquals(List.of("JSESSIONID=a"),
                policy.filterRequest(List.of("stray; JSESSIONID=a"), consent("functionality", "analytics")).headers());
    }

    @Test
    void undeclaredCookiePassesWithFullConsent() {
        assertEquals(List.of("_hjid=1; x"), policy.filterRequest(List.of("_hjid=1; x"), everything()).headers());
    }
}
