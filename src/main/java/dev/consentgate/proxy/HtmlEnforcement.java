package dev.consentgate.proxy;

import dev.consentgate.config.Limits;
import dev.consentgate.consent.ConsentBanner;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.consent.ConsentModeSnippet;
import dev.consentgate.cookie.CookieClassifier;
import dev.consentgate.html.TagPolicy;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ruleset-wide parts of HTML enforcement, built once: tag policy, cookie rules for meta set-cookie, limits, and
 * the gateway's own banner and Consent Mode snippet when enabled.
 */
record HtmlEnforcement(TagPolicy policy, CookieClassifier cookies, Limits limits, Optional<ConsentBanner> banner,
                       Optional<ConsentModeSnippet> consentMode, FaultPoints faults) {

    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");

    boolean cookieAllowed(String name, ConsentDecision decision) {
        return cookies.allows(name, decision);
    }

    /**
     * Whether pages differ from the upstream's for this decision: a category not granted, or the gateway's own markup
     * to add (the Consent Mode defaults, the banner for a visitor who has not answered).
     */
    boolean changesPages(ConsentDecision decision) {
        return !policy.grantsEverything(decision) || consentMode.isPresent()
                || (banner.isPresent() && !decision.answered());
    }

    /** The banner for a visitor who has not answered yet; Consent Mode defaults reflecting the decision. */
    HtmlBodyRewrite.Injections injections(ConsentDecision decision, String requestTarget, HttpHeaders response) {
        Optional<byte[]> head = consentMode.map(mode -> mode.script(decision, cspNonce(response))
                .getBytes(StandardCharsets.UTF_8));
        Optional<byte[]> body = decision.answered() ? Optional.empty()
                : banner.map(b -> b.html(requestTarget).getBytes(StandardCharsets.UTF_8));
        return new HtmlBodyRewrite.Injections(head, body);
    }

    /** The nonce a strict Content-Security-Policy allows scripts with, so the injected script may run. */
    private static Optional<String> cspNonce(HttpHeaders response) {
        for (String policy : response.getAll(HttpHeaderNames.CONTENT_SECURITY_POLICY)) {
            Matcher m = NONCE.matcher(policy);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
