package dev.consentgate.proxy;

import dev.consentgate.cookie.CookiePolicy;
import dev.consentgate.cookie.RequestCookie;
import dev.consentgate.html.RewriteEvent;
import dev.consentgate.html.RewriteListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The audit entries of one proxied request: the elements of its page, and the cookies kept from either side. */
final class RequestAudit implements RewriteListener {

    static final RequestAudit NONE = new RequestAudit(null, "");

    private final AuditLog log;
    private final String url;

    RequestAudit(AuditLog log, String url) {
        this.log = log;
        this.url = url;
    }

    /** Itself when there is a report to write, else the listener the rewriter skips its line counting for. */
    RewriteListener listener() {
        return log == null ? RewriteListener.NONE : this;
    }

    @Override
    public void onAction(RewriteEvent event) {
        if (log != null && event.action() != RewriteEvent.Action.KEPT) {
            log.element(url, event);
        }
    }

    void requestCookiesRemoved(List<RequestCookie> removed) {
        if (log != null && !removed.isEmpty()) {
            log.cookies("cookie", url, removed.stream().map(RequestCookie::name).distinct().toList(), "removed");
        }
    }

    /**
     * Reports each Set-Cookie of {@code before} that {@code after} no longer sets with its value (dropped; a deletion
     * of the same name may stand in its place) or sets with other attributes (capped).
     */
    void setCookiesEnforced(List<String> before, List<String> after) {
        if (log == null || before.isEmpty()) {
            return;
        }
        Set<String> unchanged = new HashSet<>(after);
        Set<String> pairsAfter = new HashSet<>();
        for (String field : after) {
            pairsAfter.add(nameAndValue(field));
        }
        List<String> dropped = new ArrayList<>();
        List<String> capped = new ArrayList<>();
        for (String field : before) {
            if (!unchanged.contains(field)) {
                (pairsAfter.contains(nameAndValue(field)) ? capped : dropped).add(CookiePolicy.setCookieName(field));
            }
        }
        log.cookies("set-cookie", url, dropped, "dropped");
        log.cookies("set-cookie", url, capped, "capped");
    }

    private static String nameAndValue(String field) {
        int semicolon = field.indexOf(';');
        return (semicolon < 0 ? field : field.substring(0, semicolon)).strip();
    }
}
