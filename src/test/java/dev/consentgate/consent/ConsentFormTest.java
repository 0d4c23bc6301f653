package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentFormTest {

    private static final Optional<String> FORM = Optional.of("application/x-www-form-urlencoded");
    private static final Optional<String> JSON = Optional.of("application/json; charset=utf-8");

    private final ConsentForm form = new ConsentForm(Fixtures.categories());

    private ConsentForm.Valid valid(Optional<String> type, String body) {
        ConsentForm.Result r = form.parse(type, body.getBytes(StandardCharsets.UTF_8));
        return assertInstanceOf(ConsentForm.Valid.class, r, () -> "got " + r);
    }

    private String invalid(Optional<String> type, byte[] body) {
        ConsentForm.Result r = form.parse(type, body);
        return assertInstanceOf(ConsentForm.Invalid.class, r, () -> "got " + r).message();
    }

    private String invalid(Optional<String> type, String body) {
        return invalid(type, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void formWithRepeatedCategories() {
        ConsentForm.Valid v = valid(FORM, "categories=analytics&categories=functionality");
        assertEquals(Set.of("analytics", "functionality"), v.categories());
        assertEquals(Optional.empty(), v.returnTo());
    }

    @Test
    void emptyCategoriesMeansEssentialOnly() {
        assertEquals(Set.of(), valid(FORM, "categories=").categories());
    }

    @Test
    void essentialIsAcceptedAndChangesNothing() {
        assertEquals(Set.of("analytics"), valid(FORM, "categories=essential&categories=analytics").categories());
    }

    @Test
    void bannerButtonsAndReturn() {
        ConsentForm.Valid all = valid(FORM, "return=%2Fproducts%3Fid%3D4&choice=all");
        assertEquals(Set.of("functionality", "analytics", "advertising"), all.categories());
        assertEquals(Optional.of("/products?id=4"), all.returnTo());
        assertEquals(Set.of(), valid(FORM, "categories=analytics&choice=essential").categories());
        assertEquals(Set.of("analytics"), valid(FORM, "categories=analytics&choice=custom").categories());
        assertEquals(Set.of(), valid(FORM, "return=%2F&choice=custom").categories());
    }

    @Test
    void jsonBody() {
        assertEquals(Set.of("analytics"), valid(JSON, "{\"categories\":[\"analytics\"]}").categories());
        assertEquals(Set.of(), valid(JSON, " {\"categories\": [] } ").categories());
    }

    @Test
    void unknownCategoriesAreRejectedWithAMessage() {
        assertEquals("unknown category 'tracking'", invalid(FORM, "categories=tracking&categories=analytics"));
        assertEquals("unknown category 'tracking'", invalid(JSON, "{\"categories\":[\"analytics\",\"tracking\"]}"));
        assertEquals("unknown category", invalid(FORM, "categories=%3Cscript%3E"));
    }

    @Test
    void malformedBodies() {
        invalid(FORM, "");
        invalid(FORM, "other=1");
        invalid(FORM, "choice=everything");
        invalid(FORM, "categories=%ZZ");
        invalid(FORM, new byte[] {'c', 'a', 't', (byte) 0xff});
        invalid(JSON, "{\"categories\":\"analytics\"}");
        invalid(JSON, "{\"categories\":[1]}");
        invalid(JSON, "{\"categories\":[\"analytics\"]");
        invalid(JSON, "[]");
        invalid(Optional.of("text/plain"), "categories=analytics");
        invalid(Optional.empty(), "categories=analytics");
        invalid(FORM, "categories=analytics&" + "x=1&".repeat(5000));
        invalid(FORM, "a&".repeat(300));
    }
}
