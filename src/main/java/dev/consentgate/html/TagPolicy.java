package dev.consentgate.html;

import dev.consentgate.config.Category;
import dev.consentgate.config.HtmlSettings;
import dev.consentgate.config.TagAction;
import dev.consentgate.config.TagRule;
import dev.consentgate.consent.ConsentDecision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The tag rules of a ruleset, compiled once for fast judging: a host-suffix index and one automaton for all inline
 * signatures. Immutable and shared by all responses. The first rule that matches an element decides it, so a rule
 * of an essential category declared early protects a host from broader rules below it.
 */
public final class TagPolicy {

    /** A rule host ending so matches the name under any top-level domain (google.de, google.co.uk). */
    public static final String ANY_TLD = ".*";

    private final List<TagRule> rules;
    private final Map<String, Category> categories;
    private final HtmlSettings settings;
    private final Map<String, int[]> byHost;
    /**
     * Rules whose host ends in ".*" (a name under any top-level domain, "adservice.google.*"), by the host without it;
     * with the last label of each, so that a URL under none of them costs one lookup.
     */
    private final Map<String, int[]> byHostAnyTld;
    private final String[] anyTldLastLabels;
    private static final int BLOOM_BITS = 1 << 16;
    private final long[] hostBloom = new long[BLOOM_BITS / 64];
    /** Rules with a path and no host. */
    private final PathOnlyRules pathOnly;
    /** Each rule's path prefix, null for a rule without one. */
    private final String[] pathPrefixes;
    /** The length of the longest of {@link #pathPrefixes}. */
    private final int longestPath;
    /** Every rule's host and path is ASCII: a value's readings differ then only in its hosts (see ValueReadings). */
    private final boolean rulesAreAscii;
    private final SignatureMatcher signatures;
    /** For each rule, the indexes of the rules named by its {@code unless}; empty for most. */
    private final int[][] unless;
    /** Rules some {@code unless} names: whether they matched a script must be remembered. */
    private final boolean[] overrides;
    /** Rules that keep the site's own inline script ({@code action: keep}). */
    private final boolean[] keeps;
    private final boolean hasKeepRules;
    private final Set<String> ruleCategories;
    private final ElementRewrites rewrites;
    private final TagSurrogates surrogates;
    private final Map<String, Integer> ruleIndexes = new HashMap<>();
    private final UrlMatchCache urlMatches = new UrlMatchCache();

    public TagPolicy(List<TagRule> rules, Map<String, Category> categories, HtmlSettings settings) {
        this.rules = List.copyOf(rules);
        this.categories = Map.copyOf(categories);
        this.settings = settings;
        Map<String, List<Integer>> hosts = new HashMap<>();
        List<String> sigs = new ArrayList<>();
        List<Integer> sigRules = new ArrayList<>();
        Set<String> cats = new LinkedHashSet<>();
        String[] pathOnlyPaths = new String[this.rules.size()];
        for (int k = 0; k < this.rules.size(); k++) {
            TagRule r = this.rules.get(k);
            ruleIndexes.putIfAbsent(r.id(), k);
            cats.add(r.category());
            int index = k;
            r.host().map(h -> h.toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                    .ifPresent(h -> hosts.computeIfAbsent(trimDots(h), x -> new ArrayList<>()).add(index));
            if (r.host().filter(h -> !h.isEmpty()).isEmpty() && r.pathPrefix().filter(p -> !p.isEmpty()).isPresent()) {
                pathOnlyPaths[index] = UrlParts.withUnreservedDecoded(r.pathPrefix().orElseThrow());
            }
            r.inlineSignature().filter(s -> !s.isEmpty()).ifPresent(s -> {
                sigs.add(s);
                sigRules.add(index);
            });
        }
        Map<String, int[]> index = new HashMap<>();
        Map<String, int[]> anyTld = new HashMap<>();
        hosts.forEach((h, list) -> {
            int[] indexes = list.stream().mapToInt(Integer::intValue).toArray();
            if (h.endsWith(ANY_TLD)) {
                anyTld.put(h.substring(0, h.length() - ANY_TLD.length()), indexes);
            } else {
                index.put(h, indexes);
            }
        });
        this.byHost = Map.copyOf(index);
        this.byHostAnyTld = Map.copyOf(anyTld);
        this.anyTldLastLabels = anyTld.keySet().stream().map(h -> h.substring(h.lastIndexOf('.') + 1)).distinct()
                .toArray(String[]::new);
        for (String h : byHost.keySet()) {
            int bit = bloomBit(h.hashCode());
            hostBloom[bit >>> 6] |= 1L << bit;
        }
        // a rule's path read as a URL's is, escaped letters decoded, so that /%7Euser matches /~user either way
        this.pathPrefixes = this.rules.stream().map(r -> r.pathPrefix().map(UrlParts::withUnreservedDecoded)
                .orElse(null)).toArray(String[]::new);
        this.longestPath = Arrays.stream(pathPrefixes).filter(Objects::nonNull).mapToInt(String::length).max()
                .orElse(0);
        this.pathOnly = new PathOnlyRules(pathOnlyPaths);
        this.rulesAreAscii = this.rules.stream().allMatch(r -> r.host().map(TagPolicy::isAscii).orElse(true)
                && r.pathPrefix().map(TagPolicy::isAscii).orElse(true));
        this.signatures = sigs.isEmpty() ? SignatureMatcher.EMPTY
                : new SignatureMatcher(sigs, sigRules.stream().mapToInt(Integer::intValue).toArray());
        this.ruleCategories = Set.copyOf(cats);
        this.unless = unlessIndexes(this.rules);
        this.overrides = new boolean[this.rules.size()];
        for (int[] named : unless) {
            for (int k : named) {
                overrides[k] = true;
            }
        }
        this.keeps = new boolean[this.rules.size()];
        for (int k = 0; k < keeps.length; k++) {
            keeps[k] = this.rules.get(k).keep();
        }
        this.hasKeepRules = this.rules.stream().anyMatch(TagRule::keep);
        this.rewrites = new ElementRewrites(settings);
        this.surrogates = settings.surrogates() ? TagSurrogates.forRules(this.rules) : TagSurrogates.NONE;
    }

    public List<TagRule> rules() {
        return rules;
    }

    public HtmlSettings settings() {
        return settings;
    }

    public Map<String, Category> categories() {
        return categories;
    }

    /** For each rule, the indexes of the rules its {@code unless} names (the loader has checked that they exist). */
    private static int[][] unlessIndexes(List<TagRule> rules) {
        Map<String, Integer> indexById = new HashMap<>();
        for (int k = 0; k < rules.size(); k++) {
            indexById.putIfAbsent(rules.get(k).id(), k);
        }
        int[][] indexes = new int[rules.size()][];
        for (int k = 0; k < rules.size(); k++) {
            List<String> ids = rules.get(k).unless();
            indexes[k] = new int[ids.size()];
            for (int n = 0; n < ids.size(); n++) {
                Integer named = indexById.get(ids.get(n));
                if (named == null) {
                    throw new IllegalArgumentException("tag rule " + rules.get(k).id() + ": 'unless' names "
                            + ids.get(n) + ", which is not a rule");
                }
                indexes[k][n] = named;
            }
        }
        return indexes;
    }

    /** Indexes of the rules that decide instead of rule {@code index} when a script matches them too. */
    int[] unless(int index) {
        return unless[index];
    }

    /** Whether some rule's {@code unless} names rule {@code index}. */
    boolean overrides(int index) {
        return overrides[index];
    }

    /** Whether rule {@code index} keeps the inline script whose text has its signature. */
    boolean keeps(int index) {
        return keeps[index];
    }

    /** Whether any rule keeps inline scripts: then a script's verdict waits for its end (or a keep). */
    boolean hasKeepRules() {
        return hasKeepRules;
    }

    TagRule rule(int index) {
        return rules.get(index);
    }

    /** Index of the rule with this id, -1 for none (the rewriter's own rules, such as unread-past-limit). */
    int indexOf(String id) {
        Integer k = ruleIndexes.get(id);
        return k == null ? -1 : k;
    }

    ElementRewrites rewrites() {
        return rewrites;
    }

    /** The stand-ins for the globals of the vendors the rules name (none when the ruleset switches them off). */
    TagSurrogates surrogates() {
        return surrogates;
    }

    /** What URLs matched on each site, shared by every page judged under these rules. */
    UrlMatchCache urlMatches() {
        return urlMatches;
    }

    SignatureMatcher signatures() {
        return signatures;
    }

    /** Whether an element of this category may pass for this visitor. Unknown categories need explicit consent. */
    boolean granted(String category, ConsentDecision consent) {
        Category c = categories.get(category);
        return (c != null && c.essential()) || consent.grants(category);
    }

    /** True when nothing can be changed for this visitor: every category of every rule and of the ruleset is granted. */
    public boolean grantsEverything(ConsentDecision consent) {
        for (String c : ruleCategories) {
            if (!granted(c, consent)) {
                return false;
            }
        }
        for (Category c : categories.values()) {
            if (!granted(c.id(), consent)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether some rule belongs to a category this visitor has not granted, else inline scripts need no inspection:
     * they are judged by signatures and by the URLs they load, which the host and path rules judge.
     */
    boolean blocksAnyRule(ConsentDecision consent) {
        for (String c : ruleCategories) {
            if (!granted(c, consent)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rule that keeps this visitor's browser from fetching {@code url} at all (the browser proxy asks this of every
     * request a page makes), or empty when the URL may be fetched: no host or path rule matches it, or its category is
     * granted. A rule's {@code unless} is not weighed here: it concerns the script text around a URL, which a request
     * does not have, so the rule blocks (fail closed).
     *
     * @param site the page's own site (from the request's Referer), whose URLs a whole-host rule does not take
     */
    public Optional<TagRule> ruleBlockingRequest(String url, PageSite site, ConsentDecision consent) {
        UrlParts parts = UrlParts.parse(url);
        if (parts.host().isEmpty()) {
            return Optional.empty();
        }
        int k = matchUrl(parts, site);
        if (k < 0 || rules.get(k).keep() || granted(rules.get(k).category(), consent)) {
            return Optional.empty();
        }
        return Optional.of(rules.get(k));
    }

    /** The length of the longest path a rule names (a URL's path needs reading no further to match a host rule's). */
    int longestPath() {
        return longestPath;
    }

    /**
     * Index of the first rule matching the URL's host (suffix on label boundaries) and path prefix, or a rule
     * without host whose path occurs in the URL's path; -1 when none. A rule for a whole host that is the page's own
     * site (or a parent of it) does not match the site's own URLs; one narrowed by a path still does.
     */
    int matchUrl(UrlParts url, PageSite site) {
        return match(url.host(), url.path(), site);
    }

    /**
     * Index of the first rule naming {@code host} (or a parent of it) that some URL on it may match, whatever its path;
     * -1 when none: a URL on that host can match only the rules with a path and no host.
     */
    int matchHost(String host, PageSite site) {
        return match(host, null, site);
    }

    /**
     * Index of a rule that decides some URL under {@code host} and {@code pathPrefix} (an import map's address that
     * maps every specifier with its prefix to the URLs under it) and that the visitor has not granted; -1 when every
     * such URL passes. Rules are taken in rule order: one whose path holds the whole prefix decides what is left; one
     * whose path lies under the prefix decides some of it, but counts only under a host's root ("/"): a prefix deeper
     * in a shared CDN ({@code https://cdn.jsdelivr.net/npm/}, where a tracker's package has a rule too) is how sites
     * map their libraries, and an import map taken whole breaks every module of the page. Rules with a path alone, or
     * a host under any top-level domain, are not looked at (an address under a prefix may be any path).
     */
    int blockingRuleUnder(String host, String pathPrefix, PageSite site, ConsentDecision consent) {
        int own = site.ownSuffixStart(host);
        List<int[]> candidates = new ArrayList<>();
        for (int k = host.length() - 1; k >= 0; k--) {
            if (k == 0 || host.charAt(k - 1) == '.') {
                int[] rulesHere = byHost.get(host.substring(k));
                if (rulesHere != null) {
                    for (int r : rulesHere) {
                        candidates.add(new int[] {r, k < own ? 1 : 0});
                    }
                }
            }
        }
        candidates.sort(Comparator.comparingInt(c -> c[0]));
        for (int[] c : candidates) {
            int r = c[0];
            String rulePath = pathPrefixes[r] == null ? "" : pathPrefixes[r];
            boolean holdsAll = rulePath.isEmpty() ? c[1] == 1 : pathPrefix.startsWith(rulePath);
            boolean holdsSome = !rulePath.isEmpty() && pathPrefix.equals("/");
            if (!holdsAll && !holdsSome) {
                continue;
            }
            if (!granted(rules.get(r).category(), consent)) {
                return r;
            }
            if (holdsAll) {
                return -1;
            }
        }
        return -1;
    }

    /** {@link #matchUrl}; with a null {@code path}, {@link #matchHost}. */
    private int match(String host, String path, PageSite site) {
        int best = Integer.MAX_VALUE;
        if (pathOnly.any() && path != null) {
            best = pathOnly.firstMatch(path);
        }
        // suffixes starting here or later are the page's own site or its parents
        int own = site.ownSuffixStart(host);
        // every suffix on a label boundary, shortest first (the lowest matching rule wins whatever the order);
        // String.hashCode of each suffix is built up from the right, so a suffix no rule names costs no substring
        int hash = 0;
        int power = 1;
        for (int k = host.length() - 1; k >= 0; k--) {
            hash += host.charAt(k) * power;
            power *= 31;
            if ((k == 0 || host.charAt(k - 1) == '.') && mayBeRuleHost(hash)) {
                best = firstHostMatch(byHost.get(host.substring(k)), path, k < own, best);
            }
        }
        if (!byHostAnyTld.isEmpty()) {
            best = firstAnyTldMatch(host, path, own, best);
        }
        return best == Integer.MAX_VALUE ? -1 : best;
    }

    /**
     * The first of {@code candidates} (host rules of one host, in rule order) before {@code best} whose path fits
     * (any, when {@code path} is null); without {@code wholeHost}, only one with a path (the host is the page's own
     * site).
     */
    private int firstHostMatch(int[] candidates, String path, boolean wholeHost, int best) {
        if (candidates != null) {
            for (int r : candidates) {
                if (r >= best) {
                    break;
                }
                String prefix = pathPrefixes[r];
                if (prefix == null || prefix.isEmpty() ? wholeHost : path == null || path.startsWith(prefix)) {
                    return r;
                }
            }
        }
        return best;
    }

    /**
     * The rules with a host under any top-level domain: the host without its last label, and without its last two
     * when they look like a country's second level (co.uk, com.au), judged like a host by its suffixes.
     */
    private int firstAnyTldMatch(String host, String path, int own, int best) {
        int last = host.lastIndexOf('.');
        if (last <= 0) {
            return best;
        }
        best = firstStemMatch(host, last, path, own, best);
        int second = host.lastIndexOf('.', last - 1);
        if (second > 0 && PageSite.isCountrySecondLevel(host, second, last)) {
            best = firstStemMatch(host, second, path, own, best);
        }
        return best;
    }

    /** Whether {@code host[from, to)} is the last label of a rule host under any top-level domain (no copy). */
    private boolean isAnyTldLastLabel(String host, int from, int to) {
        for (String label : anyTldLastLabels) {
            if (label.length() == to - from && host.regionMatches(from, label, 0, label.length())) {
                return true;
            }
        }
        return false;
    }

    private int firstStemMatch(String host, int stemEnd, String path, int own, int best) {
        int labelStart = host.lastIndexOf('.', stemEnd - 1) + 1;
        if (!isAnyTldLastLabel(host, labelStart, stemEnd)) {
            return best;
        }
        for (int k = labelStart; k >= 0; k--) {
            if (k == 0 || host.charAt(k - 1) == '.') {
                best = firstHostMatch(byHostAnyTld.get(host.substring(k, stemEnd)), path, k < own, best);
            }
        }
        return best;
    }

    /**
     * The longer paths on {@code host} ("" for the page's own, where only path-only rules apply) that a rule names
     * and a URL whose path begins with {@code start} may have (a URL pattern's literal part, anything after it):
     * a host rule's path that begins with the start, and a path-only rule's that continues the start from one of its
     * '/' (but not from a '/' that ends it or that a query follows: any self-hosted tracker's file may lie under any
     * directory, and a pattern such as {@code /*}, {@code /blog/*} or {@code /shop/?*} reaches one only through a
     * link the page itself has). Scans every rule: rule sets are few.
     */
    List<String> pathsContinuing(String host, String start) {
        String path = start.startsWith("/") ? start : "/" + start;
        List<String> paths = new ArrayList<>();
        for (TagRule r : rules) {
            String prefix = r.pathPrefix().orElse("");
            if (prefix.isEmpty()) {
                continue;
            }
            String ruleHost = r.host().map(h -> trimDots(h.toLowerCase(Locale.ROOT))).orElse("");
            if (!ruleHost.isEmpty()) {
                if (!host.isEmpty() && prefix.length() > path.length() && prefix.startsWith(path)
                        && hostMatches(ruleHost, host)) {
                    paths.add(prefix);
                }
            } else if (prefix.charAt(0) != '/') {
                paths.add(path + prefix);
            } else {
                for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                    if (path.length() - slash > 1 && "?#".indexOf(path.charAt(slash + 1)) < 0
                            && prefix.length() > path.length() - slash
                            && prefix.startsWith(path.substring(slash))) {
                        paths.add(path.substring(0, slash) + prefix);
                    }
                }
            }
        }
        return paths;
    }

    /** Whether a rule's host (suffix on label boundaries, or a name under any top-level domain) takes {@code host}. */
    private static boolean hostMatches(String ruleHost, String host) {
        if (ruleHost.endsWith(ANY_TLD)) {
            String stem = ruleHost.substring(0, ruleHost.length() - ANY_TLD.length());
            int last = host.lastIndexOf('.');
            if (last <= 0) {
                return false;
            }
            int second = host.lastIndexOf('.', last - 1);
            return isSuffix(stem, host.substring(0, last)) || second > 0
                    && PageSite.isCountrySecondLevel(host, second, last) && isSuffix(stem, host.substring(0, second));
        }
        return isSuffix(ruleHost, host);
    }

    private static boolean isSuffix(String ruleHost, String host) {
        return host.equals(ruleHost) || host.endsWith("." + ruleHost);
    }

    /**
     * False when no path-only rule can match the plain ASCII path {@code a[from, to)} (see
     * {@link UrlParts#isPlainRelative}): a relative URL no host rule can match is then judged on its bytes.
     */
    boolean pathOnlyRuleMayMatch(byte[] a, int from, int to) {
        return pathOnly.mayMatch(a, from, to);
    }

    /** Whether every rule's host and path is ASCII. */
    boolean rulesAreAscii() {
        return rulesAreAscii;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    /** False when no rule host has this String hash (a one-hash Bloom filter over the rule hosts). */
    private boolean mayBeRuleHost(int hash) {
        int bit = bloomBit(hash);
        return (hostBloom[bit >>> 6] & 1L << bit) != 0;
    }

    private static int bloomBit(int hash) {
        return (hash ^ hash >>> 16) & (BLOOM_BITS - 1);
    }

    /** The action for an element of this kind matched by {@code rule}: rule, then category, then kind default. */
    TagAction action(TagRule rule, ElementKind kind) {
        TagAction wanted = rule.action().orElse(null);
        if (wanted == null) {
            TagAction perCategory = settings.categoryActions().get(rule.category());
            wanted = perCategory != null ? perCategory : kindDefault(kind);
        }
        return kind.narrow(wanted);
    }

    private TagAction kindDefault(ElementKind kind) {
        return switch (kind) {
            case SCRIPT -> settings.scriptAction();
            case PIXEL -> settings.pixelAction();
            case HINT -> settings.hintAction();
            case EMBED -> settings.embedAction();
            case META_COOKIE -> TagAction.REMOVE;
        };
    }

    private static String trimDots(String h) {
        String s = h;
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
