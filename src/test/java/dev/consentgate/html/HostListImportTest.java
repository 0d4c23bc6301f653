package dev.consentgate.html;

import dev.consentgate.config.HtmlSettings;
import dev.consentgate.config.TagRule;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostListImportTest {

    @Test
    void readsPlainHostRulesAndSkipsEverythingElse() {
        String list = "! comment\n||tracker.example^\n||ads.example.net^$third-party\n@@||allowed.example^\n"
                + "||path.example/x.js^\n||*.wild.example^\nexample.org##.banner\n\n||UPPER.Example.COM^\r\n";
        List<TagRule> rules = HostListImport.parse(list, "list.txt", "advertising", Optional.empty());
        assertEquals(List.of("tracker.example", "ads.example.net", "upper.example.com"),
                rules.stream().map(r -> r.host().orElseThrow()).toList());
        assertEquals("list.txt:2:1", rules.get(0).origin());
    }

    @Test
    void importedHostsAreBlockedLikeAnyRule() {
        List<TagRule> rules = HostListImport.parse("||tracker.example^\n", "list.txt", "advertising",
                Optional.empty());
        TagPolicy policy = new TagPolicy(rules, TestRules.CATEGORIES, HtmlSettings.defaults());
        byte[] out = HtmlRewriter.rewriteAll(policy, TestRules.ESSENTIAL_ONLY,
                "<img src=\"https://cdn.tracker.example/p.gif\"><p>x</p>".getBytes(StandardCharsets.UTF_8),
                RewriteListener.NONE);
        assertEquals("<p>x</p>", new String(out, StandardCharsets.UTF_8));
    }
}
