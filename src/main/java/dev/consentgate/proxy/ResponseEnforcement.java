package dev.consentgate.proxy;

import io.netty.handler.codec.http.HttpResponse;

/** What the gateway does to one response's head before it goes to the browser, fixed at request time. */
final class ResponseEnforcement {

    private final CookieEnforcer cookies;
    private final CookieEnforcer.ExchangeConsent consent;

    ResponseEnforcement(CookieEnforcer cookies, CookieEnforcer.ExchangeConsent consent) {
        this.cookies = cookies;
        this.consent = consent;
    }

    void apply(HttpResponse response) {
        cookies.onResponse(response.headers(), consent);
    }
}
