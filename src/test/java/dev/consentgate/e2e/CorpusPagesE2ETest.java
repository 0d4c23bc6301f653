package dev.consentgate.e2e;

import dev.consentgate.testing.SharedCorpus;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario 5 of issue 6: each real page of ../shared/corpus/pages, served by a test upstream through the gateway to
 * a visitor without consent. The browser attempts not one request to a tracker host the manifest names, and the
 * page's own inline scripts still run (the JavaScript engine compiled each of them, seen through the DevTools
 * debugger). Every other host fails to resolve, so nothing leaves the machine and every attempt is still logged.
 * Needs the HTML rewriting of issue 3. The two control tests show that the judgement can fail: a page served
 * directly makes tracker requests, and with JavaScript off its own scripts are seen not to run.
 */
@ExtendWith(BrowserLab.class)
class CorpusPagesE2ETest {

    /** A page with a GTM snippet, a Meta pixel and Google Analytics tags that load without the gateway. */
    private static final String CONTROL_PAGE = "trafilatura__mesopinions.com.mutilation.html";

    private static CorpusManifest manifest;
    private static CorpusSite site;
    private static GatewayInFront gateway;

    /** What the browser did with one page. */
    private record Outcome(List<NetworkLog.Request> trackerRequests, List<String> ownScriptsNotRun, int ownScripts) {
    }

    @BeforeAll
    static void start() throws Exception {
        Path pages = CorpusManifest.pagesDirectory();
        if (!Files.isDirectory(pages)) {
            // a class set-up that gives up shows in Maven's summary as "Tests run: 0", without the reason
            System.err.println(SharedCorpus.describe("pages") + " absent: skipping the real-page browser scenario");
        }
        assumeTrue(Files.isDirectory(pages), SharedCorpus.describe("pages")
                + " absent: skipping the real-page browser scenario");
        manifest = CorpusManifest.read(pages);
        site = CorpusSite.start(manifest);
        gateway = GatewayInFront.start(GatewayInFront.defaultRuleset(), site.uri());
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (site != null) {
            site.close();
        }
    }

    static Stream<String> pages() {
        return manifest.pages().stream().map(CorpusManifest.Page::file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void noTrackerIsAskedAndTheOwnScriptsStillRun(String file, BrowserLab.Lab lab) throws IOException {
        Outcome outcome = visit(lab, gateway.origin(), page(file), "corpus-" + file.replaceFirst("\\.html$", ""));

        assertAll(
                () -> assertEquals(List.of(), outcome.trackerRequests(), file + ": requests to tracker hosts"),
                () -> assertEquals(List.of(), outcome.ownScriptsNotRun(),
                        file + ": own inline scripts that did not run (of " + outcome.ownScripts() + ")"));
    }

    @Test
    void theJudgementSeesTrackersOnAPageServedDirectly(BrowserLab.Lab lab) throws IOException {
        Outcome outcome = visit(lab, site.uri().toString(), controlPage(), "corpus-control-direct");

        assertAll(
                () -> assertFalse(outcome.trackerRequests().isEmpty(), "tracker requests are seen"),
                () -> assertFalse(outcome.ownScripts() == 0, "the page has own inline scripts"),
                () -> assertEquals(List.of(), outcome.ownScriptsNotRun(), "every own inline script is seen running"));
    }

    @Test
    void theJudgementSeesOwnScriptsThatDidNotRun(BrowserLab.Lab lab) throws IOException {
        Outcome outcome = visit(lab, site.uri().toString(), controlPage(), "corpus-control-no-javascript",
                false);

        assertEquals(outcome.ownScripts(), outcome.ownScriptsNotRun().size(),
                "with JavaScript off, no own script is seen running: " + outcome.ownScriptsNotRun());
    }

    /** The shared corpus's control page; another corpus (see SharedCorpus) may not have it. */
    private static CorpusManifest.Page controlPage() {
        assumeTrue(manifest.pages().stream().anyMatch(p -> p.file().equals(CONTROL_PAGE)),
                CONTROL_PAGE + " is not in this corpus: skipping the check of the judgement on it");
        return page(CONTROL_PAGE);
    }

    private static CorpusManifest.Page page(String file) {
        return manifest.pages().stream().filter(p -> p.file().equals(file)).findFirst().orElseThrow();
    }

    private static Outcome visit(BrowserLab.Lab lab, String origin, CorpusManifest.Page page, String evidence)
            throws IOException {
        return visit(lab, origin, page, evidence, true);
    }

    private static Outcome visit(BrowserLab.Lab lab, String origin, CorpusManifest.Page page, String evidence,
                                 boolean javaScript) throws IOException {
        String html = new String(Files.readAllBytes(manifest.directory().resolve(page.file())), StandardCharsets.UTF_8);
        List<String> own = PageScripts.ownInlineScripts(html, page.tags(), page.unlabelledTags());
        Set<String> trackerHosts = manifest.trackerHosts();
        String url = origin + "/" + page.file();
        long started = System.nanoTime();
        try (Tab tab = lab.newTab()) {
            tab.recordScripts();
            if (!javaScript) {
                tab.disableJavaScript();
            }
            tab.navigate(url);
            long loaded = System.nanoTime();
            Set<String> compiled = tab.compiledScripts().stream().filter(s -> s.url().equals(url))
                    .map(s -> PageScripts.comparable(tab.scriptSource(s.scriptId()))).collect(Collectors.toSet());
            List<String> notRun = own.stream().filter(s -> !compiled.contains(PageScripts.comparable(s)))
                    .map(CorpusPagesE2ETest::abbreviate).toList();
            List<NetworkLog.Request> trackers = tab.network().toHosts(trackerHosts);
            List<String> notes = new ArrayList<>();
            notes.add("page: " + url);
            notes.add("tracker hosts judged (manifest, tags that must not run, all pages): " + trackerHosts);
            notes.add("requests to them: " + trackers.size());
            notes.add("own inline scripts: " + own.size() + ", seen running: " + (own.size() - notRun.size()));
            notRun.forEach(s -> notes.add("  did not run: " + s));
            notes.add("load until network idle: " + (loaded - started) / 1_000_000 + " ms, script sources read in "
                    + (System.nanoTime() - loaded) / 1_000_000 + " ms");
            Evidence.save(evidence, tab, notes);
            return new Outcome(trackers, notRun, own.size());
        }
    }

    private static String abbreviate(String script) {
        String flat = script.strip().replaceAll("\\s+", " ");
        return flat.length() <= 100 ? flat : flat.substring(0, 100) + "...";
    }
}
