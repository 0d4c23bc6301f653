package dev.consentgate.html;

import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.consent.JsonReader;
import dev.consentgate.consent.MalformedValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The response headers that name where a browser sends its reports: a Content-Security-Policy's
 * {@code report-uri} URLs, the endpoints of Reporting-Endpoints, and the groups of the older Report-To (which NEL
 * and the {@code report-to} of other policies name). Chromium 156 POSTed violation and network-error reports to a
 * tracker's ingest host named there (sentry.io, browser-intake-datadoghq.com), each a request to that host with the
 * page's URL in it; until 2026-12-01 these headers passed unread (found by a review). Each URL is judged like the
 * address of a pixel, and the parts naming a blocked one go; the rest of each header passes as written.
 */
public final class ReportingHeaders {

    private ReportingHeaders() {
    }

    /** Which header a value is of, each read in its own syntax. */
    public enum Kind {
        /** Content-Security-Policy and Content-Security-Policy-Report-Only: URLs in a report-uri directive. */
        CONTENT_SECURITY_POLICY("report-uri in Content-Security-Policy"),
        /** Reporting-Endpoints: a structured-field dictionary of endpoint names to URL strings. */
        REPORTING_ENDPOINTS("Reporting-Endpoints header"),
        /** Report-To: JSON objects, each a group with a list of endpoints. */
        REPORT_TO("Report-To header");

        private final String element;

        Kind(String element) {
            this.element = element;
        }
    }

    /**
     * A response's values of one of these headers, each without the parts that name a URL the consent does not
     * allow, each such URL told to {@code listener} (line 0: a header has no line in the page); a value with nothing
     * left is left out, and so is a value that cannot be read where it names URLs (failing closed: the browser
     * ignores such a value or reads part of it).
     */
    public static List<String> keepAllowed(Kind kind, List<String> values, TagPolicy policy, ConsentDecision consent,
                                           PageSite site, RewriteListener listener) {
        UrlJudge urls = ElementJudge.forHeaderValues(policy, consent, site).urls();
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            String allowed = switch (kind) {
                case CONTENT_SECURITY_POLICY -> keepAllowedPolicies(value, urls, listener);
                case REPORTING_ENDPOINTS -> keepAllowedEndpoints(value, urls, listener);
                case REPORT_TO -> keepAllowedGroups(value, urls, listener);
            };
            if (allowed != null) {
                kept.add(allowed);
            }
        }
        return kept;
    }

    /**
     * A CSP value (policies split by ',', directives by ';', as browsers split them) with the blocked URLs of its
     * report-uri directives taken out, a directive left with none taken out whole; the rest of the policy, which
     * the browser still enforces, is untouched. The value as written when nothing is blocked.
     */
    private static String keepAllowedPolicies(String value, UrlJudge urls, RewriteListener listener) {
        if (!value.toLowerCase(Locale.ROOT).contains("report-uri")) {
            return value;
        }
        boolean changed = false;
        List<String> policies = new ArrayList<>();
        for (String policy : value.split(",", -1)) {
            List<String> directives = new ArrayList<>();
            for (String directive : policy.split(";", -1)) {
                String[] tokens = directive.trim().split("[ \t]+");
                if (!tokens[0].equalsIgnoreCase("report-uri")) {
                    directives.add(directive);
                    continue;
                }
                StringBuilder keptUrls = new StringBuilder(tokens[0]);
                boolean any = false;
                for (int t = 1; t < tokens.length; t++) {
                    ElementJudge.Verdict blocked = urls.url(tokens[t], ElementKind.PIXEL);
                    if (blocked == null) {
                        keptUrls.append(' ').append(tokens[t]);
                        any = true;
                    } else {
                        report(Kind.CONTENT_SECURITY_POLICY, blocked, listener);
                        changed = true;
                    }
                }
                if (any) {
                    directives.add(" " + keptUrls);
                }
            }
            policies.add(String.join(";", directives));
        }
        return changed ? String.join(",", policies) : value;
    }

    /**
     * A Reporting-Endpoints value (an RFC 8941 dictionary: {@code name="url";params, ...}) without the endpoints
     * whose URL is blocked; null when none is left, or when a member is not a name with a string (Chromium ignores
     * such a header whole).
     */
    private static String keepAllowedEndpoints(String value, UrlJudge urls, RewriteListener listener) {
        List<String> kept = new ArrayList<>();
        int n = value.length();
        int i = 0;
        while (true) {
            i = StructuredFields.skipBlanks(value, i);
            int start = i;
            while (i < n && isKeyChar(value.charAt(i))) {
                i++;
            }
            if (i == start || i == n || value.charAt(i) != '=' || i + 1 == n || value.charAt(i + 1) != '"') {
                return null;
            }
            StringBuilder url = new StringBuilder();
            int afterString = StructuredFields.string(value, i + 1, url);
            int end = afterString < 0 ? -1 : StructuredFields.memberEnd(value, afterString);
            if (end < 0) {
                return null;
            }
            ElementJudge.Verdict blocked = urls.url(url.toString(), ElementKind.PIXEL);
            if (blocked == null) {
                kept.add(value.substring(start, end).trim());
            } else {
                report(Kind.REPORTING_ENDPOINTS, blocked, listener);
            }
            if (end >= n) {
                return kept.isEmpty() ? null : String.join(", ", kept);
            }
            i = end + 1;
        }
    }

    /**
     * A Report-To value (JSON objects separated by commas, read by browsers as one JSON array) without the groups
     * that have an endpoint whose URL is blocked; null when none is left or the value is not such a list.
     */
    private static String keepAllowedGroups(String value, UrlJudge urls, RewriteListener listener) {
        List<String> groups = topLevelValues(value);
        if (groups == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String group : groups) {
            Object parsed;
            try {
                parsed = JsonReader.parse(group);
            } catch (MalformedValue e) {
                return null;
            }
            if (!(parsed instanceof Map<?, ?> object)) {
                return null;
            }
            ElementJudge.Verdict blocked = null;
            if (object.get("endpoints") instanceof List<?> endpoints) {
                for (Object endpoint : endpoints) {
                    if (endpoint instanceof Map<?, ?> e && e.get("url") instanceof String url) {
                        blocked = urls.url(url, ElementKind.PIXEL);
                        if (blocked != null) {
                            break;
                        }
                    }
                }
            }
            if (blocked == null) {
                kept.add(group.trim());
            } else {
                report(Kind.REPORT_TO, blocked, listener);
            }
        }
        return kept.isEmpty() ? null : String.join(", ", kept);
    }

    /** The JSON values of a comma-separated list, split outside strings and brackets; null when unbalanced. */
    private static List<String> topLevelValues(String value) {
        List<String> values = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth < 0) {
                    return null;
                }
            } else if (c == ',' && depth == 0) {
                values.add(value.substring(start, i));
                start = i + 1;
            }
        }
        if (inString || depth != 0) {
            return null;
        }
        values.add(value.substring(start));
        return values;
    }

    /** A character of an RFC 8941 key (lowercase letters, digits, '_', '-', '.', '*'). */
    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == '*';
    }

    private static void report(Kind kind, ElementJudge.Verdict blocked, RewriteListener listener) {
        listener.onAction(new RewriteEvent(0, kind.element, blocked.host(), blocked.rule().category(),
                blocked.rule().id(), RewriteEvent.Action.REMOVED));
    }
}
