package dev.consentgate.proxy;

import dev.consentgate.config.Limits;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.cookie.CookieClassifier;
import dev.consentgate.html.TagPolicy;

/** The ruleset-wide parts of HTML enforcement, built once: tag policy, cookie rules for meta set-cookie, limits. */
record HtmlEnforcement(TagPolicy policy, CookieClassifier cookies, Limits limits) {

    boolean cookieAllowed(String name, ConsentDecision decision) {
        return cookies.allows(name, decision);
    }
}
