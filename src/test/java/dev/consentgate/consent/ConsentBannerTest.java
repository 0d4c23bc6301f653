package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.Category;
import dev.consentgate.config.ConsentSettings.Banner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ConsentBannerTest {

    private static final Banner SETTINGS = new Banner(true, "Cookies & you", "We <b>care</b>.",
            Optional.of("/cookies?x=1&y=2"), "/.consentgate/banner.css");

    private final ConsentBanner banner = new ConsentBanner(SETTINGS, new ArrayList<>(Fixtures.categories().values()),
            "/.consentgate/consent");

    private Document page(String path) {
        return Jsoup.parse("<html><head></head><body><p>page</p>" + banner.html(path) + "</body></html>");
    }

    @Test
    void isAPlainFormPostingToTheEndpointWithoutScript() {
        Document doc = page("/products/42?ref=home");
        Element form = doc.selectFirst("section.cg-banner form");
        assertNotNull(form);
        assertEquals("post", form.attr("method"));
        assertEquals("/.consentgate/consent", form.attr("action"));
        assertEquals("/products/42?ref=home", form.selectFirst("input[type=hidden][name=return]").attr("value"));
        assertTrue(doc.select("script").isEmpty());
        assertTrue(doc.select("[style]").isEmpty(), "no inline style attributes");
        assertTrue(doc.select("style").isEmpty(), "no style elements");
        assertTrue(doc.select("[onclick], [onsubmit], [onload]").isEmpty(), "no event handlers");
    }

    @Test
    void offersTheThreeChoicesAsSubmitButtons() {
        Element form = page("/").selectFirst("form");
        List<String> buttons = form.select("button[type=submit]").eachText();
        assertEquals(List.of("Save choices", "Essential only", "Accept all"), buttons);
        assertEquals(List.of("custom", "essential", "all"), form.select("button[name=choice]").eachAttr("value"));
    }

    @Test
    void everyNonEssentialCategoryHasAnUntickedLabelledCheckbox() {
        Element form = page("/").selectFirst("form");
        List<String> values = form.select("input[type=checkbox][name=categories]").eachAttr("value");
        assertEquals(List.of("functionality", "analytics", "advertising"), values);
        for (Element box : form.select("input[type=checkbox]")) {
            Element label = form.selectFirst("label[for=" + box.id() + "]");
            assertNotNull(label, "label for " + box.id());
            assertFalse(label.text().isBlank());
            Element description = form.getElementById(box.attr("aria-describedby"));
            assertNotNull(description, "description of " + box.id());
        }
        assertTrue(form.select("input[name=categories][checked]").isEmpty(), "nothing pre-ticked");
        Element essential = form.selectFirst("#cg-category-essential");
        assertTrue(essential.hasAttr("checked") && essential.hasAttr("disabled"));
        assertFalse(essential.hasAttr("name"));
    }

    @Test
    void isALabelledRegionWithTheStylesheetAndDeclarationLink() {
        Document doc = page("/");
        Element section = doc.selectFirst("section.cg-banner");
        assertEquals("region", section.attr("role"));
        assertEquals("Cookies & you", section.attr("aria-label"));
        assertEquals("/.consentgate/banner.css", doc.selectFirst("link[rel=stylesheet]").attr("href"));
        assertEquals("/cookies?x=1&y=2", doc.selectFirst("a.cg-link").attr("href"));
    }

    @Test
    void escapesAllText() {
        String html = banner.html("/");
        assertTrue(html.contains("We &lt;b&gt;care&lt;/b&gt;."), html);
        assertTrue(html.contains("Cookies &amp; you"));
        assertTrue(html.contains("Shows relevant ads &amp; measures them."));
        ConsentBanner hostile = new ConsentBanner(SETTINGS, List.of(new Category("x\"><script>alert(1)</script>",
                "<img src=x onerror=alert(1)>", false, false)), "/\"><script>");
        Document doc = Jsoup.parse(hostile.html("/"));
        assertTrue(doc.select("script, img").isEmpty(), doc.html());
    }

    @Test
    void anUnsafeReturnPathBecomesTheRoot() {
        assertEquals("/", page("//evil.example/").selectFirst("input[name=return]").attr("value"));
    }

    @Test
    void stylesheetIsPlainCssForTheBannerClasses() {
        String css = ConsentBanner.stylesheet();
        for (String cls : List.of(".cg-banner", ".cg-form", ".cg-button", ".cg-category", ":focus-visible")) {
            assertTrue(css.contains(cls), cls);
        }
        assertFalse(css.contains("<"));
        assertEquals(css.chars().filter(c -> c == '{').count(), css.chars().filter(c -> c == '}').count());
    }
}
