package dev.consentgate.consent;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * tarteaucitron's {@code tarteaucitron} cookie: {@code !gtag=true!youtube=false!facebook=wait}. {@code wait}
 * (not answered yet) grants nothing; a cookie in which every mapped service waits (as tarteaucitron writes it before
 * its banner is used) is no answer. Services map to categories through the ruleset's service map; an entry the
 * map does not name is ignored whatever its value (sites' cookies also carry a consent id, {@code !id=...}).
 */
final class TarteaucitronReader extends SingleCookieReader {

    static final String COOKIE = "tarteaucitron";
    private static final int MAX_SERVICES = 256;

    private final Map<String, String> serviceMap;

    TarteaucitronReader(Map<String, String> serviceMap) {
        super("tarteaucitron", COOKIE, MAX_COOKIE_LENGTH);
        this.serviceMap = Map.copyOf(serviceMap);
    }

    @Override
    SourceResult parse(String value) {
        String decoded = UrlDecoding.decode(value, false);
        if (!decoded.startsWith("!")) {
            return new SourceResult.Malformed("does not start with !");
        }
        String[] entries = decoded.substring(1).split("!", MAX_SERVICES + 1);
        if (entries.length > MAX_SERVICES) {
            return new SourceResult.Malformed("too many services");
        }
        Map<String, String> answers = new HashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                return new SourceResult.Malformed("service is not name=answer");
            }
            String answer = entry.substring(eq + 1);
            if (!serviceMap.containsKey(entry.substring(0, eq))) {
                continue;
            }
            if (!answer.equals("true") && !answer.equals("false") && !answer.equals("wait")) {
                return new SourceResult.Malformed("service answer is not true, false or wait");
            }
            String earlier = answers.putIfAbsent(entry.substring(0, eq), answer);
            if (earlier != null && !earlier.equals(answer)) {
                return new SourceResult.Malformed("a service given twice with different answers");
            }
        }
        if (!answers.isEmpty() && answers.values().stream().allMatch("wait"::equals)) {
            // tarteaucitron writes "wait" for each service on the first page view, before its banner is used:
            // nothing answered yet, so the region's default applies (and later sources are asked)
            return SourceResult.ABSENT;
        }
        CategoryVotes votes = new CategoryVotes(serviceMap);
        answers.forEach((service, answer) -> votes.vote(service, answer.equals("true")));
        return new SourceResult.Present(votes.granted(), Optional.empty());
    }
}
