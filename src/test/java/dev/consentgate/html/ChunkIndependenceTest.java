package dev.consentgate.html;

import dev.consentgate.config.HtmlSettings;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The output (and the events) never depend on how the body is cut into chunks, down to single bytes. */
class ChunkIndependenceTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();
    private static final TagPolicy KEEPING = TestRules.keepingSiteConfig(HtmlSettings.defaults());

    @Property(tries = 60)
    void corpusPagesRewriteTheSameInAnyChunking(@ForAll("pages") Path page,
                                                @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 3000)
                                                        Integer> sizes) throws IOException {
        byte[] in = Files.readAllBytes(page);
        List<RewriteEvent> whole = new ArrayList<>();
        byte[] expected = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, in, List.of(in.length), Optional.empty(),
                whole);
        List<RewriteEvent> chunked = new ArrayList<>();
        byte[] actual = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, in, sizes, Optional.empty(), chunked);
        assertArrayEquals(expected, actual, page.getFileName().toString());
        assertEquals(whole, chunked);
    }

    /*
     * A script whose compacted code meets one signature ("AdController={i:null", written with spaces) before its code
     * as written meets another ("AdController.q.push("). Before (found by judging sampling round 117's pages as another
     * corpus): whole, the code as written was read first and named the second rule; in one-byte pieces the compacted
     * reading met the first sooner and named it, so data-cg-rule and the report differed with the chunking.
     */
    @Property(tries = 40)
    void theRuleNamedForAScriptTwoReadingsBlockDoesNotDependOnTheChunking(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 30) Integer> sizes) {
        // the charset declared first, so that the pieces reach the script as they are cut (an undeclared page is
        // held until its encoding is known)
        byte[] in = ("<meta charset=\"utf-8\"><script>\nwindow.AdController = { i: null, q: [],\n render: function(n) {"
                + " window.AdController.q.push([n]); } };\n</script>\n<p>after</p>").getBytes(StandardCharsets.UTF_8);
        List<RewriteEvent> whole = new ArrayList<>();
        byte[] expected = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, in, List.of(in.length), Optional.empty(),
                whole);
        assertEquals("iq-digital-adcontroller-stub-queue-inline", whole.get(0).ruleId());
        List<RewriteEvent> chunked = new ArrayList<>();
        assertArrayEquals(expected, Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, in, sizes, Optional.empty(),
                chunked));
        assertEquals(whole, chunked);
    }

    @Property(tries = 4)
    void corpusPagesRewriteTheSameInOneByteChunks(@ForAll("pages") Path page) throws IOException {
        byte[] in = Files.readAllBytes(page);
        byte[] expected = HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, in, RewriteListener.NONE);
        assertArrayEquals(expected, Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, in, List.of(1)));
    }

    @Property(tries = 400)
    void generatedTrickyHtmlRewritesTheSameInAnyChunking(@ForAll("trickyHtml") String html,
                                                         @ForAll @Size(min = 1, max = 5)
                                                         List<@IntRange(min = 1, max = 40) Integer> sizes) {
        byte[] in = html.getBytes(StandardCharsets.UTF_8);
        byte[] expected = HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, in, RewriteListener.NONE);
        assertArrayEquals(expected, Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, in, sizes), html);
    }

    @Property(tries = 300)
    void withAKeepRuleGeneratedHtmlRewritesTheSameInAnyChunking(@ForAll("trickyHtmlWithSiteScripts") String html,
                                                                 @ForAll @Size(min = 1, max = 5)
                                                                 List<@IntRange(min = 1, max = 40) Integer> sizes) {
        // blocks wait for a script's end then, since a keep signature may follow
        byte[] in = html.getBytes(StandardCharsets.UTF_8);
        List<RewriteEvent> whole = new ArrayList<>();
        byte[] expected = Chunks.rewrite(KEEPING, TestRules.ESSENTIAL_ONLY, in, List.of(in.length), Optional.empty(),
                whole);
        List<RewriteEvent> chunked = new ArrayList<>();
        assertArrayEquals(expected, Chunks.rewrite(KEEPING, TestRules.ESSENTIAL_ONLY, in, sizes, Optional.empty(),
                chunked), html);
        assertEquals(whole, chunked, html);
    }

    @Provide
    Arbitrary<String> trickyHtmlWithSiteScripts() {
        Arbitrary<String> siteScripts = Arbitraries.of("<script>window.site = {ga: 'https://www.google-analytics.com/"
                        + "analytics.js'};</script>", "<script>window._hjSettings = {hjid: 1}; window.site = {};</script>",
                "<script>window.site = {}; fbq('init', '1');</script>", "<script>fbq('init', '1'); window.site = {};",
                "<svg><script>window.site = {}; _hjSettings</script></svg>", "<script>window.site = ",
                "<noscript><script>window.site = {}; fbq('init', '1');</script></noscript>");
        return Arbitraries.oneOf(trickyHtml(), siteScripts).list().ofMinSize(1).ofMaxSize(6)
                .map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<Path> pages() throws IOException {
        Path dir = Corpus.dir("pages");
        List<Path> files = new ArrayList<>();
        for (Map<String, Object> f : CorpusPagesTest.manifestFiles()) {
            files.add(dir.resolve((String) f.get("file")));
        }
        return Arbitraries.of(files);
    }

    /** Fragments that stress the tokenizer's states, glued in random order. */
    @Provide
    Arbitrary<String> trickyHtml() {
        List<String> parts = Stream.of(
                "<script src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script>",
                "<script>fbq('init', '1');</script>", "<SCRIPT>var a = \"</scr\" + \"ipt>\";</SCRIPT>",
                "<script><!-- <script> </script> fbq('x') --></script>", "<script>if (a<b) gtag('js')</script>",
                "<!-- <script src=//connect.facebook.net/sdk.js></script> -->", "<!--->", "<!-->", "<!-- a --!>",
                "<![CDATA[ <img src=//www.facebook.com/tr> ]]>", "<?php echo 1 ?>", "</ x>", "</>",
                "<img src=https://www.facebook.com/tr?id=1&amp;ev=PageView>", "<img alt='>' src=\"//ct.pinterest.com/v3/\">",
                "<iframe src=\"https://www.youtube.com/embed/x\" width=560 height=315></iframe>",
                "<noscript><img height=1 width=1 src=\"https://px.ads.linkedin.com/collect/?pid=1\"/></noscript>",
                "<link rel=preconnect href=https://www.google-analytics.com>", "<link rel='stylesheet' href=/a.css>",
                "<img src=\"data:image/png,x\" onerror=\"s.src='https://ads.celtra.com/x/web.js'\">",
                "<img src=/a.png onload=\"this.className='in'\" onerror=\"fbq('init', '1')\">",
                "<svg><style><img src=/a.png onerror=\"fbq('init', '1')\"></style></svg>",
                "<title>a <script> b</title>", "<textarea><img src=//www.facebook.com/tr></textarea>",
                "<style>a::before{content:'<script>'}</style>", "<svg><title/><script/></svg>", "<p>text &amp; more</p>",
                "<div class=\"a\" data-x='y' z=w>", "<meta http-equiv=\"Set-Cookie\" content=\"_ga=1\">",
                "<script type=\"text/plain\" data-category=\"analytics\">gtag('js')</script>",
                "<object data=\"https://www.youtube.com/v/x\"><embed src=\"https://www.youtube.com/v/x\"></object>",
                "<img src=\"https&#x3A;&#x2F;&#x2F;www.facebook.com&#x2F;tr\">", "<a href=\"x\" ", "<script>gtag(",
                "<!-- unterminated", "<iframe src=//player.vimeo.com/video/1>",
                "<a href=/x ping=\"https://www.google-analytics.com/collect /own\">", "<AREA PING=//www.facebook.com/tr>",
                "<a ping=/own href=/y>", "</a>", "<a href=/z", "\uFEFF", "é", "<", "&", "\n").toList();
        return Arbitraries.of(parts).list().ofMinSize(1).ofMaxSize(14).map(l -> String.join("", l));
    }
}
