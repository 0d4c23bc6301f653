package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Google Consent Mode defaults (and a consent manager's updates) load nothing and deny storage: they pass, however
 * the call is laid out: each argument on its own line, comments between them, a trailing comma, CRLF line ends. A
 * script that also configures a tag or loads gtag.js stays neutralized, in every layout alike.
 */
class ConsentModeDefaultsInAnyLayoutPassTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();

    private static final String GTAG = "window.dataLayer = window.dataLayer || [];\n"
            + "function gtag(){dataLayer.push(arguments);}\n";

    private static List<String> rulesUnderEssentialOnly(String html) {
        List<String> rules = new ArrayList<>();
        HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, html.getBytes(StandardCharsets.UTF_8),
                event -> rules.add(event.ruleId()));
        return rules;
    }

    private static void assertPassesUntouched(String html) {
        assertEquals(List.of(), rulesUnderEssentialOnly(html), html);
        assertEquals(html, new String(HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY,
                html.getBytes(StandardCharsets.UTF_8), e -> { }), StandardCharsets.UTF_8));
    }

    /*
     * Input: the defaults a site writes in its head before any tag, with each argument on its own line, as
     * Prettier formats a call that does not fit on one line (and Google's own help pages show it), with comments
     * and trailing commas, in single or double quotes, with tabs or CRLF.
     * Before (found by a review): neutralized as analytics by google-gtag-inline ("function gtag("), which gives way
     * only to the consent-mode signatures written on one line (gtag('consent', 'default' and its compact and spaced
     * forms): without the defaults, Google's tags loaded later (once consented) run without the denied defaults and
     * the consent manager's updates call an undefined gtag.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "gtag(\n  'consent',\n  'default',\n  {\n    ad_storage: 'denied',\n    analytics_storage: 'denied',\n"
                    + "    wait_for_update: 500,\n  },\n);\n",
            "gtag(\n\t\"consent\",\n\t\"default\",\n\t{\n\t\t\"ad_storage\": \"denied\",\n\t\t\"ad_user_data\": \"denied\"\n"
                    + "\t}\n);\n",
            "gtag('consent', // Consent Mode v2\n  'default', {ad_storage: 'denied', analytics_storage: 'denied'});\n",
            "gtag( /* before any tag */ 'consent', /* denied until the visitor answers */ 'default', {\n"
                    + "  'ad_storage': 'denied', // advertising\n  'analytics_storage': 'denied', // analytics\n});\n",
            "gtag(\r\n  'consent',\r\n  'default',\r\n  { ad_storage: 'denied' }\r\n);\r\n",
            "gtag\n(\n  'consent',\n  'update',\n  { analytics_storage: 'granted', },\n);\n",
    })
    void consentModeCallsLaidOutOverSeveralLinesOrWithCommentsPass(String call) {
        assertPassesUntouched("<script>\n" + GTAG + call + "gtag('set', 'ads_data_redaction', true);\n</script>");
    }

    /*
     * Input: the same defaults, with the tag configured or gtag.js loaded in the same script, laid out alike or on one
     * line.
     * Before (found by a review): neutralized (google-gtag-inline, since no consent-mode signature matched); so they
     * must stay once the defaults are read in any layout (fail closed: the script also loads or calls the tracker).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "gtag(\n  'config',\n  'G-ABC123',\n);\n",
            "gtag(\n  \"config\",\n  \"G-ABC123\"\n);\n",
            "gtag( // measure\n  'config', 'AW-123456789');\n",
            "gtag('config', 'G-ABC123');\n",
            "gtag(\n  'js',\n  new Date()\n);\nvar s = document.createElement('script'); s.async = true;\n"
                    + "s.src = 'https://www.googletagmanager.com/gtag/js?id=G-ABC123'; document.head.appendChild(s);\n",
    })
    void theSameScriptConfiguringOrLoadingTheTagStaysNeutralized(String tag) {
        String defaults = "gtag(\n  'consent',\n  'default',\n  {\n    ad_storage: 'denied',\n  },\n);\n";
        List<String> rules = rulesUnderEssentialOnly("<script>\n" + GTAG + defaults + tag + "</script>");
        assertFalse(rules.isEmpty(), "passed: " + tag);
    }

    /**
     * Before (found by a review): there was no compacted reading; it must carry its state (a comment, a string, a
     * held '/') from one piece to the next, so the verdict does not depend on where the script is cut.
     */
    @Test
    void theVerdictIsTheSameInOneByteChunks() {
        for (String tail : List.of("", "gtag( /* measure */\n  'config',\n  'G-ABC123'\n);\n")) {
            byte[] in = ("<script>\n" + GTAG + "gtag( // v2\n 'consent', /* a */ 'default', {\n ad_storage: 'denied',"
                    + "\n},\n);\n" + tail + "</script>").getBytes(StandardCharsets.UTF_8);
            assertEquals(new String(HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, in, e -> { }),
                            StandardCharsets.UTF_8),
                    new String(Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, in, List.of(1)), StandardCharsets.UTF_8));
        }
    }

    /**
     * Before (found by a review): neutralized (google-gtag-inline); a mere mention in a string is no call, so the gtag
     * definition beside it is still caught.
     */
    @Test
    void theWordsInAStringExcuseNothing() {
        List<String> rules = rulesUnderEssentialOnly("<script>\n" + GTAG
                + "var help = 'call gtag(\\n \\'consent\\', \\'default\\')';\n</script>");
        assertEquals(List.of("google-gtag-inline"), rules);
    }
}
