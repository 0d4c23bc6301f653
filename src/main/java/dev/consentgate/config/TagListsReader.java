package dev.consentgate.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the {@code tag_lists:} section: host lists the operator supplies and keeps up to date (an Adblock-style
 * list, third-party-web's entity list), read at load time into tag rules that come after the ruleset's own. A list
 * path is relative to the ruleset file. A list that cannot be read, or gives no rule, is a problem of the ruleset,
 * as a broken rule would be: the gateway does not start with less blocking than its configuration says.
 */
final class TagListsReader {

    private static final Set<String> KEYS = Set.of("adblock", "third_party_web", "category", "categories", "action");
    /** Far above any published list (EasyList is a few MiB): a bigger file is most likely the wrong one. */
    private static final long MAX_LIST_BYTES = 64L * 1024 * 1024;

    private final Path rulesetFile;
    private final Set<String> rulesetCategories;
    private final Problems problems;

    private TagListsReader(Path rulesetFile, Set<String> rulesetCategories, Problems problems) {
        this.rulesetFile = rulesetFile;
        this.rulesetCategories = rulesetCategories;
        this.problems = problems;
    }

    /** The rules of every list, in list order, and what each list gave. */
    record Read(List<TagRule> rules, List<TagListImport> imports) {
    }

    /**
     * @param handRuleIds ids of the rules under {@code tags:}, which no imported rule may take
     */
    static Read read(List<Node> items, Path rulesetFile, Set<String> categories, Set<String> handRuleIds,
                     Problems problems) {
        TagListsReader reader = new TagListsReader(rulesetFile, categories, problems);
        List<TagRule> rules = new ArrayList<>();
        List<TagListImport> imports = new ArrayList<>();
        for (Node item : items) {
            YamlSection.of(item, "a tag list", problems).ifPresent(s -> reader.list(s).ifPresent(read -> {
                for (TagRule rule : read.rules()) {
                    if (handRuleIds.contains(rule.id())) {
                        problems.at(s.node(), "tag list rule id '" + rule.id() + "' is also the id of a rule under"
                                + " 'tags'; rename that rule");
                        return;
                    }
                }
                rules.addAll(read.rules());
                imports.addAll(read.imports());
            }));
        }
        return new Read(List.copyOf(rules), List.copyOf(imports));
    }

    private Optional<Read> list(YamlSection s) {
        s.rejectUnknownKeys(KEYS);
        Optional<TagAction> action = TagRulesReader.action(s, problems);
        boolean adblock = s.keys().contains("adblock");
        boolean thirdPartyWeb = s.keys().contains("third_party_web");
        if (adblock == thirdPartyWeb) {
            problems.at(s.node(), "a tag list needs exactly one of 'adblock' (an Adblock-style host list) or"
                    + " 'third_party_web' (third-party-web's entities.json)");
            return Optional.empty();
        }
        return adblock ? adblock(s, action) : thirdPartyWeb(s, action);
    }

    private Optional<Read> adblock(YamlSection s, Optional<TagAction> action) {
        if (s.get("categories").isPresent()) {
            problems.at(s.get("categories").orElseThrow(), "an adblock list has one 'category', not 'categories'");
        }
        Optional<String> category = s.requiredString("category").filter(c -> known(c, s.get("category")));
        Optional<Path> path = path(s, "adblock");
        if (category.isEmpty() || path.isEmpty()) {
            return Optional.empty();
        }
        return text(path.get(), s.get("adblock").orElseThrow()).flatMap(text -> {
            AdblockHostList.Parsed parsed = AdblockHostList.parse(text, path.get().toString(), category.get(), action);
            String skipped = parsed.skipped() + " rule lines not blocking a whole host skipped";
            if (parsed.rules().isEmpty()) {
                problems.at(s.get("adblock").orElseThrow(), "tag list " + path.get() + " has no ||host^ rule ("
                        + skipped + ")");
                return Optional.empty();
            }
            return Optional.of(new Read(parsed.rules(), List.of(new TagListImport(path.get().toString(), "adblock",
                    parsed.rules().size(), skipped, Fingerprint.of(List.of(text))))));
        });
    }

    private Optional<Read> thirdPartyWeb(YamlSection s, Optional<TagAction> action) {
        if (s.get("category").isPresent()) {
            problems.at(s.get("category").orElseThrow(), "a third_party_web list maps its categories under"
                    + " 'categories' ({ad: advertising, analytics: analytics, ...}), not one 'category'");
        }
        Optional<Map<String, String>> categories = categoryMap(s);
        Optional<Path> path = path(s, "third_party_web");
        if (categories.isEmpty() || path.isEmpty()) {
            return Optional.empty();
        }
        YamlSection mapSection = s.section("categories").orElseThrow();
        return text(path.get(), s.get("third_party_web").orElseThrow()).flatMap(text -> {
            Problems inList = new Problems(path.get().toString());
            ThirdPartyWebEntities.Parsed parsed = ThirdPartyWebEntities.parse(text, inList, categories.get(), action);
            problems.addAll(inList);
            if (inList.any()) {
                return Optional.empty();
            }
            boolean mappedAll = true;
            for (String theirs : categories.get().keySet()) {
                if (!parsed.categoriesInFile().contains(theirs)) {
                    problems.at(mapSection.keyNode(theirs), "no entity in " + path.get() + " has category '"
                            + theirs + "'; its categories: " + String.join(", ", parsed.categoriesInFile()));
                    mappedAll = false;
                }
            }
            if (mappedAll && parsed.rules().isEmpty()) {
                problems.at(s.get("third_party_web").orElseThrow(), "tag list " + path.get()
                        + " gives no rule: no entity of a mapped category names a domain");
                return Optional.empty();
            }
            return Optional.of(new Read(parsed.rules(), List.of(new TagListImport(path.get().toString(),
                    "third_party_web", parsed.rules().size(), parsed.entitiesTaken() + " entities taken, "
                    + parsed.entitiesSkipped() + " of other categories skipped", Fingerprint.of(List.of(text))))));
        });
    }

    /** Third-party-web category to ruleset category, each value checked; empty (and reported) when any is wrong. */
    private Optional<Map<String, String>> categoryMap(YamlSection s) {
        Optional<YamlSection> mapSection = s.section("categories");
        if (mapSection.isEmpty()) {
            problems.at(s.node(), "a third_party_web list needs 'categories': which of its categories to take, and"
                    + " as which of the ruleset's ({ad: advertising, analytics: analytics, ...})");
            return Optional.empty();
        }
        YamlSection map = mapSection.get();
        if (map.keys().isEmpty()) {
            problems.at(map.node(), "'categories' maps no category, so the list would give no rule");
            return Optional.empty();
        }
        Map<String, String> categories = new LinkedHashMap<>();
        for (String theirs : map.keys()) {
            Optional<String> ours = map.string(theirs);
            if (ours.isEmpty() && map.get(theirs).isEmpty()) {
                problems.at(map.keyNode(theirs), "'" + theirs + "' is mapped to no category; "
                        + Category.declared(rulesetCategories));
            }
            ours.filter(c -> known(c, map.get(theirs))).ifPresent(c -> categories.put(theirs, c));
        }
        return categories.size() == map.keys().size() ? Optional.of(categories) : Optional.empty();
    }

    private boolean known(String category, Optional<Node> where) {
        if (rulesetCategories.contains(category)) {
            return true;
        }
        problems.at(where.orElseThrow(), "unknown category '" + category + "'; "
                + Category.declared(rulesetCategories));
        return false;
    }

    /** The list's path under {@code key}, relative to the ruleset file. */
    private Optional<Path> path(YamlSection s, String key) {
        Optional<String> text = s.string(key);
        if (text.isEmpty() || text.get().isBlank()) {
            if (s.get(key).isEmpty() || text.isPresent()) {
                problems.at(s.get(key).orElse(s.keyNode(key)), "'" + key + "' needs the list's file path");
            }
            return Optional.empty();
        }
        return Optional.of(rulesetFile.resolveSibling(text.get()));
    }

    /** The list's text (a leading byte order mark dropped), or empty with the problem reported at {@code where}. */
    private Optional<String> text(Path path, Node where) {
        try {
            if (!Files.isRegularFile(path)) {
                problems.at(where, "tag list " + path + (Files.exists(path) ? " is not a file" : " not found"));
                return Optional.empty();
            }
            long size = Files.size(path);
            if (size > MAX_LIST_BYTES) {
                problems.at(where, "tag list " + path + " is " + size + " bytes; the limit is " + MAX_LIST_BYTES);
                return Optional.empty();
            }
            String text = Files.readString(path, StandardCharsets.UTF_8);
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            problems.at(where, "tag list " + path + " is not UTF-8 text");
        } catch (IOException e) {
            problems.at(where, "tag list " + path + " cannot be read: " + e);
        }
        return Optional.empty();
    }
}
