package dev.consentgate.consent;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** Test-only TCF v2 core-segment encoder: a bit writer producing strings for {@link TcfString#decode}. */
final class TcfEncoder {

    /** A vendor range for range encoding; start == end for a single id. */
    record Range(int start, int end) {
    }

    private final StringBuilder bits = new StringBuilder();

    TcfEncoder write(long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            bits.append((value >>> i & 1) == 1 ? '1' : '0');
        }
        return this;
    }

    /** Header up to and including the publisher country, with the given purpose consents. */
    static TcfEncoder core(int cmpId, Set<Integer> purposes, String country) {
        TcfEncoder e = new TcfEncoder();
        e.write(2, 6).write(17_000_000_000L, 36).write(17_000_000_000L, 36).write(cmpId, 12).write(3, 12)
                .write(1, 6).write(4, 6).write(13, 6) // consent language "EN"
                .write(120, 12).write(5, 6).write(1, 1).write(0, 1).write(0, 12);
        for (int p = 1; p <= 24; p++) {
            e.write(purposes.contains(p) ? 1 : 0, 1);
        }
        e.write(0, 24).write(0, 1).write(country.charAt(0) - 'A', 6).write(country.charAt(1) - 'A', 6);
        return e;
    }

    TcfEncoder vendorBitfield(int maxVendorId, Set<Integer> consented) {
        write(maxVendorId, 16).write(0, 1);
        for (int id = 1; id <= maxVendorId; id++) {
            write(consented.contains(id) ? 1 : 0, 1);
        }
        return this;
    }

    TcfEncoder vendorRanges(int maxVendorId, List<Range> ranges) {
        write(maxVendorId, 16).write(1, 1).write(ranges.size(), 12);
        for (Range r : ranges) {
            if (r.start() == r.end()) {
                write(0, 1).write(r.start(), 16);
            } else {
                write(1, 1).write(r.start(), 16).write(r.end(), 16);
            }
        }
        return this;
    }

    int length() {
        return bits.length();
    }

    String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < bits.length(); i += 8) {
            int b = 0;
            for (int j = 0; j < 8; j++) {
                b = b << 1 | (i + j < bits.length() && bits.charAt(i + j) == '1' ? 1 : 0);
            }
            out.write(b);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }
}
