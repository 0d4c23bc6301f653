package dev.consentgate.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a ruleset YAML file (YAML 1.2, composed to nodes only: no object construction, no tags that instantiate
 * anything) into an immutable {@link Ruleset}. Every problem is reported with FILE:LINE:COLUMN; loading goes on
 * after a problem so that one run of `check` lists them all.
 */
public final class RulesetLoader {

    /** A host name as a cookie's Domain attribute gives it, with or without the leading dot. */
    private static final Pattern COOKIE_DOMAIN =
            Pattern.compile("\\.?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    private static final Set<String> TOP_KEYS = Set.of("listen", "routes", "limits", "categories", "cookies",
            "undeclared_cookies", "consent", "tags", "tag_lists", "html");

    private RulesetLoader() {
    }

    public static Ruleset load(Path file) throws IOException, RulesetException {
        String text;
        if (Files.isDirectory(file)) {
            throw new RulesetException(List.of(new ConfigProblem(file.toString(), 1, 1,
                    "is a directory, not a ruleset file")));
        }
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "ruleset file not found");
        } catch (CharacterCodingException e) {
            throw new RulesetException(List.of(new ConfigProblem(file.toString(), 1, 1,
                    "is not UTF-8: save the ruleset as UTF-8")));
        }
        return parse(file.toString(), text);
    }

    /**
     * Nodes the aliases of a ruleset may stand for in all, each alias counted as a copy of what it names (the shipped
     * ruleset names its list of 34 consent managers' configurations and handlers in about 200 rules: about 7,000). A
     * bound against alias bombs, whose aliases of aliases stand for millions of nodes.
     */
    static final int MAX_ALIASED_NODES = 100_000;

    public static Ruleset parse(String fileName, String yaml) throws RulesetException {
        Problems problems = new Problems(fileName);
        Optional<Node> root = NodeComposer.compose(yaml, problems, "YAML", MAX_ALIASED_NODES, 16 * 1024 * 1024);
        if (problems.any()) {
            throw new RulesetException(problems.list());
        }
        if (root.isEmpty()) {
            throw new RulesetException(List.of(new ConfigProblem(fileName, 1, 1, "the ruleset is empty")));
        }
        Optional<YamlSection> top = YamlSection.of(root.get(), "", problems);
        if (top.isEmpty()) {
            throw new RulesetException(problems.list());
        }
        Ruleset ruleset = new Reader(top.get(), problems, yaml).read();
        if (problems.any()) {
            throw new RulesetException(problems.list());
        }
        return ruleset;
    }

    /** One pass over the sections; holds what later sections check against (the category ids). */
    private static final class Reader {
        private final YamlSection top;
        private final Problems problems;
        private final Map<String, Category> categories = new LinkedHashMap<>();
        /** The ruleset's text, for its fingerprint. */
        private final String text;

        Reader(YamlSection top, Problems problems, String text) {
            this.top = top;
            this.problems = problems;
            this.text = text;
        }

        Ruleset read() {
            top.rejectUnknownKeys(TOP_KEYS);
            List<Listener> listeners = listeners();
            List<Route> routes = routes();
            Limits limits = top.section("limits").map(this::limits).orElse(Limits.defaults());
            readCategories();
            List<CookieRule> cookies = cookieRules();
            UndeclaredCookies undeclared = top.section("undeclared_cookies").map(this::undeclared)
                    .orElse(UndeclaredCookies.defaults());
            ConsentSettings consent = top.section("consent").map(this::consent).orElse(ConsentSettings.defaults());
            Set<String> essential = categories.values().stream().filter(Category::essential).map(Category::id)
                    .collect(Collectors.toSet());
            List<TagRule> handTags = TagRulesReader.read(top.list("tags"), categories.keySet(), essential, problems);
            TagListsReader.Read lists = TagListsReader.read(top.list("tag_lists"), Path.of(problems.file()),
                    categories.keySet(), handTags.stream().map(TagRule::id).collect(Collectors.toSet()), problems);
            List<TagRule> tags = new ArrayList<>(handTags);
            tags.addAll(lists.rules());
            HtmlSettings html = top.section("html").map(h -> HtmlSectionReader.read(h, categories.keySet()))
                    .orElse(HtmlSectionReader.defaults(categories.keySet()));
            List<String> texts = new ArrayList<>(List.of(text));
            lists.imports().forEach(list -> texts.add(list.digest()));
            return new Ruleset(problems.file(), listeners, routes, limits,
                    Collections.unmodifiableMap(new LinkedHashMap<>(categories)), cookies, undeclared, consent,
                    List.copyOf(tags), html, lists.imports(), Fingerprint.of(texts));
        }

        private List<Listener> listeners() {
            List<Listener> out = new ArrayList<>();
            for (Node item : top.list("listen")) {
                top.scalar(item, "listen").ifPresent(text -> {
                    try {
                        out.add(listener(text));
                    } catch (IllegalArgumentException e) {
                        problems.at(item, e.getMessage());
                    }
                });
            }
            return out.isEmpty() ? List.of(new Listener("127.0.0.1", 8080)) : List.copyOf(out);
        }

        private List<Route> routes() {
            List<Route> out = new ArrayList<>();
            for (Node item : top.list("routes")) {
                YamlSection.of(item, "a route", problems).ifPresent(r -> {
                    r.rejectUnknownKeys(Set.of("host", "path", "upstream", "max_connections"));
                    String host = r.string("host", "*");
                    String path = r.string("path", "/");
                    if (!path.startsWith("/")) {
                        problems.at(r.get("path").orElseThrow(), "route path must start with '/'");
                    }
                    int max = r.integer("max_connections", 64, 1, 10_000);
                    r.requiredString("upstream").ifPresent(text -> {
                        try {
                            out.add(new Route(host, path, upstream(text), max, problems.origin(r.node())));
                        } catch (IllegalArgumentException e) {
                            problems.at(r.get("upstream").orElseThrow(), e.getMessage());
                        }
                    });
                });
            }
            if (out.isEmpty() && top.get("routes").isEmpty()) {
                problems.at(top.node(), "the ruleset needs 'routes' (at least one upstream)");
            } else if (top.get("routes").isPresent() && top.list("routes").isEmpty()) {
                problems.at(top.get("routes").get(), "'routes' is empty: give at least one upstream");
            }
            return List.copyOf(out);
        }

        private Limits limits(YamlSection s) {
            s.rejectUnknownKeys(Set.of("max_request_line", "max_header_bytes", "max_header_count", "max_body",
                    "header_read_timeout", "keep_alive_timeout", "upstream_connect_timeout",
                    "upstream_response_timeout", "shutdown_grace", "max_connections", "max_decompressed",
                    "max_compression_ratio", "body_idle_timeout", "max_pipelined_requests",
                    "body_read_timeout"));
            Limits d = Limits.defaults();
            return new Limits(
                    (int) Math.min(s.size("max_request_line", d.maxRequestLine()), 1 << 20),
                    (int) Math.min(s.size("max_header_bytes", d.maxHeaderBytes()), 1 << 20),
                    s.integer("max_header_count", d.maxHeaderCount(), 1, 10_000),
                    s.size("max_body", d.maxBodyBytes()),
                    positive(s, "header_read_timeout", d.headerReadTimeout()),
                    positive(s, "keep_alive_timeout", d.keepAliveTimeout()),
                    positive(s, "upstream_connect_timeout", d.upstreamConnectTimeout()),
                    positive(s, "upstream_response_timeout", d.upstreamResponseTimeout()),
                    s.duration("shutdown_grace", d.shutdownGrace()),
                    s.integer("max_connections", d.maxConnections(), 1, 1_000_000),
                    s.size("max_decompressed", d.maxDecompressedBytes()),
                    s.integer("max_compression_ratio", d.maxCompressionRatio(), 2, 1_000_000),
                    positive(s, "body_idle_timeout", d.bodyIdleTimeout()),
                    s.integer("max_pipelined_requests", d.maxPipelinedRequests(), 1, 1024),
                    positive(s, "body_read_timeout", d.bodyReadTimeout()));
        }

        /** A timeout: 0 would answer every request at once (408, 504) or, for a body, never. */
        private Duration positive(YamlSection s, String key, Duration fallback) {
            Duration value = s.duration(key, fallback);
            if (value.isZero()) {
                problems.at(s.get(key).orElseThrow(), key + " must be more than 0");
                return fallback;
            }
            return value;
        }

        private void readCategories() {
            Optional<YamlSection> section = top.section("categories");
            if (section.isEmpty()) {
                problems.at(top.node(), "the ruleset needs 'categories' (at least one essential category)");
                return;
            }
            for (String id : section.get().keys()) {
                if (!id.matches("[a-z][a-z0-9_-]*")) {
                    problems.at(section.get().keyNode(id), "category id '" + id
                            + "' must be lower-case letters, digits, '-' or '_' (it appears in the consent cookie)");
                    continue;
                }
                Optional<YamlSection> c = section.get().section(id);
                YamlSection body = c.orElse(null);
                if (body == null) {
                    categories.put(id, new Category(id, "", false, false));
                    continue;
                }
                body.rejectUnknownKeys(Set.of("description", "essential", "gpc"));
                String gpc = body.string("gpc", "respect");
                if (!gpc.equals("opt-out") && !gpc.equals("respect")) {
                    problems.at(body.get("gpc").orElseThrow(), "'gpc' must be 'opt-out' (denied when Sec-GPC: 1)"
                            + " or 'respect' (GPC does not change it)");
                }
                categories.put(id, new Category(id, body.string("description", ""), body.bool("essential", false),
                        gpc.equals("opt-out")));
            }
            if (categories.values().stream().noneMatch(Category::essential) && section.get().keys().size() > 0) {
                problems.at(section.get().node(), "no category is marked 'essential: true'");
            }
        }

        private List<CookieRule> cookieRules() {
            List<CookieRule> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Node item : top.list("cookies")) {
                YamlSection.of(item, "a cookie rule", problems).flatMap(this::cookieRule).ifPresent(rule -> {
                    String key = rule.name() + "|" + rule.domain().orElse("") + "|" + rule.path().orElse("");
                    if (!seen.add(key)) {
                        problems.at(item, "duplicate cookie rule for " + rule.name()
                                + rule.domain().map(d -> " domain " + d).orElse("")
                                + " (an earlier rule already covers it)");
                    } else {
                        out.add(rule);
                    }
                });
            }
            return List.copyOf(out);
        }

        private Optional<CookieRule> cookieRule(YamlSection r) {
            r.rejectUnknownKeys(Set.of("name", "prefix", "glob", "domain", "path", "category", "retention",
                    "provider", "purpose"));
            List<NamePattern> patterns = new ArrayList<>();
            for (NamePattern.Kind kind : NamePattern.Kind.values()) {
                String key = kind == NamePattern.Kind.EXACT ? "name" : kind.name().toLowerCase(Locale.ROOT);
                r.string(key).ifPresent(p -> {
                    Optional<String> bad = CookieNames.problem(p, kind == NamePattern.Kind.GLOB);
                    if (bad.isPresent()) {
                        problems.at(r.get(key).orElseThrow(), "invalid " + key + " pattern '" + p + "': "
                                + bad.get());
                    } else {
                        patterns.add(new NamePattern(kind, p));
                    }
                });
            }
            for (String key : List.of("name", "prefix", "glob")) {
                if (r.keys().contains(key) && r.get(key).isEmpty()) {
                    problems.at(r.keyNode(key), "'" + key + "' in a cookie rule must not be empty");
                }
            }
            boolean givenOnce = r.keys().stream().filter(k -> Set.of("name", "prefix", "glob").contains(k))
                    .count() == 1;
            if (!givenOnce) {
                problems.at(r.node(), "a cookie rule needs exactly one of 'name', 'prefix' or 'glob'");
            }
            Optional<String> category = r.requiredString("category").filter(c -> knownCategory(c, r, "category"));
            Optional<Duration> retention = r.duration("retention");
            r.string("domain").filter(d -> !COOKIE_DOMAIN.matcher(d).matches()).ifPresent(d -> problems.at(
                    r.get("domain").orElseThrow(), "cookie domain '" + d + "' can never match a cookie's Domain: give"
                            + " a host name such as example.com or .example.com (no scheme, port or path)"));
            r.string("path").filter(p -> !p.startsWith("/")).ifPresent(p -> problems.at(r.get("path").orElseThrow(),
                    "cookie path '" + p + "' must start with '/' (a cookie's Path that does not is never used)"));
            if (patterns.size() != 1 || !givenOnce || category.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new CookieRule(patterns.get(0), r.string("domain"), r.string("path"),
                    category.get(), retention, r.string("provider", ""), r.string("purpose", ""),
                    problems.origin(r.node())));
        }

        private UndeclaredCookies undeclared(YamlSection s) {
            s.rejectUnknownKeys(Set.of("category", "log"));
            Optional<String> category = s.string("category").filter(c -> knownCategory(c, s, "category"));
            return new UndeclaredCookies(category, s.bool("log", true));
        }

        private ConsentSettings consent(YamlSection s) {
            return ConsentSectionReader.read(s, categories.keySet());
        }

        private boolean knownCategory(String id, YamlSection s, String key) {
            if (categories.containsKey(id)) {
                return true;
            }
            problems.at(s.get(key).orElse(s.node()), "unknown category '" + id + "'; "
                    + Category.declared(categories.keySet()));
            return false;
        }
    }

    /** Parses HOST:PORT as in `listen:` and `--listen`. */
    public static Listener listener(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("listen address '" + text + "' must be HOST:PORT, e.g. 127.0.0.1:8080");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Listener(host, port(text.substring(colon + 1), text));
    }

    /** Parses and checks an upstream URL as in a route and `--upstream`. */
    public static URI upstream(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("upstream '" + text + "' is not a URL: " + e.getReason());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("upstream '" + text + "' must start with http:// (the gateway talks"
                    + " plain HTTP/1.1 to the servers behind it)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("upstream '" + text + "' has no host name");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("upstream '" + text + "' must be just http://host:port"
                    + " (no user info, query or fragment)");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException("upstream '" + text + "' must not have a path; use the route's"
                    + " 'path' to select requests");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("upstream '" + text + "' has port " + uri.getPort()
                    + ", outside 1-65535");
        }
        return uri;
    }

    private static int port(String text, String whole) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("port '" + text + "' in '" + whole + "' must be a number from 0 to 65535");
    }
}
