package dev.consentgate.html;

import dev.consentgate.consent.ConsentDecision;

import java.nio.charset.StandardCharsets;

/**
 * A redirect answering a prefetch or prerender (Sec-Purpose): Chromium follows it on its own, to another site too,
 * before the visitor has followed any link (a speculation rule naming the site's own {@code /out?u=...} reached the
 * tracker it redirects to). Its Location is judged like the address of a pixel; a navigation the visitor makes
 * asks again without Sec-Purpose and gets the redirect.
 */
public final class PrefetchRedirects {

    private PrefetchRedirects() {
    }

    /**
     * Whether the consent allows Chromium to follow a prefetch's redirect to {@code location}; when not,
     * {@code listener} is told of it (line 0: a header has no line in the page).
     */
    public static boolean allowed(String location, TagPolicy policy, ConsentDecision consent, PageSite site,
                                  RewriteListener listener) {
        ElementJudge.Verdict blocked = new ElementJudge(policy, consent, site, name -> false, StandardCharsets.UTF_8)
                .urls().url(location.strip(), ElementKind.PIXEL);
        if (blocked == null) {
            return true;
        }
        listener.onAction(new RewriteEvent(0, "prefetch redirect", blocked.host(), blocked.rule().category(),
                blocked.rule().id(), RewriteEvent.Action.REMOVED));
        return false;
    }
}
