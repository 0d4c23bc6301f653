package dev.consentgate.html;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tags nobody captures go through a faster path; it must find exactly the same tag, comment and text boundaries
 * as the recording path that the html5lib tests check. Compared on every html5lib input and every corpus page.
 */
class UncapturedTagPathTest {

    private static List<String> boundaries(byte[] input, boolean capture, int chunk) {
        return boundaries(input, capture, chunk, false);
    }

    /**
     * Tags, comments and ignored markup the tokenizer reports; tree-aware, it reports only the elements the
     * rewriter cares about and skips ordinary tags whole when they lie inside one chunk. Links ({@code a},
     * {@code area}) are left out when tree-aware: the fast path skips one unless it pings (which the rewriter's own
     * tests check, LinkPingsAreJudgedTest), where the states report every one, so only where each ends can count.
     */
    private static List<String> boundaries(byte[] input, boolean capture, int chunk, boolean treeAware) {
        List<String> out = new ArrayList<>();
        HtmlTokenizer tokenizer = new HtmlTokenizer(new HtmlTokenizer.Sink() {
            @Override
            public boolean captureTag(TagToken tag) {
                return capture;
            }

            @Override
            public void tagOverflow(TagToken tag) {
            }

            @Override
            public boolean startTag(TagToken tag) {
                // an ordinary element is reported only from the states (the fast path passes one without handlers)
                if (treeAware && (isLink(tag) || tag.nameId == ElementNames.OTHER)) {
                    return false;
                }
                out.add("<" + tag.nameString() + " " + tag.start + "-" + tag.end + (tag.selfClosing ? "/" : ""));
                return false;
            }

            @Override
            public void endTag(TagToken tag) {
                if (treeAware && isLink(tag)) {
                    return;
                }
                out.add("</" + tag.nameString() + " " + tag.start + "-" + tag.end);
            }

            @Override
            public void rawText(byte[] a, int from, int to) {
            }

            @Override
            public void rawTextEnd(long endTagStart) {
            }

            @Override
            public void comment(long start, long end, long dataStart, long dataEnd, boolean bogus) {
                out.add("!" + start + "-" + end);
            }

            @Override
            public void ignored(long start, long end) {
                out.add("x" + start + "-" + end);
            }
        }, 1 << 20);
        if (!treeAware) {
            tokenizer.standalone(HtmlTokenizer.DATA, null);
        }
        for (int pos = 0; pos < input.length; pos += chunk) {
            tokenizer.scan(input, pos, Math.min(input.length, pos + chunk), pos);
        }
        tokenizer.end(input.length);
        return out;
    }

    private static boolean isLink(TagToken tag) {
        return tag.nameId == ElementNames.A || tag.nameId == ElementNames.AREA;
    }

    @Test
    @SuppressWarnings("unchecked")
    void sameBoundariesOnEveryHtml5libInput() throws IOException {
        Path dir = Corpus.dir("html5lib-tokenizer");
        int compared = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".test")).toList();
        }
        for (Path file : files) {
            Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(file));
            for (Map<String, Object> test : (List<Map<String, Object>>) root.getOrDefault("tests", List.of())) {
                byte[] in = ((String) test.get("input")).getBytes(StandardCharsets.UTF_8);
                for (int chunk : new int[] {in.length + 1, 1, 3}) {
                    assertEquals(boundaries(in, true, chunk), boundaries(in, false, chunk), (String) test.get("input"));
                }
                compared++;
            }
        }
        assertTrue(compared > 6000, "compared " + compared);
    }

    /** Ordinary tags skipped whole (whole input) must end where the states end them (one byte at a time). */
    @Test
    @SuppressWarnings("unchecked")
    void ordinaryTagsSkippedWholeEndWhereTheStatesEndThem() throws IOException {
        Path dir = Corpus.dir("html5lib-tokenizer");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".test")).toList();
        }
        int compared = 0;
        for (Path file : files) {
            Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(file));
            for (Map<String, Object> test : (List<Map<String, Object>>) root.getOrDefault("tests", List.of())) {
                String input = (String) test.get("input");
                // each input once alone and once followed by an element the rewriter judges
                for (String html : new String[] {input, input + "<img src=x>"}) {
                    byte[] in = html.getBytes(StandardCharsets.UTF_8);
                    assertEquals(boundaries(in, false, 1, true), boundaries(in, false, in.length + 1, true), html);
                }
                compared++;
            }
        }
        assertTrue(compared > 6000, "compared " + compared);
        for (String html : new String[] {"<div title=\"<script>\"><img src=a>", "<p a=b<img c>d>x<img src=e>",
            "<a b='>'<img src=f>'><img src=g>", "<x / ><img src=h>", "<x a =\"q\"/ = <img src=i><img src=j>", "<a =\"v>\"<img src=\"k\">."}) {
            byte[] in = html.getBytes(StandardCharsets.UTF_8);
            List<String> whole = boundaries(in, false, in.length + 1, true);
            assertEquals(boundaries(in, false, 1, true), whole, html);
            assertEquals(1, whole.size(), html + " " + whole);
        }
    }

    @Test
    void sameBoundariesOnEveryCorpusPage() throws IOException {
        Path dir = Corpus.dir("pages");
        List<Path> pages;
        try (Stream<Path> s = Files.list(dir)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).toList();
        }
        for (Path page : pages) {
            byte[] in = Files.readAllBytes(page);
            List<String> recorded = boundaries(in, true, 4096);
            // a page with a tag has boundaries to compare (another corpus, see SharedCorpus, may hold small pages)
            boolean hasTag = Pattern.compile("<[A-Za-z]").matcher(new String(in, StandardCharsets.ISO_8859_1)).find();
            assertTrue(!recorded.isEmpty() || !hasTag, page.getFileName().toString());
            assertEquals(recorded, boundaries(in, false, 4096), page.getFileName().toString());
            assertEquals(recorded, boundaries(in, false, 7), page.getFileName().toString());
            assertEquals(boundaries(in, true, 1, true), boundaries(in, true, in.length + 1, true),
                    page.getFileName().toString());
        }
    }

    /**
     * Attribute soup: the fast path takes only the usual {@code name="value"} shapes and must hand every other shape
     * (quotes outside values, spaces or slashes around '=', unquoted values, control bytes in names) to the states.
     * Whole input against one byte at a time, where every tag goes through the states.
     */
    @Property(tries = 3000)
    void attributeSoupEndsWhereTheStatesEndIt(@ForAll("attributeSoup") String html) {
        byte[] in = html.getBytes(StandardCharsets.UTF_8);
        assertEquals(boundaries(in, false, 1, true), boundaries(in, false, in.length + 1, true), html);
    }

    @Provide
    Arbitrary<String> attributeSoup() {
        Arbitrary<String> pieces = Arbitraries.of("<div", "<a", "</p", "<x-y", "<IMG", "<img src=u>", " ", "\t", "/",
                "=", "\"", "'", ">", "b", "href", "=\"v>\"", "='w'", "=x", "\u0001", "\u00e9", "<", "\n", "<br/>",
                "mask", "FILL", "clip-path", "(", "=\"url(u)\"", "=url(v)");
        return pieces.list().ofMaxSize(30).map(list -> String.join("", list) + "<img src=z>");
    }
}
