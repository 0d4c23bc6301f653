package dev.consentgate.consent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Complianz: one cookie per category ({@code cmplz_preferences=allow}, {@code cmplz_statistics=deny}, ...), each
 * {@code allow} or {@code deny}. Present when any mapped cookie is there; a mapped cookie missing grants nothing.
 * {@code cmplz_functional} is Complianz' always-on category: essential, so not mapped by default. Complianz also
 * writes them where it shows no banner ({@code cmplz_saved_categories=["no_warning"]}); they are the visitor's
 * answer only once {@code cmplz_banner-status=dismissed} (or, before Complianz 6, {@code cmplz_choice=set}) says the
 * banner was closed, else an answer that cannot grant (read as one to an older policy).
 */
final class ComplianzReader implements ConsentReader {

    private static final int MAX_VALUE_LENGTH = 16;
    /** What Complianz sets, beside its category cookies and with their prefix, when the visitor closes its banner. */
    private static final Map<String, String> BANNER_CLOSED = Map.of("banner-status", "dismissed", "choice", "set");

    private final Map<String, String> cookieMap;

    /** @param cookieMap cookie name (cmplz_statistics) to category id */
    ComplianzReader(Map<String, String> cookieMap) {
        this.cookieMap = Map.copyOf(cookieMap);
    }

    /** Whether {@code cmplz_banner-status=dismissed} (before Complianz 6: {@code cmplz_choice=set}) is there. */
    private static boolean bannerClosed(ConsentInput input, String categoryCookie) {
        String prefix = categoryCookie.substring(0, categoryCookie.indexOf('_') + 1);
        return BANNER_CLOSED.entrySet().stream()
                .anyMatch(e -> input.cookie(prefix + e.getKey()).contains(e.getValue()));
    }

    @Override
    public String id() {
        return "complianz";
    }

    @Override
    public SourceResult read(ConsentInput input) {
        try {
            CategoryVotes votes = new CategoryVotes(cookieMap);
            boolean any = false;
            boolean answered = false;
            for (String cookie : cookieMap.keySet()) {
                List<String> values = input.cookie(cookie);
                if (values.isEmpty()) {
                    continue;
                }
                String first = values.get(0);
                for (String value : values) {
                    if (value == null || value.length() > MAX_VALUE_LENGTH) {
                        return new SourceResult.Malformed("oversized value");
                    }
                    if (!value.equals(first)) {
                        return new SourceResult.Malformed("duplicate cookies that disagree");
                    }
                }
                if (!first.equals("allow") && !first.equals("deny")) {
                    return new SourceResult.Malformed("value is not allow or deny");
                }
                any = true;
                answered |= bannerClosed(input, cookie);
                votes.vote(cookie, first.equals("allow"));
            }
            if (!any) {
                return SourceResult.ABSENT;
            }
            // written where Complianz shows no banner, or before it is closed: not the visitor's answer, so the
            // region's default applies, never granting what they refuse (as an answer to an older policy)
            return answered ? new SourceResult.Present(votes.granted(), Optional.empty())
                    : SourceResult.Present.outdated(votes.granted());
        } catch (RuntimeException e) {
            return new SourceResult.Malformed("unreadable value (" + e.getClass().getSimpleName() + ")");
        }
    }
}
