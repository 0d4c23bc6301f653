package dev.consentgate.html;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
                out.add("<" + tag.nameString() + " " + tag.start + "-" + tag.end + (tag.selfClosing ? "/" : ""));
                return false;
            }

            @Override
            public void endTag(TagToken tag) {
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
        tokenizer.standalone(HtmlTokenizer.DATA, null);
        for (int pos = 0; pos < input.length; pos += chunk) {
            tokenizer.scan(input, pos, Math.min(input.length, pos + chunk), pos);
        }
        tokenizer.end(input.length);
        return out;
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
            assertTrue(recorded.size() > 10);
            assertEquals(recorded, boundaries(in, false, 4096), page.getFileName().toString());
            assertEquals(recorded, boundaries(in, false, 7), page.getFileName().toString());
        }
    }
}
