package dev.consentgate.cookie;

import static dev.consentgate.cookie.Fixtures.CLOCK;
import static dev.consentgate.cookie.Fixtures.concat;
import static dev.consentgate.cookie.Fixtures.consent;
import static dev.consentgate.cookie.Fixtures.essentialOnly;
import static dev.consentgate.cookie.Fixtures.inBothPartitions;
import static dev.consentgate.cookie.Fixtures.scoped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CookiePolicyWithdrawalTest {

    private static final String GONE = "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";

    private final CookiePolicy policy = Fixtures.seedPolicy();

    private List<RequestCookie> removed(String header) {
        return policy.filterRequest(List.of(header), essentialOnly()).removed();
    }

    @Test
    void deletesEachRemovedCookieAtRootPath() {
        assertEquals(concat(inBothPartitions("_ga=" + GONE + "; Path=/"),
                        inBothPartitions("_fbp=" + GONE + "; Path=/")),
                policy.deletions(removed("_ga=1; JSESSIONID=a; _fbp=2"), Set.of()));
    }

    @Test
    void skipsNamesTheResponseSets() {
        assertEquals(inBothPartitions("_fbp=" + GONE + "; Path=/"),
                policy.deletions(removed("_ga=1; _fbp=2"), Set.of("_ga")));
    }

    @Test
    void onePerDistinctName() {
        assertEquals(inBothPartitions("_ga=" + GONE + "; Path=/"), policy.deletions(removed("_ga=1; _ga=2"), Set.of()));
    }

    @Test
    void usesDeclaredPathAndDomain() {
        CookiePolicy scopedPolicy = new CookiePolicy(Fixtures.classifier(List.of(
                scoped("pref", Optional.of("example.com"), Optional.of("/shop"), "functionality"))), CLOCK);
        List<RequestCookie> removed = scopedPolicy.filterRequest(List.of("pref=1"), essentialOnly()).removed();
        // the declared scope, and Path=/ and host-only, where the browser may hold it too
        assertEquals(inBothPartitions("pref=" + GONE + "; Path=/", "pref=" + GONE + "; Path=/; Domain=example.com",
                "pref=" + GONE + "; Path=/shop", "pref=" + GONE + "; Path=/shop; Domain=example.com"),
                scopedPolicy.deletions(removed, Set.of()));
    }

    @Test
    void hostPrefixGetsSecureRootPathAndNoDomain() {
        CookiePolicy scopedPolicy = new CookiePolicy(Fixtures.classifier(List.of(
                scoped("pref", Optional.of("example.com"), Optional.of("/shop"), "functionality"))), CLOCK);
        List<RequestCookie> removed = scopedPolicy.filterRequest(List.of("__host-pref=1"), essentialOnly()).removed();
        assertEquals(inBothPartitions("__host-pref=" + GONE + "; Path=/; Secure"),
                scopedPolicy.deletions(removed, Set.of()));
    }

    @Test
    void securePrefixGetsSecure() {
        assertEquals(inBothPartitions("__Secure-_ga=" + GONE + "; Path=/; Secure"),
                policy.deletions(removed("__Secure-_ga=1"), Set.of()));
    }

    @Test
    void namelessCookieIsDeletedByItsBareValue() {
        assertEquals(inBothPartitions("stray" + GONE + "; Path=/"), policy.deletions(removed("stray"), Set.of()));
    }

    @Test
    void nothingRemovedNothingDeleted() {
        assertTrue(policy.deletions(List.of(), Set.of()).isEmpty());
    }

    @Test
    void deletionsAreThemselvesRecognisedAsDeletingTheName() {
        for (String deletion : policy.deletions(removed("_ga=1; __Secure-_fbp=2"), Set.of())) {
            SetCookieField field = SetCookieField.parse(deletion);
            assertEquals(Optional.of(0L),
                    field.attributes().stream().filter(a -> a.is("Max-Age")).findFirst()
                            .flatMap(a -> LifetimeCap.maxAgeSeconds(field.valueOf(a))));
        }
    }

    @Test
    void enforceResponseDeletesWhatTheResponseNoLongerSets() {
        List<RequestCookie> removed = removed("_ga=1; _fbp=2; JSESSIONID=a");
        List<String> out = policy.enforceResponse(
                List.of("_ga=GA1; Max-Age=63072000", "JSESSIONID=b; Path=/", "userId=7; Max-Age=9"), removed,
                consent());
        assertEquals(concat(List.of("JSESSIONID=b; Path=/"), inBothPartitions("_ga=" + GONE + "; Path=/"),
                inBothPartitions("_fbp=" + GONE + "; Path=/")), out);
    }

    @Test
    void enforceResponseDeletesNameWhoseOwnDeletionFieldWasDropped() {
        List<RequestCookie> removed = removed("userId=1");
        assertEquals(inBothPartitions("userId=" + GONE + "; Path=/"),
                policy.enforceResponse(List.of("userId=; Max-Age=0; Path=/app"), removed, essentialOnly()));
    }

    @Test
    void aKeptFieldLeavesOnlyItsOwnScopeToItself() {
        CookiePolicy scopedPolicy = new CookiePolicy(Fixtures.classifier(List.of(
                scoped("sid", Optional.of("example.com"), Optional.empty(), "essential"),
                Fixtures.rule("sid", "advertising"))), CLOCK);
        List<RequestCookie> removed = scopedPolicy.filterRequest(List.of("sid=old"), essentialOnly()).removed();
        // the kept field replaces sid on example.com; a host-only sid the request may have carried is another cookie
        // (the partitioned sid on example.com is another cookie too)
        assertEquals(List.of("sid=new; Domain=example.com", "sid=" + GONE + "; Path=/",
                        "sid=" + GONE + "; Path=/; Secure; Partitioned",
                        "sid=" + GONE + "; Path=/; Domain=example.com; Secure; Partitioned"),
                scopedPolicy.enforceResponse(List.of("sid=new; Domain=example.com"), removed, essentialOnly()));
    }
}
