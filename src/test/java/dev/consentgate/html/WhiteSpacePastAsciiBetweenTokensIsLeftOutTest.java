package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JavaScript's white space is more than ASCII's: a no-break space (U+00A0), the byte order mark (U+FEFF), the
 * Unicode spaces (U+1680, U+2000 to U+200A, U+202F, U+205F, U+3000) and the line and paragraph separators (U+2028,
 * U+2029, which also end a line comment). The compact reading of a script's code, and of the code its strings hold,
 * leaves them out between tokens as it leaves out ASCII's. Chromium 150 ran each call below (a page whose fbq marks the
 * body, loaded with --dump-dom).
 */
class WhiteSpacePastAsciiBetweenTokensIsLeftOutTest {

    private static final List<String> SPACES = List.of("\u00a0", "\ufeff", "\u1680", "\u2003", "\u200a", "\u202f",
            "\u205f", "\u3000", "\u2028", "\u2029");

    private static List<String> rules(byte[] html) {
        List<RewriteEvent> events = new ArrayList<>();
        HtmlRewriter.rewriteAll(TestRules.defaultPolicy(), TestRules.ESSENTIAL_ONLY, html, events::add);
        return events.stream().map(RewriteEvent::ruleId).toList();
    }

    private static List<String> rules(String html) {
        return rules(html.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCallSpacedByWhiteSpacePastAsciiBlocksTheScript() {
        for (String space : SPACES) {
            String html = "<script>fbq" + space + "('track', 'PageView');</script>";
            // Before (found by a review): passed untouched under essential-only consent, and Chromium ran fbq: the
            // compact reading left out ASCII's white space only, so "fbq\u00a0(" was no "fbq("
            assertEquals(List.of("meta-pixel-inline"), rules(html), escaped(space));
        }
    }

    @Test
    void aStringsCodeSpacedSoIsReadToo() {
        for (String space : SPACES) {
            String html = "<script>eval(\"fbq" + space + "(1)\");</script>";
            // Before (found by a review): passed untouched; a string without an ASCII space, quote, escape or '*'
            // was left to the scans of the code as written, where its white space stays
            assertEquals(List.of("meta-pixel-inline"), rules(html), escaped(space));
        }
    }

    @Test
    void aLineSeparatorEndsALineComment() {
        for (String separator : List.of("\u2028", "\u2029")) {
            // Before (found by a review): passed untouched; the comment was read on to the next line feed, hiding the
            // call Chromium ran after the separator
            assertEquals(List.of("meta-pixel-inline"),
                    rules("<script>// the pixel" + separator + "fbq ('track', 'PageView');</script>"),
                    escaped(separator));
            assertEquals(List.of("meta-pixel-inline"),
                    rules("<script>setTimeout(\"// the pixel" + separator + "fbq ('track')\");</script>"),
                    escaped(separator));
        }
    }

    @Test
    void aNoBreakSpaceOfASingleByteEncodingIsWhiteSpaceToo() {
        byte[] html = "<meta charset=windows-1252><script>fbq\u00a0('track', 'PageView');</script>"
                .getBytes(StandardCharsets.ISO_8859_1);
        // Before (found by a review): passed untouched; windows-1252 writes U+00A0 as the one byte 0xA0
        assertEquals(List.of("meta-pixel-inline"), rules(html));
    }

    @Test
    void theVerdictDoesNotDependOnWhereTheBodyIsCut() {
        for (String space : SPACES) {
            for (String script : List.of("fbq" + space + "('track');", "eval(\"fbq" + space + "(1)\");",
                    "//x" + space + "fbq ('track');")) {
                String html = "<script>" + script + "</script>";
                byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
                String whole = EssentialOnly.rewrite(html);
                for (int size = 1; size < 12; size++) {
                    String out = new String(Chunks.rewrite(TestRules.defaultPolicy(), TestRules.ESSENTIAL_ONLY, bytes,
                            List.of(size)), StandardCharsets.UTF_8);
                    assertEquals(whole, out, escaped(script) + " in chunks of " + size);
                }
            }
        }
    }

    @Test
    void lettersPastAsciiAreNoWhiteSpace() {
        // U+00E0 and U+0920 end in the byte 0xA0, U+3042 starts like U+3000: names, which no signature is cut by
        for (String html : List.of("<script>fbq\u00e0('track');</script>", "<script>fbq\u0920('track');</script>",
                "<script>fbq\u3042('track');</script>", "<script>var t = \"fbq\u00e0(1)\";</script>")) {
            assertEquals(List.of(), rules(html), escaped(html));
        }
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return b.toString();
    }
}
