package dev.consentgate.html;

import dev.consentgate.config.HtmlSettings;
import dev.consentgate.config.HtmlSettings.NeutralizeStyle;
import dev.consentgate.config.TagAction;
import dev.consentgate.consent.ConsentDecision;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the rewriter writes in place of an element it acts on loads and runs nothing, lets the consent tool restore
 * exactly what was blocked, and ends where the browser ends the element. Each case was found by a review, failed
 * before its fix, and was loaded in Chromium (headless, requests logged by a local server) where a browser's
 * behaviour is the point.
 */
class NeutralizedOutputTest {

    private static final String YOUTUBE = "https://www.youtube.com/embed/x";

    /** The default rules with embeds neutralized (html.actions.embed: neutralize), in the given preset. */
    private static TagPolicy neutralizingEmbeds(NeutralizeStyle style) {
        return TestRules.policy(HtmlSettings.defaults().withNeutralize(style).withActions(TagAction.NEUTRALIZE,
                TagAction.REMOVE, TagAction.REMOVE, TagAction.NEUTRALIZE, Map.of()));
    }

    private static String rewrite(TagPolicy policy, String html) {
        return rewrite(policy, TestRules.ESSENTIAL_ONLY, html);
    }

    private static String rewrite(TagPolicy policy, ConsentDecision consent, String html) {
        return new String(Chunks.rewrite(policy, consent, html.getBytes(StandardCharsets.UTF_8), List.of(1 << 20)),
                StandardCharsets.UTF_8);
    }

    /** The value of the first attribute of that name in the first tag of {@code html} (as browsers keep it). */
    private static String firstAttribute(String html, String name) {
        String tag = html.substring(0, html.indexOf('>') + 1);
        Matcher m = Pattern.compile("[\\s/]" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Input: {@code <iframe srcdoc="<script src=https://www.googletagmanager.com/gtm.js?id=GTM-X></script>">} under
     * essential-only consent, with embeds neutralized ({@code html.actions.embed: neutralize}, a documented setting;
     * the same for a rule or category whose action is neutralize). The frame is judged by its srcdoc
     * (ElementJudge's judgeSrcdoc) and reported as neutralized, but ElementRewrites#neutralize renames only src,
     * object's data and the lazy-loader attributes: the srcdoc is written back as it was. A browser renders srcdoc in
     * place of src (HTML: "if the element has a srcdoc attribute, navigate to about:srcdoc"), so the frame still loads
     * GTM: in Chromium the rewritten page requested www.googletagmanager.com/gtm.js. Expected: a neutralized frame
     * keeps no srcdoc (moved to a data- attribute like src), so nothing in it runs before consent. Fail-open.
     */
    @Test
    void aNeutralizedFrameKeepsItsSrcdocAndStillRunsTheTracker() {
        String out = rewrite(neutralizingEmbeds(NeutralizeStyle.CONSENTGATE),
                "<iframe srcdoc=\"<script src=https://www.googletagmanager.com/gtm.js?id=GTM-X></script>\"></iframe>");
        assertTrue(out.contains("data-cg-rule=\"google-tag-manager\""), "the frame was acted on: " + out);
        assertFalse(Pattern.compile("(?i)[\\s/\"']srcdoc\\s*=").matcher(out).find(),
                "a neutralized frame must not keep the srcdoc that loads the tracker: " + out);
    }

    /**
     * Input: a first-party frame whose onload handler starts Meta's pixel,
     * {@code <iframe src="/embed/own.html" onload="...s.src='https://connect.facebook.net/en_US/fbevents.js'...">},
     * with embeds neutralized. The handler blocks the frame (README: "A blocked handler takes its element with it (the
     * element's own action)"; rule meta-pixel-loader-inline), and the element's action is neutralize: src moves to
     * data-cg-src but the onload attribute is written back unchanged. An iframe without src still loads about:blank
     * and fires its load event (HTML: "process the iframe attributes" with no src navigates to about:blank, and the
     * load event is fired), so the handler runs: in Chromium the rewritten page requested
     * connect.facebook.net/en_US/fbevents.js. Expected: a neutralized element keeps no blocked handler (renamed, like
     * src). Fail-open.
     */
    @Test
    void aFrameNeutralizedForItsHandlerKeepsTheHandlerWhichStillFires() {
        String out = rewrite(neutralizingEmbeds(NeutralizeStyle.CONSENTGATE),
                "<iframe src=\"/embed/own.html\" width=\"300\" height=\"200\" onload=\"var s=document.createElement("
                        + "'script');s.src='https://connect.facebook.net/en_US/fbevents.js';"
                        + "document.head.appendChild(s)\"></iframe>");
        assertTrue(out.contains("data-cg-category=\"advertising\""), "the frame was acted on: " + out);
        assertFalse(Pattern.compile("(?i)[\\s/\"']onload\\s*=").matcher(out).find(),
                "the handler that loads Meta's pixel still fires on the neutralized frame's about:blank load: " + out);
    }
    /**
     * Input: the two common lazy-loaded embed forms, with embeds neutralized for the site's consent tool:
     * (1) Cookiebot preset, {@code <iframe data-src="https://www.youtube.com/embed/x" class="lazyload">} (no src);
     * (2) OneTrust preset, {@code <iframe src="about:blank" data-src="https://www.youtube.com/embed/x"
     * class="lazyload">}. Both are blocked by their data-src (AddressAttributes.FRAME). But
     * ElementRewrites#neutralize only renames src into the tool's restore attribute: (1) gets no data-cookieblock-src
     * at all (its URL goes to data-cg-blocked-data-src), so Cookiebot, which restores a frame from
     * data-cookieblock-src, has nothing to load; (2) gets data-src="about:blank" before the original data-src, and
     * browsers keep the first of duplicated attributes, so OneTrust (which sets src from data-src on consent) loads
     * about:blank. Either way the visitor who consents never gets the video (the lazy loader cannot load it either:
     * its URL was renamed, or its class shadowed by ours). Expected: the restore attribute named by the preset holds
     * the URL that was blocked. Valid consent misread (site broken after consent).
     */
    @Test
    void theConsentToolsRestoreAttributeDoesNotHoldALazyFramesUrl() {
        String cookiebot = rewrite(neutralizingEmbeds(NeutralizeStyle.COOKIEBOT),
                "<iframe data-src=\"" + YOUTUBE + "\" class=\"lazyload\" width=\"560\" height=\"315\"></iframe>");
        assertTrue(cookiebot.contains("data-cookieconsent=\"preferences\""), cookiebot);
        String onetrust = rewrite(neutralizingEmbeds(NeutralizeStyle.ONETRUST),
                "<iframe src=\"about:blank\" data-src=\"" + YOUTUBE + "\" class=\"lazyload\"></iframe>");
        assertTrue(onetrust.contains("class=\"optanon-category-C0003\""), onetrust);
        assertEquals(YOUTUBE, firstAttribute(cookiebot, "data-cookieblock-src"),
                "Cookiebot restores the frame from data-cookieblock-src: " + cookiebot);
        assertEquals(YOUTUBE, firstAttribute(onetrust, "data-src"),
                "OneTrust restores the frame from the first data-src: " + onetrust);
    }

    /**
     * Input: {@code <svg><iframe src="https://www.youtube.com/embed/x"/></svg><p>rest of the page</p>} (default
     * settings; the same with an object). Inside SVG an iframe is an SVG-namespace element and its self-closing flag
     * is acknowledged (HTML tree construction, "rules for parsing tokens in foreign content": a self-closing start
     * tag is popped at once): the element is closed, and Chromium renders {@code <p>rest of the page</p>}. The
     * rewriter removes the frame (placeholder becomes remove in SVG) and ByteStreamRewriter#dropContent starts
     * DroppedContent for it, which waits for an {@code </iframe>} that never comes: the output is {@code <svg>} and
     * every byte after it is dropped up to the end of the page (or to an unrelated later {@code </iframe>}). Expected:
     * a self-closing frame or object in foreign content has no content to drop; the rest of the page passes.
     * Site broken (misread).
     */
    @Test
    void aSelfClosingFrameInSvgSwallowsTheRestOfThePage() {
        for (String element : List.of("<iframe src=\"" + YOUTUBE + "\"/>",
                "<object data=\"https://www.youtube.com/v/x\"/>")) {
            String out = rewrite(TestRules.defaultPolicy(), "<svg>" + element + "</svg><p>rest of the page</p>");
            assertTrue(out.endsWith("</svg><p>rest of the page</p>"), element + " -> " + out);
        }
    }

    /**
     * A page with {@code <base href="https://static.example.net/">} and a YouTube frame, requested from
     * www.example.com. Before (found by a review): the placeholder's consent link was the relative
     * {@code /.consentgate/consent?category=functionality}, which Chromium resolved against the base to
     * static.example.net: "Allow functionality" left the site. Now the link names the page's own host when a base
     * names another; otherwise it stays relative.
     */
    @Test
    void thePlaceholdersConsentLinkStaysOnThePagesHostWhateverItsBase() {
        String frame = "<iframe width=\"560\" height=\"315\" src=\"" + YOUTUBE + "\"></iframe>";
        assertEquals("//www.example.com/.consentgate/consent?category=functionality",
                consentLink("<base href=\"https://static.example.net/\">" + frame, PageSite.ofHost("www.example.com")));
        assertEquals("/.consentgate/consent?category=functionality",
                consentLink("<base href=\"https://www.example.com/shop/\">" + frame, PageSite.ofHost("www.example.com")));
        assertEquals("/.consentgate/consent?category=functionality", consentLink(frame, PageSite.ofHost("www.example.com")));
        // a saved page judged on its own: its host is not known
        assertEquals("/.consentgate/consent?category=functionality",
                consentLink("<base href=\"https://static.example.net/\">" + frame, PageSite.NONE));
    }

    private static String consentLink(String page, PageSite site) {
        String out = new String(HtmlRewriter.rewriteAll(TestRules.defaultPolicy(), TestRules.ESSENTIAL_ONLY, site,
                page.getBytes(StandardCharsets.UTF_8), RewriteListener.NONE, Optional.empty(), null),
                StandardCharsets.UTF_8);
        Matcher link = Pattern.compile("<a href=\"([^\"]*)\"").matcher(out);
        assertTrue(link.find(), out);
        return link.group(1).replace("&amp;", "&");
    }
}
