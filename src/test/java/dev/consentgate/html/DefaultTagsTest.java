package dev.consentgate.html;

import dev.consentgate.config.TagRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tags of config/consentgate.yaml: well formed, blocks the common vendors, never blocks consent managers or captchas. */
class DefaultTagsTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();

    private static String rewrite(String html) {
        return new String(HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY,
                html.getBytes(StandardCharsets.UTF_8), RewriteListener.NONE), StandardCharsets.UTF_8);
    }

    @Test
    void everyRuleHasAUniqueIdAKnownCategoryAndSomethingToMatch() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (TagRule r : TestRules.defaultRules()) {
            if (!ids.add(r.id())) {
                problems.add("duplicate id " + r.id());
            }
            if (!TestRules.CATEGORIES.containsKey(r.category())) {
                problems.add(r.id() + ": unknown category " + r.category());
            }
            if (r.host().isEmpty() && r.pathPrefix().isEmpty() && r.inlineSignature().isEmpty()) {
                problems.add(r.id() + ": matches nothing");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(ids.size() > 150);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://cdn.cookielaw.org/scripttemplates/otSDKStub.js", "https://geolocation.onetrust.com/x.js",
        "https://consent.cookiebot.com/uc.js", "https://consentcdn.cookiebot.com/sdk/bc-v4.min.html",
        "https://app.usercentrics.eu/browser-ui/latest/loader.js", "https://cdn.iubenda.com/cs/iubenda_cs.js",
        "https://sdk.privacy-center.org/loader.js", "https://cmp.quantcast.com/choice/x/choice.js",
        "https://consent.trustarc.com/notice?domain=x", "https://cdn.consentmanager.net/delivery/cmp.min.js",
        "https://cdn-cookieyes.com/client_data/x/script.js", "https://app.termly.io/embed.min.js",
        "https://cmp.osano.com/x/osano.js", "https://cdn.kiprotect.com/klaro/v0.7/klaro.js",
        "https://gdpr-tcfv2.sp-prod.net/wrapperMessagingWithoutDetection.js",
        "https://www.google.com/recaptcha/api.js", "https://www.gstatic.com/recaptcha/releases/x/recaptcha__en.js",
        "https://www.recaptcha.net/recaptcha/api.js", "https://js.hcaptcha.com/1/api.js",
        "https://challenges.cloudflare.com/turnstile/v0/api.js"})
    void consentManagersAndCaptchasAreNeverBlocked(String url) {
        String html = "<script src=\"" + url + "\"></script><link rel=preconnect href=\"" + url + "\">";
        assertEquals(html, rewrite(html));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://www.googletagmanager.com/gtag/js?id=G-1", "https://www.google-analytics.com/analytics.js",
        "https://securepubads.g.doubleclick.net/tag/js/gpt.js", "https://connect.facebook.net/en_US/fbevents.js",
        "https://snap.licdn.com/li.lms-analytics/insight.min.js", "https://analytics.tiktok.com/i18n/pixel/events.js",
        "https://bat.bing.com/bat.js", "https://www.clarity.ms/tag/x", "https://static.hotjar.com/c/hotjar-1.js",
        "https://cdn.segment.com/analytics.js/v1/x/analytics.min.js", "https://js.hs-scripts.com/1.js",
        "https://cdn.matomo.cloud/x/matomo.js", "https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js",
        "https://cdn.amplitude.com/libs/amplitude-8.min.js", "https://static.ads-twitter.com/uwt.js",
        "https://s.pinimg.com/ct/core.js", "https://sc-static.net/scevent.min.js",
        "https://static.criteo.net/js/ld/publishertag.js", "https://cdn.taboola.com/libtrc/x/loader.js",
        "https://widgets.outbrain.com/outbrain.js", "https://platform.twitter.com/widgets.js",
        "https://www.instagram.com/embed.js", "https://connect.facebook.net/en_US/sdk.js",
        "https://www.youtube.com/iframe_api"})
    void commonVendorScriptsAreNeutralized(String url) {
        String out = rewrite("<script async src=\"" + url + "\"></script>");
        assertTrue(out.startsWith("<script type=\"text/plain\""), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.youtube.com/embed/x", "https://www.youtube-nocookie.com/embed/x",
        "https://player.vimeo.com/video/1", "https://www.facebook.com/plugins/page.php?href=x",
        "https://platform.twitter.com/embed/Tweet.html?id=1", "https://www.instagram.com/p/x/embed"})
    void commonEmbedsBecomePlaceholders(String url) {
        String out = rewrite("<iframe src=\"" + url + "\"></iframe>");
        assertTrue(out.startsWith("<div class=\"consentgate-placeholder\"") && out.contains("functionality"), out);
    }
}
