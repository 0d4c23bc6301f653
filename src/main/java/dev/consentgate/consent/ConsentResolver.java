package dev.consentgate.consent;

import dev.consentgate.config.Category;
import dev.consentgate.config.ConsentSettings.DefaultMode;
import dev.consentgate.config.ConsentSettings.PolicyRevision;
import dev.consentgate.config.ConsentSettings.Regions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a request's consent signals into one {@link ConsentDecision}:
 * <ol>
 * <li>the first source in the configured order that is present decides; malformed ones count as absent (counted
 * per source, logged once per kind);</li>
 * <li>an answer recorded under a revision older than the last material one counts as none: the region default
 * applies, narrowed by what the stale answer granted (a refusal is never turned into a grant by a default), and the
 * decision is reported as source {@code default} so the banner asks again; a source that records no revision
 * is taken as current and reported under the current revision;</li>
 * <li>without any answer the region default applies: opt-in (essential only) or opt-out (all granted);</li>
 * <li>{@code Sec-GPC: 1} then denies every category marked gpcOptOut, whatever came before.</li>
 * </ol>
 * Only the ruleset's categories are ever granted; essential ones always are. Pure apart from counters and a log line.
 */
public final class ConsentResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentResolver.class);
    private static final int MAX_LOGGED_KINDS = 1024;

    private final List<ConsentReader> readers;
    private final Set<String> essential;
    private final Set<String> nonEssential;
    private final Set<String> gpcOptOut;
    private final RevisionHistory revisions;
    private final RegionPolicy regions;
    private final Map<String, LongAdder> malformed = new ConcurrentHashMap<>();
    private final Set<String> loggedKinds = ConcurrentHashMap.newKeySet();

    public ConsentResolver(List<ConsentReader> readers, Map<String, Category> categories,
                           List<PolicyRevision> revisions, Regions regions) {
        this.readers = List.copyOf(readers);
        this.essential = ids(categories, c -> c.essential());
        this.nonEssential = ids(categories, c -> !c.essential());
        this.gpcOptOut = ids(categories, c -> c.gpcOptOut() && !c.essential());
        this.revisions = new RevisionHistory(revisions);
        this.regions = new RegionPolicy(regions);
        for (ConsentReader reader : this.readers) {
            malformed.put(reader.id(), new LongAdder());
        }
    }

    public ConsentDecision resolve(ConsentInput input) {
        Optional<String> region = regions.region(input);
        Set<String> defaults = regions.modeFor(region) == DefaultMode.OPT_OUT ? nonEssential : Set.of();
        boolean gpc = GlobalPrivacyControl.requested(input);
        // without a current answer: the region's default, never more than an answer to an older policy gave, and
        // nothing when a source could not be read (a visitor whose answer is unreadable has not consented)
        Set<String> fallback = new HashSet<>(defaults);
        boolean staleSeen = false;
        for (ConsentReader reader : readers) {
            SourceResult result = safeRead(reader, input);
            if (result instanceof SourceResult.Present present) {
                boolean current = revisions.stillValid(present.revision());
                if (current && !staleSeen) {
                    // A source that records no revision answered the current policy.
                    Optional<String> revision = present.revision().or(() -> Optional.of(revisions.current()));
                    return decision(present.categories(), reader.id(), revision, gpc, region);
                }
                // a stale answer is no answer (the visitor is asked again); after one, a later source (which may
                // be as old, without saying so) can still refuse, never grant
                fallback.retainAll(present.categories());
                staleSeen |= !current;
            } else if (result instanceof SourceResult.Malformed bad) {
                countMalformed(reader.id(), bad.reason());
                fallback.clear();
            }
        }
        return decision(fallback, ConsentDecision.DEFAULT_SOURCE, Optional.empty(), gpc, region);
    }

    /** Malformed values seen so far, per source id (every configured source listed, zero included). */
    public Map<String, Long> malformedCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ConsentReader reader : readers) {
            counts.put(reader.id(), malformed.get(reader.id()).sum());
        }
        return counts;
    }

    public long malformedCount(String sourceId) {
        LongAdder adder = malformed.get(sourceId);
        return adder == null ? 0 : adder.sum();
    }

    /** Ids of the configured sources, in the order they are asked. */
    public List<String> sourceIds() {
        return readers.stream().map(ConsentReader::id).toList();
    }

    private ConsentDecision decision(Set<String> answered, String source, Optional<String> revision, boolean gpc,
                                     Optional<String> region) {
        Set<String> granted = new HashSet<>(answered);
        granted.retainAll(nonEssential);
        if (gpc) {
            granted.removeAll(gpcOptOut);
        }
        granted.addAll(essential);
        return new ConsentDecision(granted, source, revision, gpc, region);
    }

    private static SourceResult safeRead(ConsentReader reader, ConsentInput input) {
        try {
            SourceResult result = reader.read(input);
            return result == null ? new SourceResult.Malformed("reader returned nothing") : result;
        } catch (RuntimeException e) {
            return new SourceResult.Malformed("reader failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void countMalformed(String source, String reason) {
        malformed.computeIfAbsent(source, s -> new LongAdder()).increment();
        String kind = source + ": " + reason;
        if (loggedKinds.size() < MAX_LOGGED_KINDS && loggedKinds.add(kind)) {
            LOG.warn("consent source {} sent a malformed value ({}); treated as absent. Logged once per kind.",
                    source, reason);
        }
    }

    private static Set<String> ids(Map<String, Category> categories, java.util.function.Predicate<Category> test) {
        return categories.values().stream().filter(test).map(Category::id).collect(Collectors.toUnmodifiableSet());
    }
}
