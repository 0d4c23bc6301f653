package dev.consentgate.html;

import dev.consentgate.consent.ConsentDecision;

import java.util.ArrayList;
import java.util.List;

/**
 * The Speculation-Rules response header: a structured-field list of the URLs of rule sets, which Chromium fetches
 * as soon as it reads the page's head (a rule set named on a tracker's host is a request to that host, whatever the
 * set holds) and then acts on like a {@code <script type="speculationrules">}. Each URL is judged like the
 * address of a pixel.
 */
public final class SpeculationRulesHeaders {

    private SpeculationRulesHeaders() {
    }

    /**
     * A response's Speculation-Rules values, each without the rule sets on hosts the consent does not allow, each of
     * which {@code listener} is told of (line 0: a header has no line in the page); a value with nothing left, or no
     * list of strings (Chromium ignores such a field; it goes, failing closed), is left out.
     */
    public static List<String> keepAllowed(List<String> values, TagPolicy policy, ConsentDecision consent,
                                           PageSite site, RewriteListener listener) {
        UrlJudge urls = ElementJudge.forHeaderValues(policy, consent, site).urls();
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            String allowed = keepAllowed(value, urls, listener);
            if (allowed != null) {
                kept.add(allowed);
            }
        }
        return kept;
    }

    /** One value without the rule sets {@code urls} blocks; null when nothing is left or it cannot be read. */
    private static String keepAllowed(String value, UrlJudge urls, RewriteListener listener) {
        List<String> kept = new ArrayList<>();
        int n = value.length();
        int i = 0;
        while (true) {
            i = StructuredFields.skipBlanks(value, i);
            if (i == n || value.charAt(i) != '"') {
                return null;
            }
            StringBuilder url = new StringBuilder();
            int start = i;
            int afterString = StructuredFields.string(value, i, url);
            int end = afterString < 0 ? -1 : StructuredFields.memberEnd(value, afterString);
            if (end < 0) {
                return null;
            }
            ElementJudge.Verdict blocked = urls.url(url.toString(), ElementKind.PIXEL);
            if (blocked == null) {
                kept.add(value.substring(start, end).trim());
            } else {
                listener.onAction(new RewriteEvent(0, "Speculation-Rules header", blocked.host(),
                        blocked.rule().category(), blocked.rule().id(), RewriteEvent.Action.REMOVED));
            }
            if (end >= n) {
                return kept.isEmpty() ? null : String.join(", ", kept);
            }
            i = end + 1;
        }
    }
}
