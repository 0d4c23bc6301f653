package dev.consentgate.consent;

import dev.consentgate.config.ConsentSettings.Tcf;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;

/**
 * Which categories a set of consented IAB purposes (and vendors) grants. Per category: alternatives of purpose
 * sets (granted when every purpose of one alternative has consent) and vendor ids that must all have consent.
 * A category without purposes is never granted by TCF.
 */
final class PurposeRules {

    private final Map<String, List<Set<Integer>>> purposes;
    private final Map<String, Set<Integer>> requiredVendors;

    PurposeRules(Tcf tcf) {
        this.purposes = tcf.purposes();
        this.requiredVendors = tcf.requiredVendors();
    }

    /**
     * @param purpose whether purpose n (1-based) has consent
     * @param vendor  whether vendor id n has consent; pass {@code v -> true} when the source has no IAB vendors
     */
    Set<String> granted(IntPredicate purpose, IntPredicate vendor) {
        return granted(purpose, vendor, (p, v) -> true);
    }

    /**
     * @param allowed whether the publisher lets vendor v use purpose p (a TCF publisher restriction of type 0 does
     *                not): an alternative counts only when it lets every required vendor use each of its purposes
     */
    Set<String> granted(IntPredicate purpose, IntPredicate vendor, BiPredicate<Integer, Integer> allowed) {
        Set<String> granted = new HashSet<>();
        for (Map.Entry<String, List<Set<Integer>>> rule : purposes.entrySet()) {
            Set<Integer> vendors = requiredVendors.getOrDefault(rule.getKey(), Set.of());
            boolean purposesMet = rule.getValue().stream()
                    .anyMatch(alternative -> !alternative.isEmpty()
                            && alternative.stream().allMatch(purpose::test)
                            && alternative.stream().allMatch(p -> vendors.stream().allMatch(v -> allowed.test(p, v))));
            if (purposesMet && vendorsConsented(rule.getKey(), vendor)) {
                granted.add(rule.getKey());
            }
        }
        return granted;
    }

    /** Whether every vendor id {@code consent.tcf.vendors} requires for {@code category} has consent (none: true). */
    boolean vendorsConsented(String category, IntPredicate vendor) {
        return requiredVendors.getOrDefault(category, Set.of()).stream().allMatch(vendor::test);
    }
}
