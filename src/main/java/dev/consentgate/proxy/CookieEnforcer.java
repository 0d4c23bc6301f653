package dev.consentgate.proxy;

import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.consent.ConsentInput;
import dev.consentgate.cookie.CookiePolicy;
import dev.consentgate.cookie.RequestCookie;
import dev.consentgate.cookie.RequestCookies;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies the cookie policy to the headers of one exchange: the request's Cookie fields before they go upstream,
 * the response's Set-Cookie fields before they go to the browser. Works on header maps only; no channels.
 */
final class CookieEnforcer {

    /** What the response side needs to know about its request. */
    record ExchangeConsent(ConsentDecision decision, List<RequestCookie> removed, Optional<String> host,
                           Optional<String> path) {
    }

    /** The visitor's consent from the request's cookies and headers (the browser proxy's is fixed). */
    private final Function<ConsentInput, ConsentDecision> consentOf;
    private final CookiePolicy cookies;
    private final FaultPoints faults;

    CookieEnforcer(Function<ConsentInput, ConsentDecision> consentOf, CookiePolicy cookies, FaultPoints faults) {
        this.consentOf = consentOf;
        this.cookies = cookies;
        this.faults = faults;
    }

    /** Resolves consent and removes every non-granted cookie from the request headers, in place. */
    ExchangeConsent onRequest(HttpHeaders headers) {
        return onRequest(headers, Optional.empty());
    }

    /** As above, for a request to {@code path}, under whose directories a removed cookie may be stored too. */
    ExchangeConsent onRequest(HttpHeaders headers, Optional<String> path) {
        List<String> cookieFields = headers.getAll(HttpHeaderNames.COOKIE);
        List<RequestCookie> parsed = RequestCookies.parse(cookieFields);
        ConsentDecision decision = consentOf.apply(new ConsentInput(RequestCookies.byName(parsed), headers::getAll));
        faults.afterConsentResolved();
        CookiePolicy.RequestFilter filtered = cookies.filterRequest(cookieFields, decision);
        headers.remove(HttpHeaderNames.COOKIE);
        for (String kept : filtered.headers()) {
            headers.add(HttpHeaderNames.COOKIE, kept);
        }
        return new ExchangeConsent(decision, filtered.removed(),
                Optional.ofNullable(headers.get(HttpHeaderNames.HOST)), path);
    }

    /** Judges each Set-Cookie field on its own, drops Set-Cookie2, and deletes cookies the request lost. */
    void onResponse(HttpHeaders headers, ExchangeConsent exchange) {
        faults.beforeSetCookieEnforcement();
        List<String> fields = headers.getAll(HttpHeaderNames.SET_COOKIE);
        headers.remove(HttpHeaderNames.SET_COOKIE);
        headers.remove("set-cookie2");
        for (String field : cookies.enforceResponse(fields, exchange.removed(), exchange.decision(),
                exchange.host(), exchange.path(), headers.getAll(HttpHeaderNames.DATE))) {
            headers.add("Set-Cookie", field);
        }
    }
}
