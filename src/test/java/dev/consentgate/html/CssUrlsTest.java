package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The addresses CSS loads, read as CSS Syntax Level 3 tokenizes: each comes with the text that loads it, which the
 * rewriter replaces by {@code none}.
 */
class CssUrlsTest {

    /** Each address found, as "url @ replaced text". */
    private static List<String> found(String css) {
        List<String> out = new ArrayList<>();
        CssUrls.find(css, null, (start, end, url, imported) -> out.add(url + " @ " + css.substring(start, end)));
        return out;
    }

    @Test
    void everyFormThatLoadsIsFound() {
        assertEquals(List.of("https://a.example/x.png @ url(https://a.example/x.png)"),
                found("p{background:url(https://a.example/x.png)}"));
        assertEquals(List.of("https://a.example/x.png @ url( \"https://a.example/x.png\" )"),
                found("p{background:url( \"https://a.example/x.png\" )}"));
        assertEquals(List.of("https://a.example/x.png @ url(  https://a.example/x.png  )"),
                found("p{background:url(  https://a.example/x.png  )}"));
        assertEquals(List.of("https://a.example/i.css @ \"https://a.example/i.css\""),
                found("@import \"https://a.example/i.css\";"));
        assertEquals(List.of("https://a.example/i.css @ url('https://a.example/i.css')"),
                found("@import url('https://a.example/i.css') screen;"));
        assertEquals(List.of("https://a.example/f.woff @ src(\"https://a.example/f.woff\")"),
                found("@font-face{src:src(\"https://a.example/f.woff\")}"));
        assertEquals(List.of("a.png @ \"a.png\"", "b.png @ url(b.png)"),
                found("p{background-image:image-set(\"a.png\" 1x, url(b.png) 2x)}"));
        assertEquals(List.of("a.png @ 'a.png'"), found("p{background:-webkit-image-set('a.png' 1x)}"));
        // upper case names
        assertEquals(List.of("x.png @ URL(x.png)"), found("p{background:URL(x.png)}"));
        assertEquals(List.of("i.css @ 'i.css'"), found("@IMPORT 'i.css';"));
    }

    @Test
    void escapesCountInNamesStringsAndUrls() {
        assertEquals(List.of("x.png @ u\\72 l(x.png)"), found("p{background:u\\72 l(x.png)}"));
        assertEquals(List.of("x.png @ \\75rl(x.png)"), found("p{background:\\75rl(x.png)}"));
        assertEquals(List.of("i.css @ 'i.css'"), found("@\\69mport 'i.css';"));
        assertEquals(List.of("https://a.example/ @ url(https\\3a //a.example/)"),
                found("p{background:url(https\\3a //a.example/)}"));
        assertEquals(List.of("https://a.example/ @ 'https:\\2f\\2f a.example/'"),
                found("@import 'https:\\2f\\2f a.example/';"));
    }

    @Test
    void commentsAndStringsHideWhatTheyHold() {
        assertEquals(List.of(), found("/* url(https://a.example/x.png) @import 'y.css'; */ p{}"));
        assertEquals(List.of("url(https://a.example/x.png) @ \"url(https://a.example/x.png)\""),
                found("p::before{content:\"url(https://a.example/x.png)\"}"));
    }

    /**
     * Every string is an address: a custom property carries one into an image set, where it loads
     * ({@code --u:"...";background:image-set(var(--u) 1x)}); a font's name or a content string is judged too, and
     * matches no rule.
     */
    @Test
    void everyStringIsFound() {
        assertEquals(List.of("https://a.example/t @ \"https://a.example/t\""),
                found(":root{--u:\"https://a.example/t\";background-image:image-set(var(--u) 1x)}"));
        assertEquals(List.of("Helvetica Neue @ 'Helvetica Neue'"), found("p{font-family:'Helvetica Neue'}"));
    }

    /** An import's address is told apart (a data: one is a stylesheet whatever its type says). */
    @Test
    void anImportsAddressIsToldApart() {
        List<String> imports = new ArrayList<>();
        String css = "@import /* c */ 'a.css' screen; @IMPORT url(b.css); p{background:url(c.png)} @media x{}'d'";
        CssUrls.find(css, null, (start, end, url, imported) -> imports.add(url + (imported ? " imported" : "")));
        assertEquals(List.of("a.css imported", "b.css imported", "c.png", "d"), imports);
    }

    /** An attribute selector's string loads nothing: a site's social links styled by their address stay as written. */
    @Test
    void aStringInABracketBlockIsNone() {
        assertEquals(List.of(), found("a[href^=\"https://www.facebook.com/\"]::before{content:''}"));
        assertEquals(List.of("https://a.example/t @ url(https://a.example/t)", "x @ 'x'"),
                found("a[href='y']{background:url(https://a.example/t)} [ ] p{content:'x'}"));
        // a block left open runs to the end
        assertEquals(List.of(), found("a[ p{} @import 'https://a.example/i.css';"));
    }

    @Test
    void aNameThatContinuesAnotherIsNotAFunction() {
        assertEquals(List.of(), found("p{width:1url(x.png)}"));
        assertEquals(List.of(), found("p{width:xurl(x.png)}"));
        assertEquals(List.of(), found("p{width:-url-x(x.png)}"));
        assertEquals(List.of("x.png @ url(x.png)"), found("p{x:-1 url(x.png)}"));
    }

    /**
     * Where url( starts is read as CSS tokenizes: after a hash's '#', an at-keyword's '@' or a NUL (U+FFFD, a name
     * character) it is part of a name and opens no URL, so the quotes after it open strings; after CDO {@code <!--}
     * it is one (found by a review, 2026-12-02: each put the checker out of step with Chromium).
     */
    @Test
    void aUrlFunctionStartsWhereCssSaysItDoes() {
        // #url( is a hash and a '(': the quotes after it make the string ")", and the url() after it is one
        String tail = "(x\")\"){} :root{background:url(https:a.example/t)} /*\"*/";
        for (String start : new String[] {"#url", "@url", "\0url"}) {
            assertEquals(List.of(") @ \")\"", "https:a.example/t @ url(https:a.example/t)"), found(start + tail),
                    start);
        }
        // after CDO, url( is a function: its bad URL runs to the first ')', and the next url() is one too
        assertEquals(List.of("x\" @ url(x\")", "https:a.example/t @ url(https:a.example/t)"),
                found("<!--url(x\"){} :root{background:url(https:a.example/t)} /*\"*/"));
        // a name's or a number's unit does not start a function
        assertEquals(List.of(), found("p{width:1\\75rl(x)}"));
    }

    @Test
    void badAndUnterminatedUrlsAreFoundFailingClosed() {
        // a bad URL loads nothing in a browser; what it holds is reported all the same
        assertEquals(1, found("p{background:url(https://a.example/x y.png)}").size());
        assertEquals(List.of("https://a.example/x.png @ url(https://a.example/x.png"),
                found("p{background:url(https://a.example/x.png"));
        assertEquals(List.of("https://a.example/i.css @ 'https://a.example/i.css"),
                found("@import 'https://a.example/i.css"));
    }

    @Test
    void aUrlWhoseStringIsFollowedByAModifierIsReplacedToItsString() {
        assertEquals(List.of("a.png @ url(\"a.png\"", "image/png @ 'image/png'", "b.png @ 'b.png'"),
                found("p{b:image-set(url(\"a.png\" x) 1x, type('image/png') 'b.png' 2x)}"));
    }

    /**
     * In Shift_JIS "表" is 0x95 0x5C: its second byte, read alone, is a backslash that would escape the string's
     * closing quote and hide the url() after it (found by a review, 2026-12-02).
     */
    @Test
    void aSecondByteThatLooksLikeABackslashIsPartOfItsCharacter() {
        java.nio.charset.Charset sjis = java.nio.charset.Charset.forName("Shift_JIS");
        byte[] bytes = ".a::before{content:\"一覧表\"}:root{background:url(https://a.example/t)}".getBytes(sjis);
        List<String> urls = new ArrayList<>();
        CssUrls.find(CssBytes.pageText(bytes, bytes.length, sjis), sjis, (s, e, url, imported) -> urls.add(url));
        assertEquals(List.of("一覧表", "https://a.example/t"), urls);
        // read as single bytes, the string swallows the address
        List<String> asBytes = new ArrayList<>();
        CssUrls.find(CssBytes.latin1(bytes, bytes.length), sjis, (s, e, url, imported) -> asBytes.add(url));
        assertEquals(1, asBytes.size(), asBytes::toString);
    }

    @Test
    void bytesPastAsciiAreDecodedInThePagesEncoding() {
        byte[] bytes = "p{background:url(https://bücher.example/x.png)}".getBytes(StandardCharsets.UTF_8);
        List<String> urls = new ArrayList<>();
        CssUrls.find(CssBytes.latin1(bytes, bytes.length), StandardCharsets.UTF_8,
                (s, e, url, imported) -> urls.add(url));
        assertEquals(List.of("https://bücher.example/x.png"), urls);
    }

    @Test
    void onlyTextWithAParenOrAQuoteMayLoad() {
        assertFalse(CssUrls.mayLoad("p{color:red;margin:0}@media print{p{margin:1em}}"));
        assertTrue(CssUrls.mayLoad("p{background:url(x)}"));
        assertTrue(CssUrls.mayLoad("@import 'x'"));
    }

    /** The rewriter replaces the spans in order as the output streams: they must follow one another, in bounds. */
    @Property(tries = 1000)
    void spansFollowOneAnotherInBounds(@ForAll("cssLike") String css) {
        int[] lastEnd = {0};
        CssUrls.find(css, null, (start, end, url, imported) -> {
            assertTrue(lastEnd[0] <= start && start < end && end <= css.length(),
                    "span [" + start + ", " + end + ") after " + lastEnd[0] + " in " + css);
            lastEnd[0] = end;
        });
    }

    @Provide
    Arbitrary<String> cssLike() {
        return Arbitraries.oneOf(Arbitraries.of("url(", "URL(", "src(", "image-set(", "@import", " ", "\n", "(", ")",
                        "'", "\"", "\\", "\\72 ", "/*", "*/", "a.png", "x", "1", "-", ";", "{", "}", "@"),
                Arbitraries.chars().map(String::valueOf)).list().ofMaxSize(30).map(l -> String.join("", l));
    }
}
