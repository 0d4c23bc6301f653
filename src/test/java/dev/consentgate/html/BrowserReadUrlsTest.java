package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.assertEachBlocked;
import static dev.consentgate.html.EssentialOnly.events;
import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * Tags are judged by what the browser fetches, however their markup spells it: hosts in other scripts' dots or
 * fullwidth letters, paths through dot segments, documents in a srcdoc or data: URL read as markup, base64 markers
 * with spaces, attributes past the size limit. Each case was found by a review and loaded in Debian's Chromium
 * (headless, every host sent to a local logging server): Chromium asked the tracker's host for it, and the rewriter
 * passed it under essential-only consent with the shipped ruleset before the fixes (each test failed then).
 */
class BrowserReadUrlsTest {

    /**
     * Input: a tracker's host spelt with characters the URL Standard's host parser maps onto the ASCII name (UTS #46
     * "domain to ASCII", non-transitional): the ideographic full stop U+3002 and fullwidth full stop U+FF0E (mapped to
     * '.'), fullwidth letters (mapped to ASCII), the soft hyphen U+00AD (status "ignored": removed), and the same
     * written percent-encoded as UTF-8 (the host parser percent-decodes to bytes and reads them as UTF-8 first).
     * What happens: UrlParts.parse only lower-cases and percent-decodes each %XX as one Latin-1 char, so the host is
     * "www.googletagmanager。com", "www.ｙｏｕｔｕｂｅ.com", "connect.face\u00ADbook.net"...: no rule matches and the
     * script, frame and pixel pass as they are. Chromium requested www.googletagmanager.com/x.js,
     * www.youtube.com/embed/x, www.google-analytics.com/collect and connect.facebook.net/... for each of them.
     * Should: the host is judged as the browser will resolve it (IDNA mapping), so each is blocked.
     */
    @Test
    void hostSpeltWithCharactersIdnaMapsOntoTheTrackersNameIsJudgedAsThatHost() {
        assertEachBlocked(
                "<script src=\"https://www.googletagmanager\u3002com/x.js\"></script>",
                "<script src=\"https://www.googletagmanager%E3%80%82com/x.js\"></script>",
                "<script src=\"https://connect.face&#xAD;book.net/x.js\"></script>",
                "<script src=\"https://static.hot\u00ADjar.com/c/x.js\"></script>",
                "<iframe src=\"https://www.\uFF59\uFF4F\uFF55\uFF54\uFF55\uFF42\uFF45.com/embed/x\"></iframe>",
                "<iframe src=\"https://www.youtube&#x3002;com/embed/x\"></iframe>",
                "<img src=\"https://www.google-analytics&#xFF0E;com/collect?v=1\">");
    }

    /**
     * Input: an inline loader that sets a script's src to "https://www.googletagmanager。com/x.js" (U+3002 as the last
     * dot; written in the page's UTF-8 as such). What happens: ScriptUrlMentions reads a host only from ASCII letters,
     * digits, '.' and '-' (HOST_BYTE), so the URL is read as host "www.googletagmanager" at most and no rule matches;
     * the script passes and, run, loads www.googletagmanager.com (the URL parser maps U+3002 to '.', as above).
     * Should: blocked, like the same loader with an ASCII dot (which the rewriter neutralizes).
     */
    @Test
    void inlineLoaderOfAnIdnaSpeltTrackerHostIsBlocked() {
        assertEachBlocked(
                "<script>var s=document.createElement('script');"
                        + "s.src='https://www.googletagmanager\u3002com/x.js';document.head.appendChild(s)</script>",
                "<script>var i=new Image();i.src='https://www.google-analytics\uFF0Ecom/collect?v=1'</script>");
    }

    /**
     * Input: a URL whose path reaches a tracker through a dot segment under the path of an essential rule:
     * "https://www.google.com/recaptcha/../pagead/1p-conversion/..." (Google Ads' conversion pixel; rule
     * google-ads-pagead, host google.*, path /pagead/, advertising), "%2e%2e" (the URL Standard's path parser treats
     * "%2e" as a dot in a dot segment) and "..\" (a backslash is a slash in special URLs), and Commanders Act's tag
     * container "https://cdn.tagcommander.com/privacy/../1234/tc_Site_1.js" (rule commanders-act-tagcommander).
     * What happens: the path is matched as written, so the essential rules google-recaptcha (google.com /recaptcha/)
     * and commanders-act-privacy-cmp (cdn.tagcommander.com /privacy/) match first and the tags pass. Chromium removes
     * the dot segments before fetching and requested www.google.com/pagead/1p-conversion/123/ and
     * cdn.tagcommander.com/1234/tc_Site_1.js. Should: the path prefix is compared with the path the browser fetches
     * (dot segments removed), so the advertising and analytics rules decide and the tags are blocked.
     */
    @Test
    void pathPrefixOfAnEssentialRuleIsNotMatchedThroughDotSegments() {
        assertEachBlocked(
                "<img src=\"https://www.google.com/recaptcha/../pagead/1p-conversion/123/?label=x\">",
                "<img src=\"https://www.google.com/recaptcha/%2e%2e/pagead/1p-conversion/123/?label=x\">",
                "<img src=\"https://www.google.com/recaptcha/..\\pagead/viewthroughconversion/9\">",
                "<script src=\"https://cdn.tagcommander.com/privacy/../1234/tc_Site_1.js\"></script>");
    }

    /**
     * Input: an iframe srcdoc (and a data:text/html frame) whose document loads a tracker with a URL that has no
     * literal "//": backslashes ("https:\\www.googletagmanager.com\x.js", which the URL parser reads as slashes),
     * slashes written as character references of the inner document ("https:&amp;#47;&amp;#47;...": the attribute
     * decodes to "&#47;&#47;", the srcdoc document's own parser to "//"), or no slashes at all in a frame whose base
     * is not http(s) ("https:www.google-analytics.com/collect" in a data: document). What happens:
     * EmbeddedContentJudge.document looks for tracker URLs only after each literal "//" and for signatures, so
     * nothing matches and the frame passes. Chromium requested www.googletagmanager.com/a.js (backslashes), /gtm.js (a
     * base written with backslashes), connect.facebook.net/c.js (references) and www.google-analytics.com/collect
     * (a data: document) from such frames. Should: the document is judged as markup, as the page
     * itself is, and the frame is blocked.
     */
    @Test
    void srcdocAndDataUrlDocumentsAreJudgedAsTheBrowserParsesThem() {
        assertEachBlocked(
                "<iframe srcdoc=\"<script src=https:\\\\www.googletagmanager.com\\x.js></script>\"></iframe>",
                "<iframe srcdoc=\"<script src=https:&amp;#47;&amp;#47;www.googletagmanager.com/x.js></script>\">"
                        + "</iframe>",
                "<iframe srcdoc=\"<base href=https:\\\\www.googletagmanager.com\\><script src=gtm.js></script>\">"
                        + "</iframe>",
                "<iframe src=\"data:text/html,<img src=https:\\\\www.google-analytics.com\\collect?v=1>\"></iframe>",
                "<iframe src=\"data:text/html,<img src=https:www.google-analytics.com/collect?v=1>\"></iframe>");
    }

    /**
     * Input: a script whose src is a base64 data: URL with a space around the base64 marker:
     * "data:text/javascript; base64,..." or "data:text/javascript;base64 ,...". The Fetch Standard's data: URL
     * processor strips the media type's trailing whitespace and takes it as base64 when it "ends with ';', followed by
     * zero or more U+0020 SPACE, followed by an ASCII case-insensitive match for 'base64'"; Chromium ran both and
     * requested www.googletagmanager.com/gtm.js. What happens: DataUrls.hasBase64Marker requires ";base64"
     * immediately before the comma, so the body is read as percent-encoded text (the base64 letters), no signature or
     * URL is found and the script passes. Should: decoded as base64 and neutralized, like "data:...;base64,".
     */
    @Test
    void dataUrlWithSpacesAroundTheBase64MarkerIsReadAsBase64() {
        String loader = "var s=document.createElement(\"script\");"
                + "s.src=\"https://www.googletagmanager.com/gtm.js?id=GTM-X\";document.head.appendChild(s);";
        String b64 = Base64.getEncoder().encodeToString(loader.getBytes(StandardCharsets.UTF_8));
        // control: the same URL without the spaces is neutralized today
        String plain = "<script src=\"data:text/javascript;base64," + b64 + "\"></script>";
        assertTrue(!rewrite(plain).equals(plain), "control case passed");
        assertEachBlocked(
                "<script src=\"data:text/javascript; base64," + b64 + "\"></script>",
                "<script src=\"data:text/javascript;base64 ," + b64 + "\"></script>",
                "<iframe src=\"data:text/html; base64," + Base64.getEncoder().encodeToString(
                        "<script src=https://www.googletagmanager.com/x.js></script>".getBytes(
                                StandardCharsets.UTF_8)) + "\"></iframe>");
    }

    /**
     * Input: a tag longer than max_tag_bytes (16 KiB) whose first address is harmless but is overridden by one past
     * the limit: an img with src="/a.png", a 17,000-character alt, then srcset naming the Google Analytics collect
     * endpoint (a browser loads the srcset candidate in place of src); an iframe with src="about:blank", a long title,
     * then a srcdoc loading Google Tag Manager (srcdoc takes precedence over src). What happens: the size-limit check
     * (now AddressAttributes.cutByLimit) returned false once any address came before the cut, so the element passes
     * ("passed-over-limit"); only a handler is named in the README as unread there. Should: an attribute that takes
     * precedence over the one read (srcset over src, srcdoc over src, the lazy-loading data-src copied into src)
     * may follow the limit, so the element is removed as unread-past-limit, fail closed.
     */
    @Test
    void overLimitTagWhoseOverridingAddressFollowsTheCutIsNotPassed() {
        String filler = "a".repeat(17_000);
        assertEachBlocked(
                "<img src=\"/a.png\" alt=\"" + filler
                        + "\" srcset=\"https://www.google-analytics.com/collect?v=1 1x\">",
                "<iframe src=\"about:blank\" title=\"" + filler
                        + "\" srcdoc=\"<script src=https://www.googletagmanager.com/x.js></script>\"></iframe>");
        for (RewriteEvent e : events("<img src=\"/a.png\" alt=\"" + filler
                + "\" srcset=\"https://www.google-analytics.com/collect?v=1 1x\">")) {
            assertTrue(e.action() != RewriteEvent.Action.PASSED_OVER_LIMIT, "passed over the limit: " + e);
        }
    }
}
