package dev.consentgate.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the {@code html:} section: how non-granted tags are made harmless, and the rewriter's limits. */
final class HtmlSectionReader {

    private static final long MIN_INSPECT_LIMIT = 1024;

    private HtmlSectionReader() {
    }

    /** The settings of a ruleset without an {@code html:} section. */
    static HtmlSettings defaults(Set<String> categories) {
        return HtmlSettings.defaults().withNamedUrlCategories(declaredDefaults(categories));
    }

    static HtmlSettings read(YamlSection s, Set<String> categories) {
        s.rejectUnknownKeys(Set.of("neutralize", "actions", "category_actions", "inline_script_inspect_limit",
                "max_tag_bytes", "consent_url", "named_url_categories", "surrogates"));
        HtmlSettings d = HtmlSettings.defaults();
        Problems problems = s.problems();
        HtmlSettings.NeutralizeStyle style = s.string("neutralize").flatMap(name -> {
            Optional<HtmlSettings.NeutralizeStyle> preset = HtmlSettings.NeutralizeStyle.preset(name);
            if (preset.isEmpty()) {
                problems.at(s.get("neutralize").orElseThrow(), "unknown neutralize preset '" + name
                        + "'; use consentgate, cookiebot, onetrust, klaro or cookieconsent");
            }
            return preset;
        }).orElse(d.neutralize());
        TagAction script = d.scriptAction();
        TagAction pixel = d.pixelAction();
        TagAction hint = d.hintAction();
        TagAction embed = d.embedAction();
        Optional<YamlSection> actions = s.section("actions");
        if (actions.isPresent()) {
            YamlSection a = actions.get();
            a.rejectUnknownKeys(Set.of("script", "pixel", "hint", "embed"));
            script = action(a, "script").orElse(script);
            pixel = action(a, "pixel").orElse(pixel);
            hint = action(a, "hint").orElse(hint);
            embed = action(a, "embed").orElse(embed);
        }
        Map<String, TagAction> perCategory = new LinkedHashMap<>();
        s.section("category_actions").ifPresent(c -> {
            for (String category : c.keys()) {
                if (!categories.contains(category)) {
                    problems.at(c.keyNode(category), "unknown category '" + category + "'; "
                            + Category.declared(categories));
                } else {
                    action(c, category).ifPresent(act -> perCategory.put(category, act));
                }
            }
        });
        long inspect = s.size("inline_script_inspect_limit", d.inlineScriptInspectLimit());
        long tagBytes = s.size("max_tag_bytes", d.maxTagBytes());
        if (inspect > Integer.MAX_VALUE / 2) {
            problems.at(s.get("inline_script_inspect_limit").orElseThrow(), "inline_script_inspect_limit is too large");
            inspect = d.inlineScriptInspectLimit();
        } else if (inspect < MIN_INSPECT_LIMIT) {
            // a script is judged by what was read of it: a tiny limit would switch every signature rule off
            problems.at(s.get("inline_script_inspect_limit").orElseThrow(), "inline_script_inspect_limit must be at"
                    + " least 1KiB: signatures are only found in what is read of a script");
            inspect = d.inlineScriptInspectLimit();
        }
        if (tagBytes < 64 || tagBytes > 1 << 24) {
            problems.at(s.get("max_tag_bytes").orElse(s.node()), "max_tag_bytes must be from 64 bytes to 16MiB");
            tagBytes = d.maxTagBytes();
        }
        String consentUrl = s.string("consent_url", d.consentUrl());
        return new HtmlSettings(style, script, pixel, hint, embed, perCategory, (int) inspect, (int) tagBytes,
                consentUrl, namedUrlCategories(s, categories), s.bool("surrogates", d.surrogates()));
    }

    /**
     * The categories listed under {@code named_url_categories}; when the key is absent, those of the defaults that
     * the ruleset declares (a ruleset with other category names opts in by listing them).
     */
    private static Set<String> namedUrlCategories(YamlSection s, Set<String> categories) {
        if (s.get("named_url_categories").isEmpty()) {
            return declaredDefaults(categories);
        }
        Set<String> listed = new LinkedHashSet<>();
        List<Node> items = s.list("named_url_categories");
        for (Node item : items) {
            s.scalar(item, "named_url_categories").ifPresent(category -> {
                if (categories.contains(category)) {
                    listed.add(category);
                } else {
                    s.problems().at(item, "unknown category '" + category + "'; "
                            + Category.declared(categories));
                }
            });
        }
        return listed;
    }

    private static Set<String> declaredDefaults(Set<String> categories) {
        Set<String> declared = new LinkedHashSet<>(HtmlSettings.DEFAULT_NAMED_URL_CATEGORIES);
        declared.retainAll(categories);
        return declared;
    }

    private static Optional<TagAction> action(YamlSection s, String key) {
        Optional<String> text = s.string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TagAction.valueOf(text.get().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            Node where = s.get(key).orElse(s.node());
            s.problems().at(where, TagRulesReader.unknownAction(text.get()));
            return Optional.empty();
        }
    }
}
