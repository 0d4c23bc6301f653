package dev.consentgate.e2e;

import dev.consentgate.testing.SharedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * ../shared/corpus/pages/manifest.json, read in place: the real pages and, for each, its labelled third-party tags
 * (category and the action the policy expects under essential-only consent).
 */
final class CorpusManifest {

    /** One labelled tag. line is 1-based, col 0-based (Python's html.parser on the UTF-8 decoded bytes). */
    record Tag(String element, int line, int col, String host, String snippet, String category, String action) {

        /** Anything but "keep" must not run or load without consent. */
        boolean mustNotRun() {
            return !action.equals("keep");
        }
    }

    /**
     * One page.
     *
     * @param unlabelledTags first characters (whitespace collapsed) of inline tag scripts the labelling missed,
     *                       from src/test/resources/e2e/manifest-gaps.tsv
     */
    record Page(String file, List<String> trackerHostsInTagUrls, List<Tag> tags, List<String> unlabelledTags) {
    }

    private final Path directory;
    private final List<Page> pages;

    private CorpusManifest(Path directory, List<Page> pages) {
        this.directory = directory;
        this.pages = pages;
    }

    /** The corpus pages: {@code <repo>/../shared/corpus/pages}, or those of another corpus ({@link SharedCorpus}). */
    static Path pagesDirectory() {
        return SharedCorpus.dir("pages");
    }

    @SuppressWarnings("unchecked")
    static CorpusManifest read(Path directory) throws IOException {
        // the gaps are the shared corpus's, listed by its file names
        Map<String, List<String>> gaps = SharedCorpus.isTheSharedCorpus() ? gaps() : Map.of();
        Map<String, Object> root = Json.parseObject(Files.readString(directory.resolve("manifest.json"),
                StandardCharsets.UTF_8));
        List<Page> pages = ((List<Object>) root.get("files")).stream().map(o -> {
            Map<String, Object> file = (Map<String, Object>) o;
            List<Tag> tags = ((List<Object>) file.get("tags")).stream().map(t -> {
                Map<String, Object> tag = (Map<String, Object>) t;
                return new Tag((String) tag.get("element"), ((Number) tag.get("line")).intValue(),
                        ((Number) tag.get("col")).intValue(), (String) tag.get("host"),
                        (String) tag.getOrDefault("snippet", ""), String.valueOf(tag.get("category")),
                        (String) tag.get("expected_action"));
            }).toList();
            return new Page((String) file.get("file"),
                    ((List<Object>) file.get("tracker_hosts_in_tag_urls")).stream().map(String::valueOf).toList(),
                    tags, gaps.getOrDefault((String) file.get("file"), List.of()));
        }).toList();
        return new CorpusManifest(directory, pages);
    }

    /** Page file to the inline tag scripts its labels miss; each listed with the reason it is tag code. */
    private static Map<String, List<String>> gaps() throws IOException {
        Map<String, List<String>> gaps = new HashMap<>();
        try (InputStream in = CorpusManifest.class.getResourceAsStream("/e2e/manifest-gaps.tsv")) {
            if (in == null) {
                throw new IOException("test resource e2e/manifest-gaps.tsv missing");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 3) {
                    throw new IOException("manifest-gaps.tsv: want FILE<TAB>SCRIPT START<TAB>REASON: " + line);
                }
                gaps.computeIfAbsent(fields[0], k -> new ArrayList<>()).add(PageScripts.collapse(fields[1]));
            }
        }
        return gaps;
    }

    Path directory() {
        return directory;
    }

    List<Page> pages() {
        return pages;
    }

    /**
     * Every host the manifest names for a tag that must not run without consent, on any page: a tracker is a
     * tracker wherever it appears. Hosts whose tags are all essential (consent tools, reCAPTCHA) are not in it.
     */
    Set<String> trackerHosts() {
        Set<String> hosts = new TreeSet<>();
        for (Page page : pages) {
            for (Tag tag : page.tags()) {
                if (tag.host() != null && tag.mustNotRun() && !tag.category().equals("essential")) {
                    hosts.add(tag.host());
                }
            }
        }
        return hosts;
    }
}
