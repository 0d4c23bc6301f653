package dev.consentgate.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Reads the {@code consent:} section: the gateway's cookie, revisions, CMP maps, TCF, regions, banner and log. */
final class ConsentSectionReader {

    /** What a request's region header or cookie can carry (as RegionPolicy reads it): any other code never matches. */
    private static final Pattern REGION_CODE = Pattern.compile("[A-Za-z0-9-]{1,8}");

    /** The largest whole number a JavaScript number holds exactly (Number.MAX_SAFE_INTEGER). */
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private static final Set<String> KEYS = Set.of("cookie", "revision", "retention", "sources", "revisions",
            "secret_env", "endpoint", "onetrust", "cookiebot", "cc_cookie", "cookieyes", "complianz", "klaro",
            "tarteaucitron", "didomi", "tcf", "regions", "banner", "record_log", "consent_mode", "gpc_json");

    private final YamlSection section;
    private final Set<String> categories;
    private final Problems problems;

    private ConsentSectionReader(YamlSection section, Set<String> categories) {
        this.section = section;
        this.categories = categories;
        this.problems = section.problems();
    }

    static ConsentSettings read(YamlSection section, Set<String> categories) {
        return new ConsentSectionReader(section, categories).read();
    }

    private ConsentSettings read() {
        section.rejectUnknownKeys(KEYS);
        ConsentSettings d = ConsentSettings.defaults();
        String revision = section.string("revision", d.revision());
        List<ConsentSettings.PolicyRevision> history = revisions();
        List<ConsentSettings.PolicyRevision> checkedHistory = history;
        if (!history.isEmpty() && !history.get(history.size() - 1).id().equals(revision)) {
            problems.at(section.get("revisions").orElseThrow(), "consent.revisions must end with the current"
                    + " revision '" + revision + "'");
            checkedHistory = List.of();
        }
        String endpoint = section.string("endpoint", d.endpoint());
        if (!endpoint.startsWith("/")) {
            problems.at(section.get("endpoint").orElseThrow(), "consent.endpoint must be a path starting with '/'");
        }
        return new ConsentSettings(section.string("cookie", d.cookieName()), revision,
                section.duration("retention", d.retention()), sources(d), checkedHistory, maps(), tcf(),
                regions(), section.string("secret_env"), endpoint, banner(), recordLog(),
                section.bool("consent_mode", false), section.bool("gpc_json", false));
    }

    private List<String> sources(ConsentSettings d) {
        List<String> sources = new ArrayList<>();
        for (Node item : section.list("sources")) {
            section.scalar(item, "sources").ifPresent(id -> {
                if (!ConsentSettings.KNOWN_SOURCES.contains(id)) {
                    problems.at(item, "unknown consent source '" + id + "'; known: "
                            + String.join(", ", ConsentSettings.KNOWN_SOURCES.stream().sorted().toList()));
                } else if (sources.contains(id)) {
                    problems.at(item, "consent source '" + id + "' is listed twice");
                } else {
                    sources.add(id);
                }
            });
        }
        return sources.isEmpty() ? d.sources() : sources;
    }

    private List<ConsentSettings.PolicyRevision> revisions() {
        List<ConsentSettings.PolicyRevision> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node item : section.list("revisions")) {
            YamlSection.of(item, "a revision", problems).ifPresent(r -> {
                r.rejectUnknownKeys(Set.of("id", "material"));
                r.requiredString("id").ifPresent(id -> {
                    if (!seen.add(id)) {
                        problems.at(item, "revision '" + id + "' is listed twice");
                    } else {
                        out.add(new ConsentSettings.PolicyRevision(id, r.bool("material", true)));
                    }
                });
            });
        }
        return out;
    }

    private ConsentSettings.SourceMaps maps() {
        ConsentSettings.SourceMaps d = ConsentSettings.SourceMaps.defaults();
        return new ConsentSettings.SourceMaps(
                categoryMap("onetrust", "groups", d.onetrustGroups()),
                categoryMap("cookiebot", "categories", d.cookiebot()),
                cookiebotNoConsent(),
                categoryMap("cc_cookie", "categories", d.ccCookie()),
                ccCookieRevision(),
                categoryMap("cookieyes", "categories", d.cookieyes()),
                categoryMap("complianz", "cookies", d.complianz()),
                categoryMap("klaro", "services", d.klaroServices()),
                categoryMap("tarteaucitron", "services", d.tarteaucitronServices()),
                categoryMap("didomi", "purposes", d.didomiPurposes()));
    }

    /** A map given in the ruleset replaces that CMP's default map entirely. */
    private Map<String, String> categoryMap(String source, String key, Map<String, String> fallback) {
        Optional<YamlSection> cmp = section.section(source);
        if (cmp.isEmpty()) {
            return fallback;
        }
        Set<String> allowed = switch (source) {
            case "cookiebot" -> Set.of(key, "no_consent_region");
            case "cc_cookie" -> Set.of(key, "revision");
            default -> Set.of(key);
        };
        cmp.get().rejectUnknownKeys(allowed);
        Optional<YamlSection> map = cmp.get().section(key);
        if (map.isEmpty()) {
            return fallback;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : map.get().keys()) {
            map.get().string(name).ifPresent(category -> {
                if (knownCategory(category, map.get().get(name).orElseThrow())) {
                    out.put(name, category);
                }
            });
        }
        return out;
    }

    private ConsentSettings.CookiebotNoConsent cookiebotNoConsent() {
        return section.section("cookiebot").flatMap(c -> c.string("no_consent_region").flatMap(text ->
                enumValue(text, ConsentSettings.CookiebotNoConsent.class, c.get("no_consent_region").orElseThrow())))
                .orElse(ConsentSettings.CookiebotNoConsent.ABSENT);
    }

    /**
     * cookieconsent's {@code revision} option, as the site's configuration gives it: cookieconsent uses revisions
     * for a number from 0 and compares the cookie's with it exactly, so a whole number; beyond 2^53 - 1 JavaScript
     * numbers are no longer exact.
     */
    private OptionalLong ccCookieRevision() {
        Optional<Node> value = section.section("cc_cookie").flatMap(c -> c.get("revision"));
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        if (value.get() instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                long revision = Long.parseLong(s.getValue());
                if (revision >= 0 && revision <= MAX_SAFE_INTEGER) {
                    return OptionalLong.of(revision);
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        problems.at(value.get(), "consent.cc_cookie.revision must be a whole number from 0 to " + MAX_SAFE_INTEGER
                + ": the revision option the site runs cookieconsent with (e.g. revision: 2)");
        return OptionalLong.empty();
    }

    private ConsentSettings.Tcf tcf() {
        Optional<YamlSection> tcf = section.section("tcf");
        if (tcf.isEmpty()) {
            return ConsentSettings.Tcf.defaults();
        }
        tcf.get().rejectUnknownKeys(Set.of("purposes", "vendors"));
        ConsentSettings.Tcf d = ConsentSettings.Tcf.defaults();
        Map<String, List<Set<Integer>>> purposes = d.purposes();
        Optional<YamlSection> p = tcf.get().section("purposes");
        if (p.isPresent()) {
            purposes = new LinkedHashMap<>();
            for (String category : p.get().keys()) {
                Node value = p.get().get(category).orElse(p.get().keyNode(category));
                if (!knownCategory(category, p.get().keyNode(category))) {
                    continue;
                }
                List<Set<Integer>> alternatives = new ArrayList<>();
                boolean flat = false;
                for (Node alternative : p.get().list(category)) {
                    if (alternative instanceof ScalarNode) {
                        if (flat) {
                            continue;
                        }
                        flat = true;
                        // [1, 3, 4] would read as three alternatives, purpose 1 alone granting the category
                        problems.at(alternative, "tcf.purposes." + category + " is a list of alternatives, each a"
                                + " list of purposes that must all have consent: write [[1, 3, 4]] for purposes 1, 3"
                                + " and 4 together");
                        continue;
                    }
                    alternatives.add(numbers(alternative, 1, 24, "a TCF purpose"));
                }
                if (alternatives.isEmpty() && !flat) {
                    problems.at(value, "tcf.purposes." + category + " needs at least one list of purposes");
                }
                purposes.put(category, alternatives);
            }
        }
        Map<String, Set<Integer>> vendors = new LinkedHashMap<>();
        tcf.get().section("vendors").ifPresent(v -> {
            for (String category : v.keys()) {
                if (knownCategory(category, v.keyNode(category))) {
                    vendors.put(category, numbers(v.get(category).orElse(v.keyNode(category)), 1, 65535,
                            "a TCF vendor id"));
                }
            }
        });
        return new ConsentSettings.Tcf(purposes, vendors);
    }

    private Set<Integer> numbers(Node node, int min, int max, String what) {
        Set<Integer> out = new HashSet<>();
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        for (Node item : items) {
            Optional<String> text = section.scalar(item, what);
            try {
                int n = Integer.parseInt(text.orElse("x"));
                if (n < min || n > max) {
                    throw new NumberFormatException();
                }
                out.add(n);
            } catch (NumberFormatException e) {
                problems.at(item, what + " must be a whole number from " + min + " to " + max);
            }
        }
        return out;
    }

    private ConsentSettings.Regions regions() {
        Optional<YamlSection> r = section.section("regions");
        if (r.isEmpty()) {
            return ConsentSettings.Regions.defaults();
        }
        r.get().rejectUnknownKeys(Set.of("header", "cookie", "default", "groups"));
        List<ConsentSettings.RegionGroup> groups = new ArrayList<>();
        for (Node item : r.get().list("groups")) {
            YamlSection.of(item, "a region group", problems).ifPresent(g -> {
                g.rejectUnknownKeys(Set.of("name", "regions", "mode"));
                Optional<String> name = g.requiredString("name");
                ConsentSettings.DefaultMode mode = mode(g, "mode");
                List<String> regions = g.stringList("regions");
                for (int i = 0; i < regions.size(); i++) {
                    if (!REGION_CODE.matcher(regions.get(i)).matches()) {
                        problems.at(g.list("regions").get(i), "region '" + regions.get(i) + "' can never match: a"
                                + " region is a code such as DE or US-CA (letters, digits and '-', at most 8), and"
                                + " several are a list: [DE, FR, IT]");
                    }
                }
                if (name.isPresent()) {
                    groups.add(new ConsentSettings.RegionGroup(name.get(), Set.copyOf(regions), mode));
                }
            });
        }
        return new ConsentSettings.Regions(r.get().string("header"), r.get().string("cookie"),
                mode(r.get(), "default"), groups);
    }

    private ConsentSettings.DefaultMode mode(YamlSection s, String key) {
        return s.string(key).flatMap(text -> enumValue(text, ConsentSettings.DefaultMode.class,
                s.get(key).orElseThrow())).orElse(ConsentSettings.DefaultMode.OPT_IN);
    }

    private ConsentSettings.Banner banner() {
        ConsentSettings.Banner d = ConsentSettings.Banner.defaults();
        return section.section("banner").map(b -> {
            b.rejectUnknownKeys(Set.of("enabled", "title", "text", "declaration", "stylesheet"));
            return new ConsentSettings.Banner(b.bool("enabled", d.enabled()), b.string("title", d.title()),
                    b.string("text", d.text()), b.string("declaration"), b.string("stylesheet", d.stylesheetPath()));
        }).orElse(d);
    }

    private ConsentSettings.RecordLog recordLog() {
        return section.section("record_log").map(l -> {
            l.rejectUnknownKeys(Set.of("path", "record_ip"));
            return new ConsentSettings.RecordLog(l.string("path").map(Path::of), l.bool("record_ip", false));
        }).orElse(ConsentSettings.RecordLog.defaults());
    }

    private boolean knownCategory(String id, Node where) {
        if (categories.contains(id)) {
            return true;
        }
        problems.at(where, "unknown category '" + id + "'; " + Category.declared(categories));
        return false;
    }

    private <E extends Enum<E>> Optional<E> enumValue(String text, Class<E> type, Node where) {
        try {
            return Optional.of(Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E value : type.getEnumConstants()) {
                allowed.add(value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            problems.at(where, "'" + text + "' is not one of " + String.join(", ", allowed));
            return Optional.empty();
        }
    }
}
