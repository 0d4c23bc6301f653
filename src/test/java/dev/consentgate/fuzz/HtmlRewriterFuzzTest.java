package dev.consentgate.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.consentgate.config.Ruleset;
import dev.consentgate.config.RulesetLoader;
import dev.consentgate.config.TagRule;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.html.HtmlRewriter;
import dev.consentgate.html.RewriteListener;
import dev.consentgate.html.TagPolicy;
import dev.consentgate.testing.CollectedBytes;
import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Jazzer target for the streaming HTML rewriter under the shipped tag rules. In {@code mvn verify} it replays the
 * seeds in {@code src/test/resources/dev/consentgate/fuzz/HtmlRewriterFuzzTestInputs/}; {@code mvn -Pfuzz test
 * -Dfuzz.target=HtmlRewriterFuzzTest} fuzzes it. Invariants: nothing throws; the output does not depend on how the
 * body is chunked; with every category granted the output is the input.
 */
class HtmlRewriterFuzzTest {

    private static final Ruleset RULESET = load();
    private static final TagPolicy POLICY = new TagPolicy(RULESET.tagRules(), RULESET.categories(), RULESET.html());
    /** Limits small enough for short inputs to pass them: inline scripts inspected up to 64 bytes, tags up to 96. */
    private static final TagPolicy SMALL_LIMITS = new TagPolicy(RULESET.tagRules(), RULESET.categories(),
            RULESET.html().withLimits(64, 96));
    /** The small limits and a keep rule, with which blocks wait for a script's end. */
    private static final TagPolicy KEEPING = new TagPolicy(withKeepRule(RULESET.tagRules()), RULESET.categories(),
            RULESET.html().withLimits(64, 96));

    private static List<TagRule> withKeepRule(List<TagRule> rules) {
        List<TagRule> all = new ArrayList<>(rules);
        all.add(new TagRule("site-config", Optional.empty(), Optional.empty(), Optional.of("site={"), "essential",
                Optional.empty(), "fuzz", List.of(), true));
        return all;
    }

    private static Ruleset load() {
        try {
            return RulesetLoader.load(Path.of("config/consentgate.yaml"));
        } catch (Exception e) {
            throw new IllegalStateException("default ruleset", e);
        }
    }

    private static ConsentDecision consent(boolean everything) {
        Set<String> granted = new HashSet<>(RULESET.essentialCategories());
        if (everything) {
            granted.addAll(RULESET.categories().keySet());
        }
        return new ConsentDecision(granted, "fuzz", Optional.empty(), false, Optional.empty());
    }

    private static byte[] chunked(TagPolicy policy, byte[] page, int chunk, ConsentDecision consent,
                                  Optional<String> charset) {
        HtmlRewriter rewriter = new HtmlRewriter(policy, consent, charset, RewriteListener.NONE);
        CollectedBytes sink = new CollectedBytes();
        for (int i = 0; i < page.length; i += chunk) {
            rewriter.feed(Unpooled.copiedBuffer(page, i, Math.min(chunk, page.length - i)), sink);
        }
        rewriter.finish(sink);
        return sink.bytes();
    }

    @FuzzTest(maxDuration = "30s")
    void rewritingIsTotalAndChunkIndependent(FuzzedDataProvider data) {
        int chunk = data.consumeInt(1, 64);
        boolean utf16 = data.consumeBoolean();
        TagPolicy policy = data.pickValue(List.of(POLICY, SMALL_LIMITS, KEEPING));
        byte[] page = data.consumeRemainingAsBytes();
        Optional<String> charset = utf16 ? Optional.of("UTF-16") : Optional.empty();
        byte[] whole = chunked(policy, page, Math.max(1, page.length), consent(false), charset);
        assertArrayEquals(whole, chunked(policy, page, chunk, consent(false), charset));
        assertArrayEquals(page, chunked(policy, page, chunk, consent(true), charset));
    }
}
