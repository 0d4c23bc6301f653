package dev.consentgate.bench;

import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.html.HtmlRewriter;
import dev.consentgate.html.RewriteListener;
import dev.consentgate.html.TagPolicy;
import dev.consentgate.config.HtmlSettings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A quick rewrite throughput check for iterating on a busy machine (the figures to report come from
 * {@link HtmlRewriteBenchmark}): rewrites each benchmark page in rounds, alternating pages, and prints the best
 * round by wall time and by the thread's CPU time, which other processes on the machine do not inflate.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.consentgate.bench.QuickRewriteBench [rounds [page]]
 * </pre>
 */
public final class QuickRewriteBench {

    private QuickRewriteBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        byte[] tracker = BenchPages.trackerHeavy(HtmlRewriteBenchmark.PAGE_BYTES);
        byte[] noMatch = BenchPages.noMatch(HtmlRewriteBenchmark.PAGE_BYTES);
        TagPolicy policy = new TagPolicy(HtmlRewriteBenchmark.defaultRules(), HtmlRewriteBenchmark.categories(),
                HtmlSettings.defaults());
        ConsentDecision consent = new ConsentDecision(Set.of("essential"), "bench", Optional.empty(), false,
                Optional.empty());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] names = {"tracker-heavy", "no-match"};
        byte[][] pages = {tracker, noMatch};
        double[] bestWall = new double[2];
        double[] bestCpu = new double[2];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (int p = 0; p < 2; p++) {
                if (args.length > 1 && !names[p].equals(args[1])) {
                    continue;
                }
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                int reps = 4;
                for (int k = 0; k < reps; k++) {
                    sink += rewrite(pages[p], policy, consent);
                }
                long wall = System.nanoTime() - wall0;
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                double mib = (double) reps * pages[p].length / (1 << 20);
                bestWall[p] = Math.max(bestWall[p], mib / (wall / 1e9));
                bestCpu[p] = Math.max(bestCpu[p], mib / (cpu / 1e9));
            }
        }
        for (int p = 0; p < 2; p++) {
            System.out.printf(Locale.ROOT, "%-14s best wall %7.1f MiB/s   best cpu %7.1f MiB/s%n", names[p],
                    bestWall[p], bestCpu[p]);
        }
        System.out.println("(output bytes checksum " + sink + ")");
    }

    private static byte[][][] abGroups;
    private static TagPolicy abPolicy;
    private static ConsentDecision abConsent;

    /**
     * CPU nanoseconds to rewrite each group of pages {@code reps} times (tracker-heavy, no-match, and the real pages
     * of the shared corpus when it is there): for comparing two builds round by round in one process, each loaded by
     * its own class loader.
     */
    public static long[] cpuNanosPerPage(int reps) throws Exception {
        prepare();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[abGroups.length];
        for (int g = 0; g < abGroups.length; g++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < reps; k++) {
                for (byte[] page : abGroups[g]) {
                    rewrite(page, abPolicy, abConsent);
                }
            }
            nanos[g] = threads.getCurrentThreadCpuTime() - cpu0;
        }
        return nanos;
    }

    /** The bytes in each group of {@link #cpuNanosPerPage}. */
    public static long[] groupBytes() throws Exception {
        prepare();
        long[] bytes = new long[abGroups.length];
        for (int g = 0; g < abGroups.length; g++) {
            for (byte[] page : abGroups[g]) {
                bytes[g] += page.length;
            }
        }
        return bytes;
    }

    /** Rewrites {@code page} with the shipped rules under essential-only consent; returns the bytes written. */
    public static long rewriteEssentialOnly(byte[] page) throws Exception {
        prepare();
        return rewrite(page, abPolicy, abConsent);
    }

    /** The shipped rules and essential-only consent, built once per process. */
    private static void prepare() throws Exception {
        if (abPolicy == null) {
            abPolicy = new TagPolicy(HtmlRewriteBenchmark.defaultRules(), HtmlRewriteBenchmark.categories(),
                    HtmlSettings.defaults());
            abConsent = new ConsentDecision(Set.of("essential"), "bench", Optional.empty(), false, Optional.empty());
            byte[][] corpus = HtmlRewriteBenchmark.corpusPages().toArray(new byte[0][]);
            byte[][] tracker = {BenchPages.trackerHeavy(HtmlRewriteBenchmark.PAGE_BYTES)};
            byte[][] noMatch = {BenchPages.noMatch(HtmlRewriteBenchmark.PAGE_BYTES)};
            abGroups = corpus.length == 0 ? new byte[][][] {tracker, noMatch}
                    : new byte[][][] {tracker, noMatch, corpus};
        }
    }

    private static long rewrite(byte[] page, TagPolicy policy, ConsentDecision consent) {
        long[] total = {0};
        Consumer<ByteBuf> out = b -> {
            total[0] += b.readableBytes();
            b.release();
        };
        HtmlRewriter rewriter = new HtmlRewriter(policy, consent, Optional.empty(), RewriteListener.NONE);
        int chunk = HtmlRewriteBenchmark.CHUNK;
        for (int pos = 0; pos < page.length; pos += chunk) {
            rewriter.feed(Unpooled.wrappedBuffer(page, pos, Math.min(chunk, page.length - pos)), out);
        }
        rewriter.finish(out);
        return total[0];
    }
}
