package dev.consentgate.html;

import dev.consentgate.consent.ConsentDecision;

import java.util.List;
import java.util.Locale;

/**
 * Judges the URLs a script's text loads or names, as {@link ScriptUrlMentions} reports them: the first that a rule
 * of a category the visitor has not granted matches is kept as the script's verdict. The first script URL so matched
 * is kept apart, since it alone blocks a consent manager's configuration (see {@link #rule(boolean)}); the search
 * stops once one is found.
 */
final class MentionedUrlVerdict implements ScriptUrlMentions.Found {

    private static final List<String> NOTICE_PATH_WORDS = List.of("privacy", "policy", "policies", "legal", "cookie",
            "optout", "opt-out", "terms");

    private final TagPolicy policy;
    private final ConsentDecision consent;
    private final PageSite site;
    /** The rule of the first URL matched, -1 while none. */
    private int firstRule = -1;
    private String firstHost = "";
    /** The rule of the first script URL matched, -1 while none. */
    private int scriptRule = -1;
    private String scriptHost = "";

    MentionedUrlVerdict(TagPolicy policy, ConsentDecision consent, PageSite site) {
        this.policy = policy;
        this.consent = consent;
        this.site = site;
    }

    /** Forget the verdict: a new script starts. */
    void reset() {
        firstRule = -1;
        firstHost = "";
        scriptRule = -1;
        scriptHost = "";
    }

    /** Whether reading on can change no verdict: a script URL has matched. */
    boolean settled() {
        return scriptRule >= 0;
    }

    /**
     * Index of the rule that blocks the script, or -1. A consent manager's configuration is blocked only by a script
     * it loads: the pixels it fires and the addresses it names belong to callbacks that run on the visitor's choice
     * in its banner (Sourcepoint's choice callback pinging the vendor whose offer was chosen).
     */
    int rule(boolean consentManagerConfiguration) {
        return consentManagerConfiguration ? scriptRule : firstRule;
    }

    /** Host of the URL that blocks the script, as {@link #rule(boolean)} chooses. */
    String host(boolean consentManagerConfiguration) {
        return consentManagerConfiguration ? scriptHost : firstHost;
    }

    /** A URL the script loads blocks it whatever its rule's category. */
    @Override
    public boolean onLoadedUrl(String url, boolean script) {
        return judge(url, false, script);
    }

    /**
     * A URL the script only names (sends data to, or keeps in a tracker's settings) counts when its rule's category
     * is one of {@link dev.consentgate.config.HtmlSettings#namedUrlCategories}: trackers, not the embeds and widgets
     * whose hosts links and page data name.
     */
    @Override
    public boolean onNamedUrl(String url) {
        return judge(url, true, false);
    }

    /** @return true once a script URL has matched, when nothing read later can change the verdict */
    private boolean judge(String url, boolean onlyNamed, boolean script) {
        UrlParts parts = UrlParts.parse(url);
        int k = policy.matchUrl(parts, site);
        if (k < 0) {
            return false;
        }
        String category = policy.rule(k).category();
        if (policy.granted(category, consent)
                || onlyNamed && (!policy.settings().namedUrlCategories().contains(category) || isNoticeLink(parts))) {
            return false;
        }
        if (firstRule < 0) {
            firstRule = k;
            firstHost = parts.host();
        }
        if (script) {
            scriptRule = k;
            scriptHost = parts.host();
            return true;
        }
        return false;
    }

    /**
     * A link to a vendor's privacy notice, terms or help pages, which cookie banners and consent settings list: it
     * names a tracker's domain without sending anything there.
     */
    private static boolean isNoticeLink(UrlParts url) {
        if (url.host().startsWith("help.") || url.host().startsWith("support.")) {
            return true;
        }
        String path = url.path().toLowerCase(Locale.ROOT);
        for (String word : NOTICE_PATH_WORDS) {
            if (path.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
