package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.ConsentSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentEndpointTest {

    private static final Optional<String> FORM = Optional.of("application/x-www-form-urlencoded");
    private static final Set<String> ESSENTIAL = Set.of("essential");

    @TempDir
    Path dir;

    private final ConsentRecordLogTest.ManualClock clock =
            new ConsentRecordLogTest.ManualClock(Instant.parse("2025-12-16T12:00:00Z"));

    private ConsentEndpoint endpoint(ConsentRecordLog log) {
        ConsentSettings settings = ConsentSettings.defaults();
        ConsentResolver resolver = new ConsentResolver(List.of(new NativeConsentReader("cg_consent",
                Fixtures.categories().keySet())), Fixtures.categories(), settings.revisions(), settings.regions());
        return new ConsentEndpoint(resolver, new ConsentForm(Fixtures.categories()),
                new ConsentCookieWriter("cg_consent", "2025-12-16", Duration.ofDays(182), Optional.empty()),
                Optional.ofNullable(log), ESSENTIAL, Set.of("advertising"), "2025-12-16");
    }

    private ConsentRecordLog log() {
        return new ConsentRecordLog(dir.resolve("consent.jsonl"), false, clock);
    }

    private static ConsentEndpoint.Post post(Inputs request, String body) {
        return new ConsentEndpoint.Post(request.build(), FORM, body.getBytes(StandardCharsets.UTF_8),
                Optional.of("shop.example"), true, "Mozilla/5.0", Optional.of("203.0.113.7"));
    }

    private static Inputs sameOrigin() {
        return Inputs.request().withHeader("Origin", "https://shop.example").withHeader("Sec-Fetch-Site", "same-origin");
    }

    private List<String> records() throws IOException {
        Path file = dir.resolve("consent-2025-12-16.jsonl");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    @Test
    void getAnswersTheDecision() {
        ConsentEndpoint.Response r = endpoint(null).get(Inputs.cookie("cg_consent", "2025-12-16:analytics"));
        assertEquals(200, r.status());
        assertEquals("{\"granted\":[\"essential\",\"analytics\"],\"source\":\"cg_consent\",\"revision\":\"2025-12-16\","
                + "\"gpc\":false,\"region\":null}", r.body());
    }

    @Test
    void formPostRecordsSetsTheCookieAndRedirectsToASafeReturn() throws IOException {
        ConsentEndpoint.Response r = endpoint(log()).post(post(sameOrigin(),
                "categories=analytics&categories=functionality&choice=custom&return=%2Fproducts%3Fid%3D4"));
        assertEquals(303, r.status());
        assertEquals(Optional.of("/products?id=4"), r.location());
        assertEquals(Optional.of("cg_consent=2025-12-16:analytics+functionality; Path=/; Max-Age=15724800; "
                + "SameSite=Lax; HttpOnly; Secure"), r.setCookie());
        List<String> records = records();
        assertEquals(1, records.size(), "recorded before the response was returned");
        assertEquals(List.of("essential", "analytics", "functionality"),
                JsonReader.parseObject(records.get(0)).get("granted"));
    }

    @Test
    void anUnsafeReturnAnswersJsonInsteadOfRedirecting() {
        ConsentEndpoint.Response r = endpoint(null).post(post(sameOrigin(), "categories=&return=%2F%2Fevil.example"));
        assertEquals(200, r.status());
        assertEquals(Optional.empty(), r.location());
        assertTrue(r.body().startsWith("{\"granted\":[\"essential\"],\"source\":\"cg_consent\""), r.body());
    }

    @Test
    void crossSiteAndUnprovenPostsAreRefusedWithoutRecordOrCookie() throws IOException {
        ConsentEndpoint e = endpoint(log());
        ConsentEndpoint.Response cross = e.post(post(Inputs.request().withHeader("Origin", "https://evil.example"),
                "choice=all"));
        ConsentEndpoint.Response unproven = e.post(post(Inputs.request(), "choice=all"));
        for (ConsentEndpoint.Response r : List.of(cross, unproven)) {
            assertEquals(403, r.status());
            assertEquals(Optional.empty(), r.setCookie());
        }
        assertEquals(List.of(), records());
    }

    @Test
    void unknownCategoriesAreABadRequest() {
        ConsentEndpoint.Response r = endpoint(null).post(post(sameOrigin(), "categories=tracking"));
        assertEquals(400, r.status());
        assertEquals("{\"error\":\"unknown category 'tracking'\"}", r.body());
        assertEquals(Optional.empty(), r.setCookie());
    }

    @Test
    void aFailedRecordFailsTheRequestWith503AndSetsNoCookie() throws IOException {
        Files.writeString(dir.resolve("blocked"), "a file, not a directory");
        ConsentRecordLog broken = new ConsentRecordLog(dir.resolve("blocked/consent.jsonl"), false, clock);
        ConsentEndpoint.Response r = endpoint(broken).post(post(sameOrigin(), "choice=all"));
        assertEquals(503, r.status());
        assertEquals(Optional.empty(), r.setCookie());
        assertEquals(1, broken.failures());
    }

    @Test
    void gpcNarrowsTheAnswerButTheCookieKeepsTheChoice() {
        ConsentEndpoint.Response r = endpoint(null).post(post(sameOrigin().withHeader("Sec-GPC", "1"), "choice=all"));
        assertEquals(200, r.status());
        assertTrue(r.body().startsWith("{\"granted\":[\"essential\",\"analytics\",\"functionality\"]"), r.body());
        assertTrue(r.body().contains("\"gpc\":true"));
        assertTrue(r.setCookie().orElseThrow().startsWith("cg_consent=2025-12-16:advertising+analytics+functionality;"));
    }

    @Test
    void reportsWithdrawnCategoriesForDeletion() {
        ConsentEndpoint.Response r = endpoint(null).post(post(sameOrigin()
                .withCookie("cg_consent", "2025-12-16:analytics+advertising"), "categories=analytics"));
        assertEquals(Set.of("advertising"), r.withdrawn());
        assertFalse(r.withdrawn().contains("essential"));
    }
}
