package dev.consentgate.consent;

import dev.consentgate.config.ConsentSettings.CookiebotNoConsent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cookiebot's {@code CookieConsent}: a URL-encoded JavaScript object literal such as
 * {@code {stamp:'..',necessary:true,preferences:false,statistics:true,marketing:false,method:'explicit',ver:1}}.
 * The bare value {@code -1}, or an object whose {@code stamp} is {@code '-1'} (as newer versions write it, with
 * every category true and {@code method:'implied'}), means the visitor is in a region where Cookiebot asks for no
 * consent; what that means here is configured.
 */
final class CookiebotReader extends SingleCookieReader {

    static final String COOKIE = "CookieConsent";
    private static final Set<String> ANSWERS = Set.of("preferences", "statistics", "marketing");

    private final Map<String, String> map;
    private final CookiebotNoConsent noConsent;
    private final Set<String> allNonEssential;

    /** @param allNonEssential what "all" grants when {@code -1} is configured to mean all */
    CookiebotReader(Map<String, String> map, CookiebotNoConsent noConsent, Set<String> allNonEssential) {
        super("cookiebot", COOKIE, MAX_COOKIE_LENGTH);
        this.map = Map.copyOf(map);
        this.noConsent = noConsent;
        this.allNonEssential = Set.copyOf(allNonEssential);
    }

    @Override
    SourceResult parse(String value) {
        String decoded = UrlDecoding.decode(value, false).trim();
        if (decoded.equals("-1")) {
            return noConsentRegion();
        }
        Map<String, String> fields = JsObjectLiteral.parse(decoded);
        if ("-1".equals(fields.get("stamp"))) {
            return noConsentRegion();
        }
        if (!fields.containsKey("necessary") && ANSWERS.stream().noneMatch(fields::containsKey)) {
            return new SourceResult.Malformed("no consent fields");
        }
        CategoryVotes votes = new CategoryVotes(map);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!map.containsKey(field.getKey())) {
                continue;
            }
            String answer = field.getValue();
            if (!answer.equals("true") && !answer.equals("false")) {
                return new SourceResult.Malformed("consent field is not true or false");
            }
            votes.vote(field.getKey(), answer.equals("true"));
        }
        return new SourceResult.Present(votes.granted(), Optional.empty());
    }

    /** Cookiebot asks for no consent in the visitor's region: its category answers are its defaults, not answers. */
    private SourceResult noConsentRegion() {
        return switch (noConsent) {
            case ABSENT -> SourceResult.ABSENT;
            case ALL -> new SourceResult.Present(allNonEssential, Optional.empty());
            case NONE -> new SourceResult.Present(Set.of(), Optional.empty());
        };
    }
}
