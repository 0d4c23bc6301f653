package dev.consentgate.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The page's own inline scripts, found in the original bytes with jsoup: the ones a browser executes (no src, a
 * JavaScript type, not inside noscript or template, not empty) and that the manifest does not label as a tag that
 * must not run. These must still run behind the gateway.
 */
final class PageScripts {

    private static final Set<String> JAVASCRIPT_TYPES = Set.of("", "text/javascript", "application/javascript",
            "application/x-javascript", "text/ecmascript", "application/ecmascript", "text/x-javascript",
            "text/x-ecmascript", "application/x-ecmascript", "text/jscript", "text/livescript", "module",
            "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
            "text/javascript1.4", "text/javascript1.5");

    private PageScripts() {
    }

    /**
     * @param html the page decoded as UTF-8 (as the manifest's positions were computed)
     * @param gaps the first characters of inline tag scripts the manifest does not label on this page
     */
    static List<String> ownInlineScripts(String html, List<CorpusManifest.Tag> tags, List<String> gaps) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document document = Jsoup.parse(html, "", parser);
        List<String> scripts = new ArrayList<>();
        for (Element script : document.select("script")) {
            String text = collapse(script.data());
            if (executable(script) && !labelledTracker(script, tags) && gaps.stream().noneMatch(text::startsWith)) {
                scripts.add(script.data());
            }
        }
        return scripts;
    }

    /**
     * The inline scripts a tag rule neutralized in {@code servedHtml} (the page as the gateway sent it), by their
     * {@link #comparable} text, each with the rule's id from its {@code data-cg-rule} attribute.
     */
    static Map<String, String> neutralizedScripts(String servedHtml) {
        Map<String, String> rules = new HashMap<>();
        for (Element script : Jsoup.parse(servedHtml).select("script[data-cg-rule]")) {
            if (!script.data().isBlank()) {
                rules.putIfAbsent(comparable(script.data()), script.attr("data-cg-rule"));
            }
        }
        return rules;
    }

    private static boolean executable(Element script) {
        if (script.hasAttr("src") || script.hasAttr("nomodule") || script.data().isBlank()) {
            return false;
        }
        String type = script.attr("type").strip().toLowerCase(Locale.ROOT);
        if (!JAVASCRIPT_TYPES.contains(type)) {
            return false;
        }
        for (Element parent : script.parents()) {
            if (parent.nameIs("noscript") || parent.nameIs("template")) {
                return false;
            }
        }
        return true;
    }

    /** Matched by position, or by the snippet when positions were counted differently. */
    private static boolean labelledTracker(Element script, List<CorpusManifest.Tag> tags) {
        int line = script.sourceRange().start().lineNumber();
        int column = script.sourceRange().start().columnNumber() - 1;
        String text = collapse(script.data());
        for (CorpusManifest.Tag tag : tags) {
            if (!tag.element().equals("script(inline)") || !tag.mustNotRun()) {
                continue;
            }
            boolean samePlace = tag.line() == line && tag.col() == column;
            String snippet = collapse(tag.snippet());
            if (samePlace || (!snippet.isEmpty() && text.startsWith(snippet))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What two copies of one script have in common however each side decoded and normalized it: printable ASCII
     * only (a page decoded as windows-1252 by one side and UTF-8 by the other differs only outside it), with runs
     * of whitespace as one space.
     */
    static String comparable(String script) {
        StringBuilder out = new StringBuilder(script.length());
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c > 0x20 && c < 0x7f) {
                out.append(c);
            } else if (Character.isWhitespace(c) && out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        return out.toString().strip();
    }

    static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
