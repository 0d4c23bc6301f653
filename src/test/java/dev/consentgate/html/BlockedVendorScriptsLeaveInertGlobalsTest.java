package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.ConfigProblem;
import dev.consentgate.config.HtmlSettings;
import dev.consentgate.config.RulesetException;
import dev.consentgate.config.RulesetLoader;
import dev.consentgate.config.TagAction;
import dev.consentgate.consent.ConsentDecision;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * After a blocked script of a known vendor, the page defines inert stand-ins for the globals the vendor's set-up would
 * have defined, so that the site's own code calling them does not throw (TagSurrogates; what the stand-ins do in a
 * browser, and that a consent tool's re-activation still runs the vendor's own snippet, is
 * SiteCodeCallingNeutralizedTagsStillRunsE2ETest's).
 */
class BlockedVendorScriptsLeaveInertGlobalsTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();

    private static final String META = "<script>\n!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){};"
            + "t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}"
            + "(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');\n"
            + "fbq('init', '1234567890');\nfbq('track', 'PageView');\n</script>";
    private static final String MATOMO = "<script>var _paq = window._paq = window._paq || [];"
            + "_paq.push(['setTrackerUrl', 'https://matomo.example.org/matomo.php']);</script>";
    private static final String GTAG_LOADER =
            "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script>";

    private static String rewrite(TagPolicy policy, ConsentDecision consent, String html) {
        return new String(Chunks.rewrite(policy, consent, html.getBytes(StandardCharsets.UTF_8), List.of(1 << 20)),
                StandardCharsets.UTF_8);
    }

    private static String rewrite(String html) {
        return rewrite(POLICY, TestRules.ESSENTIAL_ONLY, html);
    }

    /** The stand-in scripts of the output, in order. */
    private static List<String> standIns(String out) {
        Matcher m = Pattern.compile("<script[^>]*>[^<]*__consentgateSurrogates[^<]*</script>").matcher(out);
        return m.results().map(r -> r.group()).toList();
    }

    @Test
    void theStandInsFollowTheNeutralizedScriptsEndTag() {
        // Before (found by a review): nothing followed the neutralized pixel, and the site's own fbq('track', 'Lead')
        // threw "ReferenceError: fbq is not defined" in Chromium, stopping the rest of its script.
        String out = rewrite("<head>" + META + "<p>page</p>");
        List<String> standIns = standIns(out);
        assertEquals(1, standIns.size(), out);
        assertTrue(out.contains("</script>" + standIns.get(0) + "<p>page</p>"), out);
        assertTrue(standIns.get(0).contains("d('fbq',function(){},0);"), standIns.get(0));
        assertFalse(standIns.get(0).contains("'_paq'"), "only the blocked vendor's globals: " + standIns.get(0));
    }

    @Test
    void theSharedFunctionsComeOnceAndEachBlockedScriptRecordsItsText() {
        // Before (found by a review): Matomo's _paq.push and gtag's calls threw in the site's own code too.
        String out = rewrite(META + MATOMO + GTAG_LOADER);
        List<String> standIns = standIns(out);
        assertEquals(3, standIns.size(), out);
        assertTrue(standIns.get(0).contains("Object.defineProperty(w,'__consentgateSurrogates'"), standIns.get(0));
        assertFalse(standIns.get(1).contains("Object.defineProperty(w,'__consentgateSurrogates'"), standIns.get(1));
        assertTrue(standIns.get(1).contains("s.a();d('_paq',q(),1);"), standIns.get(1));
        assertTrue(standIns.get(2).contains("d('gtag',function(){},0);d('dataLayer',q(),1);"), standIns.get(2));
    }

    @Test
    void underFullConsentThePageIsUntouched() {
        // Before (found by a review): untouched too; the stand-ins must not change that.
        String page = "<head>" + META + MATOMO + GTAG_LOADER + "<p>page</p>";
        assertEquals(page, rewrite(POLICY, TestRules.EVERYTHING, page));
    }

    @Test
    void aPageWithoutABlockedVendorScriptGetsNone() {
        // Before (found by a review): none either; stand-ins go only where a vendor's script was blocked.
        String page = "<script>var site = {lang: 'en'};</script>"
                + "<iframe src=\"https://www.youtube.com/embed/x\"></iframe><img src=\"https://www.facebook.com/tr?id=1\">";
        assertEquals(List.of(), standIns(rewrite(page)));
    }

    @Test
    void theStandInsCarryTheBlockedScriptsNonce() {
        // Before (found by a review): no stand-ins. A page whose Content-Security-Policy allows scripts by nonce ran the vendor's set-up with that nonce
        String out = rewrite(META.replace("<script>", "<script nonce=\"r4nd0m\">"));
        assertTrue(standIns(out).get(0).startsWith("<script nonce=\"r4nd0m\">"), out);
    }

    @Test
    void aRemovedScriptLeavesTheStandInsInItsPlace() {
        // Before (found by a review): the removed pixel left nothing, and the site's fbq calls threw.
        TagPolicy removing = TestRules.policy(HtmlSettings.defaults().withActions(TagAction.NEUTRALIZE,
                TagAction.REMOVE, TagAction.REMOVE, TagAction.PLACEHOLDER, Map.of("advertising", TagAction.REMOVE)));
        String out = rewrite(removing, TestRules.ESSENTIAL_ONLY, "<p>a</p>" + META + "<p>b</p>");
        assertTrue(out.startsWith("<p>a</p><script>"), out);
        assertTrue(out.endsWith("</script><p>b</p>"), out);
        assertEquals(1, standIns(out).size(), out);
        assertFalse(out.contains("fbevents.js"), out);
    }

    @Test
    void noneWhereAScriptOfTheGatewaysWouldNotRunAsThePagesOwn() {
        // Before (found by a review): none either. In SVG a script's text is markup, in noscript it never runs, and in XHTML it would need escaping
        assertEquals(List.of(), standIns(rewrite("<svg>" + META + "</svg>")));
        assertEquals(List.of(), standIns(rewrite("<noscript>" + META + "</noscript>")));
        assertEquals(List.of(), standIns(rewrite("<template>" + META + "</template>")));
    }

    @Test
    void theSameInAnyChunks() {
        // Before (found by a review): no stand-ins; now the end tag they follow may be cut anywhere.
        byte[] page = ("<html><head>" + META + MATOMO + GTAG_LOADER + "</head><body><p>x</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] whole = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, page, List.of(1 << 20));
        for (int size : new int[] {1, 2, 3, 7, 64}) {
            assertEquals(new String(whole, StandardCharsets.UTF_8), new String(Chunks.rewrite(POLICY,
                    TestRules.ESSENTIAL_ONLY, page, List.of(size)), StandardCharsets.UTF_8), "chunks of " + size);
        }
    }

    @Test
    void theRulesetCanSwitchThemOff() throws Exception {
        // Before (found by a review): there was no such setting (an unknown key 'surrogates').
        String minimal = "routes:\n  - upstream: http://127.0.0.1:9000\ncategories:\n  essential: {essential: true}\n"
                + "  advertising: {}\n";
        assertTrue(RulesetLoader.parse("r.yaml", minimal).html().surrogates(), "on by default");
        HtmlSettings off = RulesetLoader.parse("r.yaml", minimal + "html:\n  surrogates: false\n").html();
        assertFalse(off.surrogates());
        assertEquals(List.of(), standIns(rewrite(TestRules.policy(off), TestRules.ESSENTIAL_ONLY, META)));
        RulesetException e = assertThrows(RulesetException.class,
                () -> RulesetLoader.parse("r.yaml", minimal + "html:\n  surrogates: sometimes\n"));
        String problem = e.problems().stream().map(ConfigProblem::toString).findFirst().orElseThrow();
        assertTrue(problem.startsWith("r.yaml:7:15: 'surrogates' in html must be true or false"), problem);
    }
}
