package dev.consentgate.html;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A rule set a Speculation-Rules header names is served apart from its page, but a rule of it saying
 * {@code "relative_to": "document"} resolves against the page's base URL: Chromium 150, given a page with
 * {@code <base href="https://www.youtube.com/">} and a header naming the site's own rule set with such a list rule
 * for {@code embed/...}, prefetched www.youtube.com/embed/... (SpeculationRulesReachNoTrackerE2ETest). The gateway,
 * judging the rule set apart from its page, does not know that base: such a rule goes, failing closed; one relative
 * to the rule set's own URL, or naming absolute URLs only, is judged as before.
 */
class RuleSetsServedApartGoWhenRelativeToThePagesBaseTest {

    private static String serve(String json) {
        SpeculationRuleSetRewriter rewriter = new SpeculationRuleSetRewriter(TestRules.defaultPolicy(),
                TestRules.ESSENTIAL_ONLY, PageSite.ofHost("www.example.com"), RewriteListener.NONE);
        List<ByteBuf> out = new ArrayList<>();
        rewriter.feed(Unpooled.copiedBuffer(json, StandardCharsets.UTF_8), out::add);
        rewriter.finish(out::add);
        StringBuilder body = new StringBuilder();
        for (ByteBuf b : out) {
            body.append(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        return body.toString();
    }

    @Test
    void aRuleRelativeToThePagesBaseGoes() {
        // Before (found by a review): each passed, judged relative to the rule set's own URL on the site's host;
        // Chromium resolved it against the page's base on the tracker's host and prefetched the tracker's page
        for (String json : List.of(
                "{\"prefetch\":[{\"source\":\"list\",\"urls\":[\"embed/x\"],\"relative_to\":\"document\"}]}",
                "{\"prefetch\":[{\"urls\":[\"/next\",\"\"],\"relative_to\":\"document\"}]}",
                "{\"prefetch\":[{\"where\":{\"href_matches\":\"/embed/*\",\"relative_to\":\"document\"}}]}",
                "{\"prefetch\":[{\"where\":{\"and\":[{\"href_matches\":\"/*\",\"relative_to\":\"document\"}]}}]}",
                "{\"prerender\":[{\"where\":{\"href_matches\":{\"pathname\":\"/embed/*\"}},\"relative_to\":\"document\"}]}")) {
            assertEquals("{}", serve(json), json);
        }
    }

    @Test
    void aRuleRelativeToTheRuleSetOrNamingWholeUrlsIsJudgedAsBefore() {
        for (String json : List.of(
                "{\"prefetch\":[{\"urls\":[\"/next\"]}]}",
                "{\"prefetch\":[{\"urls\":[\"next\"],\"relative_to\":\"ruleset\"}]}",
                "{\"prefetch\":[{\"where\":{\"href_matches\":\"/*\",\"relative_to\":\"ruleset\"}}]}",
                "{\"prefetch\":[{\"urls\":[\"https://www.example.com/next\"],\"relative_to\":\"document\"}]}",
                "{\"prefetch\":[{\"where\":{\"href_matches\":\"https://www.example.com/*\",\"relative_to\":\"document\"}}]}")) {
            assertEquals(json, serve(json), json);
        }
        assertEquals("{}", serve("{\"prefetch\":[{\"urls\":[\"https://www.youtube.com/embed/x\"],"
                + "\"relative_to\":\"document\"}]}"));
    }
}
