package dev.consentgate.bench;

import dev.consentgate.testing.SharedCorpus;
import dev.consentgate.config.Category;
import dev.consentgate.config.HtmlSettings;
import dev.consentgate.config.TagRule;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.html.HtmlRewriter;
import dev.consentgate.html.RewriteListener;
import dev.consentgate.html.TagPolicy;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.function.Consumer;

/**
 * Rewrite throughput on one core, against jsoup parse+serialize of the same bytes in the same run.
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.consentgate.bench.HtmlRewriteBenchmark
 * </pre>
 *
 * The page is fed in 64 KiB chunks (slices of one array, as a proxy receives them); output buffers are counted
 * and released. Consent is essential-only, so every tracker rule is live. The real pages of
 * {@code ../shared/corpus/pages} (read in place; those two benchmarks are left out when it is absent) are rewritten
 * and parsed one after the other as a third pair.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dio.netty.leakDetection.level=disabled"})
public class HtmlRewriteBenchmark {

    static final int PAGE_BYTES = 8 << 20;
    static final int CHUNK = 64 << 10;

    byte[] trackerHeavy;
    byte[] noMatch;
    List<byte[]> corpusPages;
    TagPolicy policy;
    ConsentDecision essentialOnly;

    @Setup
    public void setUp() throws IOException {
        trackerHeavy = BenchPages.trackerHeavy(PAGE_BYTES);
        noMatch = BenchPages.noMatch(PAGE_BYTES);
        corpusPages = corpusPages();
        policy = new TagPolicy(defaultRules(), categories(), HtmlSettings.defaults());
        essentialOnly = new ConsentDecision(Set.of("essential"), "bench", Optional.empty(), false, Optional.empty());
    }

    @Benchmark
    public long rewriteTrackerHeavy() {
        return rewrite(trackerHeavy);
    }

    @Benchmark
    public long rewriteNoMatch() {
        return rewrite(noMatch);
    }

    @Benchmark
    public long rewriteCorpusPages() {
        long total = 0;
        for (byte[] page : corpusPages) {
            total += rewrite(page);
        }
        return total;
    }

    @Benchmark
    public void jsoupParseSerializeCorpusPages(Blackhole bh) {
        for (byte[] page : corpusPages) {
            bh.consume(Jsoup.parse(new String(page, StandardCharsets.UTF_8)).outerHtml()
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @Benchmark
    public void jsoupParseSerializeTrackerHeavy(Blackhole bh) {
        bh.consume(Jsoup.parse(new String(trackerHeavy, StandardCharsets.UTF_8)).outerHtml()
                .getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public void jsoupParseSerializeNoMatch(Blackhole bh) {
        bh.consume(Jsoup.parse(new String(noMatch, StandardCharsets.UTF_8)).outerHtml()
                .getBytes(StandardCharsets.UTF_8));
    }

    private long rewrite(byte[] page) {
        long[] total = {0};
        Consumer<ByteBuf> out = b -> {
            total[0] += b.readableBytes();
            b.release();
        };
        HtmlRewriter rewriter = new HtmlRewriter(policy, essentialOnly, Optional.empty(), RewriteListener.NONE);
        for (int pos = 0; pos < page.length; pos += CHUNK) {
            rewriter.feed(Unpooled.wrappedBuffer(page, pos, Math.min(CHUNK, page.length - pos)), out);
        }
        rewriter.finish(out);
        return total[0];
    }

    /** The corpus pages ({@link SharedCorpus}), if they are there. */
    static Optional<Path> corpusDir() {
        Path dir = SharedCorpus.dir("pages");
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    static List<byte[]> corpusPages() throws IOException {
        List<byte[]> pages = new ArrayList<>();
        if (corpusDir().isPresent()) {
            try (Stream<Path> files = Files.list(corpusDir().get())) {
                for (Path page : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                    pages.add(Files.readAllBytes(page));
                }
            }
        }
        return pages;
    }

    /** The tag rules of the shipped ruleset, through the real loader. */
    static List<TagRule> defaultRules() throws IOException {
        try {
            return dev.consentgate.config.RulesetLoader.load(Path.of("config", "consentgate.yaml")).tagRules();
        } catch (dev.consentgate.config.RulesetException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static Map<String, Category> categories() {
        return Map.of("essential", new Category("essential", "Essential", true, false),
                "functionality", new Category("functionality", "Functionality", false, false),
                "analytics", new Category("analytics", "Analytics", false, true),
                "advertising", new Category("advertising", "Advertising", false, true));
    }

    /**
     * Runs the benchmarks and prints MiB/s per benchmark and the ratios to jsoup. JMH's own options may follow (say
     * {@code -f 3} for three JVMs per benchmark: a JVM's compilation can settle in a slower mode for its whole life).
     */
    public static void main(String[] args) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        options.parent(new CommandLineOptions(args));
        options.include(HtmlRewriteBenchmark.class.getSimpleName());
        if (corpusDir().isEmpty()) {
            System.out.println("../shared/corpus/pages absent: leaving out the real-page benchmarks");
            options.exclude("CorpusPages");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        String[] names = {"rewriteTrackerHeavy", "jsoupParseSerializeTrackerHeavy", "rewriteNoMatch",
            "jsoupParseSerializeNoMatch", "rewriteCorpusPages", "jsoupParseSerializeCorpusPages"};
        double corpusMib = (double) corpusPages().stream().mapToLong(p -> p.length).sum() / (1 << 20);
        double[] mibPerSecond = new double[names.length];
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            for (int k = 0; k < names.length; k++) {
                if (label.endsWith("." + names[k])) {
                    double mib = k >= 4 ? corpusMib : (double) PAGE_BYTES / (1 << 20);
                    mibPerSecond[k] = r.getPrimaryResult().getScore() * mib;
                }
            }
        }
        PrintStream out = System.out;
        String[] pages = {"tracker-heavy", "no-match", "corpus pages"};
        for (int p = 0; p < pages.length; p++) {
            double rewrite = mibPerSecond[2 * p];
            double jsoup = mibPerSecond[2 * p + 1];
            if (rewrite > 0) {
                out.printf(Locale.ROOT, "%-14s rewrite %8.1f MiB/s   jsoup %6.1f MiB/s   ratio %5.1fx%n", pages[p],
                        rewrite, jsoup, rewrite / jsoup);
            }
        }
    }
}
