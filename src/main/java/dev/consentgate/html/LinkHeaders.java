package dev.consentgate.html;

import dev.consentgate.consent.ConsentDecision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Link response header (RFC 8288), in a response or an Early Hints (103): a browser acts on the resource hints
 * in it (preconnect, preload...) and on a compression dictionary as on the link elements they stand for, before any
 * of the page is read. Those links are judged like those elements, by their URL and by each URL of a preload's
 * {@code imagesrcset} parameter; other links (canonical, alternate...) pass.
 */
public final class LinkHeaders {

    /** {@code rel=token} or {@code rel="token token"} among a link's parameters. */
    private static final Pattern REL = Pattern.compile("(?i)(?:^|;)\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))");
    /** {@code imagesrcset=...} among a link's parameters, quoted (backslash escapes kept) or not. */
    private static final Pattern IMAGE_SRCSET =
            Pattern.compile("(?i)(?:^|;)\\s*imagesrcset\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;]*))");
    /**
     * Chromium 150 fetched the dictionary a Link header names with this rel, from a tracker's host too; until
     * 2026-11-30 such a link passed unread (found by a review).
     */
    private static final Set<String> DICTIONARY_REL = Set.of("compression-dictionary");

    private LinkHeaders() {
    }

    /**
     * One Link header value without the hints to hosts the consent does not allow; null when nothing is left, or
     * when the value cannot be read (a browser may still read part of it: fail closed).
     */
    public static String keepAllowed(String value, TagPolicy policy, ConsentDecision consent, PageSite site) {
        return keepAllowed(value, ElementJudge.forHeaderValues(policy, consent, site), RewriteListener.NONE);
    }

    /**
     * A response's Link values, each without the hints to hosts the consent does not allow, those with nothing left
     * or that cannot be read left out; {@code listener} is told of each hint taken out (line 0: a header has no line
     * in the page).
     */
    public static List<String> keepAllowed(List<String> values, TagPolicy policy, ConsentDecision consent,
                                           PageSite site, RewriteListener listener) {
        ElementJudge judge = ElementJudge.forHeaderValues(policy, consent, site);
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            String allowed = keepAllowed(value, judge, listener);
            if (allowed != null) {
                kept.add(allowed);
            }
        }
        return kept;
    }

    private static String keepAllowed(String value, ElementJudge judge, RewriteListener listener) {
        List<String> kept = new ArrayList<>();
        int n = value.length();
        int i = 0;
        while (true) {
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t' || value.charAt(i) == ',')) {
                i++;
            }
            if (i == n) {
                return kept.isEmpty() ? null : String.join(", ", kept);
            }
            if (value.charAt(i) != '<') {
                return null;
            }
            int close = value.indexOf('>', i + 1);
            if (close < 0) {
                return null;
            }
            // the parameters run to the next comma outside a quoted string or angle brackets (browsers quote with
            // both when they split a Link header)
            int end = close + 1;
            boolean quoted = false;
            for (; end < n && (quoted || value.charAt(end) != ','); end++) {
                char c = value.charAt(end);
                if (quoted && c == '\\') {
                    end++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == '<' && !quoted) {
                    int bracket = value.indexOf('>', end + 1);
                    if (bracket < 0) {
                        return null;
                    }
                    end = bracket;
                }
            }
            if (quoted) {
                return null;
            }
            String url = value.substring(i + 1, close);
            String parameters = value.substring(close + 1, Math.min(end, n));
            ElementJudge.Verdict blocked = isFetched(parameters) ? judgeFetched(url, parameters, judge) : null;
            if (blocked == null) {
                kept.add(value.substring(i, Math.min(end, n)).trim());
            } else {
                listener.onAction(new RewriteEvent(0, "Link header", blocked.host(), blocked.rule().category(),
                        blocked.rule().id(), RewriteEvent.Action.REMOVED));
            }
            i = end;
        }
    }

    /** Whether a link with these parameters is one a browser fetches: a hint, or a compression dictionary. */
    private static boolean isFetched(String parameters) {
        Matcher rel = REL.matcher(parameters);
        while (rel.find()) {
            String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
            for (String token : rels.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (ElementJudge.HINT_RELS.contains(token) || DICTIONARY_REL.contains(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The verdict on a fetched link: its URL, then each URL of an {@code imagesrcset} parameter, of which a preload of
     * an image fetches one instead of its URL (Chromium 150 fetched a tracker's candidate of
     * {@code </own.png>; rel=preload; as=image; imagesrcset="https://tracker/p 1x"}; until 2026-11-30 only the URL
     * was judged, found by a review). Every such parameter counts, failing closed.
     */
    private static ElementJudge.Verdict judgeFetched(String url, String parameters, ElementJudge judge) {
        ElementJudge.Verdict blocked = judge.judgeHint(url);
        Matcher srcset = IMAGE_SRCSET.matcher(parameters);
        while (blocked == null && srcset.find()) {
            String candidates = srcset.group(1) != null ? srcset.group(1) : srcset.group(2);
            for (String candidate : AttributeSyntax.srcsetUrls(candidates)) {
                blocked = judge.judgeHint(candidate);
                if (blocked != null) {
                    break;
                }
            }
        }
        return blocked;
    }
}
