package dev.consentgate.consent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Complianz: one cookie per category ({@code cmplz_preferences=allow}, {@code cmplz_statistics=deny}, ...), each
 * {@code allow} or {@code deny}. Present when any mapped cookie is there; a mapped cookie missing grants nothing.
 * {@code cmplz_functional} is Complianz' always-on category: essential, so not mapped by default.
 */
final class ComplianzReader implements ConsentReader {

    private static final int MAX_VALUE_LENGTH = 16;

    private final Map<String, String> cookieMap;

    /** @param cookieMap cookie name (cmplz_statistics) to category id */
    ComplianzReader(Map<String, String> cookieMap) {
        this.cookieMap = Map.copyOf(cookieMap);
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
                votes.vote(cookie, first.equals("allow"));
            }
            return any ? new SourceResult.Present(votes.granted(), Optional.empty()) : SourceResult.ABSENT;
        } catch (RuntimeException e) {
            return new SourceResult.Malformed("unreadable value (" + e.getClass().getSimpleName() + ")");
        }
    }
}
