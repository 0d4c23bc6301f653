package dev.consentgate.consent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * orestbida cookieconsent's {@code cc_cookie}: JSON (URL-encoded by v3, raw by v2) with a {@code categories}
 * array of the accepted category names, e.g. {@code {"categories":["necessary","analytics"],"revision":0,...}}.
 * Versions before 2.8 named that array {@code level}; 2.8 wrote both, so {@code level} is read only without
 * {@code categories}.
 * Its own {@code revision} number belongs to the banner's configuration, not to the ruleset's revision history, so
 * the result carries no revision of the ruleset's. Where the site runs cookieconsent with a revision (the ruleset
 * says which), cookieconsent takes a cookie of any other revision, or of none, as void and asks again (it compares
 * the two with {@code ===}): such a cookie is an answer to an older policy.
 */
final class CcCookieReader extends SingleCookieReader {

    static final String COOKIE = "cc_cookie";

    private final Map<String, String> map;
    /** The revision the site runs cookieconsent with; empty when it uses none. */
    private final OptionalLong currentRevision;

    CcCookieReader(Map<String, String> map, OptionalLong currentRevision) {
        super("cc_cookie", COOKIE, MAX_COOKIE_LENGTH);
        this.map = Map.copyOf(map);
        this.currentRevision = currentRevision;
    }

    @Override
    SourceResult parse(String value) {
        String json = value.startsWith("{") ? value : UrlDecoding.decode(value, false);
        Map<String, Object> fields = JsonReader.parseObject(json);
        Object categories = fields.containsKey("categories") ? fields.get("categories") : fields.get("level");
        if (!(categories instanceof List<?> list)) {
            return new SourceResult.Malformed("no categories array");
        }
        CategoryVotes votes = new CategoryVotes(map);
        for (Object name : list) {
            if (!(name instanceof String s)) {
                return new SourceResult.Malformed("category name is not a string");
            }
            votes.vote(s, true);
        }
        if (currentRevision.isPresent() && !isCurrent(fields.get("revision"))) {
            return SourceResult.Present.outdated(votes.granted());
        }
        return new SourceResult.Present(votes.granted(), Optional.empty());
    }

    /** The cookie's revision is the site's: a JSON number of the same value (3, 3.0 and 3e0 alike, as in JavaScript). */
    private boolean isCurrent(Object revision) {
        if (!(revision instanceof JsonReader.Num number)) {
            return false;
        }
        String text = number.text();
        int exponent = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (exponent >= 0 && text.length() - exponent > 6) {
            // so long an exponent is no revision a site runs with (and costly to compare exactly)
            return false;
        }
        return new BigDecimal(text).compareTo(BigDecimal.valueOf(currentRevision.getAsLong())) == 0;
    }
}
