package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The code and the data: URLs an inline script's strings hold are read with the string's escapes decoded by the
 * decoder the URL search uses ({@link StringEscapes}), so that all three agree on what a string holds: a line
 * continuation by U+2028, U+2029 or CR LF, a surrogate pair, a legacy octal escape at a string's end. Chromium runs the
 * line continuation's forms (CodeInScriptStringsIsJudgedE2ETest, DataUrlsNamedInScriptsAreJudgedE2ETest: through
 * the gateway, before this, it asked for the pixel).
 */
class ScriptStringsReadAlikeAsCodeAndAsUrlsTest {

    private static List<String> rules(String html) {
        return EssentialOnly.events(html).stream().map(RewriteEvent::ruleId).toList();
    }

    @Test
    void aLineContinuationByALineSeparatorInCodeAStringHoldsIsNoCharacter() {
        for (String separator : List.of("\u2028", "\u2029")) {
            String html = "<script>eval(\"fbq \\" + separator + "('track', 'PageView')\");</script>";
            // Before (found by a review): passed untouched under essential-only consent, and Chromium ran fbq(: the
            // string's own decoder knew a backslash before a line feed or carriage return for a line continuation,
            // not one before U+2028 or U+2029 (the URL search's did), and "fbq \u2028(" is no "fbq("
            assertEquals(List.of("meta-pixel-inline"), rules(html), html);
        }
    }

    @Test
    void aLineContinuationByACarriageReturnAndLineFeedKeepsTheStringOpen() {
        String html = "<script>eval('fbq \\\r\n(\"track\", \"PageView\")');</script>";
        // Before (found by a review): passed untouched, and Chromium ran fbq(: the line feed after "\" and a carriage
        // return was taken for the end of the string, whose text then was "fbq " alone, though the three bytes are
        // one line continuation (as the URL search's decoder reads them)
        assertEquals(List.of("meta-pixel-inline"), rules(html));
    }

    @Test
    void aLineContinuationByALineSeparatorInADataUrlsSchemeIsNoCharacter() {
        String html = "<script>import(\"da\\\u2028ta:text/javascript,fbq%20(%22track%22)\");</script>";
        // Before (found by a review): passed untouched; the engine's string is "data:text/javascript,...", which
        // Chromium imports, but the string's decoder left U+2028 in the scheme
        assertEquals(List.of("meta-pixel-inline"), rules(html));
    }

    @Test
    void escapesThatNothingHadToFollowAreReadAtAStringsEnd() {
        StringEscapes text = StringEscapes.forStringText();
        assertEquals("a\u0001", decoded(text, "a\\1"));
        assertEquals("\u0000", decoded(text, "\\0"));
        assertEquals("\u00ff", decoded(text, "\\377"));
        assertEquals("\ufffd", decoded(text, "\\uD83D"));
        assertEquals("\ud83d\ude00", decoded(text, "\\uD83D\\uDE00"));
        assertEquals("\\x6", decoded(text, "\\x6"));
    }

    @Test
    void aStringsTextKeepsWhatTheUrlSearchLeavesOutOrRewrites() {
        StringEscapes text = StringEscapes.forStringText();
        assertEquals("a\nb\tc\rd\\e&#46;f", decoded(text, "a\\nb\\tc\\rd\\\\e&#46;f"));
        StringEscapes url = StringEscapes.forUrls();
        assertEquals("abcd/e.f", decoded(url, "a\\nb\\tc\\rd\\\\e&#46;f"));
    }

    @Test
    void aStringsTextIsTheSameInAnyCutting() {
        String written = "fbq\\x20(\\u{22}tr\\141ck\\u0022)\\uD83D\\uDE00\\\r\n;\\12";
        StringEscapes whole = StringEscapes.forStringText();
        String expected = decoded(whole, written);
        byte[] bytes = written.getBytes(StandardCharsets.UTF_8);
        for (int size = 1; size < 8; size++) {
            StringEscapes text = StringEscapes.forStringText();
            StringBuilder out = new StringBuilder();
            for (int from = 0; from < bytes.length; from += size) {
                text.decode(bytes, from, Math.min(bytes.length, from + size));
                out.append(new String(text.text(), text.offset(), text.length(), StandardCharsets.UTF_8));
            }
            text.end();
            out.append(new String(text.text(), text.offset(), text.length(), StandardCharsets.UTF_8));
            assertEquals(expected, out.toString(), "pieces of " + size);
        }
        assertEquals("fbq (\"track\")\ud83d\ude00;\n", expected);
    }

    /** The text of a whole string, as written between its quotes, then its end. */
    private static String decoded(StringEscapes escapes, String written) {
        byte[] bytes = written.getBytes(StandardCharsets.UTF_8);
        escapes.decode(bytes, 0, bytes.length);
        String text = new String(escapes.text(), escapes.offset(), escapes.length(), StandardCharsets.UTF_8);
        escapes.end();
        return text + new String(escapes.text(), escapes.offset(), escapes.length(), StandardCharsets.UTF_8);
    }
}
