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
        CssUrls.find(css, null, (start, end, url) -> out.add(url + " @ " + css.substring(start, end)));
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
        assertEquals(List.of(), found("p::before{content:\"url(https://a.example/x.png)\"}"));
        assertEquals(List.of(), found("p{font-family:'@import'}"));
        // a string that is not an import's or an image set's loads nothing
        assertEquals(List.of(), found("p::before{content:'https://a.example/x.png'}"));
    }

    @Test
    void aNameThatContinuesAnotherIsNotAFunction() {
        assertEquals(List.of(), found("p{width:1url(x.png)}"));
        assertEquals(List.of(), found("p{width:xurl(x.png)}"));
        assertEquals(List.of(), found("p{width:-url-x(x.png)}"));
        assertEquals(List.of("x.png @ url(x.png)"), found("p{x:-1 url(x.png)}"));
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
    void anImageSetsStringsAreFoundAtAnyDepthUntilItCloses() {
        // a url() whose string is followed by a modifier stays open to its ')'; the type's string is read as an
        // address too (failing closed: a relative one like it matches no rule)
        assertEquals(List.of("a.png @ url(\"a.png\"", "image/png @ 'image/png'", "b.png @ 'b.png'"),
                found("p{b:image-set(url(\"a.png\" x) 1x, type('image/png') 'b.png' 2x) 'c.png'}"));
        assertEquals(List.of("a.png @ url(a.png)"), found("p{b:image-set() 'x.png'; c:url(a.png)}"));
    }

    @Test
    void bytesPastAsciiAreDecodedInThePagesEncoding() {
        byte[] bytes = "p{background:url(https://bücher.example/x.png)}".getBytes(StandardCharsets.UTF_8);
        List<String> urls = new ArrayList<>();
        CssUrls.find(CssUrls.latin1(bytes, bytes.length), StandardCharsets.UTF_8, (s, e, url) -> urls.add(url));
        assertEquals(List.of("https://bücher.example/x.png"), urls);
    }

    @Test
    void onlyTextWithAParenOrAnAtMayLoad() {
        assertFalse(CssUrls.mayLoad("p{color:red;margin:0}"));
        assertTrue(CssUrls.mayLoad("p{background:url(x)}"));
        assertTrue(CssUrls.mayLoad("@import 'x'"));
    }

    /** The rewriter replaces the spans in order as the output streams: they must follow one another, in bounds. */
    @Property(tries = 1000)
    void spansFollowOneAnotherInBounds(@ForAll("cssLike") String css) {
        int[] lastEnd = {0};
        CssUrls.find(css, null, (start, end, url) -> {
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
