package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.HtmlSettings;
import dev.consentgate.consent.ConsentDecision;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A stylesheet the site serves (site.css, fetched by the page's link or an @import) loads what its CSS names with
 * the page, as a style element's CSS does: a tracker's address in it becomes {@code none}, as it streams, and the rest
 * passes byte for byte. Before (2026-12-02): only style elements and attributes were judged, and a site's own
 * stylesheet with {@code @import url(https://connect.facebook.net/...)} reached the tracker.
 */
class StylesheetsServedBySiteAreJudgedTest {

    private static final String PIXEL = "https://www.facebook.com/tr?id=1&ev=PageView";
    private static final TagPolicy POLICY = TestRules.defaultPolicy();

    private static byte[] serve(byte[] css, List<Integer> sizes, Optional<String> charset, List<RewriteEvent> events,
                                TagPolicy policy, ConsentDecision consent) {
        StylesheetRewriter rewriter = new StylesheetRewriter(policy, consent, PageSite.ofHost("www.example.com"),
                "/css/site.css", charset, events::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Consumer<ByteBuf> collect = b -> {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            out.writeBytes(bytes);
        };
        List<ByteBuf> fed = new ArrayList<>();
        int pos = 0;
        for (int k = 0; pos < css.length; k++) {
            int n = Math.max(1, Math.min(sizes.get(k % sizes.size()), css.length - pos));
            ByteBuf chunk = k % 2 == 0 ? Unpooled.copiedBuffer(css, pos, n)
                    : PooledByteBufAllocator.DEFAULT.directBuffer(n).writeBytes(css, pos, n);
            fed.add(chunk);
            rewriter.feed(chunk, collect);
            pos += n;
        }
        rewriter.finish(collect);
        for (ByteBuf b : fed) {
            assertEquals(0, b.refCnt(), "an input buffer was not released");
        }
        return out.toByteArray();
    }

    private static String serve(String css) {
        return new String(serve(css.getBytes(StandardCharsets.UTF_8), List.of(1 << 20), Optional.empty(),
                new ArrayList<>(), POLICY, TestRules.ESSENTIAL_ONLY), StandardCharsets.UTF_8);
    }

    @Test
    void aTrackersAddressBecomesNoneAndTheRestStays() {
        assertEquals("@import none;\n.a{background:none no-repeat;color:red}",
                serve("@import url(https://connect.facebook.net/en_US/sdk.css);\n.a{background:url('" + PIXEL
                        + "') no-repeat;color:red}"));
        assertEquals("@font-face{font-family:f;src:none}", serve("@font-face{font-family:f;src:u\\72l(" + PIXEL + ")}"));
        assertEquals(".a{background:image-set(none 1x,url(/own.png) 2x)}",
                serve(".a{background:image-set(\"" + PIXEL + "\" 1x,url(/own.png) 2x)}"));
        String own = "@import 'base.css';.a{background:url(../img/a.png)}a[href^=\"" + PIXEL + "\"]{color:red}"
                + "/* url(" + PIXEL + ") */.b::before{content:'\\2192'}";
        assertEquals(own, serve(own));
    }

    @Test
    void aRelativeAddressIsJudgedWhereItLeadsFromTheStylesheet() {
        // served at /css/site.css: ../matomo.php leads to the site's /matomo.php, matomo.php to /css/matomo.php; a
        // rule with a path and no host is tried at each '/' of the path the address leads to
        assertEquals(".a{background:none}.b{background:none}",
                serve(".a{background:url(../matomo.php?idsite=1&rec=1)}.b{background:url(matomo.php?rec=1)}"));
    }

    @Test
    void eachBlockedAddressIsReportedWithItsLineAndRule() {
        List<RewriteEvent> events = new ArrayList<>();
        serve(("p{color:red}\n\n.a{background:url(" + PIXEL + ")}\n@import 'https://www.google-analytics.com/x.css';")
                .getBytes(StandardCharsets.UTF_8), List.of(7), Optional.empty(), events, POLICY,
                TestRules.ESSENTIAL_ONLY);
        assertEquals(2, events.size(), events.toString());
        assertEquals(3, events.get(0).line());
        assertEquals("www.facebook.com", events.get(0).host());
        assertEquals(StylesheetRewriter.ELEMENT, events.get(0).element());
        assertEquals(RewriteEvent.Action.NEUTRALIZED, events.get(0).action());
        assertFalse(events.get(0).ruleId().isEmpty());
        assertEquals(4, events.get(1).line());
        assertEquals("www.google-analytics.com", events.get(1).host());
    }

    @Test
    void withEveryCategoryGrantedTheStylesheetIsByteIdentical() {
        byte[] css = (".a{background:url(" + PIXEL + ")}@import 'https://connect.facebook.net/a.css';")
                .getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(css, serve(css, List.of(3), Optional.empty(), new ArrayList<>(), POLICY,
                TestRules.EVERYTHING));
    }

    /** Cases whose tokens chunks may cut anywhere: a comment, an escape, CDO, a string, white space after one. */
    private static final List<String> TRICKY = List.of(
            "/* a long comment " + "x".repeat(300) + " */.a{background:url(" + PIXEL + ")}",
            ".a{background:u\\72 l(" + PIXEL + ")}",
            "<!--url(" + PIXEL + ")-->",
            "#url(" + PIXEL + ") .a{}",
            "@import \"" + PIXEL + "\"      ;",
            ".a{background:url(  \"" + PIXEL + "\"         )}",
            ".a{--u:'" + PIXEL + "';background:image-set(var(--u) 1x)}",
            "a[title=\"x\"]{background:url(" + PIXEL + ")}[data-x='" + PIXEL + "']{}",
            "\\75 rl(" + PIXEL + ")",
            ".a{background:url(" + PIXEL + "\n");

    @Test
    void theOutputDoesNotDependOnWhereChunksEnd() {
        for (String css : TRICKY) {
            byte[] bytes = css.getBytes(StandardCharsets.UTF_8);
            byte[] whole = serve(bytes, List.of(1 << 20), Optional.empty(), new ArrayList<>(), POLICY,
                    TestRules.ESSENTIAL_ONLY);
            assertArrayEquals(replacedAtOnce(bytes), whole, css);
            for (int size = 1; size <= 64; size++) {
                assertArrayEquals(whole, serve(bytes, List.of(size), Optional.empty(), new ArrayList<>(), POLICY,
                        TestRules.ESSENTIAL_ONLY), css + " in chunks of " + size);
            }
        }
    }

    /** Whole, the stylesheet reads as CSS read at once does: each address the scanner finds blocked is none. */
    @Property(tries = 300)
    void inAnyChunksTheOutputIsTheWholeScansReplacement(@ForAll("stylesheets") String css,
                                                        @ForAll("chunkSizes") List<Integer> sizes) {
        byte[] bytes = css.getBytes(StandardCharsets.UTF_8);
        byte[] expected = replacedAtOnce(bytes);
        byte[] chunked = serve(bytes, sizes, Optional.empty(), new ArrayList<>(), POLICY,
                TestRules.ESSENTIAL_ONLY);
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(chunked, StandardCharsets.UTF_8));
    }

    /**
     * Any bytes, in any encoding a page may give them (undeclared: every reading, ESC and NUL written out), read in
     * any chunks: the same output as read whole, and no exception.
     */
    @Property(tries = 300)
    void anyBytesReadAlikeInAnyChunks(@ForAll("hostileBytes") byte[] css, @ForAll("chunkSizes") List<Integer> sizes,
                                      @ForAll("labels") String label) {
        Optional<String> charset = label.isEmpty() ? Optional.empty() : Optional.of(label);
        byte[] whole = serve(css, List.of(1 << 20), charset, new ArrayList<>(), POLICY, TestRules.ESSENTIAL_ONLY);
        assertArrayEquals(whole, serve(css, sizes, charset, new ArrayList<>(), POLICY, TestRules.ESSENTIAL_ONLY));
    }

    @Provide
    Arbitrary<byte[]> hostileBytes() {
        Arbitrary<byte[]> tokens = Arbitraries.of("url(", "\\", "\"", "'", "(", ")", "/*", "*/", "@charset \"",
                "\";", PIXEL, "\u001b$B", "\u0000", "\n", " ", "[", "]")
                .map(t -> t.getBytes(StandardCharsets.ISO_8859_1));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(3);
        return Arbitraries.oneOf(tokens, bytes).list().ofMaxSize(30).map(parts -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            parts.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.of("", "utf-8", "shift_jis", "gbk", "big5", "euc-kr", "utf-16le", "iso-2022-jp",
                "windows-1252", "no-such-encoding");
    }

    private static byte[] replacedAtOnce(byte[] bytes) {
        UrlJudge urls = new ElementJudge(POLICY, TestRules.ESSENTIAL_ONLY, PageSite.ofHost("www.example.com"),
                name -> false, StandardCharsets.UTF_8).urls();
        List<int[]> spans = new ArrayList<>();
        CssUrls.find(CssBytes.latin1(bytes, bytes.length), StandardCharsets.UTF_8, (start, end, url, imported) -> {
            if ((imported ? urls.imported(url) : urls.url(url, ElementKind.PIXEL)) != null) {
                spans.add(new int[] {start, end});
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int from = 0;
        for (int[] span : spans) {
            out.write(bytes, from, span[0] - from);
            out.writeBytes(CssUrls.NONE.getBytes(StandardCharsets.US_ASCII));
            from = span[1];
        }
        out.write(bytes, from, bytes.length - from);
        return out.toByteArray();
    }

    @Provide
    Arbitrary<String> stylesheets() {
        return Arbitraries.of("url(", "URL(", "u\\72 l(", "src(", ")", "\"", "'", "\\", "\\\"", "/*", "*/", " ",
                        "\n", "\t", "[", "]", "#", "@import ", "<!--", "-->", "-", "--u:", "a", "{", "}", ";", ":",
                        PIXEL, "https://connect.facebook.net/x.css", "/own.png", "image-set(", "é")
                .list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<Integer>> chunkSizes() {
        return Arbitraries.integers().between(1, 40).list().ofMinSize(1).ofMaxSize(8);
    }

    @Test
    void aStylesheetDeclaredInAnEncodingIsReadInIt() {
        // Shift_JIS 0x95 0x5C is one character: read as single bytes its second byte escapes the quote, and the
        // string then runs to the line's end; a browser reads the pair whole (or, where it has no character for a
        // pair, as two bytes: that reading counts too, and an address it shows goes)
        byte[] css = concat(".a::before{content:\"".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0x95, 0x5C}, ("\"}\n.b{background:url(" + PIXEL + ")}")
                        .getBytes(StandardCharsets.US_ASCII));
        String expected = ".a::before{content:\"\u8868\"}\n.b{background:none}";
        Charset sjis = Charset.forName("Shift_JIS");
        assertEquals(expected, new String(serve(css, List.of(5), Optional.of("Shift_JIS"), new ArrayList<>(), POLICY,
                TestRules.ESSENTIAL_ONLY), sjis));
        byte[] declaredByRule = concat("@charset \"shift_jis\";".getBytes(StandardCharsets.US_ASCII), css);
        assertEquals("@charset \"shift_jis\";" + expected, new String(serve(declaredByRule, List.of(3),
                Optional.empty(), new ArrayList<>(), POLICY, TestRules.ESSENTIAL_ONLY), sjis));
        // undeclared, its page may be in Shift_JIS: that reading counts too
        assertEquals(expected, new String(serve(css, List.of(4), Optional.empty(), new ArrayList<>(), POLICY,
                TestRules.ESSENTIAL_ONLY), sjis));
    }

    @Test
    void aDeclaredShiftJisStylesheetLosesOnlyTheTrackersAddress() {
        // found by a review (2026-12-02): read as single bytes too, 表's second byte (0x5C) escaped the quote after
        // it, and the string that then ran on held the tracker: all of it went, the site's own rules with it. The
        // JDK's Shift_JIS table is Chromium's pair for pair, so that reading adds nothing
        Charset sjis = Charset.forName("Shift_JIS");
        String css = ".menu::after{content:\"\u8868\"}.nav{color:red}.hero{background:url(/img/hero.jpg)}"
                + ".t{background:url(" + PIXEL + ")}.footer{margin:0}.note::before{content:\"\u203B\"}.x{color:blue}";
        assertEquals(css.replace("url(" + PIXEL + ")", "none"), new String(serve(css.getBytes(sjis), List.of(7),
                Optional.of("shift_jis"), new ArrayList<>(), POLICY, TestRules.ESSENTIAL_ONLY), sjis));
    }

    @Test
    void pairsThatAreCharactersAndPairsThatAreNoneAreToldApart() {
        // 0x95 0x5C is a character, 0x85 0x5C an error and a backslash: read either way throughout, the url() is in a
        // comment; Chromium reads each pair as the table says (as a third review found for a style element)
        byte[] css = concat(".a{--x:\"".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0x95, 0x5C, '"',
                (byte) 0x85, 0x5C, '"', '"', '/', '*', (byte) 0x95, 0x5C}, ("\";background:url(" + PIXEL + ");}*/}")
                .getBytes(StandardCharsets.US_ASCII));
        for (Optional<String> charset : List.of(Optional.of("shift_jis"), Optional.<String>empty())) {
            String out = new String(serve(css, List.of(3), charset, new ArrayList<>(), POLICY,
                    TestRules.ESSENTIAL_ONLY), StandardCharsets.ISO_8859_1);
            assertFalse(out.contains("www.facebook.com"), charset + ": " + out);
        }
    }

    @Test
    void aBig5PairPastTheBasicPlaneIsOneCharacter() {
        // found by a review (2026-12-02): 0x8C 0x5C is U+2870F, two chars in Java, and was taken for no character;
        // read whole (as Chromium reads it), the first string ends at its quote, 0x81 0x5C (no character) escapes the
        // second's quote, and the url() after it is a real one
        byte[] css = concat(".a{content:\"".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0x8C, 0x5C},
                "\"}.b{content:\"".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0x81, 0x5C},
                "\"}.x{}\"}.c{background:url(/\\\\www.facebook.com/tr)}\n".getBytes(StandardCharsets.US_ASCII));
        for (Optional<String> charset : List.of(Optional.of("big5"), Optional.<String>empty())) {
            String out = new String(serve(css, List.of(3), charset, new ArrayList<>(), POLICY,
                    TestRules.ESSENTIAL_ONLY), StandardCharsets.ISO_8859_1);
            assertFalse(out.contains("www.facebook.com"), charset + ": " + out);
        }
    }

    @Test
    void aBackslashBeforeANewlineEscapesNothing() {
        // a delimiter, then white space: the url( after it starts a function (found by a review, 2026-12-02; read as
        // an escape, the newline and url ran together into one name)
        assertEquals(".a{x:\\\nnone}", serve(".a{x:\\\nurl(" + PIXEL + ")}"));
        assertEquals(".a{x:\\\r\nnone}", serve(".a{x:\\\r\nurl(" + PIXEL + ")}"));
    }

    @Test
    void aByteOrderMarkIsNoPartOfTheFirstToken() {
        byte[] css = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                ("url(" + PIXEL + ")").getBytes(StandardCharsets.US_ASCII));
        assertEquals("\uFEFFnone", new String(serve(css, List.of(2), Optional.empty(), new ArrayList<>(), POLICY,
                TestRules.ESSENTIAL_ONLY), StandardCharsets.UTF_8));
    }

    @Test
    void aUtf16StylesheetIsReadAsText() {
        String css = "\uFEFF.a{background:url(" + PIXEL + ")}.b{color:red}";
        for (Charset utf16 : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] out = serve(css.getBytes(utf16), List.of(7), Optional.empty(), new ArrayList<>(), POLICY,
                    TestRules.ESSENTIAL_ONLY);
            assertEquals("\uFEFF.a{background:none}.b{color:red}", new String(out, utf16));
        }
        String plain = "\uFEFF.b{background:url(/own.png)}";
        assertArrayEquals(plain.getBytes(StandardCharsets.UTF_16LE), serve(plain.getBytes(StandardCharsets.UTF_16LE),
                List.of(3), Optional.empty(), new ArrayList<>(), POLICY, TestRules.ESSENTIAL_ONLY));
    }

    @Test
    void utf16AndIso2022JpStylesheetsAreConvertedAsTheyStream() {
        // a character past U+FFFF (a surrogate pair) and odd chunk sizes split characters and pairs between chunks
        String css = "\uFEFF.a::before{content:\"\uD83D\uDE00\u8868\"}\n.b{background:url(" + PIXEL + ")}\n"
                + ".c{background:url(/img/c.png)}\n";
        String judged = css.replace("url(" + PIXEL + ")", "none");
        for (Charset utf16 : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            for (int size : List.of(1, 3, 7, 4096)) {
                List<RewriteEvent> events = new ArrayList<>();
                byte[] out = serve(css.getBytes(utf16), List.of(size), Optional.empty(), events, POLICY,
                        TestRules.ESSENTIAL_ONLY);
                assertEquals(judged, new String(out, utf16), utf16 + " in chunks of " + size);
                assertEquals(List.of(2L), events.stream().map(RewriteEvent::line).toList());
            }
            byte[] declared = css.substring(1).getBytes(utf16);
            assertEquals(judged.substring(1), new String(serve(declared, List.of(5), Optional.of(utf16.name()),
                    new ArrayList<>(), POLICY, TestRules.ESSENTIAL_ONLY), utf16));
        }
        Charset jis = Charset.forName("ISO-2022-JP");
        String japanese = ".a::before{content:\"\u8868\u793a\"}.b{background:url(" + PIXEL + ")}";
        for (int size : List.of(1, 2, 5)) {
            assertEquals(japanese.replace("url(" + PIXEL + ")", "none"), new String(serve(japanese.getBytes(jis),
                    List.of(size), Optional.of("iso-2022-jp"), new ArrayList<>(), POLICY, TestRules.ESSENTIAL_ONLY), jis));
        }
    }

    @Test
    void escAndNulInAnUndeclaredStylesheetReadAsEveryPageWouldReadThem() {
        // ESC $ B would start two-byte characters for a page in ISO-2022-JP; NUL is what CSS reads as U+FFFD
        byte[] css = ("a\u001b$B{}\u0000url(/own.png)").getBytes(StandardCharsets.US_ASCII);
        assertEquals("a?$B{}\uFFFDurl(/own.png)", new String(serve(css, List.of(2), Optional.empty(),
                new ArrayList<>(), POLICY, TestRules.ESSENTIAL_ONLY), StandardCharsets.UTF_8));
    }

    @Test
    void aCommentLongerThanTheLimitPassesAndWhatFollowsIsJudged() {
        // Before (found by a review, 2026-12-02): a token past the limit ended the judging, and the rest passed
        TagPolicy small = TestRules.policy(HtmlSettings.defaults().withLimits(64, 4096));
        // (a banner of asterisks, and CR LF pairs: a cut falls between two of them, never in a comment's end)
        for (String filler : List.of("x".repeat(200), "*".repeat(200), "\r\n".repeat(100))) {
            String css = ".a{background:url(" + PIXEL + ")}/*" + filler + "\"*/.b{background:url(" + PIXEL + ")}";
            String judged = ".a{background:none}/*" + filler + "\"*/.b{background:none}";
            for (int size : List.of(1, 16, 100, 4096)) {
                assertEquals(judged, new String(serve(css.getBytes(StandardCharsets.US_ASCII), List.of(size),
                        Optional.empty(), new ArrayList<>(), small, TestRules.ESSENTIAL_ONLY), StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void aFontLongerThanTheLimitPassesAndWhatFollowsIsJudged() {
        // an icon font in a data: URL, longer than the limit, before a tracker's background: the font is judged on
        // its start (a data: font loads nothing) and passes whole, reported; the background after it goes
        TagPolicy small = TestRules.policy(HtmlSettings.defaults().withLimits(2048, 4096));
        String font = "@font-face{font-family:Icons;src:url(data:font/woff2;base64," + "d09GMgABAAAAA+/".repeat(400)
                + ") format(\"woff2\")}\n";
        String css = font + ".c{background:url(" + PIXEL + ")}\n";
        for (int size : List.of(7, 100, 4096, 1 << 20)) {
            List<RewriteEvent> events = new ArrayList<>();
            String out = new String(serve(css.getBytes(StandardCharsets.US_ASCII), List.of(size), Optional.empty(),
                    events, small, TestRules.ESSENTIAL_ONLY), StandardCharsets.US_ASCII);
            assertEquals(font + ".c{background:none}\n", out, "in chunks of " + size);
            assertTrue(events.stream().anyMatch(e -> e.action() == RewriteEvent.Action.NEUTRALIZED), events.toString());
        }
        List<RewriteEvent> events = new ArrayList<>();
        serve(css.getBytes(StandardCharsets.US_ASCII), List.of(100), Optional.empty(), events, small,
                TestRules.ESSENTIAL_ONLY);
        assertTrue(events.stream().anyMatch(e -> e.action() == RewriteEvent.Action.PASSED_OVER_LIMIT), events.toString());
    }

    @Test
    void aLongAddressGoesWholeUnlessItIsADataUrl() {
        TagPolicy small = TestRules.policy(HtmlSettings.defaults().withLimits(2048, 4096));
        // found by a review (2026-12-02): white space before the address, tabs inside its host (a URL parser drops
        // them), a tracker's address with a long query, and a long import (a data: stylesheet judged only whole)
        // and (a second review): slashes after the scheme, which a URL parser passes over to the host, and dot
        // segments after the cut that lead a long path back to a plugin's analytics path
        List<String> longTokens = List.of("url(" + " ".repeat(3000) + PIXEL + ")",
                "url('https://www.fa" + "\t".repeat(3000) + "cebook.com/tr')",
                "url(\"" + PIXEL + "&x=" + "a".repeat(3000) + "\")",
                "url(" + PIXEL + "&x=" + "a".repeat(3000) + ")",
                "url(https:" + "/".repeat(3000) + "www.facebook.com/tr)",
                "url(\"//" + "/".repeat(3000) + "www.google-analytics.com/collect\")",
                "url(/" + "a/".repeat(1500) + "../".repeat(1500) + "plugins/google-analytics-for-wordpress/x.gif)");
        for (String token : longTokens) {
            String css = ".a{background:" + token + "}\n.b{background:url(" + PIXEL + ")}\n.c{color:red}\n";
            String judged = ".a{background:none}\n.b{background:none}\n.c{color:red}\n";
            for (int size : List.of(7, 1000, 8192)) {
                String out = new String(serve(css.getBytes(StandardCharsets.US_ASCII), List.of(size), Optional.empty(),
                        new ArrayList<>(), small, TestRules.ESSENTIAL_ONLY), StandardCharsets.US_ASCII);
                assertFalse(out.contains("www.fa") || out.contains("analytics"), out);
                // a token cut at the limit keeps the ')' after its string
                assertTrue(out.equals(judged) || out.equals(judged.replace("none}\n.b", "none)}\n.b")),
                        token.substring(0, 20) + " in chunks of " + size + ": " + out);
            }
        }
        String imported = "@import \"data:text/css," + "%20".repeat(3000) + ".x%7Bbackground:url(" + PIXEL + ")%7D\";\n";
        String out = new String(serve(imported.getBytes(StandardCharsets.US_ASCII), List.of(100), Optional.empty(),
                new ArrayList<>(), small, TestRules.ESSENTIAL_ONLY), StandardCharsets.US_ASCII);
        assertEquals("@import none;\n", out);
    }

    @Test
    void aLongTokenOfCharactersPastAsciiPassesAndWhatFollowsIsJudged() {
        // found by StylesheetRewriterFuzzTest (2026-12-02): the scan went on inside a long token only after an ASCII
        // byte, so a comment or a name of non-ASCII characters longer than the limit aborted the stylesheet. A cut
        // between two bytes the encoding pairs would read the second alone: never made
        TagPolicy small = TestRules.policy(HtmlSettings.defaults().withLimits(64, 4096));
        String text = "\u8868\u793a\u30d5\u30a9\u30f3\u30c8".repeat(40);
        String css = "/*" + text + "*/.\u8868" + text + "{color:red}\n.b{background:url(" + PIXEL + ")}\n";
        String judged = css.replace("url(" + PIXEL + ")", "none");
        for (Charset encoding : List.of(StandardCharsets.UTF_8, Charset.forName("Shift_JIS"))) {
            for (int size : List.of(1, 7, 100, 1 << 20)) {
                byte[] out = serve(css.getBytes(encoding), List.of(size), Optional.of(encoding.name()),
                        new ArrayList<>(), small, TestRules.ESSENTIAL_ONLY);
                assertEquals(judged, new String(out, encoding), encoding + " in chunks of " + size);
            }
        }
    }

    @Test
    void aUtf16StylesheetLongerThanTheLimitIsJudgedToItsEnd() {
        // found by a review (2026-12-02): a UTF-16 stylesheet was held whole up to the limit, and the rest passed
        TagPolicy small = TestRules.policy(HtmlSettings.defaults().withLimits(64, 4096));
        String css = "\uFEFF/* " + "padding ".repeat(100) + "*/\n" + ".c{color:red}\n".repeat(100)
                + ".d{background:url(" + PIXEL + ")}";
        for (Charset utf16 : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] out = serve(css.getBytes(utf16), List.of(501), Optional.empty(), new ArrayList<>(), small,
                    TestRules.ESSENTIAL_ONLY);
            assertEquals(css.replace("url(" + PIXEL + ")", "none"), new String(out, utf16));
        }
    }

    @Test
    void memoryStaysBoundedByTheLongestToken() {
        // a 4 MiB stylesheet of short rules, fed in 8 KiB chunks: its output flows out as it comes
        StylesheetRewriter rewriter = new StylesheetRewriter(POLICY, TestRules.ESSENTIAL_ONLY,
                PageSite.ofHost("www.example.com"), "/site.css", Optional.of("utf-8"), e -> { });
        byte[] rule = ".a{background:url(/img/a.png)}\n".getBytes(StandardCharsets.US_ASCII);
        long in = 0;
        long[] out = {0};
        while (in < 4 << 20) {
            ByteBuf chunk = Unpooled.buffer(8192);
            while (chunk.writableBytes() >= rule.length) {
                chunk.writeBytes(rule);
            }
            in += chunk.readableBytes();
            rewriter.feed(chunk, b -> {
                out[0] += b.readableBytes();
                b.release();
            });
            assertTrue(in - out[0] < 1024, "held " + (in - out[0]) + " bytes");
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
