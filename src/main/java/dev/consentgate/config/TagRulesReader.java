package dev.consentgate.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the {@code tags:} list: third-party scripts, pixels and embeds by host (with an optional path prefix), by
 * a path alone (a self-hosted tracker such as /matomo.php, found anywhere in a URL's path), or by an inline
 * signature.
 */
final class TagRulesReader {

    private static final Set<String> KEYS = Set.of("id", "host", "path", "signature", "unless", "category", "action");
    /**
     * Rules one {@code unless} list may name. The shipped ruleset's longest names 38; every signature match of a
     * script reads the list, and a list shared through YAML aliases is kept once per rule.
     */
    static final int MAX_UNLESS = 64;
    /** The action of a rule that keeps the site's own inline script (not a {@link TagAction}: nothing is blocked). */
    private static final String KEEP = "keep";

    private TagRulesReader() {
    }

    /** {@code essential}: the ids of the essential categories, which alone may keep a script. */
    static List<TagRule> read(List<Node> items, Set<String> categories, Set<String> essential, Problems problems) {
        List<TagRule> out = new ArrayList<>();
        Map<String, TagRule> byId = new HashMap<>();
        Map<TagRule, Node> unlessNodes = new LinkedHashMap<>();
        for (Node item : items) {
            Optional<YamlSection> section = YamlSection.of(item, "a tag rule", problems);
            Optional<TagRule> rule = section.flatMap(s -> rule(s, categories, essential, problems));
            if (rule.isEmpty()) {
                continue;
            }
            TagRule r = rule.get();
            if (byId.putIfAbsent(r.id(), r) != null) {
                problems.at(item, "duplicate tag rule id '" + r.id() + "'");
            } else {
                out.add(r);
                section.get().get("unless").ifPresent(node -> unlessNodes.put(r, node));
            }
        }
        unlessNodes.forEach((rule, node) -> {
            for (String id : rule.unless()) {
                TagRule named = byId.get(id);
                if (named == null || named.inlineSignature().isEmpty()) {
                    problems.at(node, "'unless' names '" + id + "', which is not a tag rule with a 'signature'");
                } else if (named.keep()) {
                    problems.at(node, "'unless' names '" + id + "', a keep rule, which keeps a script on its own");
                }
            }
        });
        return List.copyOf(out);
    }

    /** What is wrong with an action that is not a {@link TagAction}, where keep is not allowed either. */
    static String unknownAction(String text) {
        return KEEP.equalsIgnoreCase(text) ? "action 'keep' is only for a tag rule with a 'signature' under 'tags'"
                : "unknown action '" + text + "'; use remove, neutralize or placeholder";
    }

    /** The {@code action} of a rule or list, empty for its category's default (or when misspelled, reported). */
    static Optional<TagAction> action(YamlSection s, Problems problems) {
        Optional<String> text = s.string("action");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TagAction.valueOf(text.get().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.at(s.get("action").orElseThrow(), unknownAction(text.get()));
            return Optional.empty();
        }
    }

    private static Optional<TagRule> rule(YamlSection s, Set<String> categories, Set<String> essential,
                                          Problems problems) {
        s.rejectUnknownKeys(KEYS);
        Optional<String> id = s.requiredString("id");
        Optional<String> host = s.string("host").map(h -> h.toLowerCase(Locale.ROOT));
        Optional<String> path = s.string("path");
        Optional<String> signature = s.string("signature");
        host.ifPresent(h -> {
            if (!h.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(\\.\\*)?")) {
                problems.at(s.get("host").orElseThrow(), "invalid host '" + h
                        + "': give a host name such as googletagmanager.com (no scheme, port or path), or one"
                        + " ending in .* for any top-level domain (google.*)");
            } else if (h.indexOf('.') < 0) {
                // a host matches its subdomains too: one label is a whole top-level domain
                problems.at(s.get("host").orElseThrow(), "host '" + h + "' is a top-level domain and would match"
                        + " every host under it: give a domain such as googletagmanager.com");
            }
        });
        signature.ifPresent(sig -> {
            if (sig.isBlank()) {
                problems.at(s.get("signature").orElseThrow(), "empty signature (or only spaces, which every script"
                        + " contains): give the literal a script contains");
            }
        });
        path.ifPresent(p -> {
            if (!p.startsWith("/")) {
                problems.at(s.get("path").orElseThrow(), "tag path '" + p + "' must start with '/'");
            } else if (p.equals("/")) {
                problems.at(s.get("path").orElseThrow(), "tag path '/' matches every URL: give a path prefix such as"
                        + " /js/tracker.js");
            }
        });
        if (host.isEmpty() && signature.isEmpty() && path.isEmpty()) {
            problems.at(s.node(), "a tag rule needs 'host', 'path' or 'signature'");
        }
        Optional<String> category = s.requiredString("category");
        if (category.isPresent() && !categories.contains(category.get())) {
            problems.at(s.get("category").orElseThrow(), "unknown category '" + category.get() + "'; "
                    + Category.declared(categories));
            category = Optional.empty();
        }
        boolean keep = s.string("action").filter(KEEP::equalsIgnoreCase).isPresent();
        Optional<TagAction> action = keep ? Optional.empty() : action(s, problems);
        if (keep && (signature.isEmpty() || host.isPresent() || path.isPresent() || s.get("unless").isPresent()
                || category.isPresent() && !essential.contains(category.get()))) {
            problems.at(s.get("action").orElseThrow(), "action 'keep' is for a rule with only a 'signature' (no"
                    + " 'unless') of an essential category: the site's own inline script, which passes whole");
            return Optional.empty();
        }
        List<String> unless = s.stringList("unless");
        if (!unless.isEmpty() && (signature.isEmpty() || host.isPresent() || path.isPresent())) {
            problems.at(s.get("unless").orElseThrow(), "'unless' applies to a rule with only a 'signature'");
        }
        if (unless.size() > MAX_UNLESS) {
            problems.at(s.get("unless").orElseThrow(), "'unless' names " + unless.size() + " rules; at most "
                    + MAX_UNLESS + " are allowed");
            return Optional.empty();
        }
        if (id.isEmpty() || category.isEmpty() || (host.isEmpty() && signature.isEmpty() && path.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new TagRule(id.get(), host, path, signature, category.get(), action,
                problems.origin(s.node()), unless, keep));
    }
}
