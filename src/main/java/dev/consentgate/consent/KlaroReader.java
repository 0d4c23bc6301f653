package dev.consentgate.consent;

import java.util.Map;
import java.util.Optional;

/**
 * Klaro's {@code klaro} cookie: JSON (usually URL-encoded) of service name to boolean, e.g.
 * {@code {"google-analytics":true,"youtube":false}}. Services map to categories through the ruleset's service
 * map; a category is granted when every mapped service the cookie mentions is granted.
 */
final class KlaroReader extends SingleCookieReader {

    static final String COOKIE = "klaro";

    private final Map<String, String> serviceMap;

    KlaroReader(Map<String, String> serviceMap) {
        super("klaro", COOKIE, MAX_COOKIE_LENGTH);
        this.serviceMap = Map.copyOf(serviceMap);
    }

    @Override
    SourceResult parse(String value) {
        String json = value.startsWith("{") ? value : UrlDecoding.decode(value, false);
        CategoryVotes votes = new CategoryVotes(serviceMap);
        for (Map.Entry<String, Object> service : JsonReader.parseObject(json).entrySet()) {
            if (!(service.getValue() instanceof Boolean granted)) {
                return new SourceResult.Malformed("service answer is not a boolean");
            }
            votes.vote(service.getKey(), granted);
        }
        return new SourceResult.Present(votes.granted(), Optional.empty());
    }
}
