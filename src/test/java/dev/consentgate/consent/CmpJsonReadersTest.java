package dev.consentgate.consent;

import static dev.consentgate.consent.Results.assertAbsent;
import static dev.consentgate.consent.Results.assertGranted;
import static dev.consentgate.consent.Results.assertMalformed;

import dev.consentgate.config.ConsentSettings.SourceMaps;
import dev.consentgate.config.ConsentSettings.Tcf;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The CMPs that store JSON: orestbida cc_cookie, Klaro and Didomi. */
class CmpJsonReadersTest {

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String ccCookie(String categories) {
        return encode("{\"categories\":[" + categories + "],\"revision\":0,\"data\":null,"
                + "\"consentTimestamp\":\"2025-12-16T10:15:30.123Z\",\"consentId\":\"8b1c2d3e-aaaa-bbbb\","
                + "\"services\":{\"necessary\":[],\"analytics\":[\"ga\"]},\"languageCode\":\"en\","
                + "\"lastConsentTimestamp\":\"2025-12-16T10:15:30.123Z\",\"expirationTime\":1781603730123}");
    }

    @Nested
    class CcCookie {
        private final CcCookieReader reader = new CcCookieReader(SourceMaps.defaults().ccCookie(),
                OptionalLong.empty());

        private SourceResult read(String value) {
            return reader.read(Inputs.cookie("cc_cookie", value));
        }

        @Test
        void necessaryAndAnalyticsGrantAnalytics() {
            assertGranted(Set.of("analytics"), read(ccCookie("\"necessary\",\"analytics\"")));
        }

        @Test
        void readsRawJsonOfVersion2AndMapsMarketing() {
            assertGranted(Set.of("advertising", "functionality"),
                    read("{\"level\":[\"necessary\"],\"categories\":[\"necessary\",\"marketing\",\"functionality\"],"
                            + "\"revision\":3}"));
        }

        @Test
        void readsTheLevelArrayOfVersionsBefore28() {
            // before 2.8 the accepted categories were "level"; before, such a cookie was malformed (found by a review)
            assertGranted(Set.of("analytics"),
                    read("{\"level\":[\"necessary\",\"analytics\"],\"revision\":0,\"data\":null,\"rfc_cookie\":false}"));
            // 2.8 wrote both: "categories" decides
            assertGranted(Set.of(), read("{\"categories\":[\"necessary\"],\"level\":[\"necessary\",\"analytics\"]}"));
        }

        @Test
        void essentialOnlyAndUnknownNames() {
            assertGranted(Set.of(), read(ccCookie("\"necessary\"")));
            assertGranted(Set.of(), read(ccCookie("\"necessary\",\"fancy\"")));
        }

        @Test
        void malformedValues() {
            assertMalformed(read(encode("{\"revision\":0}")));
            assertMalformed(read(encode("{\"categories\":\"analytics\"}")));
            assertMalformed(read(encode("{\"categories\":[1]}")));
            assertMalformed(read(encode("{\"categories\":[\"analytics\"],\"categories\":[]}")));
            assertMalformed(read(encode("{\"categories\":[\"analytics\"]")));
            assertMalformed(read("%7B%22categories"));
            assertMalformed(read(encode("[" .repeat(40) + "]".repeat(40))));
        }

        @Test
        void oversizedAndDuplicates() {
            assertMalformed(read(ccCookie("\"" + "a".repeat(5000) + "\"")));
            assertMalformed(reader.read(Inputs.request().withCookie("cc_cookie", ccCookie("\"analytics\""))
                    .withCookie("cc_cookie", ccCookie("\"necessary\"")).build()));
            assertAbsent(reader.read(Inputs.none()));
        }
    }

    @Nested
    class Klaro {
        private final KlaroReader reader = new KlaroReader(Map.of("google-analytics", "analytics",
                "matomo", "analytics", "youtube", "functionality", "facebook-pixel", "advertising"));

        private SourceResult read(String value) {
            return reader.read(Inputs.cookie("klaro", value));
        }

        @Test
        void mapsServicesToCategories() {
            assertGranted(Set.of("analytics"), read(encode("{\"google-analytics\":true,\"youtube\":false,"
                    + "\"facebook-pixel\":false,\"unmapped\":true}")));
        }

        @Test
        void aCategoryNeedsEveryMappedServiceItMentions() {
            assertGranted(Set.of(), read(encode("{\"google-analytics\":true,\"matomo\":false}")));
            assertGranted(Set.of("analytics", "functionality", "advertising"), read(encode(
                    "{\"google-analytics\":true,\"matomo\":true,\"youtube\":true,\"facebook-pixel\":true}")));
        }

        @Test
        void malformedOversizedDuplicated() {
            assertMalformed(read(encode("{\"google-analytics\":\"yes\"}")));
            assertMalformed(read(encode("[true]")));
            assertMalformed(read("{\"youtube\":true}" + " ".repeat(5000)));
            assertMalformed(reader.read(Inputs.request().withCookie("klaro", encode("{\"youtube\":true}"))
                    .withCookie("klaro", encode("{\"youtube\":false}")).build()));
        }
    }

    @Nested
    class Didomi {
        private final DidomiReader reader = new DidomiReader(new PurposeRules(Tcf.defaults()),
                Map.of("analytics-custom", "analytics", "chat", "functionality"));

        private SourceResult read(String json) {
            return reader.read(Inputs.cookie("didomi_token",
                    Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))));
        }

        private static String token(String enabled, String disabled) {
            return "{\"user_id\":\"17a8c1e2-aaaa\",\"created\":\"2025-12-16T10:15:30.123Z\","
                    + "\"updated\":\"2025-12-16T10:15:30.123Z\",\"vendors\":{\"enabled\":[\"google\",\"c:matomo\"],"
                    + "\"disabled\":[]},\"purposes\":{\"enabled\":[" + enabled + "],\"disabled\":[" + disabled
                    + "]},\"version\":2,\"ac\":\"AAAA\"}";
        }

        @Test
        void iabPurposesFollowTheTcfRules() {
            assertGranted(Set.of("advertising", "analytics"), read(token("\"cookies\",\"create_ads_profile\","
                    + "\"select_personalized_ads\",\"measure_content_performance\"", "")));
            assertGranted(Set.of("analytics"),
                    read(token("\"cookies\",\"market_research\",\"create_ads_profile\"", "")));
        }

        @Test
        void customPurposesUseTheMap() {
            assertGranted(Set.of("functionality"), read(token("\"chat\"", "\"analytics-custom\"")));
        }

        @Test
        void aRefusedCustomPurposeDeniesItsCategoryWhateverTheIabPurposesGrant() {
            // IAB purposes 1 and 8 grant analytics, but the visitor refused the site's own analytics purpose; before,
            // the two were added up and analytics was granted (found by a review)
            assertGranted(Set.of(), read(token("\"cookies\",\"measure_content_performance\"", "\"analytics-custom\"")));
        }

        @Test
        void refusedEverything() {
            assertGranted(Set.of(), read(token("", "\"cookies\",\"chat\"")));
        }

        @Test
        void aPurposeBothEnabledAndDisabledIsRefused() {
            assertGranted(Set.of(), read(token("\"cookies\",\"market_research\"", "\"cookies\"")));
        }

        @Test
        void readsUrlSafeBase64() {
            String json = token("\"chat\"", "");
            assertGranted(Set.of("functionality"), reader.read(Inputs.cookie("didomi_token",
                    Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8)))));
        }

        @Test
        void malformedValues() {
            assertMalformed(reader.read(Inputs.cookie("didomi_token", "not base64 at all!")));
            assertMalformed(read("{\"vendors\":{}}"));
            assertMalformed(read("{\"purposes\":{\"enabled\":\"cookies\"}}"));
            assertMalformed(read("{\"purposes\":{\"enabled\":[3]}}"));
            assertMalformed(read("{\"purposes\":"));
        }
    }
}
