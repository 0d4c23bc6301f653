package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.Ruleset;
import dev.consentgate.config.RulesetLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped ruleset with third-party-web's entity list imported as the README recommends, against the real
 * pages of ../shared/corpus/pages: thousands of list hosts more must break none of the manifest's keep elements
 * (consent managers, reCAPTCHA, the site's own scripts), and still disable every marked tag.
 */
class TagListCorpusTest {

    static final String RECOMMENDED = """
            tag_lists:
              - third_party_web: %s
                categories: {ad: advertising, analytics: analytics, tag-manager: analytics, marketing: advertising,
                             video: functionality, customer-success: functionality}
            """;

    @TempDir
    static Path dir;

    static TagPolicy policyWithList() throws Exception {
        Path entities = Corpus.dir("third-party-web").resolve("entities.json").toAbsolutePath();
        Path ruleset = dir.resolve("with-list.yaml");
        Files.writeString(ruleset, Files.readString(Path.of("config/consentgate.yaml"))
                + RECOMMENDED.formatted(entities));
        Ruleset r = RulesetLoader.load(ruleset);
        assertTrue(r.tagLists().get(0).rules() > 1000, r.tagLists().toString());
        return new TagPolicy(r.tagRules(), r.categories(), r.html());
    }

    @TestFactory
    Stream<DynamicTest> theCorpusStillPassesWithTheListImported() throws Exception {
        TagPolicy policy = policyWithList();
        return CorpusPagesTest.manifestFiles().stream().map(file -> DynamicTest.dynamicTest((String) file.get("file"),
                () -> {
                    byte[] in = CorpusPagesTest.page(file);
                    byte[] out = HtmlRewriter.rewriteAll(policy, TestRules.ESSENTIAL_ONLY, in, RewriteListener.NONE);
                    List<String> failures = CorpusPagesTest.judge(file, in, out);
                    assertTrue(failures.isEmpty(), String.join("\n", failures));
                }));
    }

    @TestFactory
    Stream<DynamicTest> theCorpusStillPassesWithTheListImportedAsServedFromItsOwnSite() throws Exception {
        // as the proxy sees a page: from its own site, whose URLs rules naming that whole site spare
        TagPolicy policy = policyWithList();
        return CorpusPagesTest.manifestFiles().stream().map(file -> DynamicTest.dynamicTest((String) file.get("file"),
                () -> {
                    Object domain = file.get("first_party_domain");
                    PageSite site = domain == null ? PageSite.NONE : PageSite.ofHost("www." + domain);
                    byte[] in = CorpusPagesTest.page(file);
                    byte[] out = HtmlRewriter.rewriteAll(policy, TestRules.ESSENTIAL_ONLY, site, in,
                            RewriteListener.NONE, Optional.empty(), null);
                    List<String> failures = CorpusPagesTest.judge(file, in, out);
                    assertTrue(failures.isEmpty(), String.join("\n", failures));
                }));
    }
}
