package dev.consentgate.html;

import dev.consentgate.config.TagAction;
import dev.consentgate.config.TagRule;
import dev.consentgate.consent.JsonReader;
import dev.consentgate.consent.MalformedValue;
import dev.consentgate.html.ElementJudge.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A speculation rule set (the JSON of {@code <script type="speculationrules">}), judged by what it makes Chromium
 * fetch on its own: every URL of a list rule ({@code "urls"}), prefetched or prerendered at once, a cross-site
 * tracker's or through a first-party redirect, whatever cookies the visitor holds; and the links a document rule
 * ({@code "where"}) may match, which Chromium prefetches as the visitor nears them, on another site too. A document
 * rule counts as reaching only the URLs its {@code href_matches} patterns name (a relative pattern such as
 * {@code "/*"} stays on the page's own host, or its base's); one that may match a link anywhere (a
 * {@code selector_matches}, a {@code not}, no condition, a pattern whose host is not spelt out) is judged as
 * reaching a tracker, failing closed, and so is a rule set the gateway cannot read.
 */
final class SpeculationRules {

    /** A document rule that may match a link to any site: it may prefetch a tracker the page links to. */
    static final TagRule ANY_LINK = new TagRule("speculation-rule-any-link", Optional.empty(), Optional.empty(),
            Optional.empty(), "", Optional.of(TagAction.REMOVE), "builtin");
    /**
     * A rule set that is no JSON the gateway reads whole (past the inspect limit, or malformed: Chromium reads JSON
     * as strictly, but repeated keys, which Chromium takes the last of, are refused here).
     */
    static final TagRule UNREAD = new TagRule("speculation-rules-unread", Optional.empty(), Optional.empty(),
            Optional.empty(), "", Optional.of(TagAction.REMOVE), "builtin");

    /** A pattern's literal start: scheme, then a host (and port) spelt out, then the path up to a special char. */
    private static final Pattern ABSOLUTE_PATTERN = Pattern.compile(
            "^(?:([A-Za-z][A-Za-z0-9+.-]*):)?//([A-Za-z0-9._~%-]+(?::[0-9]+)?)(?=[/?#]|$)([^*:({}?+\\\\#]*)");
    /** What a URL pattern's syntax makes special: wildcards, named groups, groups, modifiers, escapes. */
    private static final Pattern SPECIAL = Pattern.compile("[*:({}?+\\\\#]");
    /** The keys of a URL pattern's object form that name where a link goes, besides its path and query. */
    private static final Set<String> ORIGIN_KEYS = Set.of("protocol", "username", "password", "hostname", "port",
            "baseURL");

    /** What a rule set reaches: the URLs judged, and whether a document rule may match any link. */
    private record Reach(List<String> urls, boolean anyLink) {
    }

    private SpeculationRules() {
    }

    /**
     * The verdict on a rule set's JSON: the first URL it reaches that {@code urls} blocks, a document rule that may
     * match any link, or JSON that cannot be read; null when it passes.
     */
    static Verdict judge(String json, UrlJudge urls, ElementKind kind) {
        Reach reach;
        try {
            reach = read(JsonReader.parse(json));
        } catch (MalformedValue e) {
            reach = null;
        }
        if (reach == null) {
            return new Verdict(UNREAD, "", kind, TagAction.REMOVE);
        }
        for (String url : reach.urls()) {
            Verdict v = urls.url(url, ElementKind.PIXEL);
            if (v != null) {
                return new Verdict(v.rule(), v.host(), kind, v.action());
            }
        }
        return reach.anyLink() ? new Verdict(ANY_LINK, "", kind, TagAction.REMOVE) : null;
    }

    /** What the rule set reaches; null when it is not one (Chromium ignores such a set, or the rule). */
    private static Reach read(Object json) {
        if (!(json instanceof Map<?, ?> set)) {
            return null;
        }
        List<String> urls = new ArrayList<>();
        boolean anyLink = false;
        // "prefetch", "prerender", and any other list of rules a later Chromium may read
        for (Object rules : set.values()) {
            if (!(rules instanceof List<?> list)) {
                continue;
            }
            for (Object rule : list) {
                if (!(rule instanceof Map<?, ?> r)) {
                    return null;
                }
                Object listed = r.get("urls");
                if (listed != null) {
                    if (!(listed instanceof List<?> each)) {
                        return null;
                    }
                    for (Object url : each) {
                        if (!(url instanceof String s)) {
                            return null;
                        }
                        urls.add(s);
                    }
                }
                Object where = r.get("where");
                if (where != null) {
                    anyLink |= !confined(where, urls);
                } else if ("document".equals(r.get("source")) || listed == null) {
                    // a document rule without a condition matches every link
                    anyLink = true;
                }
            }
        }
        return new Reach(urls, anyLink);
    }

    /**
     * Whether the links a document rule's condition matches are confined to the URLs its href patterns name, which
     * are added to {@code urls}; a pattern under "not" names what is excluded, and is not judged.
     */
    private static boolean confined(Object condition, List<String> urls) {
        if (!(condition instanceof Map<?, ?> c)) {
            return false;
        }
        boolean confined = false;
        for (Map.Entry<?, ?> e : c.entrySet()) {
            Object value = e.getValue();
            switch (String.valueOf(e.getKey())) {
                case "href_matches" -> {
                    boolean all = true;
                    for (Object pattern : value instanceof List<?> l ? l : List.of(value)) {
                        all &= patternUrl(pattern, urls);
                    }
                    confined |= all;
                }
                case "and" -> {
                    if (value instanceof List<?> l) {
                        for (Object part : l) {
                            // every part is read, so that every pattern named is judged
                            confined |= confined(part, urls);
                        }
                    }
                }
                case "or" -> {
                    boolean all = value instanceof List<?> l && !l.isEmpty();
                    if (value instanceof List<?> l) {
                        for (Object part : l) {
                            all &= confined(part, urls);
                        }
                    }
                    confined |= all;
                }
                case "relative_to" -> {
                    // "document" or "ruleset": for a rule set in the page both are the page's base URL
                }
                default -> {
                    // "not", "selector_matches", and anything else: it may match a link anywhere
                }
            }
        }
        return confined;
    }

    /**
     * Adds the URL an href pattern names as far as it is spelt out (a relative one resolves on the page's host or
     * its base's); returns false when its host is not spelt out, so that it may match a link to any site.
     */
    private static boolean patternUrl(Object pattern, List<String> urls) {
        if (pattern instanceof String s) {
            Matcher absolute = ABSOLUTE_PATTERN.matcher(s);
            if (absolute.find()) {
                String scheme = absolute.group(1);
                urls.add((scheme == null ? "" : scheme + ":") + "//" + absolute.group(2) + absolute.group(3));
                return true;
            }
            int slash = s.indexOf('/');
            int colon = s.indexOf(':');
            if (s.startsWith("//") || s.startsWith("\\") || colon >= 0 && (slash < 0 || colon < slash)) {
                // a scheme or a host that is itself a pattern ("https://*.example.com/*", "http{s}?://...")
                return false;
            }
            urls.add(literalStart(s));
            return true;
        }
        if (!(pattern instanceof Map<?, ?> init)) {
            return false;
        }
        Object hostname = init.get("hostname");
        Object pathname = init.get("pathname");
        String path = pathname instanceof String p ? literalStart(p) : "/";
        if (hostname == null) {
            for (Object key : init.keySet()) {
                if (ORIGIN_KEYS.contains(String.valueOf(key))) {
                    return false;
                }
            }
            // the page's origin (its base's), a path or query of it
            urls.add(path);
            return true;
        }
        if (!(hostname instanceof String host) || host.isEmpty() || SPECIAL.matcher(host).find()
                || init.containsKey("baseURL")) {
            return false;
        }
        urls.add("https://" + host + (path.startsWith("/") ? path : "/" + path));
        return true;
    }

    /** A relative pattern's start up to its first special character, never empty: "/" for a path on the host. */
    private static String literalStart(String pattern) {
        Matcher special = SPECIAL.matcher(pattern);
        String start = special.find() ? pattern.substring(0, special.start()) : pattern;
        return start.isEmpty() ? "/" : start;
    }
}
