package dev.consentgate.html;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a site needs under essential-only consent and the shipped ruleset once blocked: a consent tool's own settings
 * (CookieYes' WordPress plugin), and site code whose names merely contain a vendor's signature ("peso_paquete",
 * "this.pageName=", "layer_satellite"): signatures that start a name now match only where a name starts. Found by a
 * review of over-blocking; "Before" in each comment says what happened then.
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

    /*
     * Input: the configuration the CookieYes WordPress plugin (cookie-law-info 3.x, "lite" mode) prints for its
     * banner: wp_localize_script(..., '_ckyConfig', get_store_data()) writes
     * <script id="cookie-law-info-js-extra">var _ckyConfig = {...};</script>, and that object carries, for each
     * non-necessary cookie, the "script URL pattern" the site owner entered in CookieYes' cookie list (its
     * documented way to auto-block a script, e.g. googletagmanager.com/gtag/js) twice: as the cookie's "provider"
     * and in "_providersToBlock" ({"re": pattern, "categories": [...]}), which its script.min.js uses to hold the
     * scripts back until consent. wp_json_encode escapes the slashes (\/).
     * Before (found by a review): the script is neutralized (rule google-tag-manager for the \/-escaped gtag pattern, which the URL
     * reader takes for a loaded script; rule meta-pixel-loader-inline for an fbevents.js pattern).
     * Expected: it passes: it is the consent tool's own configuration, it loads nothing, and CookieYes is one of
     * the gateway's own consent sources (cookieyes-consent). Neutralized, window._ckyConfig is undefined, the
     * plugin's script throws on its first line (_ckyStore._backupNodes = []), no banner is shown and the visitor
     * can never give the consent the gateway is waiting for. README: "Consent managers ... are listed as essential
     * first, so nothing blocks them"; Sourcepoint's, Klaro's, iubenda's and Didomi's configurations are covered by
     * *cmp-configurations, CookieYes' is not.
     */
    @Test
    void cookieYesWordPressConfigurationNamingTheScriptsItBlocksPasses() {
        assertPassesUntouched("<script id=\"cookie-law-info-js-extra\">var _ckyConfig = {\"_ipData\":[],"
                + "\"_assetsURL\":\"https:\\/\\/www.example.com\\/wp-content\\/plugins\\/cookie-law-info\\/lite"
                + "\\/frontend\\/images\\/\",\"_publicURL\":\"https:\\/\\/www.example.com\",\"_expiry\":\"365\","
                + "\"_categories\":[{\"name\":\"Necessary\",\"slug\":\"necessary\",\"isNecessary\":true,"
                + "\"ccpaDoNotSell\":true,\"cookies\":[],\"active\":true,\"defaultConsent\":{\"gdpr\":true,"
                + "\"ccpa\":true}},{\"name\":\"Analytics\",\"slug\":\"analytics\",\"isNecessary\":false,"
                + "\"ccpaDoNotSell\":true,\"cookies\":[{\"cookieID\":\"_ga\",\"domain\":\".example.com\","
                + "\"provider\":\"googletagmanager.com\\/gtag\\/js\"}],\"active\":true,\"defaultConsent\":"
                + "{\"gdpr\":false,\"ccpa\":false}}],\"_activeLaw\":\"gdpr\",\"_rootDomain\":\"\",\"_block\":\"1\","
                + "\"_showBanner\":\"1\",\"_version\":\"3.2.0\",\"_providersToBlock\":[{\"re\":"
                + "\"googletagmanager.com\\/gtag\\/js\",\"categories\":[\"analytics\"]}]};</script>"
                + "<script id=\"cookie-law-info-js-extra\">var _ckyConfig = {\"_categories\":[{\"name\":"
                + "\"Advertisement\",\"slug\":\"advertisement\",\"isNecessary\":false,\"cookies\":[{\"cookieID\":"
                + "\"_fbp\",\"domain\":\".example.com\",\"provider\":\"connect.facebook.net\\/en_US\\/fbevents.js\"}]}],"
                + "\"_providersToBlock\":[{\"re\":\"connect.facebook.net\\/en_US\\/fbevents.js\",\"categories\":"
                + "[\"advertisement\"]}]};</script>");
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
}
