package dev.consentgate.html;

import dev.consentgate.config.TagAction;
import dev.consentgate.config.TagRule;
import dev.consentgate.consent.ConsentDecision;


/**
 * A redirect answering a prefetch or prerender (Sec-Purpose): Chromium follows it on its own, to another site too,
 * before the visitor has followed any link (a speculation rule naming the site's own {@code /out?u=...} reached the
 * tracker it redirects to). Its Location is judged like the address of a pixel, and one on another site goes
 * whatever its host: Chromium follows that site's own redirects too (through {@code www.youtube.com/redirect} to
 * a tracker), which the gateway never sees. A navigation the visitor makes asks again without Sec-Purpose and gets
 * the redirect.
 */
public final class PrefetchRedirects {

    /** A prefetch's redirect to another site, whose further redirects the gateway cannot judge. */
    static final TagRule OFF_SITE = TagRule.builtinRemoval("prefetch-redirect-off-site");

    private PrefetchRedirects() {
    }

    /**
     * Whether the consent allows Chromium to follow a prefetch's redirect to {@code location}; when not,
     * {@code listener} is told of it (line 0: a header has no line in the page).
     */
    public static boolean allowed(String location, TagPolicy policy, ConsentDecision consent, PageSite site,
                                  RewriteListener listener) {
        String url = location.strip();
        ElementJudge.Verdict blocked = ElementJudge.forHeaderValues(policy, consent, site).urls().url(url, ElementKind.PIXEL);
        String host = UrlParts.parse(url).host();
        if (blocked == null && !host.isEmpty() && site.ownSuffixStart(host) == Integer.MAX_VALUE) {
            blocked = new ElementJudge.Verdict(OFF_SITE, host, ElementKind.PIXEL, TagAction.REMOVE);
        }
        if (blocked == null) {
            return true;
        }
        listener.onAction(new RewriteEvent(0, "prefetch redirect", blocked.host(), blocked.rule().category(),
                blocked.rule().id(), RewriteEvent.Action.REMOVED));
        return false;
    }
}
