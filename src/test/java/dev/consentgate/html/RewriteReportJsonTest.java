package dev.consentgate.html;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RewriteReportJsonTest {

    @Test
    void reportsEachElementWithLineElementHostCategoryRuleAndAction() {
        RewriteReportJson report = new RewriteReportJson();
        HtmlRewriter.rewriteAll(TestRules.defaultPolicy(), TestRules.ESSENTIAL_ONLY,
                ("<p>\n<script src=\"https://www.googletagmanager.com/gtm.js\"></script>\n"
                        + "<img src=//www.facebook.com/tr>").getBytes(StandardCharsets.UTF_8), report);
        assertEquals("{\"elements\":[{\"line\":2,\"element\":\"script\",\"host\":\"www.googletagmanager.com\","
                + "\"category\":\"analytics\",\"rule\":\"google-tag-manager\",\"action\":\"neutralized\"},"
                + "{\"line\":3,\"element\":\"img\",\"host\":\"www.facebook.com\",\"category\":\"advertising\","
                + "\"rule\":\"meta-pixel\",\"action\":\"removed\"}],\"count\":2}", report.toJson());
    }

    @Test
    @SuppressWarnings("unchecked")
    void escapesStringsIntoValidJson() {
        String json = RewriteReportJson.toJson(List.of(new RewriteEvent(1, "script", "a\"b\\c\n", "x\u0001", "r",
                RewriteEvent.Action.PASSED_OVER_LIMIT)));
        Map<String, Object> parsed = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(json);
        Map<String, Object> first = ((List<Map<String, Object>>) parsed.get("elements")).get(0);
        assertEquals("a\"b\\c\n", first.get("host"));
        assertEquals("x\u0001", first.get("category"));
        assertEquals("passed-over-limit", first.get("action"));
    }
}
