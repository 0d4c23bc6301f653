package dev.consentgate.proxy;

import dev.consentgate.html.RewriteListener;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.util.Optional;

/** What the gateway does to one response before it goes to the browser, fixed at request time. */
final class ResponseEnforcement {

    private final CookieEnforcer cookies;
    private final CookieEnforcer.ExchangeConsent consent;
    private final HtmlEnforcement html;

    ResponseEnforcement(CookieEnforcer cookies, CookieEnforcer.ExchangeConsent consent, HtmlEnforcement html) {
        this.cookies = cookies;
        this.consent = consent;
        this.html = html;
    }

    /** Enforces the cookie policy on a response head (any status, 1xx included). */
    void applyToHead(HttpResponse response) {
        cookies.onResponse(response.headers(), consent);
    }

    /**
     * For a final response: when it is HTML, marks it as varying by cookie and prepares the body rewrite (empty when
     * the body passes as it is).
     */
    Optional<HtmlBodyRewrite> bodyRewrite(HttpRequest request, HttpResponse response)
            throws HtmlBodyRewrite.UndecodableBody {
        if (!HtmlBodyRewrite.isHtml(request, response)) {
            return Optional.empty();
        }
        // The body served depends on the consent cookie(s): caches must not serve one visitor's page to another.
        response.headers().add("Vary", "Cookie");
        return HtmlBodyRewrite.begin(request, response, html.policy(), consent.decision(),
                name -> html.cookieAllowed(name, consent.decision()), html.limits(),
                html.injections(consent.decision(), request.uri(), response.headers()), RewriteListener.NONE,
                html.faults());
    }
}
