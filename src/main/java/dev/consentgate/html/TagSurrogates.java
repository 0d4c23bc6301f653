package dev.consentgate.html;

import dev.consentgate.config.TagRule;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inert stand-ins for the globals a blocked vendor tag would have defined ({@code gtag}, {@code dataLayer},
 * {@code fbq}, {@code _paq}...), so that the site's own code calling them without a guard (its bundle, its
 * {@code onclick="gtag('event', ...)"}) does not throw and stop. A stand-in loads nothing, sends nothing, sets no
 * cookie and keeps nothing: a call does nothing, a queue's {@code push} drops what it is given (so no tracker loaded
 * later finds data from before consent).
 *
 * <p>The stand-ins go right after the blocked script (where the vendor's own set-up would have defined the globals,
 * so the site's code finds them when it would have found the real ones), and only for a vendor the page had a
 * script of blocked. They step aside for the vendor's own code once the site's consent tool re-activates a
 * neutralized script: a script whose text is that of a neutralized one reads the global as undefined (Meta's snippet
 * returns early {@code if(f.fbq)}; GTM's and Matomo's reuse {@code w[l]||[]}), and any assignment of another value to
 * the global (the vendor's {@code f.fbq=...}, a site's own {@code var dataLayer = [...]}) or a function declaration
 * ({@code function gtag(){...}}) replaces the stand-in for good. A queue assigned to itself ({@code
 * window._paq = window._paq || []} in a site's own guarded code) becomes a plain array, as the vendor's snippet
 * would have made it.
 *
 * <p>The vendor of a blocked script is told by the rule that blocked it: its host, path or signature names one of
 * the vendor's marks ({@code fbq}, {@code connect.facebook.net}...). Judged once per rule, when the policy is built.
 */
final class TagSurrogates {

    /** A vendor: the marks that tell its rules, and the script that defines its stand-ins (one statement each). */
    private record Vendor(List<String> marks, String definitions) {
    }

    /** A function stand-in: calls do nothing. */
    private static String call(String name) {
        return "d('" + name + "',function(){},0);";
    }

    /** A queue stand-in: an array whose push drops what it is given. */
    private static String queue(String name) {
        return "d('" + name + "',q(),1);";
    }

    /** A queue stand-in whose methods (the vendor snippet's, such as {@code analytics.track}) do nothing. */
    private static String queueWithMethods(String name, String methods) {
        return "d('" + name + "',m('" + methods + "'),1);";
    }

    private static final List<Vendor> VENDORS = List.of(
            new Vendor(List.of("googletagmanager.", "gtag", "gtm.", "dataLayer"), call("gtag") + queue("dataLayer")),
            new Vendor(List.of("fbq", "_fbq", "fbevents", "connect.facebook.net"), call("fbq")),
            new Vendor(List.of("_paq", "setTrackerUrl", "matomo", "piwik"), queue("_paq")),
            new Vendor(List.of("uetq", "UET(", "bat.bing.com"), queue("uetq")),
            new Vendor(List.of("analytics.invoked", "analytics.load", "segment.com", "segment.io"),
                    queueWithMethods("analytics", "trackSubmit trackClick trackLink trackForm pageview identify reset"
                            + " group track ready alias debug page once off on addSourceMiddleware"
                            + " addIntegrationMiddleware setAnonymousId addDestinationMiddleware register screen")),
            new Vendor(List.of("_hsq", "hs-scripts.com", "hs-analytics.net"), queue("_hsq")),
            new Vendor(List.of("lintrk", "_linkedin", "licdn.com", "ads.linkedin.com"), call("lintrk")),
            new Vendor(List.of("ttq", "TiktokAnalyticsObject", "analytics.tiktok.com"),
                    queueWithMethods("ttq", "page track identify instances debug on off once ready alias group"
                            + " enableCookie disableCookie holdConsent revokeConsent grantConsent instance")),
            new Vendor(List.of("hotjar", "_hjSettings", "hj("), call("hj")),
            new Vendor(List.of("clarity"), call("clarity")));

    /**
     * Defines {@code __consentgateSurrogates} once per page: {@code a()} records the text of the neutralized script
     * just before the calling script, {@code d(name, value, isQueue)} defines a stand-in unless the name is taken.
     * Written for old engines too (ES5); never in a page parsed as XML, where its {@code &&} would need escaping.
     */
    private static final String RUNTIME = "(function(w){if(w.__consentgateSurrogates)return;var t=[];"
            + "function r(){var c=document.currentScript;return c?String(c.text).trim():''}"
            + "function h(){var c=r();return c!==''&&t.indexOf(c)>=0}"
            + "function q(){var a=[];a.push=function(){return 0};return a}"
            + "function m(n){var a=q(),f=function(){return a};n.split(' ').forEach(function(k){a[k]=f});return a}"
            + "function d(n,v,k){if(n in w)return;Object.defineProperty(w,n,{configurable:true,"
            + "get:function(){return h()?void 0:v},set:function(x){if(x===v){if(!k)return;x=[]}"
            + "Object.defineProperty(w,n,{value:x,writable:true,configurable:true,enumerable:true})}})}"
            + "function a(){var s=document.currentScript,p=s&&s.previousElementSibling;"
            + "if(p&&p.tagName==='SCRIPT'&&String(p.text).trim()!=='')t.push(String(p.text).trim())}"
            + "Object.defineProperty(w,'__consentgateSurrogates',{value:{a:a,d:d,q:q,m:m}})})(window);";

    /** No stand-ins (switched off in the ruleset). */
    static final TagSurrogates NONE = new TagSurrogates(new int[0]);

    /** By rule index: the bits of the vendors whose marks the rule names; 0 for none. */
    private final int[] vendorsByRule;
    /**
     * By rule index: the stand-in script after a page's first, for a blocked script without a nonce (the common
     * case), made once rather than for every script blocked; null for a rule without vendors.
     */
    private final byte[][] laterScriptByRule;

    private TagSurrogates(int[] vendorsByRule) {
        this.vendorsByRule = vendorsByRule;
        this.laterScriptByRule = new byte[vendorsByRule.length][];
        Map<Integer, byte[]> byVendors = new HashMap<>();
        for (int k = 0; k < vendorsByRule.length; k++) {
            if (vendorsByRule[k] != 0) {
                laterScriptByRule[k] = byVendors.computeIfAbsent(vendorsByRule[k],
                        vendors -> scriptOfVendors(vendors, false, null));
            }
        }
    }

    /** The vendors each of {@code rules} (in the policy's order) stands for. */
    static TagSurrogates forRules(List<TagRule> rules) {
        int[] masks = new int[rules.size()];
        for (int k = 0; k < masks.length; k++) {
            TagRule rule = rules.get(k);
            String named = rule.host().orElse("") + " " + rule.pathPrefix().orElse("") + " "
                    + rule.inlineSignature().orElse("");
            for (int v = 0; v < VENDORS.size(); v++) {
                for (String mark : VENDORS.get(v).marks()) {
                    if (named.contains(mark)) {
                        masks[k] |= 1 << v;
                        break;
                    }
                }
            }
        }
        return new TagSurrogates(masks);
    }

    /** The vendors rule {@code k} stands for, as bits; 0 for none or a rule of the rewriter's own. */
    int vendors(int ruleIndex) {
        return ruleIndex >= 0 && ruleIndex < vendorsByRule.length ? vendorsByRule[ruleIndex] : 0;
    }

    /**
     * The script that goes after a script blocked by rule {@code ruleIndex} (one with vendors): records the blocked
     * script's text, so that its re-activated copy does not see the stand-ins, and defines them. The bytes may be
     * shared between pages: never to be changed.
     *
     * @param runtime whether the page needs the shared functions yet (the first stand-in script of a page)
     * @param nonce   the blocked script's {@code nonce}, so the stand-ins run where the page's policy let it; null
     *                when it had none
     */
    byte[] script(int ruleIndex, boolean runtime, String nonce) {
        boolean noNonce = nonce == null || nonce.isEmpty();
        return !runtime && noNonce ? laterScriptByRule[ruleIndex]
                : scriptOfVendors(vendorsByRule[ruleIndex], runtime, nonce);
    }

    private static byte[] scriptOfVendors(int vendors, boolean runtime, String nonce) {
        StringBuilder s = new StringBuilder(runtime ? 1024 : 256);
        s.append("<script");
        if (nonce != null && !nonce.isEmpty()) {
            s.append(" nonce=\"").append(ElementRewrites.escape(nonce)).append('"');
        }
        s.append('>');
        if (runtime) {
            s.append(RUNTIME);
        }
        s.append("(function(s){var d=s.d,q=s.q,m=s.m;s.a();");
        for (int v = 0; v < VENDORS.size(); v++) {
            if ((vendors & 1 << v) != 0) {
                s.append(VENDORS.get(v).definitions());
            }
        }
        s.append("})(window.__consentgateSurrogates);</script>");
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
