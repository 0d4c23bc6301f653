package dev.consentgate.html;

import dev.consentgate.consent.ConsentDecision;

import java.util.Locale;
import java.util.Set;

/**
 * Judges the URLs a script's text loads or names, as {@link ScriptUrlMentions} reports them: the first that a rule
 * of a category the visitor has not granted matches is kept as the script's verdict, and the search stops.
 */
final class MentionedUrlVerdict implements ScriptUrlMentions.Found {

    /**
     * Words of a notice page's path, compared with whole words (runs of letters) so that an endpoint whose word only
     * contains one ({@code /audiencetag/cookiesegments}, {@code /setcookie}) is no notice.
     */
    private static final Set<String> NOTICE_PATH_WORDS = Set.of("privacy", "privacypolicy", "policy", "policies",
            "legal", "cookie", "cookies", "cookiepolicy", "optout", "gaoptout", "terms");
    /** Words of an endpoint's path that make it no notice, whatever else it says ({@code /cookie-sync}). */
    private static final Set<String> ENDPOINT_PATH_WORDS = Set.of("sync", "usersync", "match", "setuid", "getuid",
            "pixel", "collect", "track");

    private final TagPolicy policy;
    private final ConsentDecision consent;
    private final PageSite site;
    /** Every URL counts as loaded (an import map, whose every address a module may import). */
    private boolean allLoaded;
    /** The matching rule's index, -1 while none. */
    private int rule = -1;
    private String host = "";

    MentionedUrlVerdict(TagPolicy policy, ConsentDecision consent, PageSite site) {
        this.policy = policy;
        this.consent = consent;
        this.site = site;
    }

    /** Forget the verdict: a new script starts. */
    void reset() {
        reset(false);
    }

    /** Forget the verdict: a new script starts, in which every URL named counts as loaded when {@code allLoaded}. */
    void reset(boolean allLoaded) {
        this.allLoaded = allLoaded;
        rule = -1;
        host = "";
    }

    /** Index of the rule that blocks the script, or -1. */
    int rule() {
        return rule;
    }

    /** Host of the URL that blocks the script. */
    String host() {
        return host;
    }

    /** A URL the script loads blocks it whatever its rule's category. */
    @Override
    public boolean onLoadedUrl(String url) {
        return judge(url, false);
    }

    /**
     * A URL the script only names (sends data to, or keeps in a tracker's settings) counts when its rule's category
     * is one of {@link dev.consentgate.config.HtmlSettings#namedUrlCategories}: trackers, not the embeds and widgets
     * whose hosts links and page data name.
     */
    @Override
    public boolean onNamedUrl(String url) {
        return judge(url, !allLoaded);
    }

    private boolean judge(String url, boolean onlyNamed) {
        UrlParts parts = UrlParts.parse(url);
        if (allLoaded && !parts.host().isEmpty() && parts.path().endsWith("/")) {
            // an import map's address ending in '/' maps a prefix: a module may import any URL under it (found by a
            // review: "ads/" mapped to https://www.google.com/ loaded /pagead/conversion_async.js in Chromium 155)
            int under = policy.blockingRuleUnder(parts.host(), parts.path(), site, consent);
            if (under >= 0) {
                rule = under;
                host = parts.host();
                return true;
            }
        }
        int k = policy.matchUrl(parts, site);
        if (k < 0) {
            return false;
        }
        String category = policy.rule(k).category();
        if (policy.granted(category, consent)
                || onlyNamed && (!policy.settings().namedUrlCategories().contains(category) || isNoticeLink(parts))) {
            return false;
        }
        rule = k;
        host = parts.host();
        return true;
    }

    /**
     * A link to a vendor's privacy notice, terms or help pages, which cookie banners and consent settings list: it
     * names a tracker's domain without sending anything there.
     */
    private static boolean isNoticeLink(UrlParts url) {
        if (url.host().startsWith("help.") || url.host().startsWith("support.")) {
            return true;
        }
        // the path only: a word of the query ("cd[content_name]=Chocolate Chip Cookies") makes no notice of a beacon
        String path = url.path().toLowerCase(Locale.ROOT);
        int query = path.indexOf('?');
        int fragment = path.indexOf('#');
        int end = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
        path = end < 0 ? path : path.substring(0, end);
        if (path.contains("do-not-track") || path.contains("donottrack")) {
            // a vendor's opt-out page, although "track" is an endpoint's word
            return true;
        }
        boolean notice = false;
        int wordStart = -1;
        for (int i = 0; i <= path.length(); i++) {
            boolean letter = i < path.length() && path.charAt(i) >= 'a' && path.charAt(i) <= 'z';
            if (letter && wordStart < 0) {
                wordStart = i;
            } else if (!letter && wordStart >= 0) {
                String word = path.substring(wordStart, i);
                if (ENDPOINT_PATH_WORDS.contains(word)) {
                    return false;
                }
                notice |= NOTICE_PATH_WORDS.contains(word);
                wordStart = -1;
            }
        }
        return notice || path.contains("opt-out");
    }
}
