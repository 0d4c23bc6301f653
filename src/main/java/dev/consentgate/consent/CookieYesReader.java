package dev.consentgate.consent;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CookieYes' {@code cookieyes-consent}: comma-separated {@code key:value} pairs such as
 * {@code consentid:abc,consent:yes,action:yes,necessary:yes,functional:no,analytics:yes,performance:no,
 * advertisement:no}. Category answers are yes or no, and count only once {@code action:yes} says the visitor acted
 * on the banner: before that the cookie holds the banner's defaults (categories it enables in advance), which are
 * not consent, so the cookie is read as no answer. Performance is not mapped by default: CookieYes keeps it
 * apart from analytics, and mapping both to one category would need both granted.
 */
final class CookieYesReader extends SingleCookieReader {

    static final String COOKIE = "cookieyes-consent";
    private static final int MAX_PAIRS = 64;

    private final Map<String, String> map;

    CookieYesReader(Map<String, String> map) {
        super("cookieyes", COOKIE, MAX_COOKIE_LENGTH);
        this.map = Map.copyOf(map);
    }

    @Override
    SourceResult parse(String value) {
        String decoded = UrlDecoding.decode(value, false);
        String[] pairs = decoded.split(",", MAX_PAIRS + 1);
        if (pairs.length > MAX_PAIRS) {
            return new SourceResult.Malformed("too many fields");
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : pairs) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                return new SourceResult.Malformed("field is not key:value");
            }
            String key = pair.substring(0, colon);
            String answer = pair.substring(colon + 1);
            String earlier = fields.putIfAbsent(key, answer);
            if (earlier != null && !earlier.equals(answer)) {
                return new SourceResult.Malformed("a field given twice with different values");
            }
        }
        if (!"yes".equals(fields.get("action"))) {
            return SourceResult.ABSENT;
        }
        CategoryVotes votes = new CategoryVotes(map);
        boolean any = false;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!map.containsKey(field.getKey()) && !field.getKey().equals("necessary")) {
                continue;
            }
            String answer = field.getValue();
            if (!answer.equals("yes") && !answer.equals("no")) {
                return new SourceResult.Malformed("category answer is not yes or no");
            }
            any = true;
            votes.vote(field.getKey(), answer.equals("yes"));
        }
        if (!any) {
            return new SourceResult.Malformed("no category answers");
        }
        return new SourceResult.Present(votes.granted(), Optional.empty());
    }
}
