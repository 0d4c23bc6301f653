package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.assertEachBlocked;
import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A tracker's URL in an inline script's string is the string a browser's JavaScript makes, whatever escape writes a
 * character of it: each case below made Chromium 150 request https://www.facebook.com/tr (straight from an upstream,
 * by hand with the e2e lab's stand-in trackers; a page per case, an image's src set to the string).
 */
class ScriptUrlsWithAnyStringEscapeAreReadTest {

    /**
     * Before (found by a review): only the escapes of a slash and of a dot ({@code \x2F}, {@code \u005Cu002E}...) were
     * written out; a letter of the host written as {@code \x66}, {@code \u005Cu0066}, {@code \u005Cu{66}}, a legacy octal
     * {@code \146} or {@code \57}, or a soft hyphen as {@code \u005Cu00AD}, ended the host at its backslash and the pixel
     * passed.
     */
    @Test
    void aHostWrittenWithEscapesIsTheTrackers() {
        assertEachBlocked(
                "<script>new Image().src=\"https://www.\\x66acebook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"https://www.\\u0066acebook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"https://www.faceb\\u006fok.com/tr?id=1\";</script>",
                "<script>new Image().src=\"https://www.\\u{66}acebook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"https:\\u{2f}\\u{2f}www.facebook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"https://www.\\146acebook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"https:\\57\\57www.facebook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"https://www.face\\u00ADbook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"https://www.facebook.com\\u0023/tr?id=1\";</script>");
    }

    /**
     * Before (found by a review): a line continuation inside the host, or a {@code \n} or {@code \t} there (which
     * the URL parser drops), ended the host and the pixel passed.
     */
    @Test
    void aLineBreakOrTabEscapedInTheHostIsDropped() {
        assertEachBlocked(
                "<script>new Image().src=\"https://www.face\\\nbook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"https://www.face\\\r\nbook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"https://www.face\\nbook.com/tr?id=1\";</script>",
                "<script>new Image().src=\"https://www.face\\tbook.com/tr?id=1\";</script>");
    }

    /** Before (found by a review): the same pixel, its escapes cut by chunk boundaries, passed too. */
    @Test
    void escapesAreReadAlikeInAnyChunks() {
        String page = "<script>new Image().src=\"https:\\u{2f}\\u{2f}www.\\u0066ace\\\r\nb\\x6f\\157k.com/tr?id=1\";"
                + "</script>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        String whole = rewrite(page);
        assertEquals(false, whole.equals(page), "the whole page's pixel is blocked");
        for (int size = 1; size <= 13; size++) {
            assertEquals(whole, new String(Chunks.rewrite(TestRules.defaultPolicy(), TestRules.ESSENTIAL_ONLY, bytes,
                    List.of(size)), StandardCharsets.UTF_8), "chunks of " + size);
        }
    }

    /** Escapes a string holds for its own text leave the site's own code as it was. */
    @Test
    void escapesOfOtherTextChangeNothing() {
        String page = "<script>var m=\"It\\'s \\\"fine\\\"\\n\\tC:\\\\dir\\x41\\u{1F600}\\uD83D\\uDE00 /a\\/b\";"
                + "var r=/\\d+\\.js$/;</script>";
        assertEquals(page, rewrite(page));
    }
}
