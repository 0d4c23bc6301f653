package dev.consentgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code tag_lists:} section: host lists read at load time, after the ruleset's own tag rules. */
class TagListsTest {

    private static final String RULESET = """
            routes:
              - upstream: http://127.0.0.1:9000
            categories:
              essential: {essential: true}
              analytics: {}
              advertising: {}
            tags:
              - {id: cmp, host: cmp.adnet.example, category: essential}
            """;
    private static final String ENTITIES = """
            [
              {"name": "Ad Network", "category": "ad", "domains": ["*.adnet.example"]},
              {"name": "Stats", "category": "analytics", "domains": ["stats.example"]},
              {"name": "Fonts", "category": "cdn", "domains": ["*.fonts.example"]}
            ]
            """;

    @TempDir
    Path dir;

    private Ruleset load(String tagLists) throws Exception {
        Files.createDirectories(dir.resolve("lists"));
        Files.writeString(dir.resolve("lists/entities.json"), ENTITIES);
        Files.writeString(dir.resolve("lists/hosts.txt"), "! a list\n||pixel.example^\n||x.example/path^\n");
        Path file = dir.resolve("r.yaml");
        Files.writeString(file, RULESET + tagLists);
        return RulesetLoader.load(file);
    }

    private List<String> problems(String tagLists) {
        RulesetException e = assertThrows(RulesetException.class, () -> load(tagLists));
        return e.problems().stream().map(ConfigProblem::toString).map(p -> p.replace(dir + "/", "")).toList();
    }

    @Test
    void listRulesComeAfterTheRulesetsOwnInListOrder() throws Exception {
        Ruleset r = load("""
                tag_lists:
                  - {adblock: lists/hosts.txt, category: advertising, action: remove}
                  - third_party_web: lists/entities.json
                    categories: {ad: advertising, analytics: analytics}
                """);
        assertEquals(List.of("cmp", "adblock:pixel.example", "third-party-web:Ad Network", "third-party-web:Stats"),
                r.tagRules().stream().map(TagRule::id).toList());
        assertEquals(List.of("cmp.adnet.example", "pixel.example", "adnet.example", "stats.example"),
                r.tagRules().stream().map(t -> t.host().orElseThrow()).toList());
        // the lists' rules are not the ruleset's own (check compares only those for rules that never decide)
        assertEquals(List.of("cmp"), r.ownTagRules().stream().map(TagRule::id).toList());
        assertEquals(Optional.of(TagAction.REMOVE), r.tagRules().get(1).action());
        assertEquals(dir.resolve("lists/hosts.txt") + ":2:3", r.tagRules().get(1).origin());
        assertEquals(List.of(
                dir.resolve("lists/hosts.txt") + " adblock 1: 1 rule lines not blocking a whole host skipped",
                dir.resolve("lists/entities.json") + " third_party_web 2: 2 entities taken, 1 of other categories skipped"),
                r.tagLists().stream().map(l -> l.file() + " " + l.format() + " " + l.rules() + ": " + l.note()).toList());
    }

    @Test
    void aListEditedInPlaceChangesTheRulesetsFingerprint() throws Exception {
        String lists = "tag_lists:\n  - {adblock: lists/hosts.txt, category: advertising}\n";
        Ruleset before = load(lists);
        assertEquals(before.fingerprint(), load(lists).fingerprint());
        Files.writeString(dir.resolve("lists/hosts.txt"), "||pixel.example^\n||other.example^\n");
        Path file = dir.resolve("r.yaml");
        Ruleset after = RulesetLoader.load(file);
        assertNotEquals(before.tagLists().get(0).digest(), after.tagLists().get(0).digest());
        assertNotEquals(before.fingerprint(), after.fingerprint());
    }

    @Test
    void aMissingListStopsTheLoadAtTheLineThatNamesIt() {
        List<String> p = problems("tag_lists:\n  - {adblock: lists/nope.txt, category: advertising}\n");
        assertEquals(List.of("r.yaml:10:15: tag list lists/nope.txt not found"), p);
    }

    @Test
    void eachMistakeInTheSectionIsNamed() {
        List<String> p = problems("""
                tag_lists:
                  - {adblock: lists/hosts.txt, third_party_web: lists/entities.json, category: advertising}
                  - {adblock: lists/hosts.txt}
                  - {adblock: lists/hosts.txt, category: marketing}
                  - {third_party_web: lists/entities.json, categories: {ad: advertising, ads: advertising}}
                  - {third_party_web: lists/entities.json, categories: {ad: adverts}}
                  - {third_party_web: lists/entities.json}
                  - {adblock: lists/hosts.txt, category: analytics, action: hide}
                """);
        assertEquals(List.of(
                "r.yaml:10:5: a tag list needs exactly one of 'adblock' (an Adblock-style host list) or"
                        + " 'third_party_web' (third-party-web's entities.json)",
                "r.yaml:11:5: a tag list needs 'category'",
                "r.yaml:12:42: unknown category 'marketing'; declared: essential, analytics, advertising",
                "r.yaml:13:74: no entity in lists/entities.json has category 'ads'; its categories: ad, analytics, cdn",
                "r.yaml:14:61: unknown category 'adverts'; declared: essential, analytics, advertising",
                "r.yaml:15:5: a third_party_web list needs 'categories': which of its categories to take, and as"
                        + " which of the ruleset's ({ad: advertising, analytics: analytics, ...})",
                "r.yaml:16:61: unknown action 'hide'; use remove, neutralize or placeholder"), p);
    }

    @Test
    void aListThatWouldGiveNoRuleIsAProblemNotASilentlyWeakerRuleset() throws Exception {
        Files.createDirectories(dir.resolve("lists"));
        Files.writeString(dir.resolve("lists/etc-hosts.txt"), "0.0.0.0 ads.example\n0.0.0.0 pixel.example\n");
        Files.writeString(dir.resolve("lists/no-domains.json"),
                "[{\"name\": \"A\", \"category\": \"ad\", \"domains\": null}]");
        List<String> p = problems("""
                tag_lists:
                  - {adblock: lists/etc-hosts.txt, category: advertising}
                  - {third_party_web: lists/entities.json, categories: {ad: null}}
                  - {third_party_web: lists/entities.json, categories: {}}
                  - {adblock: null, category: advertising}
                  - {adblock: lists, category: advertising}
                  - {third_party_web: lists/no-domains.json, categories: {ad: advertising}}
                """);
        assertEquals(List.of(
                "r.yaml:10:15: tag list lists/etc-hosts.txt has no ||host^ rule (2 rule lines not blocking a whole host"
                        + " skipped)",
                "r.yaml:11:57: 'ad' is mapped to no category; declared: essential, analytics, advertising",
                "r.yaml:12:56: 'categories' maps no category, so the list would give no rule",
                "r.yaml:13:6: 'adblock' needs the list's file path",
                "r.yaml:14:15: tag list lists is not a file",
                "r.yaml:15:23: tag list lists/no-domains.json gives no rule: no entity of a mapped category names a"
                        + " domain"), p);
    }

    @Test
    void aByteOrderMarkBeforeTheFirstRuleIsNotPartOfIt() throws Exception {
        Files.createDirectories(dir.resolve("lists"));
        Files.writeString(dir.resolve("lists/bom.txt"), "\uFEFF||first.example^\n||second.example^\n");
        Ruleset r = load("tag_lists:\n  - {adblock: lists/bom.txt, category: advertising}\n");
        assertEquals(List.of("cmp.adnet.example", "first.example", "second.example"),
                r.tagRules().stream().map(t -> t.host().orElseThrow()).toList());
    }

    @Test
    void aSectionThatIsNotAListSaysWhere() {
        List<String> p = problems("tag_lists: {adblock: lists/hosts.txt, category: advertising}\n");
        assertEquals(List.of("r.yaml:9:12: 'tag_lists' in the ruleset must be a list"), p);
    }

    @Test
    void aProblemInsideAListNamesTheListsFileLineAndColumn() throws Exception {
        Files.createDirectories(dir.resolve("lists"));
        Path bad = dir.resolve("lists/bad.json");
        Files.writeString(bad, "[\n  {\"name\": \"X\", \"category\": \"ad\", \"domains\": [\"x.example/p\"]}\n]\n");
        List<String> p = problems("tag_lists:\n  - {third_party_web: lists/bad.json, categories: {ad: advertising}}\n");
        assertEquals(List.of("lists/bad.json:2:47: domain 'x.example/p' of X is neither a host name nor *.host name"),
                p);
    }

    @Test
    void aListRuleMayNotTakeTheIdOfARulesetRule() {
        List<String> p = problems("""
                  - {id: "adblock:pixel.example", host: other.example, category: analytics}
                tag_lists:
                  - {adblock: lists/hosts.txt, category: advertising}
                """);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("r.yaml:11:5: tag list rule id 'adblock:pixel.example' is also the id"),
                p.get(0));
    }
}
