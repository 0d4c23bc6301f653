package dev.consentgate.consent;

import java.util.Base64;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The core segment of an IAB TCF v2 consent string (euconsent-v2), decoded as far as consent needs: the header
 * fields, purpose consents, vendor consents (bitfield or range encoding) and the publisher's restrictions of type 0
 * (a purpose not allowed for some vendors). Other segments are ignored; a core segment that ends after the vendor
 * consents (older encoders) has no restrictions.
 *
 * @param cmpId            consent management platform id
 * @param cmpVersion       its version
 * @param vendorListVersion global vendor list version
 * @param policyVersion    TCF policy version (4 or 5 for TCF v2.2)
 * @param purposeConsents  bit n set when purpose n (1..24) has consent
 * @param publisherCountry two upper-case letters
 * @param maxVendorId      highest vendor id the vendor consent section covers
 * @param vendorConsents   bit n set when vendor n has consent
 * @param notAllowed       per purpose, the vendors the publisher does not allow it for
 */
record TcfString(int cmpId, int cmpVersion, int vendorListVersion, int policyVersion, BitSet purposeConsents,
                 String publisherCountry, int maxVendorId, BitSet vendorConsents, Map<Integer, BitSet> notAllowed) {

    /** Publisher restriction type 0: the purpose is flatly not allowed for the vendors listed. */
    private static final int FLATLY_NOT_ALLOWED = 0;

    /** Purpose consents start at bit 152 (purpose n is bit 151 + n). */
    static final int PURPOSE_CONSENTS_OFFSET = 152;
    static final int PUBLISHER_COUNTRY_OFFSET = 201;
    static final int VENDOR_SECTION_OFFSET = 213;

    boolean purpose(int n) {
        return n >= 1 && n <= 24 && purposeConsents.get(n);
    }

    boolean vendor(int id) {
        return id >= 1 && vendorConsents.get(id);
    }

    /** Whether the publisher lets vendor {@code id} use purpose {@code n} (no restriction of type 0 on it). */
    boolean allowed(int n, int id) {
        BitSet restricted = notAllowed.get(n);
        return restricted == null || !restricted.get(id);
    }

    /** @throws MalformedValue when the string is not a TCF v2 string with a complete core segment */
    static TcfString decode(String consentString) {
        int dot = consentString.indexOf('.');
        String core = dot < 0 ? consentString : consentString.substring(0, dot);
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(core);
        } catch (IllegalArgumentException e) {
            throw new MalformedValue("TCF: not base64url");
        }
        BitReader bits = new BitReader(bytes);
        int version = bits.readInt(6);
        if (version != 2) {
            throw new MalformedValue("TCF: not version 2");
        }
        bits.read(36); // created
        bits.read(36); // last updated
        int cmpId = bits.readInt(12);
        int cmpVersion = bits.readInt(12);
        bits.read(6); // consent screen
        bits.read(12); // consent language
        int vendorListVersion = bits.readInt(12);
        int policyVersion = bits.readInt(6);
        bits.read(1); // is service specific
        bits.read(1); // use non-standard texts
        bits.read(12); // special feature opt-ins
        BitSet purposes = new BitSet(25);
        for (int n = 1; n <= 24; n++) {
            if (bits.readBit()) {
                purposes.set(n);
            }
        }
        bits.read(24); // purpose legitimate interests
        bits.read(1); // purpose one treatment
        String country = "" + letter(bits.readInt(6)) + letter(bits.readInt(6));
        int maxVendorId = bits.readInt(16);
        BitSet vendors = vendorSection(bits, maxVendorId);
        Map<Integer, BitSet> notAllowed = new HashMap<>();
        if (bits.remaining() >= 17) {
            // vendor legitimate interests (not consent: skipped), then the publisher's restrictions
            vendorSection(bits, bits.readInt(16));
            int restrictions = bits.readInt(12);
            for (int r = 0; r < restrictions; r++) {
                int purpose = bits.readInt(6);
                int type = bits.readInt(2);
                BitSet restricted = ranges(bits, Integer.MAX_VALUE);
                if (type == FLATLY_NOT_ALLOWED) {
                    notAllowed.computeIfAbsent(purpose, p -> new BitSet()).or(restricted);
                }
            }
        }
        return new TcfString(cmpId, cmpVersion, vendorListVersion, policyVersion, purposes, country, maxVendorId,
                vendors, Map.copyOf(notAllowed));
    }

    /** A vendor section after its MaxVendorId: a bitfield, or ranges. */
    private static BitSet vendorSection(BitReader bits, int maxVendorId) {
        if (bits.readBit()) {
            return ranges(bits, maxVendorId);
        }
        BitSet vendors = new BitSet(maxVendorId + 1);
        for (int id = 1; id <= maxVendorId; id++) {
            if (bits.readBit()) {
                vendors.set(id);
            }
        }
        return vendors;
    }

    /** NumEntries (12 bits), then each: IsARange, a vendor id and, for a range, the last id (16 bits each). */
    private static BitSet ranges(BitReader bits, int maxVendorId) {
        BitSet vendors = new BitSet();
        int entries = bits.readInt(12);
        for (int i = 0; i < entries; i++) {
            boolean isRange = bits.readBit();
            int start = bits.readInt(16);
            int end = isRange ? bits.readInt(16) : start;
            if (start < 1 || end < start || end > maxVendorId) {
                throw new MalformedValue("TCF: vendor range out of bounds");
            }
            vendors.set(start, end + 1);
        }
        return vendors;
    }

    private static char letter(int sixBits) {
        if (sixBits > 25) {
            throw new MalformedValue("TCF: country letter out of range");
        }
        return (char) ('A' + sixBits);
    }
}
