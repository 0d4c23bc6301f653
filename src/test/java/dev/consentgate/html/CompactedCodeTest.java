package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The compact reading of a script's code (whitespace and comments between tokens left out, strings as they are) is
 * the same however the code is cut into pieces; a piece that comes out as it went in says so, which lets the judge
 * skip scanning it twice.
 */
class CompactedCodeTest {

    private static final List<String> SCRIPTS = List.of(
            "gtag(\n  'consent', // v2\n  'default', {ad_storage: 'denied'},\n)",
            "gtag( /* a comment */ 'consent' ,\r\n 'default' )",
            "function gtag(){dataLayer.push(arguments);}\nvar  a = b / c; var re = /x\\/y/g;",
            "s = 'it\\'s  here' + \"a  \\\" b\" + `line\n  two ${x}`;\nfbq ( 'init' , '1' )",
            "x = 'unterminated\ny = 1;  /* never closed",
            "a/**/b//end\nc",
            "fbq\u00a0(\u3000'a'\ufeff,\u2003b)//c\u00a0d\u2029e\u00e0\u3042 \u2028f");

    private static String compact(String code, int piece) {
        CompactedCode compacted = new CompactedCode();
        byte[] bytes = code.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int from = 0; from < bytes.length; from += piece) {
            compacted.compact(bytes, from, Math.min(bytes.length, from + piece));
            out.write(compacted.bytes(), 0, compacted.length());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void callsLaidOutOverLinesReadAsOnOneLine() {
        assertEquals("gtag('consent','default',{ad_storage:'denied'},)", compact(SCRIPTS.get(0), 1 << 20));
        assertEquals("gtag('consent','default')", compact(SCRIPTS.get(1), 1 << 20));
        // a space stays between two names; strings keep theirs
        assertEquals("s='it\\'s  here'+\"a  \\\" b\"+`line\n  two ${x}`;fbq('init','1')",
                compact(SCRIPTS.get(3), 1 << 20));
        assertEquals("a b c", compact(SCRIPTS.get(5), 1 << 20));
        // white space past ASCII is white space; a line separator ends a comment; letters past ASCII are names
        assertEquals("fbq('a',b)e\u00e0\u3042 f", compact(SCRIPTS.get(6), 1 << 20));
    }

    @Test
    void theTextDoesNotDependOnWhereTheCodeIsCut() {
        for (String script : SCRIPTS) {
            String whole = compact(script, 1 << 20);
            for (int piece = 1; piece <= 9; piece++) {
                assertEquals(whole, compact(script, piece), script + " in pieces of " + piece);
            }
        }
    }

    @Test
    void aPieceThatComesOutAsItWentInSaysSo() {
        CompactedCode compacted = new CompactedCode();
        byte[] plain = "document.getElementById('a1').classList.add('seen');".getBytes(StandardCharsets.US_ASCII);
        compacted.compact(plain, 0, plain.length);
        assertTrue(compacted.wasVerbatim());
        for (String changed : List.of("a = 1", "a/*c*/b", "a\nb", "x = y / z", "a//c\n")) {
            compacted.reset();
            byte[] bytes = changed.getBytes(StandardCharsets.US_ASCII);
            compacted.compact(bytes, 0, bytes.length);
            assertFalse(compacted.wasVerbatim(), changed);
        }
    }
}
