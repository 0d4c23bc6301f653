package dev.consentgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThirdPartyWebEntitiesTest {

    private static final String ENTITIES = """
            [
              {"name": "Ad Network", "category": "ad", "domains": ["*.adnet.example", "adnet-cdn.example"]},
              {"name": "Stats", "company": "Stats Inc", "category": "analytics", "domains": ["*.stats.example"]},
              {"name": "Fonts", "category": "cdn", "domains": ["*.fonts.example"]}
            ]
            """;

    @Test
    void takesTheMappedCategoriesAsHostRules() {
        Problems problems = new Problems("entities.json");
        ThirdPartyWebEntities.Parsed parsed = ThirdPartyWebEntities.parse(ENTITIES, problems,
                Map.of("ad", "advertising", "analytics", "analytics"), Optional.empty());
        assertFalse(problems.any(), problems.list().toString());
        assertEquals(List.of("adnet.example", "adnet-cdn.example", "stats.example"),
                parsed.rules().stream().map(r -> r.host().orElseThrow()).toList());
        assertEquals(List.of("advertising", "advertising", "analytics"),
                parsed.rules().stream().map(TagRule::category).toList());
        assertEquals("third-party-web:Ad Network", parsed.rules().get(0).id());
        assertEquals("entities.json:2:56", parsed.rules().get(0).origin());
        assertEquals(2, parsed.entitiesTaken());
        assertEquals(1, parsed.entitiesSkipped());
        assertEquals(Set.of("ad", "analytics", "cdn"), parsed.categoriesInFile());
    }

    @Test
    void aBadDomainOrBrokenJsonIsReportedAtItsLineAndColumn() {
        Problems problems = new Problems("e.json");
        ThirdPartyWebEntities.parse(
                "[\n {\"name\": \"X\", \"category\": \"ad\", \"domains\": [\"https://x.example/\"]}\n]", problems,
                Map.of("ad", "advertising"), Optional.empty());
        assertEquals(List.of("e.json:2:46: domain 'https://x.example/' of X is neither a host name nor *.host name"),
                problems.list().stream().map(ConfigProblem::toString).toList());

        Problems broken = new Problems("e.json");
        ThirdPartyWebEntities.parse("[\n {\"name\": \"X\", \"category\": \"ad\",, }\n]", broken,
                Map.of("ad", "advertising"), Optional.empty());
        assertEquals(1, broken.list().size(), broken.list().toString());
        assertTrue(broken.list().get(0).toString().startsWith("e.json:2:"), broken.list().toString());
    }

    @Test
    void anEntityWithAnEmptyDomainListGivesNothingAndAHostIsTakenOnce() {
        Problems problems = new Problems("e.json");
        ThirdPartyWebEntities.Parsed parsed = ThirdPartyWebEntities.parse("""
                [{"name": "Empty", "category": "ad", "domains": []},
                 {"name": "A", "category": "ad", "domains": ["*.shared.example"]},
                 {"name": "B", "category": "ad", "domains": ["shared.example", "b.example"]}]
                """, problems, Map.of("ad", "advertising"), Optional.empty());
        assertFalse(problems.any(), problems.list().toString());
        assertEquals(List.of("third-party-web:A shared.example", "third-party-web:B b.example"),
                parsed.rules().stream().map(r -> r.id() + " " + r.host().orElseThrow()).toList());
        assertEquals(2, parsed.entitiesTaken());
    }

    @Test
    void anEmptyFileIsAProblem() {
        Problems problems = new Problems("e.json");
        ThirdPartyWebEntities.parse("  \n", problems, Map.of("ad", "advertising"), Optional.empty());
        assertEquals(List.of("e.json:1:1: the entity list is empty"),
                problems.list().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void nestingTooDeepToReadIsAProblemNotACrash() {
        // closed or left open, the text is refused where it passes the depth limit, before it is read to its end
        for (String text : List.of("[".repeat(200_000) + "]".repeat(200_000), "[".repeat(200_000))) {
            Problems problems = new Problems("e.json");
            ThirdPartyWebEntities.parse(text, problems, Map.of("ad", "advertising"), Optional.empty());
            assertEquals(List.of("e.json:1:1001: JSON nested deeper than 1000 levels"),
                    problems.list().stream().map(ConfigProblem::toString).toList());
        }
    }

    @Test
    void anEntityWithoutAFieldItNeedsIsReported() {
        Problems problems = new Problems("e.json");
        ThirdPartyWebEntities.parse("[{\"name\": \"X\"}, \"not an entity\", {\"name\": \"Y\", \"category\": \"ad\"}]",
                problems, Map.of("ad", "advertising"), Optional.empty());
        List<String> p = problems.list().stream().map(ConfigProblem::toString).toList();
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("e.json:1:2: an entity needs 'category'"), p.get(0));
        assertTrue(p.get(1).startsWith("e.json:1:17: an entity must be a mapping"), p.get(1));
        assertEquals("e.json:1:34: Y needs 'domains' (an entity of a mapped category)", p.get(2));
    }
}
