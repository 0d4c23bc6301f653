package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped ruleset under essential-only consent, on whole UTF-8 pages: the rewriting and the "none passes"
 * check that the tests of URL and script forms share.
 */
final class EssentialOnly {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();

    private EssentialOnly() {
    }

    static String rewrite(String html) {
        return rewrite(html.getBytes(StandardCharsets.UTF_8));
    }

    static String rewrite(byte[] html) {
        return new String(HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, html, RewriteListener.NONE),
                StandardCharsets.UTF_8);
    }

    /** The elements the rewriter acted on (removed, neutralized, replaced, or let through past a limit). */
    static List<RewriteEvent> events(String html) {
        List<RewriteEvent> events = new ArrayList<>();
        HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, html.getBytes(StandardCharsets.UTF_8), events::add);
        return events;
    }

    /** Every case is acted on: none passes untouched (a long case is named by its two ends). */
    static void assertEachBlocked(String... cases) {
        List<String> passed = new ArrayList<>();
        for (String html : cases) {
            if (rewrite(html).equals(html)) {
                passed.add(html.length() > 300 ? html.substring(0, 120) + "...(" + html.length() + " chars)..."
                        + html.substring(html.length() - 120) : html);
            }
        }
        assertTrue(passed.isEmpty(), "passed untouched under essential-only consent: " + passed);
    }
}
