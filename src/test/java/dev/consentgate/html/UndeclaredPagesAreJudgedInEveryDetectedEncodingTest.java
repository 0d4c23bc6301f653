package dev.consentgate.html;

import dev.consentgate.config.HtmlSettings;
import dev.consentgate.config.TagRule;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page that declares no encoding (no byte order mark, no Content-Type charset, no meta) is read by Chromium in
 * what its encoding detector guesses from the page's text: Shift_JIS, EUC-JP, GBK, Big5, EUC-KR..., where fullwidth
 * letters are the ASCII letters of a tracker's host. Without guessing as the detector does, a value with a byte past
 * ASCII is judged in every encoding it may choose, and blocked when any reading names a host not consented to.
 */
class UndeclaredPagesAreJudgedInEveryDetectedEncodingTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();
    /** www.ｆａｃｅｂｏｏｋ.com */
    private static final String FACEBOOK = "www.\uff46\uff41\uff43\uff45\uff42\uff4f\uff4f\uff4b.com";
    /** Japanese text, a paragraph of an ordinary page. */
    private static final String TEXT = "<p>\u3053\u308c\u306f\u65e5\u672c\u8a9e\u306e\u30da\u30fc\u30b8\u3067\u3059"
            + "\u3002</p>";

    private static String rewrite(byte[] page, Charset encoding) {
        return new String(HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, PageSite.NONE, page,
                RewriteListener.NONE, Optional.empty(), null), encoding);
    }

    @Test
    void aHostInFullwidthLettersIsJudgedAsEachDetectedEncodingReadsIt() {
        // Before (found by a review): each element passed untouched under essential-only consent: the gateway read
        // the bytes as UTF-8 or windows-1252, where the fullwidth letters are no ASCII. Chromium 150 (headless,
        // pages served from a local server without a charset, UndeclaredPagesHostsInEveryDetectedEncodingE2ETest)
        // detected each page's encoding and requested www.facebook.com/tr for the img and the script.
        for (String name : List.of("Shift_JIS", "EUC-JP", "GBK", "Big5", "EUC-KR")) {
            Charset encoding = Charset.forName(name);
            String page = TEXT + "<img src=\"https://" + FACEBOOK + "/tr?id=1\">"
                    + "<iframe src=\"https://www.\uff59\uff4f\uff55\uff54\uff55\uff42\uff45.com/embed/x\"></iframe>"
                    + "<script>new Image().src = \"https://" + FACEBOOK + "/tr?id=2\";</script>";
            String out = rewrite(page.getBytes(encoding), encoding);
            assertFalse(out.contains("<img") || out.contains("<iframe") || !out.contains("<script type=\"text/plain\""),
                    name + ": " + out);
        }
    }

    @Test
    void aBaseInFullwidthLettersCountsAsEachDetectedEncodingReadsIt() {
        // Before (found by a review): the img passed: the base's host, read as UTF-8 or windows-1252, named no
        // tracker, while read as Shift_JIS it is www.facebook.com, from which the relative tr then loads.
        String page = TEXT + "<base href=\"https://" + FACEBOOK + "/\"><img src=\"tr?id=6\">";
        Charset sjis = Charset.forName("Shift_JIS");
        String out = rewrite(page.getBytes(sjis), sjis);
        assertFalse(out.contains("<img"), out);
    }

    @Test
    void aDataUrlsContentIsJudgedAsEachDetectedEncodingReadsIt() {
        // Before (found by a review): both passed: a data: script without a charset is read in the page's encoding,
        // a data: document without one as a page that declares none, and either was read as UTF-8 or
        // windows-1252 only, where the Shift_JIS bytes of 'ａ' (%82%81) are no ASCII.
        Charset sjis = Charset.forName("Shift_JIS");
        String script = TEXT + "<script src=\"data:text/javascript,new Image().src='https://www.f%82%81cebook.com/tr"
                + "?id=3'\"></script>";
        String out = rewrite(script.getBytes(sjis), sjis);
        assertFalse(out.contains("<script src"), out);
        String frame = TEXT + "<iframe src=\"data:text/html,<p>%82%A0</p><img src='https://www.f%82%81cebook.com"
                + "/tr?id=4'>\"></iframe>";
        out = rewrite(frame.getBytes(sjis), sjis);
        assertFalse(out.contains("<iframe"), out);
    }

    @Test
    void anOrdinaryUndeclaredPagePassesAsItIs() {
        Charset sjis = Charset.forName("Shift_JIS");
        String page = TEXT + "<img src=\"/\u5199\u771f.png\" alt=\"\u5199\u771f\" title=\"\u6771\u4eac\">"
                + "<a href=\"/\u4f1a\u793e\">\u4f1a\u793e</a><script>var t = \"\u65e5\u672c\";</script>"
                + "<img src=\"https://www.example.jp/\u753b\u50cf.png\">";
        assertEquals(page, rewrite(page.getBytes(sjis), sjis));
    }

    @Test
    void aDeclaredPageIsReadInItsOwnEncodingOnly() {
        // in windows-1252, declared, the Shift_JIS bytes of 'ａ' are "‚" and a C1 control: no tracker's host
        byte[] page = ("<meta charset=\"windows-1252\"><img src=\"https://www.f\u0082\u0081cebook.com/tr?id=5\">")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(rewrite(page, StandardCharsets.ISO_8859_1).contains("<img"));
    }

    @Test
    void aHostARedirectCarriesPastAnAddressPathInJapaneseIsJudgedInEachReading() {
        // an address whose own host is ASCII is judged once when only its path is past ASCII (every reading then
        // judges alike); a host carried after "//" is not its path
        Charset sjis = Charset.forName("Shift_JIS");
        String page = TEXT + "<img src=\"/\u5199\u771f.png?u=//" + FACEBOOK + "/tr?id=7\">";
        assertFalse(rewrite(page.getBytes(sjis), sjis).contains("<img"));
    }

    @Test
    void aRulesPathPastAsciiMakesEveryReadingOfAnAddressPathCount() {
        // a rule's path in Japanese ("/画像/", images) matches the Shift_JIS bytes of an address only as Shift_JIS
        // reads them
        List<TagRule> rules = new ArrayList<>(TestRules.defaultRules());
        rules.add(new TagRule("photo-beacon", Optional.empty(),
                Optional.of("/\u753b\u50cf/"), Optional.empty(), "analytics", Optional.empty(), "test"));
        TagPolicy policy = new TagPolicy(rules, TestRules.CATEGORIES, HtmlSettings.defaults());
        Charset sjis = Charset.forName("Shift_JIS");
        byte[] page = (TEXT + "<img src=\"https://cdn.example.jp/\u753b\u50cf/b.gif\">").getBytes(sjis);
        String out = new String(HtmlRewriter.rewriteAll(policy, TestRules.ESSENTIAL_ONLY, PageSite.NONE, page,
                RewriteListener.NONE, Optional.empty(), null), sjis);
        assertFalse(out.contains("<img"), out);
        // the default rules, all ASCII, pass the same page
        assertTrue(rewrite(page, sjis).contains("<img"));
        // and the same for an address an inline script loads
        byte[] script = (TEXT + "<script>new Image().src = \"https://cdn.example.jp/\u753b\u50cf/b.gif\";</script>")
                .getBytes(sjis);
        out = new String(HtmlRewriter.rewriteAll(policy, TestRules.ESSENTIAL_ONLY, PageSite.NONE, script,
                RewriteListener.NONE, Optional.empty(), null), sjis);
        assertTrue(out.contains("<script type=\"text/plain\""), out);
        assertEquals(new String(script, sjis), rewrite(script, sjis));
    }
}
