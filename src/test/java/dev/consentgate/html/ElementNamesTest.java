package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ElementNamesTest {

    /** Every name the tokenizer and the rewriter treat specially, written out here apart from the class's tables. */
    private static final Map<String, Integer> SPECIAL = Map.ofEntries(
            Map.entry("script", ElementNames.SCRIPT), Map.entry("style", ElementNames.STYLE),
            Map.entry("xmp", ElementNames.XMP), Map.entry("iframe", ElementNames.IFRAME),
            Map.entry("noembed", ElementNames.NOEMBED), Map.entry("noframes", ElementNames.NOFRAMES),
            Map.entry("title", ElementNames.TITLE), Map.entry("textarea", ElementNames.TEXTAREA),
            Map.entry("noscript", ElementNames.NOSCRIPT), Map.entry("img", ElementNames.IMG),
            Map.entry("link", ElementNames.LINK), Map.entry("meta", ElementNames.META),
            Map.entry("embed", ElementNames.EMBED), Map.entry("object", ElementNames.OBJECT),
            Map.entry("frame", ElementNames.FRAME), Map.entry("svg", ElementNames.SVG),
            Map.entry("math", ElementNames.MATH), Map.entry("source", ElementNames.SOURCE),
            Map.entry("amp-pixel", ElementNames.AMP_PIXEL), Map.entry("amp-iframe", ElementNames.AMP_IFRAME),
            Map.entry("image", ElementNames.IMAGE), Map.entry("base", ElementNames.BASE),
            Map.entry("annotation-xml", ElementNames.ANNOTATION_XML), Map.entry("font", ElementNames.FONT),
            Map.entry("frameset", ElementNames.FRAMESET), Map.entry("template", ElementNames.TEMPLATE),
            Map.entry("set", ElementNames.SET), Map.entry("animate", ElementNames.ANIMATE),
            Map.entry("element", ElementNames.XSL_ELEMENT), Map.entry("attribute", ElementNames.XSL_ATTRIBUTE),
            Map.entry("text", ElementNames.XSL_TEXT), Map.entry("value-of", ElementNames.XSL_VALUE_OF),
            Map.entry("copy-of", ElementNames.XSL_COPY_OF), Map.entry("input", ElementNames.INPUT),
            Map.entry("video", ElementNames.VIDEO), Map.entry("audio", ElementNames.AUDIO),
            Map.entry("track", ElementNames.TRACK), Map.entry("body", ElementNames.BODY),
            Map.entry("feimage", ElementNames.FE_IMAGE), Map.entry("feImage", ElementNames.FE_IMAGE),
            Map.entry("table", ElementNames.TABLE), Map.entry("tr", ElementNames.TR),
            Map.entry("td", ElementNames.TD), Map.entry("th", ElementNames.TH),
            Map.entry("a", ElementNames.A), Map.entry("area", ElementNames.AREA));

    private static int lookUp(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
        return ElementNames.lookup(bytes, bytes.length);
    }

    @Test
    void eachSpecialNameHasItsIdInAnyBufferAndAtAnyOffset() {
        SPECIAL.forEach((name, id) -> {
            assertEquals(id, lookUp(name), name);
            // as the tokenizer holds it: in a buffer longer than the name, after a prefix ("svg:script")
            byte[] buffer = Arrays.copyOf(("xsl:" + name).getBytes(StandardCharsets.US_ASCII), 256);
            assertEquals(id, ElementNames.lookup(buffer, 4, name.length()), name);
            // and at the very end of an array, where no word can be read past the name
            byte[] tight = ("a" + name).getBytes(StandardCharsets.US_ASCII);
            assertEquals(id, ElementNames.lookup(tight, 1, name.length()), name);
        });
    }

    @Test
    void otherNamesAreOrdinary() {
        for (String name : new String[] {"", "p", "div", "span", "strong", "article", "label", "scripts",
            "scrip", "imgs", "im", "noscrip", "amp-pixels", "amp-img", "annotation", "attributes", "value",
            "xsl:text", "foreignobject", "desc"}) {
            assertEquals(ElementNames.OTHER, lookUp(name), name);
        }
    }

    @Test
    void namesAreMatchedExactlyNotCaseInsensitivelyNorWithoutTrailingNulBytes() {
        // the tokenizer lower-cases HTML names; an XML page's names are case-sensitive
        assertEquals(ElementNames.OTHER, lookUp("SCRIPT"));
        assertEquals(ElementNames.OTHER, lookUp("Img"));
        // a NUL byte adds nothing to a name's word: the length must still tell "img\0" from "img"
        assertEquals(ElementNames.OTHER, lookUp("img\0"));
        assertEquals(ElementNames.OTHER, lookUp("script\0\0"));
        assertEquals(ElementNames.OTHER, lookUp("\0img"));
    }

    @Test
    void everySpecialNameLessItsLastLetterOrPlusOneIsOrdinaryUnlessItIsOneToo() {
        SPECIAL.keySet().forEach(name -> {
            for (String near : new String[] {name.substring(0, name.length() - 1), name + "s", name + "-"}) {
                assertEquals(SPECIAL.getOrDefault(near, ElementNames.OTHER), lookUp(near), near);
            }
        });
    }
}
