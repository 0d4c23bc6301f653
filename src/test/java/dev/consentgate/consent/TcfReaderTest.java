package dev.consentgate.consent;

import static dev.consentgate.consent.Results.assertGranted;
import static dev.consentgate.consent.Results.assertMalformed;

import dev.consentgate.config.ConsentSettings.Tcf;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TcfReaderTest {

    private final TcfReader defaults = new TcfReader(new PurposeRules(Tcf.defaults()));

    static Set<Integer> purposes(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
    }

    private static SourceResult read(TcfReader reader, String value) {
        return reader.read(Inputs.cookie("euconsent-v2", value));
    }

    private static String tcf(Set<Integer> purposes) {
        return TcfEncoder.core(880, purposes, "DE").vendorBitfield(4, Set.of(1, 2, 3, 4)).encode();
    }

    @Test
    void purposesOneToElevenGrantAdvertisingAndAnalytics() {
        assertGranted(Set.of("advertising", "analytics"), read(defaults, tcf(purposes(1, 11))));
    }

    @Test
    void advertisingNeedsPurposesOneThreeAndFour() {
        assertGranted(Set.of(), read(defaults, tcf(Set.of(1, 3))));
        assertGranted(Set.of(), read(defaults, tcf(Set.of(3, 4))));
        assertGranted(Set.of("advertising"), read(defaults, tcf(Set.of(1, 3, 4))));
    }

    @Test
    void analyticsNeedsPurposeOneAndEightOrNine() {
        assertGranted(Set.of("analytics"), read(defaults, tcf(Set.of(1, 8))));
        assertGranted(Set.of("analytics"), read(defaults, tcf(Set.of(1, 9))));
        assertGranted(Set.of(), read(defaults, tcf(Set.of(8, 9))));
    }

    @Test
    void theSpecExampleGrantsNothingByDefault() {
        // Its core segment carries no purpose consents.
        assertGranted(Set.of(), read(defaults, TcfStringTest.SPEC_EXAMPLE));
    }

    @Test
    void requiredVendorsMustHaveConsent() {
        TcfReader withGoogle = new TcfReader(new PurposeRules(new Tcf(Tcf.defaults().purposes(),
                Map.of("advertising", Set.of(755)))));
        String without = TcfEncoder.core(1, purposes(1, 11), "DE").vendorBitfield(800, Set.of(1, 2)).encode();
        String with = TcfEncoder.core(1, purposes(1, 11), "DE")
                .vendorRanges(800, List.of(new TcfEncoder.Range(1, 2), new TcfEncoder.Range(755, 755))).encode();
        assertGranted(Set.of("analytics"), read(withGoogle, without));
        assertGranted(Set.of("advertising", "analytics"), read(withGoogle, with));
    }

    @Test
    void malformedStrings() {
        assertMalformed(read(defaults, "not a tcf string"));
        assertMalformed(read(defaults, tcf(purposes(1, 11)).substring(0, 20)));
        assertMalformed(read(defaults, "C".repeat(5000)));
    }
}
