package dev.consentgate.html;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Site code under essential-only consent and the shipped ruleset once blocked because its names merely contain a
 * vendor's signature ("peso_paquete", "this.pageName=", "layer_satellite"): signatures that start a name now match
 * only where a name starts. Found by a review of over-blocking; "Before" in each comment says what happened then.
 */
class EssentialsThatMustPassTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();

    /** What the rewriter did under essential-only consent, one event per element acted on. */
    private static List<RewriteEvent> eventsUnderEssentialOnly(String html) {
        List<RewriteEvent> events = new ArrayList<>();
        HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, html.getBytes(StandardCharsets.UTF_8), events::add);
        return events;
    }

    private static String rewriteEssentialOnly(String html) {
        return new String(HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY,
                html.getBytes(StandardCharsets.UTF_8), RewriteListener.NONE), StandardCharsets.UTF_8);
    }

    private static void assertPassesUntouched(String html) {
        // a script a keep rule passed whole is reported as kept: that is no action on it
        List<RewriteEvent> events = eventsUnderEssentialOnly(html).stream()
                .filter(e -> e.action() != RewriteEvent.Action.KEPT).toList();
        assertEquals(List.of(), events, "acted on under essential-only consent: " + html);
        assertEquals(html, rewriteEssentialOnly(html));
    }

    /** The ids of the rules that acted on the page under essential-only consent, in page order. */
    private static List<String> rulesUnderEssentialOnly(String html) {
        return eventsUnderEssentialOnly(html).stream().map(RewriteEvent::ruleId).toList();
    }

    /*
     * Input: a Spanish shop's checkout script that prices the parcel: var peso_paquete = ...; precio_paquete ...
     * ("paquete" is Spanish for parcel; French "paquet" gives the same _paq...).
     * Before (found by a review): neutralized as analytics by rule matomo-inline (signature "_paq"): SignatureMatcher finds signatures as
     * plain substrings, with no identifier boundary, so any identifier containing "_paq" is taken for Matomo's
     * queue.
     * Expected: passes untouched: it names no tracker and loads nothing; the checkout total is never computed.
     */
    @Test
    void checkoutShippingScriptWithSpanishParcelVariablesPasses() {
        assertPassesUntouched("<script>var peso_paquete = 2.4; var precio_paquete = peso_paquete > 2 ? 7.95 : 4.95;"
                + " document.getElementById('envio').textContent = precio_paquete.toFixed(2) + ' \u20ac';</script>");
    }

    /*
     * Input: a site's own sign-in step code that sets this.pageName (compact, as minified code writes it, and
     * spaced).
     * Before (found by a review): neutralized as analytics by rules adobe-analytics-pagename-inline / -spaced-inline (signatures
     * "s.pageName=" and "s.pageName ="), because "this.pageName=" contains "s.pageName=".
     * Expected: passes: it is not Adobe's s object, it loads and names nothing.
     */
    @Test
    void siteCodeSettingThisPageNamePasses() {
        assertPassesUntouched("<script>function Step(n){this.pageName=n;this.el=document.getElementById(n)}"
                + "var step=new Step('login');</script>"
                + "<script>function Checkout(name) { this.pageName = name; } var c = new Checkout('payment');</script>");
    }

    /*
     * Input: a store locator built on Leaflet (unpkg, passes) with a satellite base layer from Esri's public tiles:
     * var layer_satellite = L.tileLayer(...).
     * Before (found by a review): neutralized as analytics by rule adobe-launch-inline (signature "_satellite"), which matches the
     * site's variable name layer_satellite.
     * Expected: passes: no tracker is loaded or named; the store locator (which does not use Google Maps, so the
     * functionality rules for maps do not concern it) shows no map.
     */
    @Test
    void storeLocatorWithSatelliteLayerVariablePasses() {
        assertPassesUntouched("<script>var map = L.map('stores').setView([48.85, 2.35], 12);"
                + " var layer_satellite = L.tileLayer('https://server.arcgisonline.com/ArcGIS/rest/services/"
                + "World_Imagery/MapServer/tile/{z}/{y}/{x}', { attribution: 'Esri' }); layer_satellite.addTo(map);"
                + "</script>");
    }

    /*
     * Input: At.js (ichord's @-mention autocomplete for jQuery; npm "at.js", about 48,000 downloads a month) from
     * the public CDNs: https://cdnjs.cloudflare.com/ajax/libs/at.js/1.5.4/js/jquery.atwho.min.js and
     * https://cdn.jsdelivr.net/npm/at.js@1.5.4/dist/js/jquery.atwho.min.js.
     * Before (found by a review): both neutralized as analytics by rule adobe-target-atjs-self-hosted ({path: /at.js}): a path-only rule
     * is a prefix looked for after every '/' of the path, so the library's directory "at.js/" (cdnjs) or
     * "at.js@1.5.4" (jsdelivr) starts with it, though neither is a file named at.js.
     * Expected: passes. README and the ruleset: "fonts and plain CDNs have no rule at all" / "(cdnjs, jsdelivr,
     * unpkg) have no rule: they pass"; the site's comment and mention fields stop working without it.
     */
    @Test
    void atJsMentionLibraryFromPublicCdnsPasses() {
        assertPassesUntouched("<script src=\"https://cdnjs.cloudflare.com/ajax/libs/at.js/1.5.4/js/jquery.atwho.min.js\">"
                + "</script><script src=\"https://cdn.jsdelivr.net/npm/at.js@1.5.4/dist/js/jquery.atwho.min.js\">"
                + "</script>");
    }

    /*
     * Input: Google Consent Mode defaults written to WordPress' coding standard, with spaces inside the
     * parentheses, as WordPress consent plugins and themes print them in the head:
     * function gtag(){ dataLayer.push( arguments ); } gtag( 'consent', 'default', {...} ); (and with double quotes,
     * and a consent manager's update written the same way).
     * Before (found by a review): neutralized as analytics by rule google-gtag-inline ("function gtag("), which gives
     * way only to the consent-mode signatures written without those spaces (gtag('consent', 'default'); the README
     * says such a default "loads nothing and passes". Without it gtag is undefined and the consent manager's own
     * update calls throw.
     * Expected: passes untouched; the same script configuring a tag (gtag( 'config', ... ) spaced alike) is still
     * caught, as the unspaced one is.
     */
    @Test
    void consentModeDefaultsWrittenWithSpacesInsideParenthesesPass() {
        String singleQuoted = "<script>window.dataLayer = window.dataLayer || [];\n"
                + "function gtag(){ dataLayer.push( arguments ); }\n"
                + "gtag( 'consent', 'default', {\n\tad_storage: 'denied',\n\tanalytics_storage: 'denied',\n"
                + "\twait_for_update: 500\n} );\ngtag( 'set', 'ads_data_redaction', true );\n</script>";
        assertPassesUntouched(singleQuoted);
        assertPassesUntouched("<script>window.dataLayer = window.dataLayer || [];"
                + " function gtag() { window.dataLayer.push( arguments ); }"
                + " gtag( \"consent\", \"default\", { \"ad_storage\": \"denied\", \"analytics_storage\": \"denied\" } );"
                + "</script>");
        assertPassesUntouched("<script>window.dataLayer = window.dataLayer || [];"
                + " function gtag(){ dataLayer.push( arguments ); }"
                + " document.addEventListener( 'gdpr_cookie_compliance_subcategory_change', function() {"
                + " gtag( 'consent', 'update', { analytics_storage: 'granted' } ); } );</script>");
        assertPassesUntouched("<script>function gtag(){ dataLayer.push( arguments ); }"
                + " gtag( \"consent\", \"update\", { \"ad_storage\": \"granted\" } );</script>");
        // the same scripts configuring a tag are still the vendor's tag
        assertEquals(List.of("google-gtag-config-spaced"), rulesUnderEssentialOnly(singleQuoted.replace("</script>",
                "gtag( 'js', new Date() );\ngtag( 'config', 'G-ABC123' );</script>")));
        assertEquals(List.of("google-gtag-config-dq-spaced"), rulesUnderEssentialOnly(singleQuoted.replace(
                "</script>", "gtag( \"config\", \"G-ABC123\" );</script>")));
        assertEquals(List.of("google-ads-gtag-config-spaced"), rulesUnderEssentialOnly(singleQuoted.replace(
                "</script>", "gtag( 'config', 'AW-123456789' );</script>")));
    }

    /*
     * Input: OneTrust's callback assigned rather than declared (window.OptanonWrapper = function () {...}, as sites
     * and their bundles write it) or declared with a space before its parenthesis, telling Matomo or Meta's pixel the
     * visitor's answer; and Cookiebot's acceptance callback assigned the same way.
     * Before (found by a review): neutralized by matomo-inline ("_paq") or meta-pixel-inline ("fbq("), whose
     * signatures give way only to "function OptanonWrapper(" and "function CookiebotCallback_OnAccept(" as declared:
     * the same callback, written the other way, was taken for the vendor's tag.
     * Expected: passes untouched like the declared callback; the callback loading the vendor's script itself, or an
     * OptanonWrapper only mentioned, excuses nothing.
     */
    @Test
    void consentManagerCallbacksAssignedOrSpacedPassLikeDeclaredOnes() {
        String assigned = "<script>window.OptanonWrapper = function () {"
                + " if (OnetrustActiveGroups.indexOf('C0002') > -1) { _paq.push(['rememberConsentGiven']); }"
                + " else { _paq.push(['forgetConsentGiven']); } };</script>";
        assertPassesUntouched(assigned);
        assertPassesUntouched("<script>OptanonWrapper=function(){OnetrustActiveGroups.includes(\"C0004\")"
                + "?fbq(\"consent\",\"grant\"):fbq(\"consent\",\"revoke\")};</script>");
        assertPassesUntouched("<script type=\"text/javascript\">function OptanonWrapper () {"
                + " if (OnetrustActiveGroups.includes('C0004')) { fbq('consent', 'grant'); } }</script>");
        assertPassesUntouched("<script>window.CookiebotCallback_OnAccept = function () {"
                + " if (Cookiebot.consent.statistics) { _paq.push(['setConsentGiven']); } };</script>");
        // the vendor's loader in the callback is still its tag, and a mere mention excuses nothing
        assertEquals(List.of("meta-pixel-loader-inline"), rulesUnderEssentialOnly("<script>"
                + "window.OptanonWrapper = function () { !function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){"
                + "n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};t=b.createElement(e);t.async=!0;"
                + "t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script',"
                + "'https://connect.facebook.net/en_US/fbevents.js'); fbq('init', '123'); };</script>"));
        assertEquals(List.of("matomo-inline"), rulesUnderEssentialOnly("<script>if (typeof window.OptanonWrapper"
                + " === 'function') { window.OptanonWrapper(); } _paq.push(['trackPageView']);</script>"));
    }
}
