package dev.consentgate.consent;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the gateway's own cookie: {@code REVISION:CATEGORY+CATEGORY}, for example
 * {@code 2025-12-16:functionality+analytics}; {@code 2025-12-16:} is "essential only".
 */
public final class NativeConsentReader implements ConsentReader {

    /** Longer values are refused outright: no legitimate value comes close. */
    static final int MAX_VALUE_LENGTH = 512;

    private final String cookieName;
    private final Set<String> knownCategories;

    public NativeConsentReader(String cookieName, Set<String> knownCategories) {
        this.cookieName = cookieName;
        this.knownCategories = Set.copyOf(knownCategories);
    }

    @Override
    public String id() {
        return "cg_consent";
    }

    @Override
    public SourceResult read(ConsentInput input) {
        List<String> values = input.cookie(cookieName);
        if (values.isEmpty()) {
            return SourceResult.ABSENT;
        }
        String first = values.get(0);
        for (String other : values) {
            if (!other.equals(first)) {
                return new SourceResult.Malformed("several " + cookieName + " cookies that disagree");
            }
        }
        return parse(first);
    }

    SourceResult parse(String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            return new SourceResult.Malformed("value longer than " + MAX_VALUE_LENGTH + " characters");
        }
        int colon = value.indexOf(':');
        if (colon <= 0) {
            return new SourceResult.Malformed("no REVISION: prefix");
        }
        String revision = value.substring(0, colon);
        String list = value.substring(colon + 1);
        Set<String> categories = new HashSet<>();
        if (!list.isEmpty()) {
            for (String category : list.split("\\+", -1)) {
                if (!knownCategories.contains(category)) {
                    // An unknown id may be a typo or tampering: the whole value is untrustworthy.
                    return new SourceResult.Malformed("unknown category '" + category + "'");
                }
                categories.add(category);
            }
        }
        return new SourceResult.Present(categories, Optional.of(revision));
    }
}
