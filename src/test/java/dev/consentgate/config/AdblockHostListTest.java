package dev.consentgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdblockHostListTest {

    @Test
    void takesWholeHostRulesAndCountsTheNarrowerOnesAsSkipped() {
        String list = "[Adblock Plus 2.0]\n! comment\n||tracker.example^\n||ads.example.net^$third-party\n"
                + "@@||allowed.example^\n||path.example/x.js^\n||*.wild.example^\nexample.org##.banner\n\n"
                + "||UPPER.Example.COM^\r\n||popup.example^$popup\n||site.example^$domain=news.example\n"
                + "  ||end.example^|\n||both.example^$3p,important\n";
        AdblockHostList.Parsed parsed = AdblockHostList.parse(list, "list.txt", "advertising", Optional.empty());
        assertEquals(List.of("tracker.example", "ads.example.net", "upper.example.com", "end.example",
                "both.example"), parsed.rules().stream().map(r -> r.host().orElseThrow()).toList());
        // path, wildcard, cosmetic, $popup and $domain= rules
        assertEquals(5, parsed.skipped());
        assertEquals("list.txt:3:3", parsed.rules().get(0).origin());
        assertEquals("list.txt:13:5", parsed.rules().get(3).origin());
        assertEquals("adblock:tracker.example", parsed.rules().get(0).id());
        assertEquals("advertising", parsed.rules().get(0).category());
    }

    @Test
    void aHostListedTwiceGivesOneRule() {
        AdblockHostList.Parsed parsed = AdblockHostList.parse("||a.example^\n||A.example^$third-party\n", "l.txt",
                "analytics", Optional.empty());
        assertEquals(1, parsed.rules().size());
        assertEquals(0, parsed.skipped());
    }

    @Test
    void givesEveryRuleTheListsAction() {
        AdblockHostList.Parsed parsed = AdblockHostList.parse("||a.example^\n", "l.txt", "analytics",
                Optional.of(TagAction.REMOVE));
        assertEquals(Optional.of(TagAction.REMOVE), parsed.rules().get(0).action());
    }
}
