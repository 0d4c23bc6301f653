package dev.consentgate.cookie;

import static dev.consentgate.cookie.Fixtures.CLOCK;
import static dev.consentgate.cookie.Fixtures.NOW;
import static dev.consentgate.cookie.Fixtures.consent;
import static dev.consentgate.cookie.Fixtures.essentialOnly;
import static dev.consentgate.cookie.Fixtures.everything;
import static dev.consentgate.cookie.Fixtures.rule;
import static dev.consentgate.cookie.Fixtures.scoped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CookiePolicySetCookieTest {

    /** Now + 30 days, the userId cap, as IMF-fixdate. */
    private static final String CAP_30D = CookieDate.format(NOW.plus(Duration.ofDays(30)));
    private static final String CAP_30D_SECONDS = "2592000";

    private final CookiePolicy policy = Fixtures.seedPolicy();

    @Test
    void dropsFieldWhoseCategoryIsNotGranted() {
        assertEquals(Optional.empty(), policy.enforceSetCookie("_fbp=fb.1.2; Path=/; Max-Age=7776000", everythingBut()));
    }

    @Test
    void keepsEssentialFieldUntouched() {
        String field = "JSESSIONID=abc; Path=/; HttpOnly; Secure";
        assertSame(field, policy.enforceSetCookie(field, essentialOnly()).orElseThrow());
    }

    @Test
    void capsMaxAgeToDeclaredRetention() {
        assertEquals(Optional.of("userId=7; Max-Age=" + CAP_30D_SECONDS + "; Path=/"),
                policy.enforceSetCookie("userId=7; Max-Age=31536000; Path=/", consent("functionality")));
    }

    @Test
    void keepsMaxAgeWithinRetention() {
        String field = "userId=7; Max-Age=3600";
        assertSame(field, policy.enforceSetCookie(field, consent("functionality")).orElseThrow());
    }

    @Test
    void attributeNamesAreCaseInsensitive() {
        assertEquals(Optional.of("userId=7; MAX-AGE=" + CAP_30D_SECONDS + "; expires=" + CAP_30D),
                policy.enforceSetCookie("userId=7; MAX-AGE=99999999; expires=Fri, 01 Jan 2100 00:00:00 GMT",
                        consent("functionality")));
    }

    @Test
    void capsExpiresToNowPlusRetention() {
        // (a Max-Age beside it, which no browser reads against the response's Date: see LifetimeCap)
        assertEquals(Optional.of("userId=7; Expires=" + CAP_30D + "; HttpOnly; Max-Age=" + CAP_30D_SECONDS),
                policy.enforceSetCookie("userId=7; Expires=Wed, 01-Jan-2031 00:00:00 GMT; HttpOnly",
                        consent("functionality")));
    }

    @Test
    void keepsExpiresWithinRetention() {
        String field = "userId=7; Expires=Fri, 16 Jan 2026 00:00:00 GMT";
        // twelve hours from now, written as a Max-Age too
        assertEquals(field + "; Max-Age=43200", policy.enforceSetCookie(field, consent("functionality")).orElseThrow());
    }

    @Test
    void replacesUnparseableExpiresWithCappedDate() {
        assertEquals(Optional.of("userId=7; Expires=" + CAP_30D + "; Max-Age=" + CAP_30D_SECONDS),
                policy.enforceSetCookie("userId=7; Expires=whenever", consent("functionality")));
    }

    @Test
    void sessionCookieStaysSessionCookie() {
        String field = "userId=7; Path=/; SameSite=Lax";
        assertSame(field, policy.enforceSetCookie(field, consent("functionality")).orElseThrow());
    }

    @Test
    void replacesNonNumericMaxAge() {
        assertEquals(Optional.of("userId=7; Max-Age=" + CAP_30D_SECONDS),
                policy.enforceSetCookie("userId=7; Max-Age=1e9", consent("functionality")));
        assertEquals(Optional.of("userId=7; Max-Age=" + CAP_30D_SECONDS),
                policy.enforceSetCookie("userId=7; Max-Age=+5", consent("functionality")));
    }

    @Test
    void capsMaxAgeTooLargeForLong() {
        assertEquals(Optional.of("userId=7; Max-Age=" + CAP_30D_SECONDS),
                policy.enforceSetCookie("userId=7; Max-Age=99999999999999999999999999", consent("functionality")));
    }

    @Test
    void negativeMaxAgePassesUntouched() {
        String field = "userId=; Max-Age=-1";
        assertSame(field, policy.enforceSetCookie(field, consent("functionality")).orElseThrow());
    }

    @Test
    void deletionOfGrantedCookiePassesUntouched() {
        String field = "userId=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/";
        assertSame(field, policy.enforceSetCookie(field, consent("functionality")).orElseThrow());
    }

    @Test
    void capsEveryMaxAgeAndExpiresNotOnlyTheLast() {
        assertEquals(Optional.of("userId=7; Max-Age=" + CAP_30D_SECONDS + "; Max-Age=60; Expires=" + CAP_30D
                        + "; Expires=" + CAP_30D),
                policy.enforceSetCookie("userId=7; Max-Age=40000000; Max-Age=60; Expires=Fri, 01 Jan 2100 00:00:00 GMT;"
                        + " Expires=Sat, 01 Jan 2101 00:00:00 GMT", consent("functionality")));
    }

    @Test
    void keepsWhitespaceAroundRewrittenValues() {
        assertEquals(Optional.of("userId=7 ;max-age = " + CAP_30D_SECONDS + " ;path=/"),
                policy.enforceSetCookie("userId=7 ;max-age = 99999999 ;path=/", consent("functionality")));
    }

    @Test
    void rewritesOnlyTheValueKeepingNonAsciiBytesElsewhere() {
        assertEquals(Optional.of("userId=v\u00e9\u00ff; Max-Age=" + CAP_30D_SECONDS + "; X=\u0080"),
                policy.enforceSetCookie("userId=v\u00e9\u00ff; Max-Age=99999999; X=\u0080", consent("functionality")));
    }

    @Test
    void emptyAndQuotedValuesPass() {
        assertEquals(Optional.of("userId="), policy.enforceSetCookie("userId=", consent("functionality")));
        assertEquals(Optional.of("userId=\"a b\""), policy.enforceSetCookie("userId=\"a b\"", consent("functionality")));
    }

    @Test
    void upperCaseSecurePrefixIsClassifiedAsTheBareName() {
        assertEquals(Optional.empty(), policy.enforceSetCookie("__SECURE-_ga=1; Secure", essentialOnly()));
        assertEquals(Optional.of("__SECURE-_ga=1; Secure"),
                policy.enforceSetCookie("__SECURE-_ga=1; Secure", consent("analytics")));
    }

    @Test
    void fieldWithoutEqualsIsUndeclared() {
        assertEquals(Optional.empty(), policy.enforceSetCookie("tracker; Path=/", consent("functionality")));
        assertEquals(Optional.of("tracker; Path=/"), policy.enforceSetCookie("tracker; Path=/", everything()));
    }

    @Test
    void undeclaredFieldDroppedUnderEssentialOnly() {
        assertEquals(Optional.empty(), policy.enforceSetCookie("_hjid=1; Max-Age=31536000", essentialOnly()));
    }

    @Test
    void commaJoinedFieldIsDroppedWhenAnyNameIsNotAllowed() {
        assertEquals(Optional.empty(),
                policy.enforceSetCookie("JSESSIONID=a; Path=/, _fbp=2; Path=/", essentialOnly()));
    }

    @Test
    void commaJoinedFieldPassesWhenAllNamesAllowedAndIsNeverSplit() {
        String field = "JSESSIONID=a; Path=/, userId=2; Path=/";
        assertSame(field, policy.enforceSetCookie(field, consent("functionality")).orElseThrow());
    }

    @Test
    void commaJoinedFieldIsCappedThroughout() {
        assertEquals(Optional.of("JSESSIONID=a; Max-Age=" + CAP_30D_SECONDS + ", userId=2; Expires=" + CAP_30D
                        + ", cg_consent=x; Max-Age=" + CAP_30D_SECONDS),
                policy.enforceSetCookie("JSESSIONID=a; Max-Age=99999999, userId=2; Expires=Fri, 01 Jan 2100 00:00:00"
                        + " GMT, cg_consent=x; Max-Age=99999999", consent("functionality")));
    }

    @Test
    void domainAttributeSelectsTheScopedRule() {
        CookiePolicy scopedPolicy = new CookiePolicy(Fixtures.classifier(List.of(
                scoped("sid", Optional.of("example.com"), Optional.empty(), "essential"),
                rule("sid", "advertising"))), CLOCK);
        assertEquals(Optional.of("sid=1; Domain=.example.com"),
                scopedPolicy.enforceSetCookie("sid=1; Domain=.example.com", essentialOnly()));
        assertEquals(Optional.empty(), scopedPolicy.enforceSetCookie("sid=1; Domain=tracker.net", essentialOnly()));
        assertEquals(Optional.empty(), scopedPolicy.enforceSetCookie("sid=1", essentialOnly()));
    }

    @Test
    void hostileFieldsDoNotThrow() {
        for (String field : List.of("", ";", "=", ";;;=;=", ",", ",=,=;,", "a=1; Max-Age", "a=1; Expires",
                "a=1; Expires=", "a=1; Max-Age=-", "a=1; Max-Age=", "\u0000\u00ff=\r\n", "a=1;" + ";".repeat(10_000),
                "a=1; Expires=" + "9".repeat(100_000), "a=1" + ",b=2".repeat(5_000))) {
            policy.enforceSetCookie(field, everything());
            policy.enforceSetCookie("userId" + field, consent("functionality"));
        }
    }

    @Test
    void emptyMaxAgeAndExpiresValuesAreReplacedButBareAttributesStay() {
        assertEquals(Optional.of("userId=7; Max-Age=" + CAP_30D_SECONDS + "; Expires=" + CAP_30D + "; Max-Age"),
                policy.enforceSetCookie("userId=7; Max-Age=; Expires=; Max-Age", consent("functionality")));
    }

    private static dev.consentgate.consent.ConsentDecision everythingBut() {
        return consent("functionality", "analytics");
    }
}
