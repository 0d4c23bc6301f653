package dev.consentgate.consent;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Collects a CMP's answers per ruleset category. When several CMP names map to one category, the category is
 * granted only if every answer for it is "yes": privacy fails closed.
 */
final class CategoryVotes {

    private final Map<String, String> map;
    private final Map<String, Boolean> votes = new HashMap<>();

    /** @param map CMP name to category id; names not in it are ignored */
    CategoryVotes(Map<String, String> map) {
        this.map = map;
    }

    void vote(String cmpName, boolean granted) {
        String category = map.get(cmpName);
        if (category != null) {
            votes.merge(category, granted, Boolean::logicalAnd);
        }
    }

    /** Categories some answer refused: another source of the same cookie cannot grant them. */
    Set<String> denied() {
        return votes.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    Set<String> granted() {
        return votes.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
