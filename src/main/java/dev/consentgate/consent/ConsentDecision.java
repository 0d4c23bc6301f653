package dev.consentgate.consent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the visitor of one request has consented to. Essential categories are always part of {@link #granted()}.
 *
 * @param granted  category ids granted for this request (essential included)
 * @param source   id of the consent source that decided ("cg_consent", "onetrust", "default")
 * @param revision policy revision the consent was recorded under, empty when no consent was recorded
 * @param gpc      the request carried {@code Sec-GPC: 1}
 * @param region   the visitor's region when one was determined
 */
public record ConsentDecision(Set<String> granted, String source, Optional<String> revision, boolean gpc,
                              Optional<String> region) {

    /** Source id of a decision no (current) visitor answer made: the region default applied. */
    public static final String DEFAULT_SOURCE = "default";

    public ConsentDecision {
        granted = Set.copyOf(granted);
    }

    /** True when a visitor's answer under the current policy decided; false means the banner should ask. */
    public boolean answered() {
        return !source.equals(DEFAULT_SOURCE);
    }

    public boolean grants(String category) {
        return granted.contains(category);
    }

    /** Granted ids, essential ones first, each group sorted: the order reports and the endpoint use. */
    public List<String> grantedInOrder(Set<String> essential) {
        List<String> ordered = new ArrayList<>(new TreeSet<>(essential));
        ordered.retainAll(granted);
        TreeSet<String> rest = new TreeSet<>(granted);
        rest.removeAll(essential);
        ordered.addAll(rest);
        return Collections.unmodifiableList(ordered);
    }
}
