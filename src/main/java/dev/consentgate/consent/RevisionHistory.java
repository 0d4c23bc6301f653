package dev.consentgate.consent;

import dev.consentgate.config.ConsentSettings.PolicyRevision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy's revisions, oldest first. Consent recorded under a revision older than the last material one counts
 * as none; a revision the history does not list counts as none too (it was not issued by this policy). Consent from
 * a source that records no revision is taken as current.
 */
final class RevisionHistory {

    private final Map<String, Integer> index = new HashMap<>();
    private final int lastMaterial;
    private final String current;

    RevisionHistory(List<PolicyRevision> revisions) {
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("the revision history is empty");
        }
        int material = 0;
        for (int i = 0; i < revisions.size(); i++) {
            index.put(revisions.get(i).id(), i);
            if (revisions.get(i).material()) {
                material = i;
            }
        }
        this.lastMaterial = material;
        this.current = revisions.get(revisions.size() - 1).id();
    }

    String current() {
        return current;
    }

    boolean stillValid(Optional<String> recordedUnder) {
        if (recordedUnder.isEmpty()) {
            return true;
        }
        Integer at = index.get(recordedUnder.get());
        return at != null && at >= lastMaterial;
    }
}
