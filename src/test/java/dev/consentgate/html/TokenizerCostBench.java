package dev.consentgate.html;

import dev.consentgate.bench.BenchPages;
import dev.consentgate.bench.QuickRewriteBench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        byte[] page = BenchPages.noMatch(8 << 20);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] best = new double[4];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (int step = 0; step < 4; step++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                sink += switch (step) {
                    case 0 -> findEveryLessThan(page);
                    case 1 -> findEveryTagEnd(page);
                    case 2 -> tokenize(page);
                    default -> QuickRewriteBench.rewriteEssentialOnly(page);
                };
                double seconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
                best[step] = Math.max(best[step], page.length / (double) (1 << 20) / seconds);
            }
        }
        String[] names = {"find every '<'", "find every '<' and its '>'", "tokenizer, nothing captured",
            "whole rewriter"};
        for (int step = 0; step < 4; step++) {
            System.out.printf(Locale.ROOT, "%-28s %7.1f MiB/s%n", names[step], best[step]);
        }
        System.out.println("(checksum " + sink + ")");
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
