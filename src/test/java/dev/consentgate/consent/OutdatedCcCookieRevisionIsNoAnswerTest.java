package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.ConfigProblem;
import dev.consentgate.config.Ruleset;
import dev.consentgate.config.RulesetException;
import dev.consentgate.config.RulesetLoader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * orestbida's cookieconsent (v2 and v3) writes the site's {@code revision} option into {@code cc_cookie}; when the
 * cookie's revision is not the one the site now runs with (an older one, or none), cookieconsent takes the consent as
 * void and shows its banner again. With {@code consent.cc_cookie.revision} set to that option, the gateway reads such
 * a cookie the same way: as an answer to an older policy, which is no answer (the region's default, never more than
 * the old answer gave).
 */
class OutdatedCcCookieRevisionIsNoAnswerTest {

    private static final String RULESET = """
            routes:
              - upstream: http://127.0.0.1:9000
            categories:
              essential: {essential: true}
              analytics: {}
              functionality: {}
              advertising: {}
            consent:
              sources: [cc_cookie]
              cc_cookie:
                categories: {analytics: analytics, functionality: functionality, marketing: advertising}
                revision: %s
              regions:
                header: CF-IPCountry
                groups:
                  - {name: us, regions: [US], mode: opt-out}
            """;

    private static ConsentResolver resolver(String revision) throws RulesetException {
        Ruleset ruleset = RulesetLoader.parse("r.yaml", RULESET.formatted(revision));
        return ConsentSources.build(ruleset.consent(), ruleset.categories(), name -> null).resolver();
    }

    /** A cc_cookie as cookieconsent v3 writes it (URL-encoded JSON), with the given revision field ("" for none). */
    private static String ccCookie(String categories, String revisionField) {
        String json = "{\"categories\":[" + categories + "]," + revisionField
                + "\"data\":null,\"consentTimestamp\":\"2025-06-02T09:14:07.312Z\","
                + "\"consentId\":\"0b5e8c3a-7f41-4a0e-9d1c-2f6f0e6d9a11\",\"services\":{\"analytics\":[]},"
                + "\"lastConsentTimestamp\":\"2025-06-02T09:14:07.312Z\",\"expirationTime\":1764666847312}";
        return URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private static ConsentDecision resolve(ConsentResolver resolver, String region, String cookie) {
        return resolver.resolve(Inputs.request().withHeader("CF-IPCountry", region)
                .withCookie("cc_cookie", cookie).build());
    }

    /**
     * Input: the site runs cookieconsent with revision: 3; the visitor accepted analytics under revision 2.
     * Before (found by a review): analytics granted, source cc_cookie, while cookieconsent itself showed its banner
     * again and counted the consent as void.
     */
    @Test
    void aCookieOfAnOlderRevisionIsNoAnswer() throws RulesetException {
        ConsentDecision d = resolve(resolver("3"), "DE", ccCookie("\"necessary\",\"analytics\"", "\"revision\":2,"));
        assertEquals(Set.of("essential"), d.granted());
        assertEquals(ConsentDecision.DEFAULT_SOURCE, d.source());
        assertFalse(d.answered(), "the visitor is asked again");
    }

    /**
     * Input: the site runs with revision: 1; the cookie has no revision field (as none of the forms cookieconsent
     * writes lacks one, it is not an answer to this configuration).
     * Before (found by a review): analytics granted.
     */
    @Test
    void aCookieWithoutARevisionIsNoAnswerWhenTheSiteUsesRevisions() throws RulesetException {
        ConsentDecision d = resolve(resolver("1"), "DE", ccCookie("\"necessary\",\"analytics\"", ""));
        assertEquals(Set.of("essential"), d.granted());
        assertFalse(d.answered());
    }

    /**
     * Input: revision 2 written as the string "2", which cookieconsent compares with === and so takes as another
     * revision. Before (found by a review): analytics granted.
     */
    @Test
    void aRevisionWrittenAsAStringIsAnotherRevision() throws RulesetException {
        ConsentDecision d = resolve(resolver("2"), "DE", ccCookie("\"necessary\",\"analytics\"", "\"revision\":\"2\","));
        assertEquals(Set.of("essential"), d.granted());
    }

    /** In an opt-out region the default applies, narrowed by what the old answer refused. */
    @Test
    void itsRefusalsStillHoldInAnOptOutRegion() throws RulesetException {
        ConsentDecision d = resolve(resolver("3"), "US", ccCookie("\"necessary\",\"functionality\"", "\"revision\":2,"));
        assertEquals(Set.of("essential", "functionality"), d.granted());
        assertFalse(d.answered());
    }

    /** The current revision is an answer (the same number however JSON spells it). */
    @Test
    void aCookieOfTheCurrentRevisionIsTheAnswer() throws RulesetException {
        ConsentResolver resolver = resolver("3");
        for (String field : List.of("\"revision\":3,", "\"revision\":3.0,", "\"revision\":3e0,")) {
            ConsentDecision d = resolve(resolver, "DE", ccCookie("\"necessary\",\"analytics\"", field));
            assertEquals(Set.of("essential", "analytics"), d.granted(), field);
            assertEquals("cc_cookie", d.source());
        }
    }

    /**
     * Input: revision: -1, v3 and 2.0 for the setting. Before (found by a review): there was no such setting; a
     * value cookieconsent does not take as a revision (it enables revisions only for a number from 0) must not
     * load as one.
     */
    @ParameterizedTest
    @ValueSource(strings = {"-1", "v3", "2.0", "[3]"})
    void aRevisionThatIsNotAWholeNumberIsAnErrorAtItsPlace(String revision) {
        RulesetException e = assertThrows(RulesetException.class, () -> resolver(revision));
        List<String> problems = e.problems().stream().map(ConfigProblem::toString).toList();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("r.yaml:12:15: consent.cc_cookie.revision must be a whole number"),
                problems.get(0));
    }
}
