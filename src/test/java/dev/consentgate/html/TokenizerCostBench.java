package dev.consentgate.html;

import dev.consentgate.bench.BenchPages;
import dev.consentgate.bench.QuickRewriteBench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the time of rewriting the generated no-match page goes, by CPU time on one thread: finding every {@code <}
 * (the floor any tokenizer pays), finding every {@code <} and the first {@code >} after it (the floor of a tokenizer
 * that finds where each tag ends by searching, ignoring quotes and names), the tokenizer with a sink that captures
 * nothing, and the whole rewriter.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.consentgate.html.TokenizerCostBench [rounds]
 * </pre>
 *
 * Each step runs in JVMs of its own: in one JVM the tokenizer would call two sinks, and the JIT compiles the calls
 * of a tokenizer that has seen two sinks slower than those of one that has seen only the rewriter. A JVM may settle
 * in a slower compilation for its whole life (the tokenizer's step has run at 1,592 MiB/s in one and 2,497 in the
 * next), so each step runs in three and the best counts.
 */
public final class TokenizerCostBench {

    private static final int CHUNK = 64 << 10;

    private TokenizerCostBench() {
    }

    /** Receives tags and captures none of them: the tokenizer's own cost. */
    private static final class CountingSink implements HtmlTokenizer.Sink {
        long tags;

        @Override
        public boolean captureTag(TagToken tag) {
            return false;
        }

        @Override
        public void tagOverflow(TagToken tag) {
        }

        @Override
        public boolean startTag(TagToken tag) {
            tags++;
            return false;
        }

        @Override
        public void endTag(TagToken tag) {
            tags++;
        }

        @Override
        public void rawText(byte[] a, int from, int to) {
        }

        @Override
        public void rawTextEnd(long endTagStart) {
        }
    }

    private static final String[] STEPS = {"find every '<'", "find every '<' and its '>'",
        "tokenizer, nothing captured", "whole rewriter"};

    private static final int JVMS_PER_STEP = 3;

    /**
     * Runs each step in JVMs of its own and prints the best of them; {@code [rounds [step]]}, a step runs that one
     * here.
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        if (args.length > 1) {
            int step = Integer.parseInt(args[1]);
            System.out.printf(Locale.ROOT, "%.1f%n", bestMibPerSecond(step, rounds));
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int step = 0; step < STEPS.length; step++) {
            double best = 0;
            for (int jvm = 0; jvm < JVMS_PER_STEP; jvm++) {
                Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                        TokenizerCostBench.class.getName(), String.valueOf(rounds), String.valueOf(step))
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (child.waitFor() != 0) {
                    throw new IllegalStateException(STEPS[step] + ": the JVM of the step failed");
                }
                best = Math.max(best, Double.parseDouble(out));
            }
            System.out.printf(Locale.ROOT, "%-28s %7.1f MiB/s%n", STEPS[step], best);
        }
    }

    /** The best round's MiB/s of one step, by the thread's CPU time. */
    private static double bestMibPerSecond(int step, int rounds) throws Exception {
        byte[] page = BenchPages.noMatch(8 << 20);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = 0;
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            sink += switch (step) {
                case 0 -> findEveryLessThan(page);
                case 1 -> findEveryTagEnd(page);
                case 2 -> tokenize(page);
                default -> QuickRewriteBench.rewriteEssentialOnly(page);
            };
            double seconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            best = Math.max(best, page.length / (double) (1 << 20) / seconds);
        }
        // the results used, so the JIT cannot drop the work
        System.err.println("(" + STEPS[step] + ": checksum " + sink + ")");
        return best;
    }

    private static long findEveryLessThan(byte[] page) {
        long found = 0;
        for (int i = 0; (i = ByteScan.indexOf(page, i, page.length, (byte) '<')) < page.length; i++) {
            found++;
        }
        return found;
    }

    private static long findEveryTagEnd(byte[] page) {
        long found = 0;
        int i = 0;
        while ((i = ByteScan.indexOf(page, i, page.length, (byte) '<')) < page.length) {
            i = ByteScan.indexOf(page, i + 1, page.length, (byte) '>');
            found++;
        }
        return found;
    }

    private static long tokenize(byte[] page) {
        CountingSink sink = new CountingSink();
        HtmlTokenizer tokenizer = new HtmlTokenizer(sink, 64 << 10);
        for (int pos = 0; pos < page.length; pos += CHUNK) {
            tokenizer.scan(page, pos, Math.min(page.length, pos + CHUNK), pos);
        }
        return sink.tags;
    }
}
