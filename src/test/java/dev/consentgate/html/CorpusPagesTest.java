package dev.consentgate.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real pages of ../shared/corpus/pages judged against their manifest: under essential-only consent every tag
 * marked remove / remove_or_neutralize can neither load nor run, keep tags are untouched, already-inert scripts
 * stay inert, commented-out tags stay in comments; under full consent the output is the input, byte for byte.
 */
class CorpusPagesTest {

    private static final Set<String> JS_TYPES = Set.of("", "text/javascript", "application/javascript", "module",
            "application/x-javascript", "text/ecmascript", "application/ecmascript", "text/partytown");
    private static final Set<String> HINTS = Set.of("preconnect", "dns-prefetch", "preload", "prefetch",
            "modulepreload");

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> manifestFiles() throws IOException {
        Path dir = Corpus.dir("pages");
        Map<String, Object> manifest = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(dir.resolve("manifest.json")));
        return (List<Map<String, Object>>) manifest.get("files");
    }

    static byte[] page(Map<String, Object> file) throws IOException {
        return Files.readAllBytes(Corpus.dir("pages").resolve((String) file.get("file")));
    }

    @TestFactory
    Stream<DynamicTest> essentialOnlyConsentDisablesEveryMarkedTag() throws IOException {
        TagPolicy policy = TestRules.defaultPolicy();
        return manifestFiles().stream().map(file -> DynamicTest.dynamicTest((String) file.get("file"), () -> {
            byte[] in = page(file);
            byte[] out = HtmlRewriter.rewriteAll(policy, TestRules.ESSENTIAL_ONLY, in, RewriteListener.NONE);
            List<String> failures = judge(file, in, out);
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        }));
    }

    @TestFactory
    Stream<DynamicTest> fullConsentOutputEqualsInput() throws IOException {
        TagPolicy policy = TestRules.defaultPolicy();
        return manifestFiles().stream().map(file -> DynamicTest.dynamicTest((String) file.get("file"), () -> {
            byte[] in = page(file);
            assertArrayEquals(in, HtmlRewriter.rewriteAll(policy, TestRules.EVERYTHING, in, RewriteListener.NONE));
        }));
    }

    @TestFactory
    Stream<DynamicTest> theJudgementFailsAPageLeftAsItWas() throws IOException {
        // the check above must be able to fail: the unrewritten page of every file with a removable tag fails it
        return manifestFiles().stream().filter(CorpusPagesTest::hasRemovableTag)
                .map(file -> DynamicTest.dynamicTest((String) file.get("file"), () -> {
                    byte[] in = page(file);
                    assertFalse(judge(file, in, in).isEmpty());
                }));
    }

    @SuppressWarnings("unchecked")
    private static boolean hasRemovableTag(Map<String, Object> file) {
        return ((List<Map<String, Object>>) file.get("tags")).stream()
                .anyMatch(t -> ((String) t.get("expected_action")).startsWith("remove_or_neutralize")
                        || t.get("expected_action").equals("remove"));
    }

    @SuppressWarnings("unchecked")
    static List<String> judge(Map<String, Object> file, byte[] in, byte[] out) {
        Document doc = Jsoup.parse(new String(out, StandardCharsets.UTF_8));
        Document original = Jsoup.parse(new String(in, StandardCharsets.UTF_8));
        List<String> failures = new ArrayList<>();
        int judged = 0;
        for (Map<String, Object> tag : (List<Map<String, Object>>) file.get("tags")) {
            String element = (String) tag.get("element");
            String expected = (String) tag.get("expected_action");
            String url = (String) tag.get("url");
            String snippet = (String) tag.get("snippet");
            boolean inline = element.startsWith("script(inline)");
            boolean live = inline ? inlineScript(doc, snippet, true) : liveElement(doc, element, url);
            String where = file.get("file") + ":" + tag.get("line") + " " + element + " " + (url != null ? url
                    : snippet) + " [" + expected + "]";
            switch (expected) {
                case "keep" -> {
                    // unchanged: still there, and exactly as live as it was
                    boolean wasLive = inline ? inlineScript(original, snippet, true)
                            : liveElement(original, element, url);
                    boolean present = inline ? inlineScript(doc, snippet, false) : present(doc, element, url);
                    if (!present || live != wasLive) {
                        failures.add("over-blocked: " + where);
                    }
                }
                case "remove", "remove_or_neutralize", "remove_or_keep_inert" -> {
                    if (live) {
                        failures.add("still live: " + where);
                    }
                }
                default -> failures.add("unknown expectation " + expected);
            }
            judged++;
        }
        for (Map<String, Object> commented : (List<Map<String, Object>>) file.get("commented_out_tags")) {
            String text = normalize((String) commented.get("text"));
            if (!inComment(doc, text.substring(0, Math.min(60, text.length())))) {
                failures.add("commented-out tag left its comment: " + file.get("file") + ":" + commented.get("line"));
            }
        }
        assertTrue(judged > 0 || ((List<?>) file.get("tags")).isEmpty());
        return failures;
    }

    /** An element that would load {@code url}: a hint, an executable script, an img or iframe pointing at it. */
    private static boolean liveElement(Document doc, String element, String url) {
        String name = element.replaceAll("[\\[(].*", "");
        for (Element e : doc.getElementsByTag(name)) {
            switch (name) {
                case "link" -> {
                    boolean hint = false;
                    for (String rel : e.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
                        hint |= HINTS.contains(rel);
                    }
                    if (hint && e.attr("href").equals(url)) {
                        return true;
                    }
                }
                case "script" -> {
                    if (executable(e) && (e.attr("src").equals(url) || e.attr("data-src").equals(url))) {
                        return true;
                    }
                }
                default -> {
                    if (e.attr("src").equals(url) || e.attr("data-src").equals(url)) {
                        return true;
                    }
                }
            }
        }
        // jsoup keeps <noscript> content as text; a pixel there is live when its tag is still in that text
        for (Element noscript : doc.getElementsByTag("noscript")) {
            String html = noscript.html();
            if (!html.contains("<") && !noscript.data().isEmpty()) {
                html = noscript.data();
            }
            Document inner = Jsoup.parseBodyFragment(Jsoup.parse(html).text().isEmpty() ? html : html);
            for (Element e : inner.getElementsByTag(name)) {
                if (e.attr("src").equals(url) || e.attr("data-src").equals(url)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean present(Document doc, String element, String url) {
        for (Element e : doc.getElementsByTag(element.replaceAll("[\\[(].*", ""))) {
            if (e.attr("src").equals(url) || e.attr("href").equals(url) || e.attr("data-src").equals(url)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inlineScript(Document doc, String snippet, boolean mustRun) {
        String want = normalize(snippet);
        for (Element e : doc.getElementsByTag("script")) {
            if (mustRun && (!executable(e) || e.hasAttr("src"))) {
                continue;
            }
            String text = normalize(e.data());
            if (text.startsWith(want) || (want.length() > 40 && text.contains(want.substring(0, 40)))
                    && text.startsWith(want.substring(0, Math.min(want.length(), 20)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean executable(Element script) {
        if (!script.hasAttr("type")) {
            return true;
        }
        return JS_TYPES.contains(script.attr("type").trim().toLowerCase(Locale.ROOT));
    }

    private static boolean inComment(Document doc, String text) {
        boolean[] found = {false};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Comment c && normalize(c.getData()).contains(text.replace("<!--", "")
                        .replace("-->", "").trim().substring(0, Math.min(40, text.length())))) {
                    found[0] = true;
                }
            }
        }, doc);
        return found[0];
    }

    static String normalize(String s) {
        return String.join(" ", s.trim().split("\\s+"));
    }
}
