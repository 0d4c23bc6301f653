package dev.consentgate.html;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

class UrlPartsTest {

    private static void assertParsed(String host, String path, String url) {
        assertEquals(new UrlParts(host, path), UrlParts.parse(url), url);
    }

    @Test
    void absoluteAndSchemeRelativeUrlsGiveHostAndPath() {
        assertParsed("www.googletagmanager.com", "/gtm.js?id=1", "https://www.googletagmanager.com/gtm.js?id=1");
        assertParsed("www.googletagmanager.com", "/gtm.js", "HTTPS://WWW.GoogleTagManager.COM/gtm.js");
        assertParsed("connect.facebook.net", "/", "//connect.facebook.net?x=1");
        assertParsed("a.example", "/", "wss://a.example#f");
        assertParsed("", "/img/1.jpg", "/img/1.jpg");
    }

    @Test
    void aHostPaddedWithCharactersMappedToNothingIsTheHostLookedUp() {
        // found by a review (2026-12-02): a host written longer than three times the longest name was given up on
        assertParsed("www.facebook.com", "/tr", "http://www.face" + "\u00AD".repeat(800) + "book.com/tr");
        assertParsed("www.facebook.com", "/tr", "http://www.face" + "%C2%AD".repeat(300) + "book.com/tr");
        // a name longer than DNS allows still reads as none (it cannot be looked up)
        assertEquals(UrlParts.NONE, UrlParts.parse("http://" + "a".repeat(300) + ".example/x"));
    }

    @Test
    void aPlainRelativeUrlIsReadAsItsOwnPathWithoutAHost() {
        for (String plain : new String[] {"/img/1.jpg", "img/a.png?v=2#top", "../x", "/", "a"}) {
            assertTrue(isPlainRelative(plain), plain);
            assertParsed("", plain, plain);
        }
        // a scheme, an authority, a reference, a backslash, white space or a URL inside: read by parse
        for (String other : new String[] {"", "//cdn.example/x", "https://x.example/", "/r?u=//t.example/",
            "/a&amp;b", "\\\\t.example/x", "/a\\b", " /x", "/x ", "/a\tb", "/caf\u00e9", "data:x", "/a:b"}) {
            assertFalse(isPlainRelative(other), other);
        }
    }

    private static boolean isPlainRelative(String url) {
        byte[] raw = ("<" + url + ">").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return UrlParts.isPlainRelative(raw, 1, raw.length - 1);
    }

    @Test
    void theAuthoritysSlashesAreFoundOnlyWhereWrittenLiterally() {
        assertEquals(0, UrlParts.literalAuthorityStart("//cdn.example/x"));
        assertEquals(6, UrlParts.literalAuthorityStart("https://cdn.example/r?u=https://t.example/"));
        assertEquals(-1, UrlParts.literalAuthorityStart("\\\\cdn.example/r?u=https://t.example/"));
        assertEquals(-1, UrlParts.literalAuthorityStart("/\t/cdn.example/r?u=https://t.example/"));
        assertEquals(-1, UrlParts.literalAuthorityStart(" https://cdn.example/"));
        assertEquals(-1, UrlParts.literalAuthorityStart("/r?u=https://t.example/"));
    }

    @Test
    void whatABrowserIgnoresIsIgnored() {
        assertParsed("px.example", "/t", " \thttps:\\\\user:pw@x@px.example.:8443\\t\n ");
        assertParsed("px.example", "/t", "https:////px.example/t");
        assertParsed("px.example", "/", "https://%70x.example");
        assertParsed("[::1]", "/", "http://[::1]:80");
    }

    @Test
    void schemesThatFetchNothingFromAHostHaveNoHost() {
        assertEquals(UrlParts.NONE, UrlParts.parse("data:image/gif;base64,R0lGOD//lhAQABAIAAAP"));
        assertEquals(UrlParts.NONE, UrlParts.parse("javascript:void(0)"));
        assertEquals(UrlParts.NONE, UrlParts.parse("blob:https://a.example/1"));
    }

    @Test
    void aUrlInsideAnotherIsReadFromItsOffset() {
        String url = "https://r.example/?u=https://www.facebook.com/tr?id=1";
        assertEquals(new UrlParts("www.facebook.com", "/tr?id=1"), UrlParts.parse(url, url.indexOf("//", 10) - 6));
        assertEquals(new UrlParts("www.facebook.com", "/tr?id=1"), UrlParts.parse(url, url.indexOf("//", 10)));
    }

    @Test
    void aHostLongerThanDnsAllowsIsNoHost() {
        String label = "a".repeat(60) + ".";
        String longHost = label.repeat(5) + "example";
        assertEquals(UrlParts.NONE, UrlParts.parse("https://" + longHost + "/x"));
        String okHost = label.repeat(4) + "example";
        assertParsed(okHost, "/x", "https://" + okHost + "/x");
        // a long userinfo does not count: the host after it is what is fetched from
        assertParsed("www.facebook.com", "/tr", "https://" + "u".repeat(5000) + "@www.facebook.com/tr");
    }
}
