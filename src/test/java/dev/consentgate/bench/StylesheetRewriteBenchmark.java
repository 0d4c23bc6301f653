package dev.consentgate.bench;

import dev.consentgate.config.Category;
import dev.consentgate.config.HtmlSettings;
import dev.consentgate.config.TagRule;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.html.PageSite;
import dev.consentgate.html.RewriteListener;
import dev.consentgate.html.StylesheetRewriter;
import dev.consentgate.html.TagPolicy;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of a stylesheet the site serves, rewritten as it streams, against copying the same bytes chunk by chunk
 * (what passing it on costs at least), in one run:
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.consentgate.bench.StylesheetRewriteBenchmark
 * </pre>
 *
 * The stylesheet (4 MiB) is generated: rules with first-party backgrounds, icon glyphs, media queries, comments, and a
 * tracker's background every 64 rules. It is read undeclared and plain ASCII (one reading), and again with one
 * character past ASCII, which brings in every reading a page's encoding may give it (the worst case).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dio.netty.leakDetection.level=disabled"})
public class StylesheetRewriteBenchmark {

    static final int CHUNK = 64 << 10;

    byte[] ascii;
    byte[] pastAscii;
    TagPolicy policy;
    ConsentDecision essentialOnly;

    @Setup
    public void setUp() throws Exception {
        ascii = stylesheet(4 << 20).getBytes(StandardCharsets.UTF_8);
        pastAscii = ("/* \u00e9 */" + stylesheet(4 << 20)).getBytes(StandardCharsets.UTF_8);
        dev.consentgate.config.Ruleset ruleset = dev.consentgate.config.RulesetLoader.load(
                java.nio.file.Path.of("config", "consentgate.yaml"));
        List<TagRule> rules = ruleset.tagRules();
        Map<String, Category> categories = ruleset.categories();
        policy = new TagPolicy(rules, categories, HtmlSettings.defaults());
        essentialOnly = new ConsentDecision(Set.of("essential"), "bench", Optional.empty(), false, Optional.empty());
    }

    /** A generated stylesheet of at least {@code bytes} characters (ASCII). */
    public static String stylesheet(int bytes) {
        StringBuilder css = new StringBuilder(bytes + 256);
        for (int i = 0; css.length() < bytes; i++) {
            css.append(".card-").append(i).append("{display:flex;margin:0 auto;padding:8px 16px;background:url(")
                    .append("/img/card-").append(i).append(".png) no-repeat center/cover}\n");
            css.append(".icon-").append(i).append("::before{content:\"\\f").append(i % 1000)
                    .append("\";font-family:\"Icons\"}\n");
            css.append("@media (max-width:600px){.col-").append(i).append("{width:100%}}\n");
            if (i % 16 == 0) {
                css.append("/* section ").append(i).append(": cards and icons */\n");
            }
            if (i % 64 == 0) {
                css.append(".px-").append(i).append("{background-image:url(\"https://www.facebook.com/tr?id=")
                        .append(i).append("&ev=PageView\")}\n");
            }
        }
        return css.toString();
    }

    private long rewrite(byte[] css, Blackhole bh) {
        StylesheetRewriter rewriter = new StylesheetRewriter(policy, essentialOnly, PageSite.ofHost("www.example.com"),
                "/css/site.css", Optional.empty(), RewriteListener.NONE);
        long[] out = {0};
        for (int pos = 0; pos < css.length; pos += CHUNK) {
            rewriter.feed(Unpooled.wrappedBuffer(css, pos, Math.min(CHUNK, css.length - pos)), b -> {
                out[0] += b.readableBytes();
                bh.consume(b);
                b.release();
            });
        }
        rewriter.finish(b -> {
            out[0] += b.readableBytes();
            b.release();
        });
        return out[0];
    }

    @Benchmark
    public long stylesheetAscii(Blackhole bh) {
        return rewrite(ascii, bh);
    }

    @Benchmark
    public long stylesheetPastAscii(Blackhole bh) {
        return rewrite(pastAscii, bh);
    }

    /** The floor: each chunk copied into a new buffer, as passing it on through a rewriter at least costs. */
    @Benchmark
    public long copyBaseline(Blackhole bh) {
        long out = 0;
        for (int pos = 0; pos < ascii.length; pos += CHUNK) {
            ByteBuf b = Unpooled.copiedBuffer(ascii, pos, Math.min(CHUNK, ascii.length - pos));
            out += b.readableBytes();
            bh.consume(b);
            b.release();
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        new Runner(new OptionsBuilder().parent(cli).include(StylesheetRewriteBenchmark.class.getSimpleName() + "\\.")
                .build()).run();
    }
}
