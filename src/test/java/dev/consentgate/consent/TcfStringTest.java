package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TcfStringTest {

    /** The example string from the TCF v2.2 issue: CMP 880, publisher country DE, vendor consents 1 to 4. */
    static final String SPEC_EXAMPLE =
            "CQSbk4AQSbk4ANwAAAENAwCgAAAAAAAAAAYgACPAAAAA.IDKQA4AAgAKAGQAygAAA.YAAAAAAAAAAA";

    @Test
    void decodesTheSpecExample() {
        TcfString tcf = TcfString.decode(SPEC_EXAMPLE);
        assertEquals(880, tcf.cmpId());
        assertEquals("DE", tcf.publisherCountry());
        BitSet expected = new BitSet();
        expected.set(1, 5);
        assertEquals(expected, tcf.vendorConsents());
        assertTrue(tcf.vendor(1) && tcf.vendor(4));
        assertFalse(tcf.vendor(5));
    }

    @Test
    void purposeConsentsStartAtBit152() {
        TcfEncoder e = TcfEncoder.core(10, Set.of(1, 3, 24), "FR").vendorBitfield(0, Set.of());
        assertEquals(TcfString.VENDOR_SECTION_OFFSET + 17, e.length());
        TcfString tcf = TcfString.decode(e.encode());
        assertEquals(Set.of(1, 3, 24), IntStream.rangeClosed(1, 24).filter(tcf::purpose).boxed()
                .collect(Collectors.toSet()));
        assertEquals("FR", tcf.publisherCountry());
        assertEquals(10, tcf.cmpId());
    }

    @Test
    void decodesVendorBitfield() {
        String s = TcfEncoder.core(300, Set.of(1), "GB").vendorBitfield(20, Set.of(2, 7, 20)).encode();
        TcfString tcf = TcfString.decode(s);
        assertEquals(20, tcf.maxVendorId());
        assertEquals(Set.of(2, 7, 20), tcf.vendorConsents().stream().boxed().collect(Collectors.toSet()));
    }

    @Test
    void decodesVendorRanges() {
        String s = TcfEncoder.core(300, Set.of(1), "GB")
                .vendorRanges(800, List.of(new TcfEncoder.Range(5, 5), new TcfEncoder.Range(10, 12),
                        new TcfEncoder.Range(755, 755)))
                .encode();
        TcfString tcf = TcfString.decode(s);
        assertEquals(Set.of(5, 10, 11, 12, 755), tcf.vendorConsents().stream().boxed().collect(Collectors.toSet()));
    }

    @Test
    void ignoresSegmentsAfterTheCore() {
        String core = TcfEncoder.core(7, Set.of(2), "IT").vendorBitfield(3, Set.of(3)).encode();
        assertEquals(7, TcfString.decode(core + ".IDKQA4AAgAKAGQAygAAA.YAAAAAAAAAAA").cmpId());
    }

    @Test
    void refusesRangeBeyondMaxVendorId() {
        String s = TcfEncoder.core(1, Set.of(1), "DE").vendorRanges(10, List.of(new TcfEncoder.Range(5, 11)))
                .encode();
        assertThrows(MalformedValue.class, () -> TcfString.decode(s));
    }

    @Test
    void refusesRangeStartingAtZeroOrBackwards() {
        String zero = TcfEncoder.core(1, Set.of(1), "DE").vendorRanges(10, List.of(new TcfEncoder.Range(0, 3)))
                .encode();
        String backwards = TcfEncoder.core(1, Set.of(1), "DE")
                .vendorRanges(10, List.of(new TcfEncoder.Range(6, 3))).encode();
        assertThrows(MalformedValue.class, () -> TcfString.decode(zero));
        assertThrows(MalformedValue.class, () -> TcfString.decode(backwards));
    }

    @Test
    void refusesTruncatedStrings() {
        String full = TcfEncoder.core(1, Set.of(1), "DE").vendorBitfield(64, Set.of(1)).encode();
        assertThrows(MalformedValue.class, () -> TcfString.decode(full.substring(0, 30)));
        assertThrows(MalformedValue.class, () -> TcfString.decode(""));
    }

    @Test
    void refusesOtherVersionsAndNonBase64() {
        TcfEncoder v1 = new TcfEncoder().write(1, 6).write(0, 250);
        assertThrows(MalformedValue.class, () -> TcfString.decode(v1.encode()));
        assertThrows(MalformedValue.class, () -> TcfString.decode("CQ$bk4AQ"));
        assertThrows(MalformedValue.class, () -> TcfString.decode("CQSbk"));
    }
}
