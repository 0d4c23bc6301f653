package dev.consentgate.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Tag rules of a ruleset that can never decide an element: an earlier rule matches every URL they match, and for a
 * URL the first matching rule decides. Such a rule is dead, and its category or action, if they differ, are never
 * applied: a mistake an operator wants named where it is. Only rules matched by URL alone are compared (a host,
 * with or without a path prefix, or a path alone); signatures match inside scripts in ways too loose to tell, so
 * they are left out rather than warned of wrongly.
 */
public final class ShadowedTagRules {

    private ShadowedTagRules() {
    }

    /**
     * One warning per shadowed rule, located like a problem ("FILE:LINE:COLUMN: warning: ..."), in rule order.
     * {@code rules} are the ruleset's own, in declaration order (not those of imported host lists, which come after
     * it on purpose: a host the ruleset declares stays out of a list's reach).
     */
    public static List<String> warnings(List<TagRule> rules) {
        List<String> warnings = new ArrayList<>();
        for (int j = 0; j < rules.size(); j++) {
            TagRule later = rules.get(j);
            if (!matchedByUrlAlone(later)) {
                continue;
            }
            for (int i = 0; i < j; i++) {
                TagRule earlier = rules.get(i);
                if (matchedByUrlAlone(earlier) && (earlier.host().isEmpty() ? pathCovers(earlier, later)
                        : later.host().isPresent() && covers(earlier, later))) {
                    warnings.add(later.origin() + ": warning: rule '" + later.id() + "' never decides: rule '"
                            + earlier.id() + "' (" + earlier.origin() + ") comes first and matches every URL it"
                            + " matches" + exception(earlier, later));
                    break;
                }
            }
        }
        return warnings;
    }

    private static boolean matchedByUrlAlone(TagRule rule) {
        return (rule.host().isPresent() || rule.pathPrefix().isPresent()) && rule.inlineSignature().isEmpty()
                && rule.unless().isEmpty() && !rule.keep();
    }

    /**
     * A path-only rule matches a URL whose path holds its path anywhere (it starts with '/', so where a '/' of the
     * URL's path does), on any host, the page's own site too: so every URL of a rule whose path holds it.
     */
    private static boolean pathCovers(TagRule earlier, TagRule later) {
        return later.pathPrefix().isPresent() && later.pathPrefix().get().contains(earlier.pathPrefix().get());
    }

    /**
     * Whether every URL {@code later} matches, {@code earlier} matches too. A rule without a path does not match the
     * page's own site (see the README's "--site"), where one with a path does: so a host-only rule covers only
     * host-only ones.
     */
    private static boolean covers(TagRule earlier, TagRule later) {
        String earlierPath = earlier.pathPrefix().orElse("");
        String laterPath = later.pathPrefix().orElse("");
        if (earlierPath.isEmpty() ? !laterPath.isEmpty() : !laterPath.startsWith(earlierPath)) {
            return false;
        }
        return hostCovers(bare(earlier.host().get()), bare(later.host().get()));
    }

    /**
     * Where {@code later} still decides: a rule without a path spares the page's own site, so a host-only rule for a
     * subdomain decides on the pages of the earlier rule's host itself (a gateway in front of that vendor's site).
     */
    private static String exception(TagRule earlier, TagRule later) {
        if (earlier.host().isEmpty()) {
            return "";
        }
        String earlierHost = bare(earlier.host().get());
        boolean subdomain = !earlierHost.equals(bare(later.host().get()));
        return earlier.pathPrefix().orElse("").isEmpty() && subdomain
                ? " (except on the pages of " + earlierHost + " itself)" : "";
    }

    /** The host itself or a subdomain of it; a name under any top-level domain ("google.*") only itself. */
    private static boolean hostCovers(String earlier, String later) {
        if (earlier.endsWith(".*") || later.endsWith(".*")) {
            return earlier.equals(later);
        }
        return later.equals(earlier) || later.endsWith("." + earlier);
    }

    private static String bare(String host) {
        int from = 0;
        int to = host.length();
        while (from < to && host.charAt(from) == '.') {
            from++;
        }
        while (to > from && host.charAt(to - 1) == '.') {
            to--;
        }
        return host.substring(from, to);
    }
}
