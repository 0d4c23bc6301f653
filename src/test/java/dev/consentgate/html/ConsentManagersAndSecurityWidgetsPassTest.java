package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Consent managers' loaders and stubs, and security and payment widgets, are essential: the corpus manifest labels
 * them keep, to catch over-blocking, and a site without its consent manager cannot even ask for consent. Each passes
 * byte for byte under essential-only consent with the shipped rules. (HubSpot's cookie banner, on HubSpot's
 * js.hs-banner.com, is left out: its host is HubSpot's analytics, whose loader brings the banner.)
 */
class ConsentManagersAndSecurityWidgetsPassTest {

    /** Scripts of consent managers, captchas, bot defences and payment forms, by the address a site writes. */
    private static final List<String> SCRIPT_ADDRESSES = List.of(
            "https://consent.cookiebot.com/uc.js",
            "https://cdn.cookielaw.org/scripttemplates/otSDKStub.js",
            "https://cdn.cookielaw.org/consent/abc/OtAutoBlock.js",
            "https://cmp.quantcast.com/choice/XXXX/example.com/choice.js?tag_version=V2",
            "https://quantcast.mgr.consensu.org/choice/XXXX/example.com/choice.js",
            "https://sdk.privacy-center.org/abc/loader.js?target=example.com",
            "https://app.usercentrics.eu/browser-ui/latest/loader.js",
            "https://web.cmp.usercentrics.eu/ui/loader.js",
            "https://consent.trustarc.com/notice?domain=example.com&c=teconsent&js=nj&noticeType=bb",
            "https://cdn.privacy-mgmt.com/unified/wrapperMessagingWithoutDetection.js",
            "https://cdn-cookieyes.com/client_data/abc/script.js",
            "https://cmp.osano.com/abc/def/osano.js",
            "https://app.termly.io/embed.min.js",
            "https://cdn.iubenda.com/cs/iubenda_cs.js",
            "https://cdn.consentmanager.net/delivery/autoblocking/abc.js",
            "https://delivery.consentmanager.net/delivery/cmp.min.js",
            "https://consent.cookiefirst.com/sites/example.com-abc/consent.js",
            "https://cdn.cookiehub.eu/c2/abc.js",
            "https://cc.cdn.civiccomputing.com/9/cookieControl-9.x.min.js",
            "https://cdn.cookie-script.com/s/abc.js",
            "https://static.axept.io/sdk.js",
            "https://gdpr-wrapper.privacymanager.io/gdpr/abc/gdpr-liveramp.js",
            "https://c.evidon.com/sitenotice/evidon-sitenotice-tag.js",
            "https://cdn.trustcommander.net/privacy/1234/privacy_v2_1.js",
            "https://fundingchoicesmessages.google.com/i/pub-1234?ors=1",
            "https://choices.consentframework.com/js/pa/1234/c/abc/stub",
            "https://cache.consentframework.com/js/pa/1234/c/abc/stub",
            "https://cmp.inmobi.com/choice/XXXX/example.com/choice.js",
            "https://cdn.ketchjs.com/ketchtag/abc.js",
            "https://consent.ketchjs.com/web/v2/config/a/b/boot.js",
            "https://cdn.jsdelivr.net/npm/vanilla-cookieconsent@3/dist/cookieconsent.umd.js",
            "https://cdn.jsdelivr.net/gh/orestbida/cookieconsent@v2.9.1/dist/cookieconsent.js",
            "https://cdn.jsdelivr.net/npm/klaro@latest/dist/klaro.js",
            "https://policy.app.cookieinformation.com/uc.js",
            "https://cdn.cookie.sensium.io/x.js",
            "https://www.google.com/recaptcha/api.js",
            "https://www.google.com/recaptcha/enterprise.js?render=abc",
            "https://www.gstatic.com/recaptcha/releases/abc/recaptcha__en.js",
            "https://www.recaptcha.net/recaptcha/api.js",
            "https://js.hcaptcha.com/1/api.js",
            "https://hcaptcha.com/1/api.js",
            "https://challenges.cloudflare.com/turnstile/v0/api.js",
            "/cdn-cgi/scripts/5c5dd728/cloudflare-static/email-decode.min.js",
            "https://js.datadome.co/tags.js",
            "https://client-api.arkoselabs.com/v2/abc/api.js",
            "https://cdn.jsdelivr.net/npm/friendly-challenge@0.9.12/widget.module.min.js",
            "https://js.stripe.com/v3/",
            "https://www.paypal.com/sdk/js?client-id=abc",
            "https://www.google.com/recaptcha/api.js?onload=onloadCallback&render=explicit");

    /** The frames a captcha shows. */
    private static final List<String> FRAME_ADDRESSES = List.of(
            "https://www.google.com/recaptcha/api2/anchor?ar=1&k=abc",
            "https://newassets.hcaptcha.com/captcha/v1/abc/static/hcaptcha.html");

    /**
     * Inline stubs and loaders of consent managers (IAB TCF locator frames, Didomi, Sourcepoint, iubenda, Axeptio,
     * OneTrust, Cookiebot) and Google Consent Mode's defaults, as sites paste them.
     */
    private static final List<String> INLINE_SCRIPTS = List.of(
            "<script type=\"text/javascript\" async=true>\n(function() {\n  var host = window.location.hostna"
                    + "me;\n  var element = document.createElement('script');\n  var firstScript = document.getElements"
                    + "ByTagName('script')[0];\n  var url = 'https://cmp.inmobi.com'\n    .concat('/choice/', 'XXXX', '"
                    + "/', host, '/choice.js?tag_version=V3');\n  var uspTries = 0;\n  var uspTriesLimit = 3;\n  elemen"
                    + "t.async = true;\n  element.type = 'text/javascript';\n  element.src = url;\n  firstScript.parent"
                    + "Node.insertBefore(element, firstScript);\n  function makeStub() {\n    var TCF_LOCATOR_NAME = '_"
                    + "_tcfapiLocator';\n    var queue = [];\n    var win = window;\n    var cmpFrame;\n    function ad"
                    + "dFrame() {\n      var doc = win.document;\n      var otherCMP = !!(win.frames[TCF_LOCATOR_NAME])"
                    + ";\n      if (!otherCMP) {\n        if (doc.body) {\n          var iframe = doc.createElement('if"
                    + "rame');\n          iframe.style.cssText = 'display:none';\n          iframe.name = TCF_LOCATOR_N"
                    + "AME;\n          doc.body.appendChild(iframe);\n        } else {\n          setTimeout(addFrame, "
                    + "5);\n        }\n      }\n      return !otherCMP;\n    }\n    addFrame();\n  }\n  makeStub();\n})"
                    + "();\n</script>",
            "<script type=\"text/javascript\">window.gdprAppliesGlobally=true;(function(){function a(e){if(!w"
                    + "indow.frames[e]){if(document.body&&document.body.firstChild){var t=document.body;var n=document."
                    + "createElement(\"iframe\");n.style.display=\"none\";n.name=e;n.title=e;t.insertBefore(n,t.firstCh"
                    + "ild)}\nelse{setTimeout(function(){a(e)},5)}}}a(\"__tcfapiLocator\")})();</script>",
            "<script type=\"text/javascript\">(function(){(function(e){var t=document.createElement(\"link\")"
                    + ";t.rel=\"preconnect\";t.as=\"script\";var n=document.createElement(\"link\");n.rel=\"dns-prefetc"
                    + "h\";n.as=\"script\";var r=document.createElement(\"script\");r.id=\"spcloader\";r.type=\"text/ja"
                    + "vascript\";r[\"async\"]=true;r.charset=\"utf-8\";var o=\"https://sdk.privacy-center.org/\"+e+\"/"
                    + "loader.js?target=\"+document.location.hostname;if(window.didomiConfig&&window.didomiConfig.user)"
                    + "{var i=window.didomiConfig.user;var a=i.country;var c=i.region;if(a){o=o+\"&country=\"+a;if(c){o"
                    + "=o+\"&region=\"+c}}}t.href=\"https://sdk.privacy-center.org/\";n.href=\"https://sdk.privacy-cent"
                    + "er.org/\";r.src=o;var d=document.getElementsByTagName(\"script\")[0];d.parentNode.insertBefore(t"
                    + ",d);d.parentNode.insertBefore(n,d);d.parentNode.insertBefore(r,d)})(\"abc\")})();</script>",
            "<script>\"use strict\";function _typeof(t){return(_typeof=\"function\"==typeof Symbol&&\"symbol"
                    + "\"==typeof Symbol.iterator?function(t){return typeof t}:function(t){return t&&\"function\"==type"
                    + "of Symbol&&t.constructor===Symbol&&t!==Symbol.prototype?\"symbol\":typeof t})(t)}!function(){var"
                    + " t=function(){var t,e,o=[],n=window,r=n;for(;r;){try{if(r.frames.__tcfapiLocator){t=r;break}}cat"
                    + "ch(t){}if(r===n.top)break;r=r.parent}t||(!function t(){var e=n.document,o=!!n.frames.__tcfapiLoc"
                    + "ator;if(!o)if(e.body){var r=e.createElement(\"iframe\");r.style.cssText=\"display:none\",r.name="
                    + "\"__tcfapiLocator\",e.body.appendChild(r)}else setTimeout(t,5);return!o}(),n.__tcfapi=function()"
                    + "{for(var t=arguments.length,n=new Array(t),r=0;r<t;r++)n[r]=arguments[r];if(!n.length)return o;"
                    + "\"setGdprApplies\"===n[0]?n.length>3&&2===parseInt(n[1],10)&&\"boolean\"==typeof n[3]&&(e=n[3],"
                    + "\"function\"==typeof n[2]&&n[2](\"set\",!0)):\"ping\"===n[0]?\"function\"==typeof n[2]&&n[2]({gd"
                    + "prApplies:e,cmpLoaded:!1,cmpStatus:\"stub\"}):o.push(n)})}();}();</script>",
            "<script>window._sp_queue = [];window._sp_ = {config: {accountId: 123, baseEndpoint: 'https://cdn"
                    + ".privacy-mgmt.com', gdpr: { }, events: {}}}</script>",
            "<script>\nwindow.dataLayer = window.dataLayer || [];\nfunction gtag(){dataLayer.push(arguments);"
                    + "}\ngtag('consent', 'default', {'ad_storage': 'denied','analytics_storage': 'denied','wait_for_up"
                    + "date': 500});\n</script>",
            "<script>var _iub = _iub || []; _iub.csConfiguration = {\"siteId\":123,\"cookiePolicyId\":456,\"l"
                    + "ang\":\"en\"};</script>",
            "<script>window.axeptioSettings = {clientId: \"abc\", cookiesVersion: \"x\"}; (function(d, s) { v"
                    + "ar t = d.getElementsByTagName(s)[0], e = d.createElement(s); e.async = true; e.src = \"//static."
                    + "axept.io/sdk.js\"; t.parentNode.insertBefore(e, t); })(document, \"script\");</script>",
            "<script>(function(w,d){var s=d.createElement('script');s.src='https://cdn.cookielaw.org/scriptte"
                    + "mplates/otSDKStub.js';s.setAttribute('data-domain-script','abc');d.head.appendChild(s);})(window"
                    + ",document);function OptanonWrapper() { }</script>",
            "<script>var script = document.createElement('script'); script.src = 'https://consent.cookiebot.c"
                    + "om/uc.js'; script.setAttribute('data-cbid','abc'); document.head.appendChild(script);</script>",
            "<script>window.addEventListener('CookiebotOnAccept', function (e) { if (Cookiebot.consent.market"
                    + "ing) { } }, false);</script>");

    @Test
    void consentManagersAndSecurityWidgetsScriptsPass() {
        for (String address : SCRIPT_ADDRESSES) {
            String html = "<script src=\"" + address.replace("&", "&amp;") + "\" async></script>";
            assertEquals(html, EssentialOnly.rewrite(html), address);
        }
    }

    @Test
    void captchaFramesPass() {
        for (String address : FRAME_ADDRESSES) {
            String html = "<iframe src=\"" + address.replace("&", "&amp;") + "\"></iframe>";
            assertEquals(html, EssentialOnly.rewrite(html), address);
        }
    }

    @Test
    void consentManagersInlineStubsAndLoadersPass() {
        for (String script : INLINE_SCRIPTS) {
            assertEquals(script, EssentialOnly.rewrite(script), script);
        }
    }
}
