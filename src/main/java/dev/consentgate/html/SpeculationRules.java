package dev.consentgate.html;

import dev.consentgate.config.TagAction;
import dev.consentgate.config.TagRule;
import dev.consentgate.consent.JsonReader;
import dev.consentgate.consent.MalformedValue;
import dev.consentgate.html.ElementJudge.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    static final TagRule ANY_LINK = TagRule.builtinRemoval("speculation-rule-any-link");
    /**
     * A rule set that is no JSON the gateway reads whole (past the inspect limit, or malformed: Chromium reads JSON
     * as strictly, but repeated keys, which Chromium takes the last of, are refused here).
     */
    static final TagRule UNREAD = TagRule.builtinRemoval("speculation-rules-unread");

    /** A pattern's literal start: scheme, then a host (and port) spelt out, then the path up to a special char. */
    private static final Pattern ABSOLUTE_PATTERN = Pattern.compile(
            "^(?:([A-Za-z][A-Za-z0-9+.-]*):)?//([A-Za-z0-9._~%-]+(?::[0-9]+)?)(?=[/?#]|$)([^*:({}?+\\\\#]*)");
    /** What a URL pattern's syntax makes special: wildcards, named groups, groups, modifiers, escapes. */
    private static final Pattern SPECIAL = Pattern.compile("[*:({}?+\\\\#]");
    /** The keys of a URL pattern's object form that name where a link goes, besides its path and query. */
    private static final Set<String> ORIGIN_KEYS = Set.of("protocol", "username", "password", "hostname", "port",
            "baseURL");

    /**
     * A rule of a rule set served apart from its page (which a Speculation-Rules header names) that is relative to
     * the page's base URL ({@code "relative_to": "document"}): a {@code <base href>} of the page may put it on any
     * site, and the gateway, judging the rule set apart from its page, does not know it.
     */
    static final TagRule PAGE_BASE = TagRule.builtinRemoval("speculation-rule-page-base");

    /** What a rule set reaches, as it is read. */
    private static final class Reach {
        /** The rule set is served apart from its page, whose base URL is not known. */
        final boolean servedApart;
        /** URLs Chromium may fetch, each judged as it is. */
        final List<String> urls = new ArrayList<>();
        /** Beginnings of URLs a document rule may match (anything may follow each), judged with what may follow. */
        final List<String> starts = new ArrayList<>();
        /** A document rule may match a link to any site. */
        boolean anyLink;
        /** A rule is relative to a page's base URL the gateway does not know. */
        boolean pageBase;

        Reach(boolean servedApart) {
            this.servedApart = servedApart;
        }
    }

    private SpeculationRules() {
    }

    /**
     * The verdict on a rule set's JSON: the first URL it reaches that {@code urls} blocks, a document rule that may
     * match any link, or JSON that cannot be read; null when it passes.
     */
    static Verdict judge(String json, UrlJudge urls, ElementKind kind) {
        return judge(json, urls, kind, false);
    }

    /**
     * The verdict on a rule set served apart from its page (which a Speculation-Rules header names), read as
     * {@link #judge} reads one in a page; a rule relative to the page's base URL goes too ({@link #PAGE_BASE}).
     */
    static Verdict judgeServedApart(String json, UrlJudge urls) {
        return judge(json, urls, ElementKind.SCRIPT, true);
    }

    private static Verdict judge(String json, UrlJudge urls, ElementKind kind, boolean servedApart) {
        Reach reach = new Reach(servedApart);
        boolean read;
        try {
            read = read(JsonReader.parse(json), reach);
        } catch (MalformedValue e) {
            read = false;
        }
        if (!read) {
            return new Verdict(UNREAD, "", kind, TagAction.REMOVE);
        }
        for (String url : reach.urls) {
            Verdict v = urls.url(url, ElementKind.PIXEL);
            if (v != null) {
                return new Verdict(v.rule(), v.host(), kind, v.action());
            }
        }
        for (String start : reach.starts) {
            Verdict v = urls.urlBeginningWith(start, ElementKind.PIXEL);
            if (v != null) {
                return new Verdict(v.rule(), v.host(), kind, v.action());
            }
        }
        if (reach.anyLink) {
            return new Verdict(ANY_LINK, "", kind, TagAction.REMOVE);
        }
        return reach.pageBase ? new Verdict(PAGE_BASE, "", kind, TagAction.REMOVE) : null;
    }

    /**
     * Reads what the rule set reaches into {@code reach}; false when it is not one (Chromium ignores such a set, or
     * the rule).
     */
    private static boolean read(Object json, Reach reach) {
        if (!(json instanceof Map<?, ?> set)) {
            return false;
        }
        // "prefetch", "prerender", and any other list of rules a later Chromium may read
        for (Object rules : set.values()) {
            if (!(rules instanceof List<?> list)) {
                continue;
            }
            for (Object rule : list) {
                if (!(rule instanceof Map<?, ?> r)) {
                    return false;
                }
                // the rule's URLs and patterns resolve against the page's base URL, not the rule set's own
                boolean pageBase = isPageBase(r);
                Object listed = r.get("urls");
                if (listed != null) {
                    if (!(listed instanceof List<?> each)) {
                        return false;
                    }
                    for (Object url : each) {
                        if (!(url instanceof String s)) {
                            return false;
                        }
                        // an empty URL (spaces stripped) is the base URL itself, which "?" stands for: its host
                        // and path
                        reach.urls.add(s.isBlank() ? "?" : s);
                        reach.pageBase |= pageBase && reach.servedApart && UrlParts.parse(s).host().isEmpty();
                    }
                }
                Object where = r.get("where");
                if (where != null) {
                    reach.anyLink |= !confined(where, reach, pageBase);
                } else if ("document".equals(r.get("source")) || listed == null) {
                    // a document rule without a condition matches every link
                    reach.anyLink = true;
                }
            }
        }
        return true;
    }

    /** Whether a rule or condition says {@code "relative_to": "document"}. */
    private static boolean isPageBase(Map<?, ?> ruleOrCondition) {
        return "document".equals(ruleOrCondition.get("relative_to"));
    }

    /**
     * Whether the links a document rule's condition matches are confined to the URLs its href patterns name, which
     * are added to {@code reach}; a pattern under "not" names what is excluded, and is not judged.
     * {@code pageBase}: the rule's patterns are relative to the page's base URL.
     */
    private static boolean confined(Object condition, Reach reach, boolean pageBase) {
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
                        all &= patternUrl(pattern, reach, pageBase || isPageBase(c));
                    }
                    confined |= all;
                }
                case "and" -> {
                    if (value instanceof List<?> l) {
                        for (Object part : l) {
                            // every part is read, so that every pattern named is judged
                            confined |= confined(part, reach, pageBase);
                        }
                    }
                }
                case "or" -> {
                    boolean all = value instanceof List<?> l && !l.isEmpty();
                    if (value instanceof List<?> l) {
                        for (Object part : l) {
                            all &= confined(part, reach, pageBase);
                        }
                    }
                    confined |= all;
                }
                case "relative_to" -> {
                    // "document" or "ruleset": for a rule set in the page both are the page's base URL; one served
                    // apart is judged against its own (see patternUrl)
                }
                default -> {
                    // "not", "selector_matches", and anything else: it may match a link anywhere
                }
            }
        }
        return confined;
    }

    /**
     * Adds what an href pattern reaches: the URL it names as far as it is spelt out (a relative one resolves on the
     * page's host or its base's), as a beginning when anything may follow it, and then its literal parts joined
     * ({@code /*}{@code /gtm.js} spells {@code /gtm.js}). Returns false when its host is not spelt out, so that it
     * may match a link to any site. {@code pageBase}: a relative pattern resolves against the page's base URL, which
     * a rule set served apart does not know.
     */
    private static boolean patternUrl(Object pattern, Reach reach, boolean pageBase) {
        if (pattern instanceof String s) {
            Matcher absolute = ABSOLUTE_PATTERN.matcher(s);
            if (absolute.find()) {
                String scheme = absolute.group(1);
                String origin = (scheme == null ? "" : scheme + ":") + "//" + absolute.group(2);
                addPath(reach, origin, absolute.group(3), s.substring(absolute.end(2)));
                return true;
            }
            int slash = s.indexOf('/');
            int colon = s.indexOf(':');
            if (s.startsWith("//") || s.startsWith("\\") || colon >= 0 && (slash < 0 || colon < slash)) {
                // a scheme or a host that is itself a pattern ("https://*.example.com/*", "http{s}?://...")
                return false;
            }
            reach.pageBase |= pageBase && reach.servedApart;
            addPath(reach, "", literalStart(s), s);
            return true;
        }
        if (!(pattern instanceof Map<?, ?> init)) {
            return false;
        }
        Object hostname = init.get("hostname");
        Object pathname = init.get("pathname");
        String path = pathname instanceof String p ? p : "/*";
        if (hostname == null) {
            for (Object key : init.keySet()) {
                if (ORIGIN_KEYS.contains(String.valueOf(key))) {
                    return false;
                }
            }
            // the page's origin (its base's), a path or query of it
            reach.pageBase |= pageBase && reach.servedApart;
            addPath(reach, "", literalStart(path), path);
            return true;
        }
        if (!(hostname instanceof String host) || host.isEmpty() || SPECIAL.matcher(host).find()
                || init.containsKey("baseURL")) {
            return false;
        }
        String rooted = path.startsWith("/") ? path : "/" + path;
        addPath(reach, "https://" + host, literalStart(rooted), rooted);
        return true;
    }

    /**
     * Adds the URLs of a pattern on {@code origin} ("" for the page's) whose path part is {@code path}, spelt out up
     * to {@code literal}: exactly that URL when nothing special follows, else the beginnings of the URLs it may match.
     */
    private static void addPath(Reach reach, String origin, String literal, String path) {
        if (!SPECIAL.matcher(path).find()) {
            reach.urls.add(origin + literal);
            return;
        }
        reach.starts.add(origin + literal);
        String spelt = literalParts(path);
        if (!spelt.equals(literal)) {
            reach.starts.add(origin + spelt);
        }
    }

    /** A relative pattern's start up to its first special character, never empty: "/" for a path on the host. */
    private static String literalStart(String pattern) {
        Matcher special = SPECIAL.matcher(pattern);
        String start = special.find() ? pattern.substring(0, special.start()) : pattern;
        return start.isEmpty() ? "/" : start;
    }

    /**
     * A pattern's path with its wildcards, named groups, regex groups and their modifiers taken out, braces
     * dropped, escapes resolved and runs of '/' made one: what the pattern spells besides what it leaves open,
     * never empty.
     */
    static String literalParts(String pattern) {
        StringBuilder out = new StringBuilder();
        int n = pattern.length();
        int i = 0;
        while (i < n) {
            char c = pattern.charAt(i);
            boolean token = true;
            if (c == '\\' && i + 1 < n) {
                append(out, pattern.charAt(i + 1));
                i += 2;
                token = false;
            } else if (c == '*') {
                i++;
            } else if (c == ':' && i + 1 < n && isNameChar(pattern.charAt(i + 1))) {
                for (i++; i < n && isNameChar(pattern.charAt(i)); i++) {
                    // the group's name
                }
                if (i < n && pattern.charAt(i) == '(') {
                    i = groupEnd(pattern, i);
                }
            } else if (c == '(') {
                i = groupEnd(pattern, i);
            } else if (c == '{' || c == '}') {
                i++;
                token = c == '}';
            } else {
                append(out, c);
                i++;
                token = false;
            }
            if (token && i < n && "?*+".indexOf(pattern.charAt(i)) >= 0) {
                // the modifier of the token just taken out
                i++;
            }
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    private static void append(StringBuilder out, char c) {
        if (c != '/' || out.isEmpty() || out.charAt(out.length() - 1) != '/') {
            out.append(c);
        }
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The index after the regex group that opens at {@code open} (nested groups and escapes inside it), or the end. */
    private static int groupEnd(String pattern, int open) {
        int depth = 0;
        for (int i = open; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return pattern.length();
    }
}
