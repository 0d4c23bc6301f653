package dev.consentgate.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every byte value 0-255 in each position of a request. The gateway must accept exactly the bytes of its documented
 * policy (RFC 9112, narrowed to what nginx also accepts: see {@link SweepPosition}) and then forward the request
 * unchanged; every other byte is refused and nothing of that request reaches the upstream.
 */
class ByteSweepIntegrationTest {

    private static TestUpstream upstream;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        upstream = TestUpstream.start(TestUpstream.fixed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        gateway = RunningGateway.in(upstream.uri());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        upstream.close();
    }

    @ParameterizedTest
    @EnumSource(SweepPosition.class)
    void everyByteIsAcceptedAsThePolicySaysOrRefusedWithNothingForwarded(SweepPosition position) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            boolean accepted = sendAndJudge(position.request(b));
            List<TestUpstream.Received> forwarded = upstream.drain();
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

    /** True when the upstream answered (200); false when the gateway refused or closed the connection. */
    private static boolean sendAndJudge(byte[] request) throws IOException {
        try (RawClient client = gateway.rawClient()) {
            client.send(request);
            RawClient.Response response;
            try {
                response = client.read();
            } catch (IOException closedWithoutAnswer) {
                return false;
            }
            return response.status() == 200;
        }
    }

    static byte[] bytes(String before, int b, String after) {
        byte[] head = before.getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = after.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) b;
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        return all;
    }
}
