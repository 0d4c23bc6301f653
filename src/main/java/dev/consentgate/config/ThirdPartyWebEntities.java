package dev.consentgate.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the entity list of the third-party-web project (a JSON array of vendors, each with a {@code category} such as
 * "ad" or "analytics" and the {@code domains} its resources load from, "*.example.com" meaning its subdomains) into
 * host rules. Only entities of the categories the operator maps are taken, each into the ruleset category it is
 * mapped to. JSON is read as YAML 1.2 (a superset), so a problem in the file names FILE:LINE:COLUMN.
 */
final class ThirdPartyWebEntities {

    private static final Pattern HOST = Pattern.compile(
            "[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?)+");

    private ThirdPartyWebEntities() {
    }

    /**
     * The rules read; how many entities gave them and how many were of categories not mapped; every category the
     * file has (so that a mapped name none of them uses can be reported as the typo it most likely is).
     */
    record Parsed(List<TagRule> rules, int entitiesTaken, int entitiesSkipped, Set<String> categoriesInFile) {
    }

    /**
     * @param text       the file's content
     * @param problems   where problems in the file are reported, under the file's own name
     * @param categories third-party-web category to ruleset category ("ad" to "advertising")
     * @param action     action of every rule, empty for the category default
     */
    static Parsed parse(String text, Problems problems, Map<String, String> categories, Optional<TagAction> action) {
        List<TagRule> rules = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        Set<String> seen = new TreeSet<>();
        int taken = 0;
        int skipped = 0;
        Optional<Node> root = NodeComposer.compose(text, problems, "JSON", 0, 64 * 1024 * 1024);
        if (root.isEmpty()) {
            if (!problems.any()) {
                problems.at((Mark) null, "the entity list is empty");
            }
            return new Parsed(List.of(), 0, 0, seen);
        }
        if (!(root.get() instanceof SequenceNode entities)) {
            problems.at(root.get(), "a third-party-web entity list is a JSON array of entities");
            return new Parsed(List.of(), 0, 0, seen);
        }
        for (Node node : entities.getValue()) {
            Optional<YamlSection> entity = YamlSection.of(node, "an entity", problems);
            if (entity.isEmpty()) {
                continue;
            }
            Optional<String> category = entity.get().requiredString("category");
            category.ifPresent(seen::add);
            String mapped = category.map(categories::get).orElse(null);
            if (mapped == null) {
                skipped++;
                continue;
            }
            Optional<String> name = entity.get().requiredString("name");
            if (name.isEmpty()) {
                continue;
            }
            if (!entity.get().keys().contains("domains")) {
                problems.at(node, name.get() + " needs 'domains' (an entity of a mapped category)");
                continue;
            }
            int before = rules.size();
            for (Node domainNode : entity.get().list("domains")) {
                entity.get().scalar(domainNode, "domains").ifPresent(domain -> {
                    String host = domain.toLowerCase(Locale.ROOT);
                    // a host rule covers the host and its subdomains: "*.x" becomes x, the vendor's own name with them
                    if (host.startsWith("*.")) {
                        host = host.substring(2);
                    }
                    if (!HOST.matcher(host).matches()) {
                        problems.at(domainNode, "domain '" + domain + "' of " + name.get()
                                + " is neither a host name nor *.host name");
                        return;
                    }
                    // a host a former entity gave already is decided by that entity's rule
                    if (hosts.add(host)) {
                        rules.add(new TagRule("third-party-web:" + name.get(), Optional.of(host), Optional.empty(),
                                Optional.empty(), mapped, action, problems.origin(domainNode)));
                    }
                });
            }
            if (rules.size() > before) {
                taken++;
            }
        }
        return new Parsed(List.copyOf(rules), taken, skipped, seen);
    }
}
