package dev.consentgate.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long run of mixed traffic (keep-alive requests, chunked uploads, malformed and smuggling requests, abandoned
 * connections) with heap and file descriptors sampled; neither may keep growing. Runs only when
 * {@code -Dconsentgate.soak.minutes=N} reaches the test JVM (the lead's {@code soak} profile sets it); writes its
 * samples to {@code target/soak-results.txt}.
 */
class SoakIntegrationTest {

    private static final Logger LOG = LoggerFactory.getLogger(SoakIntegrationTest.class);
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 1024\r\n\r\n" + "o".repeat(1024);
    private static final List<String> MALFORMED = List.of(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG",
            "GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n folded\r\n\r\n",
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0x1\r\n",
            "GET / HTTP/2.0\r\nHost: a\r\n\r\n");

    record Sample(long elapsedSeconds, long heapBytes, long fileDescriptors, long requests) {
    }

    @Test
    void heapAndFileDescriptorsStayFlatUnderMixedTraffic() throws Exception {
        int minutes = Integer.getInteger("consentgate.soak.minutes", 0);
        Assumptions.assumeTrue(minutes > 0, "soak runs only with -Dconsentgate.soak.minutes=N");
        List<Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + Duration.ofMinutes(minutes).toNanos();
        long nextSample = start;
        long requests = 0;
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(OK));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            while (System.nanoTime() < end) {
                requests += oneRound(gateway);
                upstream.drain();
                if (System.nanoTime() >= nextSample) {
                    samples.add(sample(start, requests));
                    LOG.warn("soak sample {}", samples.get(samples.size() - 1));
                    nextSample += Duration.ofSeconds(30).toNanos();
                }
            }
            samples.add(sample(start, requests));
        }
        Files.write(Path.of("target/soak-results.txt"), samples.stream().map(Sample::toString).toList());
        Sample first = samples.get(Math.min(1, samples.size() - 1));
        Sample last = samples.get(samples.size() - 1);
        assertTrue(last.fileDescriptors() <= first.fileDescriptors() + 64, "file descriptors grew: " + samples);
        assertTrue(last.heapBytes() <= 2 * first.heapBytes() + (64L << 20), "heap grew: " + samples);
    }

    private static long oneRound(RunningGateway gateway) throws IOException {
        long served = 0;
        try (RawClient client = gateway.rawClient()) {
            for (int i = 0; i < 20; i++) {
                assertEquals(200, client.send("GET /k" + i + " HTTP/1.1\r\nHost: a\r\n\r\n").read().status());
                served++;
            }
            assertEquals(200, client.send("POST /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "400\r\n" + "u".repeat(1024) + "\r\n0\r\n\r\n").read().status());
            served++;
        }
        for (String bad : MALFORMED) {
            try (RawClient client = gateway.rawClient()) {
                client.send(bad);
                client.closedByPeer();
            }
        }
        // Abandoned mid-head: the header deadline or the close must free it.
        gateway.rawClient().send("GET /abandoned HTTP/1.1\r\nHo").close();
        return served;
    }

    private static Sample sample(long start, long requests) throws IOException {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long fds;
        try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
            fds = open.count();
        }
        return new Sample((System.nanoTime() - start) / 1_000_000_000L, heap, fds, requests);
    }
}
