package dev.consentgate.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.testing.TestUpstream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every byte value 0-255 in each position of a request. The gateway must accept exactly the bytes of its documented
 * policy (RFC 9112, narrowed to what nginx also accepts: see {@link SweepPosition}) and then forward the request
 * unchanged; every other byte is refused and nothing of that request reaches the upstream.
 */
class ByteSweepIntegrationTest {

    @RegisterExtension
    static final OkUpstreamBehindGateway servers = new OkUpstreamBehindGateway();

    @ParameterizedTest
    @EnumSource(SweepPosition.class)
    void everyByteIsAcceptedAsThePolicySaysOrRefusedWithNothingForwarded(SweepPosition position) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            boolean accepted = position.passesThrough(servers.gateway().address(), b);
            List<TestUpstream.Received> forwarded = servers.upstream().drain();
            String where = position + " byte 0x" + Integer.toHexString(b) + ": ";
            if (accepted != position.allows(b)) {
                wrong.add(where + (accepted ? "accepted" : "refused"));
            }
            if (!accepted && !forwarded.isEmpty()) {
                wrong.add(where + "refused but forwarded " + forwarded.get(0).head());
            }
            if (accepted) {
                if (forwarded.size() != 1) {
                    wrong.add(where + forwarded.size() + " requests forwarded");
                } else {
                    position.expectForwarded(b, forwarded.get(0)).ifPresent(problem -> wrong.add(where + problem));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
