package dev.consentgate.consent;

import static dev.consentgate.consent.Results.assertAbsent;
import static dev.consentgate.consent.Results.assertGranted;
import static dev.consentgate.consent.Results.assertMalformed;

import dev.consentgate.config.ConsentSettings.SourceMaps;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The CMPs with their own small text formats: CookieYes, Complianz, tarteaucitron. */
class CmpTextReadersTest {

    @Nested
    class CookieYes {
        private final CookieYesReader reader = new CookieYesReader(SourceMaps.defaults().cookieyes());

        private SourceResult read(String value) {
            return reader.read(Inputs.cookie("cookieyes-consent", value));
        }

        static String value(String functional, String analytics, String performance, String advertisement) {
            return "consentid:ZWxxRm9mY1lzdWhRTWV6UUh6a0FyYkxi,consent:yes,action:yes,necessary:yes,functional:"
                    + functional + ",analytics:" + analytics + ",performance:" + performance + ",advertisement:"
                    + advertisement + ",other:no";
        }

        @Test
        void analyticsYesGrantsAnalytics() {
            assertGranted(Set.of("analytics"), read(value("no", "yes", "no", "no")));
        }

        @Test
        void allAndNothing() {
            assertGranted(Set.of("functionality", "analytics", "advertising"), read(value("yes", "yes", "yes", "yes")));
            assertGranted(Set.of(), read(value("no", "no", "no", "no")));
        }

        @Test
        void readsTheUrlEncodedForm() {
            assertGranted(Set.of("advertising"),
                    read("consent%3Ayes%2Caction%3Ayes%2Cnecessary%3Ayes%2Cadvertisement%3Ayes"));
        }

        @Test
        void beforeTheVisitorActsTheBannersDefaultsAreNoAnswer() {
            // an empty action: the categories are what the banner enables in advance, not consent; before, a
            // pre-enabled functional:yes was read as granted (found by a review, value from a real capture)
            assertAbsent(read("consentid:a0luUlByM3NGTFp2dkMyQkJXdHoxdHFVeHI2TEM5Yms,consent:no,action:,"
                    + "necessary:yes,functional:yes,analytics:no,performance:no,advertisement:no"));
            assertAbsent(read("consent:yes,necessary:yes,analytics:yes"));
        }

        @Test
        void malformedOversizedDuplicated() {
            assertMalformed(read(value("no", "maybe", "no", "no")));
            assertMalformed(read("consentid:abc,consent:yes,action:yes"));
            assertMalformed(read("analytics"));
            assertMalformed(read("analytics:yes,analytics:no"));
            assertMalformed(read(value("no", "yes", "no", "no") + ",x:" + "y".repeat(5000)));
            assertMalformed(reader.read(Inputs.request().withCookie("cookieyes-consent", value("no", "yes", "no", "no"))
                    .withCookie("cookieyes-consent", value("no", "no", "no", "no")).build()));
        }
    }

    @Nested
    class Complianz {
        private final ComplianzReader reader = new ComplianzReader(SourceMaps.defaults().complianz());

        @Test
        void readsOneCookiePerCategory() {
            assertGranted(Set.of("analytics"), reader.read(Inputs.request().withCookie("cmplz_functional", "allow")
                    .withCookie("cmplz_preferences", "deny").withCookie("cmplz_statistics", "allow")
                    .withCookie("cmplz_marketing", "deny").build()));
        }

        @Test
        void partialAnswersGrantOnlyWhatIsAllowed() {
            assertGranted(Set.of("advertising"),
                    reader.read(Inputs.request().withCookie("cmplz_marketing", "allow").build()));
        }

        @Test
        void absentWithoutAnyMappedCookie() {
            assertAbsent(reader.read(Inputs.request().withCookie("cmplz_functional", "allow").build()));
        }

        @Test
        void malformedOversizedDuplicated() {
            assertMalformed(reader.read(Inputs.cookie("cmplz_statistics", "yes")));
            assertMalformed(reader.read(Inputs.cookie("cmplz_statistics", "allow" + "w".repeat(100))));
            assertMalformed(reader.read(Inputs.request().withCookie("cmplz_statistics", "allow")
                    .withCookie("cmplz_statistics", "deny").build()));
        }
    }

    @Nested
    class Tarteaucitron {
        private final TarteaucitronReader reader = new TarteaucitronReader(Map.of("gtag", "analytics",
                "youtube", "functionality", "facebook", "advertising"));

        private SourceResult read(String value) {
            return reader.read(Inputs.cookie("tarteaucitron", value));
        }

        @Test
        void readsServiceAnswers() {
            assertGranted(Set.of("analytics"), read("!gtag=true!youtube=false!facebook=wait"));
            assertGranted(Set.of("analytics", "functionality", "advertising"),
                    read("!gtag=true!youtube=true!facebook=true!unmapped=false"));
            assertGranted(Set.of(), read("!gtag=wait!youtube=false"));
            // every mapped service waiting is the banner's state before it is used, not an answer
            assertAbsent(read("!gtag=wait"));
            assertAbsent(read("!gtag=wait!unmapped=true"));
        }

        @Test
        void entriesThatAreNoServiceOfTheMapAreIgnoredWhateverTheirValue() {
            // sites' cookies carry a consent id beside the answers; before, it made the whole cookie malformed
            // (found by a review, from a live site's cookie)
            assertGranted(Set.of("analytics"), read("!id=a5c8155833511d18-109da518-8ba7e9a8-ad046228aa8818a809d23c28"
                    + "!gtag=true!youtube=false"));
            assertMalformed(read("!id=abc!gtag=yes"));
        }

        @Test
        void malformedOversizedDuplicated() {
            assertMalformed(read("gtag=true"));
            assertMalformed(read("!gtag=yes"));
            assertMalformed(read("!gtag"));
            assertMalformed(read("!gtag=true!gtag=false"));
            assertMalformed(read("!gtag=true!" + "x=true!".repeat(700)));
            assertMalformed(reader.read(Inputs.request().withCookie("tarteaucitron", "!gtag=true")
                    .withCookie("tarteaucitron", "!gtag=false").build()));
        }
    }
}
