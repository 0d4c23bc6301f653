package dev.consentgate.html;

import dev.consentgate.config.Category;
import dev.consentgate.config.HtmlSettings;
import dev.consentgate.config.TagAction;
import dev.consentgate.config.TagRule;
import dev.consentgate.consent.ConsentDecision;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shipped ruleset's tag rules (through RulesetLoader) or a test YAML file's (a small reader), plus
 * the categories of the seed policy and consents used across tests.
 */
final class TestRules {

    static final Map<String, Category> CATEGORIES = categories();
    static final ConsentDecision ESSENTIAL_ONLY = consent("essential");
    static final ConsentDecision EVERYTHING = consent("essential", "functionality", "analytics", "advertising");

    private static List<TagRule> defaults;

    private TestRules() {
    }

    static ConsentDecision consent(String... granted) {
        return new ConsentDecision(Set.of(granted), "test", Optional.empty(), false, Optional.empty());
    }

    static synchronized List<TagRule> defaultRules() {
        if (defaults == null) {
            defaults = fromRuleset(Path.of("config", "consentgate.yaml"));
        }
        return defaults;
    }

    static TagPolicy defaultPolicy() {
        return new TagPolicy(defaultRules(), CATEGORIES, HtmlSettings.defaults());
    }

    /** A whole UTF-8 page rewritten by the shipped ruleset for a visitor who gave {@code consent}. */
    static String rewrite(ConsentDecision consent, String html) {
        return new String(HtmlRewriter.rewriteAll(ShippedPolicy.POLICY, consent,
                html.getBytes(StandardCharsets.UTF_8), RewriteListener.NONE), StandardCharsets.UTF_8);
    }

    /** The shipped ruleset's policy, built once, when first asked for. */
    private static final class ShippedPolicy {
        static final TagPolicy POLICY = defaultPolicy();
    }

    static TagPolicy policy(HtmlSettings settings) {
        return new TagPolicy(defaultRules(), CATEGORIES, settings);
    }

    /** The default rules and one that keeps scripts with "window.site = {" (a site's own configuration). */
    static TagPolicy keepingSiteConfig(HtmlSettings settings) {
        List<TagRule> rules = new ArrayList<>(defaultRules());
        rules.add(new TagRule("site-config", Optional.empty(), Optional.empty(), Optional.of("window.site = {"),
                "essential", Optional.empty(), "test", List.of(), true));
        return new TagPolicy(rules, CATEGORIES, settings);
    }

    /** The tag rules of the shipped ruleset, through the real loader. */
    private static List<TagRule> fromRuleset(Path file) {
        try {
            return dev.consentgate.config.RulesetLoader.load(file).tagRules();
        } catch (IOException | dev.consentgate.config.RulesetException e) {
            throw new IllegalStateException("cannot load " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<TagRule> load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(text);
        List<TagRule> rules = new ArrayList<>();
        for (Object item : (List<Object>) root.get("tags")) {
            Map<String, Object> m = (Map<String, Object>) item;
            rules.add(new TagRule((String) m.get("id"), Optional.ofNullable((String) m.get("host")),
                    Optional.ofNullable((String) m.get("path")), Optional.ofNullable((String) m.get("signature")),
                    (String) m.get("category"),
                    Optional.ofNullable((String) m.get("action"))
                            .map(a -> TagAction.valueOf(a.toUpperCase(Locale.ROOT))),
                    file + ":" + (rules.size() + 1)));
        }
        return rules;
    }

    private static Map<String, Category> categories() {
        Map<String, Category> m = new LinkedHashMap<>();
        m.put("essential", new Category("essential", "Essential and operational", true, false));
        m.put("functionality", new Category("functionality", "Functionality and customisation", false, false));
        m.put("analytics", new Category("analytics", "Analytics and research", false, true));
        m.put("advertising", new Category("advertising", "Advertising and marketing", false, true));
        return m;
    }
}
