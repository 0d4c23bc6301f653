package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForeignScriptTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "var a = 1;|false",
        "if (a < b) {}|false",
        "a<b|true",
        "x<img src=p>|true",
        "x</p>|true",
        "x</ p>|false",
        "x<<<div>|true",
        "<![CDATA[ if (a<b) {} ]]>|false",
        "<![CDATA[ a ]] > <b ]]>|false",
        "<![CDATA[ a ]]><b>|true",
        "<![CDATA[ a ]]]><b>|true",
        "<![CDATA a<b|false",
        "<![CDATA a><b|true",
        "<!-- <img src=p> -->|false",
        "<!-- x --><img src=p>|true",
        "<!--><img src=p>|true",
        "<?php x ?><b>|true",
        "</><b>|true",
        "a<1|false",
    })
    void findsATagOutsideCommentsAndCdata(String text, boolean holdsTag) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ForeignScriptText whole = new ForeignScriptText();
        assertEquals(holdsTag, whole.holdsTag(bytes, 0, bytes.length), "in one piece");
        ForeignScriptText bytewise = new ForeignScriptText();
        boolean found = false;
        for (int i = 0; i < bytes.length; i++) {
            found = bytewise.holdsTag(bytes, i, i + 1);
        }
        assertEquals(holdsTag, found, "a byte at a time");
    }

    @ParameterizedTest
    @CsvSource({"<b>", "<![CDATA[<b>"})
    void aResetForgetsTheLastScript(String first) {
        ForeignScriptText reader = new ForeignScriptText();
        byte[] a = first.getBytes(StandardCharsets.UTF_8);
        reader.holdsTag(a, 0, a.length);
        reader.reset();
        byte[] b = "<i>".getBytes(StandardCharsets.UTF_8);
        assertEquals(true, reader.holdsTag(b, 0, b.length));
        reader.reset();
        byte[] c = "x".getBytes(StandardCharsets.UTF_8);
        assertEquals(false, reader.holdsTag(c, 0, c.length));
    }
}
