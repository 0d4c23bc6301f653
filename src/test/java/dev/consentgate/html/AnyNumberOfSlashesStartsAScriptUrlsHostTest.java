package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.assertEachBlocked;
import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * In an http(s) URL, and in one relative to an http(s) page, the URL parser skips any number of slashes and
 * backslashes before the host (WHATWG URL, "special authority ignore slashes"): each case below made Chromium 150
 * request www.facebook.com/tr (straight from an upstream, by hand with the e2e lab's stand-in trackers).
 */
class AnyNumberOfSlashesStartsAScriptUrlsHostTest {

    /**
     * Before (found by a review): one slash after the scheme ({@code "https:/www.facebook.com/tr"}, or one escaped
     * backslash, {@code "https:\\www.facebook.com/tr"}) was no URL to the scanner, and three or four slashes
     * ({@code "https:///www..."}, {@code "////www..."}) gave the URL up at the third: the pixel passed.
     */
    @Test
    void aHostAfterOneOrMoreThanTwoSlashesIsRead() {
        assertEachBlocked(
                "<script>new Image().src=\"https:/www.facebook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"HTTPS:/www.facebook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"http:/www.facebook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"https:\\\\www.facebook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"https:///www.facebook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"https:/\\\\/www.facebook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"////www.facebook.com/tr?id=1\";</script>",
                "<script>fetch(\"https:/www.google-analytics.com/g/collect?v=2\");</script>");
    }

    /**
     * Before (found by a review): no slash at all ({@code "https:www.facebook.com/tr"}), which a browser reads as
     * the host on a page of the other scheme (Chromium 150 requested the pixel on an http: page), was no URL to the
     * scanner and the pixel passed.
     */
    @Test
    void aHostRightAfterTheSchemeIsRead() {
        assertEachBlocked(
                "<script>new Image().src=\"https:www.facebook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"http:www.facebook.com/tr?id=1\";</script>");
    }

    /** A comment's rule of slashes and a path on the page's own host stay what they were. */
    @Test
    void slashesWithoutAHostChangeNothing() {
        String page = "<script>//////////\nvar a='/x/y', b='https:/', c=\"file:///tmp/a.js\";</script>";
        assertEquals(page, rewrite(page));
    }
}
