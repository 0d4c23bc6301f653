package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForeignScriptTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "var a = 1;|var a = 1;",
        "if (a < b) {}|if (a < b) {}",
        "a<b>c</b>d|ad",
        "faceb<a>x</a>ook.com|facebook.com",
        "faceb<a><b>x</b>y</a>ook.com|facebook.com",
        "faceb<x/>ook.com|facebook.com",
        "a<b>c<![CDATA[d]]></b>e<![CDATA[f]]>|aef",
        "a</b>c|ac",
        "faceb&#111;ok.com|facebook.com",
        "faceb&#x6f;ok.com|facebook.com",
        "a &amp;&amp; b|a && b",
        "faceb<!---->ook.com|facebook.com",
        "faceb<!-- x -- y --!>ook.com|facebook.com",
        "faceb<!-->ook.com|facebook.com",
        "faceb<!--->ook.com|facebook.com",
        "faceb<![CDATA[ook]]>.com|facebook.com",
        "<![CDATA[if (a<b) {} &amp;]]>|if (a<b) {} &amp;",
        "<!-- > <![CDATA[ -->x|x",
        "a<?php x ?>b|ab",
        "a</ x>b|ab",
        "a<!DOCTYPE html>b|ab",
        "a<!-- unclosed|a",
        "a<![CDATA[ unclosed|a unclosed",
        "a<|a<",
        "a<1|a<1",
    })
    void isTheTextABrowserRunsForAScriptInSvg(String content, String text) {
        byte[] bytes = ("__" + content + "__").getBytes(StandardCharsets.UTF_8);
        // read from an offset into a larger array, as the rewriter keeps it
        assertEquals(text, new String(ForeignScriptText.runnableText(bytes, 2, bytes.length - 2),
                StandardCharsets.ISO_8859_1));
    }
}
