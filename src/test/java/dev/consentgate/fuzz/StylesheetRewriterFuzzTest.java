package dev.consentgate.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.consentgate.config.Ruleset;
import dev.consentgate.config.RulesetLoader;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.html.PageSite;
import dev.consentgate.html.RewriteEvent;
import dev.consentgate.html.StylesheetRewriter;
import dev.consentgate.html.TagPolicy;
import dev.consentgate.testing.CollectedBytes;
import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Jazzer target for the rewriter of the stylesheets a site serves, under the shipped tag rules and essential-only
 * consent. In {@code mvn verify} it replays the seeds in {@code
 * src/test/resources/dev/consentgate/fuzz/StylesheetRewriterFuzzTestInputs/}; {@code mvn -Pfuzz test
 * -Dfuzz.target=StylesheetRewriterFuzzTest} fuzzes it. Invariants: with the shipped limits, the output (or the
 * refusal of a token with no place to read on from) does not depend on how the body is chunked; with limits small
 * enough for short inputs to pass them too, the output, served again, holds nothing a rule blocks: an address the
 * first pass let through, or made by writing {@code none} in, would be one a browser loads.
 */
class StylesheetRewriterFuzzTest {

    private static final Ruleset RULESET = load();
    private static final TagPolicy POLICY = new TagPolicy(RULESET.tagRules(), RULESET.categories(), RULESET.html());
    /** An inspect limit small enough for short inputs to hold tokens past it. */
    private static final TagPolicy SMALL_LIMITS = new TagPolicy(RULESET.tagRules(), RULESET.categories(),
            RULESET.html().withLimits(64, 96));
    private static final ConsentDecision ESSENTIAL_ONLY = new ConsentDecision(
            new HashSet<>(RULESET.essentialCategories()), "fuzz", Optional.empty(), false, Optional.empty());
    /** No charset (read in every encoding a page may have), and labels of each kind of encoding. */
    private static final List<String> LABELS = List.of("", "utf-8", "shift_jis", "gbk", "big5", "euc-kr",
            "utf-16le", "iso-2022-jp", "windows-1252");

    private static Ruleset load() {
        try {
            return RulesetLoader.load(Path.of("config/consentgate.yaml"));
        } catch (Exception e) {
            throw new IllegalStateException("default ruleset", e);
        }
    }

    /** The bytes sent, or null when the stylesheet was refused; {@code blocks}: what a rule blocked on the way. */
    private static byte[] serve(TagPolicy policy, byte[] css, int chunk, String label, List<RewriteEvent> blocks) {
        StylesheetRewriter rewriter = new StylesheetRewriter(policy, ESSENTIAL_ONLY, PageSite.ofHost("www.example.com"),
                "/css/site.css", label.isEmpty() ? Optional.empty() : Optional.of(label), event -> {
                    // a long token near the limit goes whole or not as the body arrives, failing closed: only what a
                    // rule blocks counts
                    if (event.action() != RewriteEvent.Action.PASSED_OVER_LIMIT
                            && !event.ruleId().equals("inline_script_inspect_limit")) {
                        blocks.add(event);
                    }
                });
        CollectedBytes sink = new CollectedBytes();
        try {
            for (int i = 0; i < css.length; i += chunk) {
                rewriter.feed(Unpooled.copiedBuffer(css, i, Math.min(chunk, css.length - i)), sink);
            }
            rewriter.finish(sink);
        } catch (IllegalStateException refused) {
            // a token past the limit with no place to read on from: the response is aborted (see safeCut)
            return null;
        } finally {
            rewriter.release();
        }
        return sink.bytes();
    }

    @FuzzTest(maxDuration = "30s")
    void rewritingIsChunkIndependentAndLeavesNothingToBlock(FuzzedDataProvider data) {
        int chunk = data.consumeInt(1, 64);
        String label = data.pickValue(LABELS);
        TagPolicy policy = data.pickValue(List.of(POLICY, SMALL_LIMITS));
        byte[] css = data.consumeRemainingAsBytes();
        byte[] whole = serve(policy, css, Math.max(1, css.length), label, new ArrayList<>());
        if (policy == POLICY) {
            // (a token near the inspect limit may be read whole or cut, as the body arrives: see StylesheetRewriter)
            assertArrayEquals(whole, serve(policy, css, chunk, label, new ArrayList<>()));
        }
        if (whole == null) {
            return;
        }
        List<RewriteEvent> blockedAgain = new ArrayList<>();
        serve(policy, whole, Math.max(1, whole.length), label, blockedAgain);
        assertEquals(List.of(), blockedAgain);
    }
}
