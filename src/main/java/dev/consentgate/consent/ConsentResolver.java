package dev.consentgate.consent;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a request's consent signals into one {@link ConsentDecision}. The first source in the configured order
 * that is present decides; anything unreadable counts as "no consent" (essential only). Pure: no I/O but a log
 * line the first time each source turns out malformed.
 */
public final class ConsentResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentResolver.class);

    private final List<ConsentReader> readers;
    private final Set<String> essential;
    private final String currentRevision;
    private final Set<String> malformedLogged = ConcurrentHashMap.newKeySet();

    public ConsentResolver(List<ConsentReader> readers, Set<String> essential, String currentRevision) {
        this.readers = List.copyOf(readers);
        this.essential = Set.copyOf(essential);
        this.currentRevision = currentRevision;
    }

    public ConsentDecision resolve(ConsentInput input) {
        for (ConsentReader reader : readers) {
            SourceResult result = reader.read(input);
            if (result instanceof SourceResult.Present present) {
                return decide(reader.id(), present);
            }
            if (result instanceof SourceResult.Malformed malformed && malformedLogged.add(reader.id())) {
                LOG.warn("consent source {} sent a malformed value ({}); treated as no consent. Logged once.",
                        reader.id(), malformed.reason());
            }
        }
        return new ConsentDecision(essential, "default", Optional.empty(), false, Optional.empty());
    }

    private ConsentDecision decide(String source, SourceResult.Present present) {
        Set<String> granted = new HashSet<>(essential);
        boolean current = present.revision().map(this::isCurrent).orElse(true);
        if (current) {
            granted.addAll(present.categories());
        }
        return new ConsentDecision(granted, source, present.revision(), false, Optional.empty());
    }

    /** Revisions are ISO dates (or any string that sorts the same way); older than the current one is stale. */
    private boolean isCurrent(String revision) {
        return revision.compareTo(currentRevision) >= 0;
    }
}
