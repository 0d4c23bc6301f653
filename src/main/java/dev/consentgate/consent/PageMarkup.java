package dev.consentgate.consent;

import dev.consentgate.config.Category;
import dev.consentgate.config.ConsentSettings;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's own markup for a page, as the consent settings enable it: the Consent Mode defaults, for the start
 * of {@code <head>}, on every page; the banner, before {@code </body>}, only for a visitor who has not answered yet.
 * Shared by the proxy and the {@code rewrite} command, so both insert the same markup for the same decision.
 */
public record PageMarkup(Optional<ConsentBanner> banner, Optional<ConsentModeSnippet> consentMode) {

    /** No markup of the gateway's own (the browser proxy shows sites as they are). */
    public static final PageMarkup NONE = new PageMarkup(Optional.empty(), Optional.empty());

    /** @param categories the ruleset's categories in declaration order (the banner lists them so) */
    public static PageMarkup of(ConsentSettings settings, List<Category> categories) {
        return new PageMarkup(
                settings.banner().enabled()
                        ? Optional.of(new ConsentBanner(settings.banner(), categories, settings.endpoint()))
                        : Optional.empty(),
                settings.consentMode()
                        ? Optional.of(new ConsentModeSnippet("advertising", "analytics", "functionality"))
                        : Optional.empty());
    }

    /** Whether a page for this decision gets any markup. */
    public boolean adds(ConsentDecision decision) {
        return consentMode.isPresent() || (banner.isPresent() && !decision.answered());
    }

    /**
     * The Consent Mode defaults reflecting the decision, when enabled.
     *
     * @param nonce the response's Content-Security-Policy script nonce, so the script may run
     */
    public Optional<String> afterHeadStart(ConsentDecision decision, Optional<String> nonce) {
        return consentMode.map(mode -> mode.script(decision, nonce));
    }

    /**
     * The banner, when enabled and the visitor has not answered yet.
     *
     * @param requestTarget the page's path and query, where the banner's form returns to
     */
    public Optional<String> beforeBodyEnd(ConsentDecision decision, String requestTarget) {
        return decision.answered() ? Optional.empty() : banner.map(b -> b.html(requestTarget));
    }
}
