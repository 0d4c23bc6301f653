package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Meta's pixel call written with a space before its arguments inside a string that the script hands to the engine
 * as code: {@code setTimeout}, {@code setInterval}, {@code eval}, {@code new Function}, and a created script's text.
 * Beside the call, the string's code asks www.facebook.com for a pixel whose address it builds from pieces, so that
 * only the call says whose code it is. Each page is first loaded straight from the upstream, which shows Chromium
 * running the string's code (the pixel arrives), then through the gateway without consent, where it does not.
 */
@ExtendWith(BrowserLab.class)
class CodeInScriptStringsIsJudgedE2ETest {

    /** The code a string holds, its pixel marked with {@code marker}. */
    private static String code(String marker) {
        return "fbq ('track', 'PageView'); new Image().src = 'https://www.face' + 'book.com/tr?id=" + marker
                + "&ev=PageView';";
    }

    /** Each page's script, by its path, for a marker. */
    private static final Map<String, Function<String, String>> SCRIPTS = Map.of(
            "/set-timeout", m -> "setTimeout(\"" + code(m) + "\", 0);",
            "/set-interval", m -> "var t = setInterval(\"clearInterval(t); " + code(m) + "\", 10);",
            "/eval", m -> "eval(\"" + code(m).replace("'", "\\\"") + "\");",
            "/new-function", m -> "new Function(\"" + code(m) + "\")();",
            "/script-text", m -> "var s = document.createElement('script'); s.text = \"" + code(m)
                    + "\"; document.head.appendChild(s);",
            // a backslash before U+2028 is a line continuation, no character of the string (before, found by a
            // review: the strings' own decoder kept U+2028, and Chromium asked for the pixel through the gateway)
            "/eval-line-separator", m -> "eval(\"" + code(m).replace("fbq (", "fbq \\\u2028(") + "\");",
            // a backslash before CR LF is one line continuation (before, found by a review: the line feed was taken
            // for the string's end, and Chromium asked for the pixel through the gateway)
            "/eval-crlf", m -> "eval(\"" + code(m).replace("fbq (", "fbq \\\r\n(") + "\");");

    @AutoClose
    private static PagesBehindGateway site;

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.startRunPages((path, run) -> {
            Function<String, String> script = SCRIPTS.get(path);
            if (script == null) {
                return null;
            }
            String marker = path.substring(1) + "-" + run;
            return PagesBehindGateway.Page.html(
                    "<!DOCTYPE html><html><head><title>strings</title></head><body><script>window.fbq = function () "
                            + "{};\n" + script.apply(marker) + "</script></body></html>");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/set-timeout", "/set-interval", "/eval", "/new-function", "/script-text",
            "/eval-line-separator", "/eval-crlf"})
    void theStringsCodeRunsStraightFromTheUpstreamAndNotThroughTheGateway(String path, BrowserLab.Lab lab)
            throws Exception {
        // Before (found by a review): through the gateway Chromium 150 ran the string's code and asked
        // www.facebook.com for the pixel, as straight from the upstream: signatures were looked for in the code as
        // written and compacted, where a string stays as it is and "fbq (" is no "fbq("
        BrowserLab.Lab.PixelRuns runs = lab.pixelRuns(site, path, "code-in-strings");
        assertFalse(runs.direct().isEmpty(), path + ": straight from the upstream, Chromium runs the string's code");
        assertEquals(List.of(), runs.throughGateway(), path + ": through the gateway, the pixel's requests");
    }
}
