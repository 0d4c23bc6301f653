package dev.consentgate.consent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;

/**
 * Didomi's {@code didomi_token}: base64 of JSON with {@code purposes.enabled} / {@code purposes.disabled} arrays of
 * purpose ids. IAB purposes appear under Didomi's names ("cookies" is purpose 1, "create_ads_profile" 3, ...) and
 * go through the same {@link PurposeRules} as TCF (vendor requirements checked in the request's TCF string: Didomi
 * names vendors its own way); custom purposes map to categories through the configured map. A token without any
 * choice section, as Didomi writes it before the visitor answers, is no answer.
 */
final class DidomiReader extends SingleCookieReader {

    static final String COOKIE = "didomi_token";

    /** Didomi's ids of IAB purposes 1 to 11, in order. */
    private static final List<String> IAB_PURPOSES = List.of("cookies", "select_basic_ads", "create_ads_profile",
            "select_personalized_ads", "create_content_profile", "select_personalized_content",
            "measure_ad_performance", "measure_content_performance", "market_research", "improve_products",
            "use_limited_data_to_select_content");

    /** The sections in which a token records the visitor's choices. */
    private static final List<String> CHOICES = List.of("purposes", "vendors", "purposes_li", "vendors_li");

    private final PurposeRules rules;
    private final Map<String, String> customPurposes;

    DidomiReader(PurposeRules rules, Map<String, String> customPurposes) {
        super("didomi", COOKIE, MAX_COOKIE_LENGTH);
        this.rules = rules;
        this.customPurposes = Map.copyOf(customPurposes);
    }

    @Override
    SourceResult parse(String value) {
        return parse(value, v -> false);
    }

    /**
     * Didomi names vendors its own way, and under the GDPR the IAB TCF string it keeps beside its token is the source
     * of truth for IAB vendors: a category that requires IAB vendors (consent.tcf.vendors) is granted only when that
     * string, read from the same request, gives each of them consent; without one it is not granted.
     */
    @Override
    SourceResult parse(String value, ConsentInput input) {
        List<String> tcfValues = input.cookie(TcfReader.COOKIE);
        TcfString tcf = null;
        if (tcfValues.size() == 1 || tcfValues.stream().distinct().count() == 1) {
            try {
                tcf = TcfString.decode(tcfValues.get(0));
            } catch (MalformedValue unreadable) {
                tcf = null;
            }
        }
        TcfString vendors = tcf;
        // the publisher's restrictions are written only in the TCF string: they hold for the token too
        return parse(value, v -> vendors != null && vendors.vendor(v),
                (p, v) -> vendors != null && vendors.allowed(p, v));
    }

    private SourceResult parse(String value, IntPredicate vendorConsent) {
        return parse(value, vendorConsent, (p, v) -> true);
    }

    private SourceResult parse(String value, IntPredicate vendorConsent, BiPredicate<Integer, Integer> allowed) {
        String json = new String(base64(UrlDecoding.decode(value, false)), StandardCharsets.UTF_8);
        Map<String, Object> token = JsonReader.parseObject(json);
        if (CHOICES.stream().noneMatch(token::containsKey)) {
            // Didomi writes its token on the first page view, before any answer: a user id and dates, no choices
            return SourceResult.ABSENT;
        }
        Object purposes = token.get("purposes");
        if (!(purposes instanceof Map<?, ?> section)) {
            return new SourceResult.Malformed("no purposes object");
        }
        Set<String> enabled = names(section.get("enabled"));
        Set<String> disabled = names(section.get("disabled"));
        enabled.removeAll(disabled); // listed as both: fail closed
        Set<String> granted = new HashSet<>(
                rules.granted(n -> n >= 1 && n <= IAB_PURPOSES.size() && enabled.contains(IAB_PURPOSES.get(n - 1)),
                        vendorConsent, allowed));
        CategoryVotes votes = new CategoryVotes(customPurposes);
        enabled.forEach(p -> votes.vote(p, true));
        disabled.forEach(p -> votes.vote(p, false));
        // a custom purpose names no IAB vendor: the category's required vendors must have consent all the same
        votes.granted().stream().filter(category -> rules.vendorsConsented(category, vendorConsent))
                .forEach(granted::add);
        // a refused custom purpose denies its category, whatever the IAB purposes would grant
        granted.removeAll(votes.denied());
        return new SourceResult.Present(granted, Optional.empty());
    }

    private static Set<String> names(Object array) {
        Set<String> names = new HashSet<>();
        if (array == null) {
            return names;
        }
        if (!(array instanceof List<?> list)) {
            throw new MalformedValue("purpose list is not an array");
        }
        for (Object item : list) {
            if (!(item instanceof String name)) {
                throw new MalformedValue("purpose id is not a string");
            }
            names.add(name);
        }
        return names;
    }

    private static byte[] base64(String text) {
        String trimmed = text.trim();
        try {
            return (trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0 ? Base64.getUrlDecoder()
                    : Base64.getDecoder()).decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new MalformedValue("not base64");
        }
    }
}
