package dev.consentgate.consent;

import java.util.Optional;
import java.util.Set;

/** What one consent source found in a request. */
public sealed interface SourceResult {

    /** The source has nothing to say: its cookie is not there. */
    record Absent() implements SourceResult {
    }

    /** The source's cookie is there but unreadable, oversized or contradicts itself: counts as absent. */
    record Malformed(String reason) implements SourceResult {
    }

    /**
     * The visitor answered through this source.
     *
     * @param categories non-essential category ids the visitor granted (may be empty: "essential only")
     * @param revision   policy revision the answer was given under, when the source records one
     */
    record Present(Set<String> categories, Optional<String> revision) implements SourceResult {

        /** The revision of an answer its own tool marks as outdated; no policy revision can be spelt so. */
        static final String OUTDATED = "(outdated)";

        public Present {
            categories = Set.copyOf(categories);
        }

        /**
         * An answer the consent tool itself will ask again (the site changed its policy there): it counts as an
         * answer to an older policy.
         */
        static Present outdated(Set<String> categories) {
            return new Present(categories, Optional.of(OUTDATED));
        }
    }

    SourceResult ABSENT = new Absent();
}
