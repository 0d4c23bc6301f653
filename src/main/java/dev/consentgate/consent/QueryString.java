package dev.consentgate.consent;

import java.util.HashMap;
import java.util.Map;

/** {@code key=value&key=value} as OneTrust writes it; a key given twice with different values is malformed. */
final class QueryString {

    private QueryString() {
    }

    static Map<String, String> parse(String value) {
        Map<String, String> fields = new HashMap<>();
        int start = 0;
        while (start <= value.length()) {
            int amp = value.indexOf('&', start);
            int end = amp < 0 ? value.length() : amp;
            if (end > start) {
                String pair = value.substring(start, end);
                int eq = pair.indexOf('=');
                String key = UrlDecoding.decode(eq < 0 ? pair : pair.substring(0, eq), true);
                String field = eq < 0 ? "" : UrlDecoding.decode(pair.substring(eq + 1), true);
                String earlier = fields.putIfAbsent(key, field);
                if (earlier != null && !earlier.equals(field)) {
                    throw new MalformedValue("a field given twice with different values");
                }
            }
            start = end + 1;
        }
        return fields;
    }
}
