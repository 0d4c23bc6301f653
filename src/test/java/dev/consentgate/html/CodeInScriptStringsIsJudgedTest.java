package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A string an inline script hands to the engine as code ({@code setTimeout}, {@code setInterval}, {@code eval},
 * {@code new Function}, a created script's text) is read for signatures as code: its escapes decoded and the layout
 * between its tokens left out ({@link CodeInStrings}). Chromium runs each of these forms
 * (CodeInScriptStringsIsJudgedE2ETest).
 */
class CodeInScriptStringsIsJudgedTest {

    private static List<String> rules(String html) {
        return EssentialOnly.events(html).stream().map(RewriteEvent::ruleId).toList();
    }

    @Test
    void aSpacedCallInAStringRunAsCodeBlocksTheScript() {
        List<String> scripts = List.of(
                "setTimeout(\"fbq ('track', 'PageView')\", 0);",
                "var t = setInterval(\"clearInterval(t); fbq ('track', 'PageView')\", 10);",
                "eval('fbq (\"track\", \"PageView\")');",
                "new Function(\"fbq\\n('track', 'PageView')\")();",
                "var s = document.createElement('script'); s.text = `fbq /* pixel */ ('track', 'PageView')`;"
                        + " document.head.appendChild(s);");
        for (String script : scripts) {
            // Before (found by a review): each passed untouched under essential-only consent, and Chromium ran the
            // string's code: signatures were looked for in the code as written and compacted, which keeps a string
            // as it is, where "fbq (" is no "fbq("
            assertEquals(List.of("meta-pixel-inline"), rules("<script>" + script + "</script>"), script);
        }
    }

    @Test
    void aStringsEscapesAreDecodedBeforeItIsRead() {
        List<String> scripts = List.of(
                "setTimeout(\"fbq (\\\"track\\\", \\\"PageView\\\")\");",
                "eval('\\x66bq(\"track\")');",
                "eval('\\u0066bq(\"track\")');",
                "eval('\\u{66}bq(\"track\")');",
                "eval('\\146bq(\"track\")');",
                "eval('fbq\\u0020(\"track\")');",
                "eval('fbq \\\n(\"track\")');");
        for (String script : scripts) {
            // Before (found by a review): each passed untouched; the engine decodes the escapes and runs fbq(
            assertEquals(List.of("meta-pixel-inline"), rules("<script>" + script + "</script>"), script);
        }
    }

    @Test
    void aStringInsideAStringIsReadToo() {
        // Before (found by a review): passed untouched; eval runs setTimeout, which runs the inner string
        assertEquals(List.of("meta-pixel-inline"),
                rules("<script>eval(\"setTimeout('fbq (\\\\'track\\\\')')\")</script>"));
    }

    @Test
    void aStringCutAcrossChunksIsReadAsAWhole() {
        String html = "<script>setTimeout(\"fbq ('track', 'PageView')\", 0);</script>";
        byte[] bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int size = 1; size < 12; size++) {
            // Before (found by a review): passed untouched in any chunking
            String out = new String(Chunks.rewrite(TestRules.defaultPolicy(), TestRules.ESSENTIAL_ONLY, bytes,
                    List.of(size)), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(EssentialOnly.rewrite(html), out, "chunks of " + size);
        }
        assertEquals(List.of("meta-pixel-inline"), rules(html));
    }

    @Test
    void aStringWithNoSpaceOrQuoteIsStillReadAsCodeWhenAnEscapeOrACommentChangesIt() {
        // CodeInStrings leaves a string whose text reads as it is written to the scans of the code as written; an
        // escape or a comment, even cut across chunks (an escape held from one piece and completed by the next), must
        // still have the string read as code
        List<String> scripts = List.of(
                "eval(\"\\x66bq(1)\");",
                "eval(\"\\u0066bq(1)\");",
                "eval(\"fbq\\u0028 1)\");",
                "setTimeout(\"fbq/**/(1)\");",
                "setTimeout(\"fbq/*x*/(1)\", 9);",
                "eval(\"fbq(1)\");");
        for (String script : scripts) {
            String html = "<script>" + script + "</script>";
            assertEquals(List.of("meta-pixel-inline"), rules(html), script);
            byte[] bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int size = 1; size < 12; size++) {
                String out = new String(Chunks.rewrite(TestRules.defaultPolicy(), TestRules.ESSENTIAL_ONLY, bytes,
                        List.of(size)), java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(EssentialOnly.rewrite(html), out, script + " in chunks of " + size);
            }
        }
    }

    @Test
    void stringsThatHoldNoTrackersCallPass() {
        String html = "<script>var msg = \"Call us (free): 0800 123\"; setTimeout(\"init ('menu')\", 0);"
                + " var re = 'a\\\\b'; var t = `total ${n} (net)`; el.title = 'fbq is a name';</script>";
        assertEquals(html, EssentialOnly.rewrite(html));
    }
}
