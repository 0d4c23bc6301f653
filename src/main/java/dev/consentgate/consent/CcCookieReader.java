package dev.consentgate.consent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * orestbida cookieconsent's {@code cc_cookie}: JSON (URL-encoded by v3, raw by v2) with a {@code categories}
 * array of the accepted category names, e.g. {@code {"categories":["necessary","analytics"],"revision":0,...}}.
 * Versions before 2.8 named that array {@code level}; 2.8 wrote both, so {@code level} is read only without
 * {@code categories}.
 * Its own {@code revision} number belongs to the banner's configuration (the banner re-asks itself when it
 * changes), not to the ruleset's revision history, so the result carries no revision.
 */
final class CcCookieReader extends SingleCookieReader {

    static final String COOKIE = "cc_cookie";

    private final Map<String, String> map;

    CcCookieReader(Map<String, String> map) {
        super("cc_cookie", COOKIE, MAX_COOKIE_LENGTH);
        this.map = Map.copyOf(map);
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
        return new SourceResult.Present(votes.granted(), Optional.empty());
    }
}
