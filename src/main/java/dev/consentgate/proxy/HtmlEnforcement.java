package dev.consentgate.proxy;

import dev.consentgate.config.Limits;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.consent.PageMarkup;
import dev.consentgate.cookie.CookieClassifier;
import dev.consentgate.html.TagPolicy;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ruleset-wide parts of HTML enforcement, built once: tag policy, cookie rules for meta set-cookie, limits, and
 * the gateway's own banner and Consent Mode snippet when enabled.
 */
record HtmlEnforcement(TagPolicy policy, CookieClassifier cookies, Limits limits, PageMarkup markup,
                       FaultPoints faults) {

    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");

    boolean cookieAllowed(String name, ConsentDecision decision) {
        return cookies.allows(name, decision);
    }

    /**
     * Whether pages differ from the upstream's for this decision: a category not granted, or the gateway's own markup
     * to add (the Consent Mode defaults, the banner for a visitor who has not answered).
     */
    boolean changesPages(ConsentDecision decision) {
        return !policy.grantsEverything(decision) || markup.adds(decision);
    }

    /** The banner for a visitor who has not answered yet; Consent Mode defaults reflecting the decision. */
    HtmlBodyRewrite.Injections injections(ConsentDecision decision, String requestTarget, HttpHeaders response) {
        Optional<byte[]> head = markup.afterHeadStart(decision, cspNonce(response)).map(HtmlEnforcement::utf8);
        // the banner is XHTML: it belongs in HTML and XHTML pages, not in other XML documents (SVG, feeds)
        Optional<String> type = ContentTypeHeader.extract(response.getAll(HttpHeaderNames.CONTENT_TYPE))
                .map(ContentTypeHeader.MediaType::essence);
        boolean xml = type.filter(t -> t.endsWith("xml")).isPresent();
        boolean bannerFits = !xml || type.get().equals("application/xhtml+xml");
        Optional<byte[]> body = bannerFits ? markup.beforeBodyEnd(decision, requestTarget).map(HtmlEnforcement::utf8)
                : Optional.empty();
        return new HtmlBodyRewrite.Injections(head, body, xml);
    }

    private static byte[] utf8(String markup) {
        return markup.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The nonce a Content-Security-Policy allows scripts with, so the injected script may run: from the directive
     * that governs script elements (script-src-elem, else script-src, else default-src), not any nonce in the
     * policy (a style-src nonce would get the script blocked).
     */
    static Optional<String> cspNonce(HttpHeaders response) {
        for (String policy : response.getAll(HttpHeaderNames.CONTENT_SECURITY_POLICY)) {
            Map<String, String> directives = new HashMap<>();
            for (String directive : policy.split(";")) {
                String trimmed = directive.trim();
                int space = trimmed.indexOf(' ');
                String name = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
                // the first of a repeated directive counts (CSP3: later ones are ignored)
                directives.putIfAbsent(name, space < 0 ? "" : trimmed.substring(space + 1));
            }
            for (String name : SCRIPT_DIRECTIVES) {
                String value = directives.get(name);
                if (value != null) {
                    Matcher m = NONCE.matcher(value);
                    if (m.find()) {
                        return Optional.of(m.group(1));
                    }
                    break;
                }
            }
        }
        return Optional.empty();
    }

    private static final List<String> SCRIPT_DIRECTIVES = List.of("script-src-elem", "script-src", "default-src");
}
