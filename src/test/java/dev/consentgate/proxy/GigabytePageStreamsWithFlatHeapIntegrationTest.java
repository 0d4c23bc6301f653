package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's "a 1 GB page passes with flat heap": a page of 1 GiB, a tracker in every block, goes through the
 * gateway and its rewriter while the test samples the heap after a collection every 128 MiB of the body. The test
 * JVM's heap is 1 GiB (the Surefire configuration), so a gateway that held the body could not pass it at all; the
 * samples show how much it does hold. Each block's trackers must be rewritten to the very end, the page's own
 * script kept, and the first bytes must reach the client long before the upstream has sent the last.
 */
class GigabytePageStreamsWithFlatHeapIntegrationTest {

    private static ResourceLeakDetector.Level suiteLevel;

    /**
     * The suite tracks every buffer with its accesses (paranoid), which took this page four minutes through the
     * gateway rather than seconds; one buffer in 128 is still tracked here, so a leak per piece would still show.
     */
    @BeforeAll
    static void trackSomeBuffers() {
        suiteLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
    }

    @AfterAll
    static void trackAsTheSuiteDoes() {
        ResourceLeakDetector.setLevel(suiteLevel);
    }

    private static final long PAGE_BYTES = 1L << 30;
    private static final long SAMPLE_EVERY = 128L << 20;
    private static final String HEAD = "<!DOCTYPE html>\n<html><head><title>A long page</title></head><body>\n";
    private static final String TAIL = "</body></html>\n";
    /** One article: a tag manager, a pixel and an inline pixel snippet, which essential-only consent blocks. */
    private static final String BLOCK_START = "<article><p>Some text about the news of the day, with a "
            + "<a href=\"/story\">link</a> and <strong>emphasis</strong>.</p>\n"
            + "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-BIG\"></script>\n"
            + "<img src=\"https://px.ads.linkedin.com/collect/?pid=1&fmt=gif\" width=\"1\" height=\"1\" alt=\"\">\n"
            + "<script>fbq('init','1');fbq('track','PageView');</script>\n"
            + "<script src=\"/js/app.js\"></script>\n<p>";
    private static final String BLOCK_END = "</p></article>\n";
    /** The page's own script, which must pass untouched in every block. */
    private static final String OWN_SCRIPT = "<script src=\"/js/app.js\"></script>";
    /** The tag manager as the rewriter leaves it: inert, its address kept in a data- attribute. */
    private static final String NEUTRALIZED_TAG_MANAGER =
            " data-cg-src=\"https://www.googletagmanager.com/gtag/js?id=G-BIG\"";
    /** Forms of the trackers that would load or run. */
    private static final String[] FORBIDDEN = {" src=\"https://www.googletagmanager.com", "px.ads.linkedin.com",
        "<script>fbq("};

    @Test
    void aGigabytePageWithATrackerInEveryBlockStreamsWithFlatHeap() throws Exception {
        byte[] block = block();
        long blocks = (PAGE_BYTES - HEAD.length() - TAIL.length() + block.length - 1) / block.length;
        long pageBytes = HEAD.length() + blocks * block.length + TAIL.length();
        AtomicLong upstreamSent = new AtomicLong();
        TestUpstream.Responder page = (request, out, socket) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + pageBytes
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(HEAD.getBytes(StandardCharsets.ISO_8859_1));
            // 32 blocks (about 64 KB) a write, as a web server sends a file
            byte[] run = new byte[32 * block.length];
            for (int k = 0; k < 32; k++) {
                System.arraycopy(block, 0, run, k * block.length, block.length);
            }
            for (long k = 0; k < blocks; k += 32) {
                int n = (int) Math.min(32, blocks - k) * block.length;
                out.write(run, 0, n);
                upstreamSent.addAndGet(n);
            }
            out.write(TAIL.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            upstreamSent.addAndGet(HEAD.length() + TAIL.length());
        };
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (TestUpstream upstream = TestUpstream.start(page);
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             Socket client = new Socket("127.0.0.1", gateway.address().getPort())) {
            long baseline = heapAfterCollection(memory);
            client.getOutputStream().write("GET /long HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = new BufferedInputStream(client.getInputStream(), 256 * 1024);
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertTrue(head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked"),
                    "a rewritten page is sent chunked: " + head);

            PatternCounts counts = new PatternCounts(OWN_SCRIPT, NEUTRALIZED_TAG_MANAGER, FORBIDDEN[0],
                    FORBIDDEN[1], FORBIDDEN[2]);
            long received = 0;
            long nextSample = SAMPLE_EVERY;
            long maxHeap = baseline;
            long minHeap = Long.MAX_VALUE;
            long upstreamSentWhenFirstRead = -1;
            byte[] tail = new byte[TAIL.length()];
            byte[] buffer = new byte[256 * 1024];
            long chunk;
            long started = System.nanoTime();
            while ((chunk = readChunkSize(in)) > 0) {
                for (long left = chunk; left > 0; ) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new IOException("the gateway closed in a chunk after " + received + " bytes");
                    }
                    if (upstreamSentWhenFirstRead < 0) {
                        upstreamSentWhenFirstRead = upstreamSent.get();
                    }
                    counts.feed(buffer, n);
                    keepLast(tail, buffer, n);
                    left -= n;
                    received += n;
                    if (received >= nextSample) {
                        long heap = heapAfterCollection(memory);
                        maxHeap = Math.max(maxHeap, heap);
                        minHeap = Math.min(minHeap, heap);
                        nextSample += SAMPLE_EVERY;
                    }
                }
                readCrLf(in);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%d MiB page through the gateway in %.1f s; heap after a collection: "
                            + "%.1f MB before, %.1f to %.1f MB while it streamed%n", pageBytes >> 20, seconds,
                    baseline / 1e6, minHeap / 1e6, maxHeap / 1e6);

            assertTrue(upstreamSentWhenFirstRead < 64L << 20, "the first bytes reached the client only after the "
                    + "upstream had sent " + upstreamSentWhenFirstRead + " bytes");
            assertEquals(blocks, counts.count(0), "the page's own script in every block");
            assertEquals(blocks, counts.count(1), "the tag manager neutralized in every block");
            for (int k = 0; k < FORBIDDEN.length; k++) {
                assertEquals(0, counts.count(2 + k), "a loadable or runnable tracker: " + FORBIDDEN[k]);
            }
            assertEquals(TAIL, new String(tail, StandardCharsets.ISO_8859_1), "the page's end arrived");
            // what the gateway holds for this response does not grow with the page: a few chunks at the most
            assertTrue(maxHeap - baseline < 64L << 20, "the heap grew from " + baseline + " to " + maxHeap
                    + " bytes while the page streamed");
        }
    }

    private static byte[] block() {
        StringBuilder sb = new StringBuilder(BLOCK_START);
        // padding text so that a block is about 2 KB, a news page's paragraph mix
        while (sb.length() < 2000) {
            sb.append("words of an article that nobody reads to the end ");
        }
        return sb.append(BLOCK_END).toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static long heapAfterCollection(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the head: " + head);
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads a chunk-size line (no extensions expected) and returns the size; 0 ends the body (trailers read). */
    private static long readChunkSize(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("closed in a chunk-size line");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        long size = Long.parseLong(line.toString().trim(), 16);
        if (size == 0) {
            // no trailers expected: the empty line that ends the body
            readCrLf(in);
        }
        return size;
    }

    private static void readCrLf(InputStream in) throws IOException {
        if (in.read() != '\r' || in.read() != '\n') {
            throw new IOException("a chunk did not end with CRLF");
        }
    }

    private static void keepLast(byte[] tail, byte[] buffer, int n) {
        if (n >= tail.length) {
            System.arraycopy(buffer, n - tail.length, tail, 0, tail.length);
        } else {
            System.arraycopy(tail, n, tail, 0, tail.length - n);
            System.arraycopy(buffer, 0, tail, tail.length - n, n);
        }
    }

    /**
     * Counts occurrences of literal patterns in a stream fed in pieces, a pattern split between two pieces included
     * (the last bytes of each piece are searched again with the next).
     */
    private static final class PatternCounts {
        private final String[] patterns;
        private final long[] counts;
        private final int overlap;
        private String carried = "";

        PatternCounts(String... patterns) {
            this.patterns = patterns;
            this.counts = new long[patterns.length];
            int longest = 0;
            for (String p : patterns) {
                longest = Math.max(longest, p.length());
            }
            this.overlap = longest - 1;
        }

        void feed(byte[] bytes, int n) {
            String text = carried + new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            for (int k = 0; k < patterns.length; k++) {
                // a match is counted in the piece where it ends: one wholly inside the carried bytes was counted
                for (int at = text.indexOf(patterns[k]); at >= 0; at = text.indexOf(patterns[k], at + 1)) {
                    if (at + patterns[k].length() > carried.length()) {
                        counts[k]++;
                    }
                }
            }
            carried = text.substring(Math.max(0, text.length() - overlap));
        }

        long count(int k) {
            return counts[k];
        }
    }
}
