package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.assertEachBlocked;

import org.junit.jupiter.api.Test;

/**
 * A template literal may hold a line break, which the URL parser drops from a URL: Chromium 150 requested
 * https://www.facebook.com/tr for {@code new Image().src = `https://www.face<LF>book.com/tr?id=1`} (straight from an
 * upstream, by hand with the e2e lab's stand-in trackers).
 */
class LineBreaksInATemplateLiteralsHostAreDroppedTest {

    /** Before (found by a review): the host ended at the line break and the pixel passed. */
    @Test
    void aLineBreakInTheHostIsDropped() {
        assertEachBlocked(
                "<script>new Image().src=`https://www.face\nbook.com/tr?id=1`;</script>",
                "<script>new Image().src=`https://www.face\r\nbook.com/tr?id=1`;</script>",
                "<script>new Image().src=`https://www.facebook.\n\tcom/tr?id=1`;</script>");
    }
}
