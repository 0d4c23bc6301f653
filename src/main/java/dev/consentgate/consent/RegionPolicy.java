package dev.consentgate.consent;

import dev.consentgate.config.ConsentSettings.DefaultMode;
import dev.consentgate.config.ConsentSettings.RegionGroup;
import dev.consentgate.config.ConsentSettings.Regions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the visitor is (a CDN header such as CF-IPCountry, else a cookie) and what applies there before they
 * answer. A missing, ambiguous (several different values) or ill-formed region is unknown and gets the fallback.
 */
final class RegionPolicy {

    private static final int MAX_REGION_LENGTH = 8;

    private final Regions regions;

    RegionPolicy(Regions regions) {
        this.regions = regions;
    }

    Optional<String> region(ConsentInput input) {
        Optional<String> fromHeader = regions.header().flatMap(h -> single(input.header(h)));
        if (fromHeader.isPresent()) {
            return fromHeader;
        }
        return regions.cookie().flatMap(c -> single(input.cookie(c)));
    }

    DefaultMode modeFor(Optional<String> region) {
        if (region.isEmpty()) {
            return regions.fallback();
        }
        for (RegionGroup group : regions.groups()) {
            if (group.regions().contains(region.get())) {
                return group.mode();
            }
        }
        return regions.fallback();
    }

    private static Optional<String> single(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        String first = values.get(0);
        for (String value : values) {
            if (value == null || !value.equals(first)) {
                return Optional.empty();
            }
        }
        return normalized(first.trim());
    }

    /** Letters, digits and '-' ("DE", "US-CA"), upper-cased; anything else is no region. */
    static Optional<String> normalized(String code) {
        if (code.isEmpty() || code.length() > MAX_REGION_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok) {
                return Optional.empty();
            }
        }
        return Optional.of(code.toUpperCase(Locale.ROOT));
    }
}
