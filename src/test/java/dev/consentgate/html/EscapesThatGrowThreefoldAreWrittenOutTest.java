package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The URL search writes a script's escapes out as a URL has them: {@code &#0} (a NUL, which HTML reads as U+FFFD) is
 * three bytes written as the nine of {@code %EF%BF%BD}. The decoder's output must make room for that.
 * Found by fuzzing (HtmlRewriterFuzzTest, the input crash-ca4a2bbd... in its seed corpus).
 */
class EscapesThatGrowThreefoldAreWrittenOutTest {

    @Test
    void aShortNumericReferenceToNulIsWrittenOutWhole() {
        // Before (found by fuzzing): ArrayIndexOutOfBoundsException in StringEscapes.decode, which the gateway turns
        // into an aborted response: room was made for twice the bytes read, and "&#0" grows threefold
        assertEquals("%EF%BF%BDX", decoded("&#0X"));
        assertEquals("%EF%BF%BD;", decoded("&#x0;;"));
        assertEquals("%EF%BF%BD%EF%BF%BD.", decoded("&#0&#0."));
    }

    @Test
    void aPageWhoseScriptHoldsOneIsRewrittenInAnyChunking() {
        String html = "<script>&#0x</script><script>&#0</script><script>var u = '&#0;';</script><p>text</p>";
        for (int size = 1; size < 12; size++) {
            // Before (found by fuzzing): the rewrite threw in some of these chunkings
            assertEquals(html, new String(Chunks.rewrite(TestRules.defaultPolicy(), TestRules.ESSENTIAL_ONLY,
                    html.getBytes(StandardCharsets.UTF_8), List.of(size)), StandardCharsets.UTF_8), "chunks of " + size);
        }
    }

    /** The URL text of {@code written}, read as one piece, then its end. */
    private static String decoded(String written) {
        StringEscapes escapes = StringEscapes.forUrls();
        byte[] bytes = written.getBytes(StandardCharsets.US_ASCII);
        escapes.decode(bytes, 0, bytes.length);
        String text = new String(escapes.text(), escapes.offset(), escapes.length(), StandardCharsets.US_ASCII);
        escapes.end();
        return text + new String(escapes.text(), escapes.offset(), escapes.length(), StandardCharsets.US_ASCII);
    }
}
