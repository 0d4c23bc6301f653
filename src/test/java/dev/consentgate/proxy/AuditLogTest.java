package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.config.TagRule;
import dev.consentgate.html.RewriteEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T20:41:07.250Z"), ZoneOffset.UTC);
    private static final TagRule GA = new TagRule("google-analytics", Optional.of("google-analytics.com"),
            Optional.empty(), Optional.empty(), "analytics", Optional.empty(), "test");

    @Test
    void eachKindIsOneJsonLineAndTheSummaryCountsThem() {
        List<String> lines = new ArrayList<>();
        AuditLog log = AuditLog.to(lines::add, CLOCK);

        log.requestMatched("https://www.google-analytics.com/g/collect?v=2", "https://shop.example/", GA, false);
        log.requestMatched("https://www.google-analytics.com/", "https://shop.example/", GA, true);
        log.forRequest("https://shop.example/").onAction(new RewriteEvent(7, "script", "www.googletagmanager.com",
                "analytics", "google-tag-manager", RewriteEvent.Action.NEUTRALIZED));
        log.forRequest("https://shop.example/\"x").setCookiesEnforced(
                List.of("_ga=1; Max-Age=63072000", "sid=2; Max-Age=999999999", "JSESSIONID=3"),
                List.of("sid=2; Max-Age=2592000", "JSESSIONID=3"));

        assertEquals(List.of(
                "{\"time\":\"2026-11-29T20:41:07Z\",\"kind\":\"request\","
                        + "\"url\":\"https://www.google-analytics.com/g/collect?v=2\",\"page\":\"https://shop.example/\","
                        + "\"category\":\"analytics\",\"rule\":\"google-analytics\",\"action\":\"blocked\"}",
                "{\"time\":\"2026-11-29T20:41:07Z\",\"kind\":\"navigation\",\"url\":\"https://www.google-analytics.com/\","
                        + "\"page\":\"https://shop.example/\",\"category\":\"analytics\",\"rule\":\"google-analytics\","
                        + "\"action\":\"allowed\"}",
                "{\"time\":\"2026-11-29T20:41:07Z\",\"kind\":\"element\",\"url\":\"https://shop.example/\",\"line\":7,"
                        + "\"element\":\"script\",\"host\":\"www.googletagmanager.com\",\"category\":\"analytics\","
                        + "\"rule\":\"google-tag-manager\",\"action\":\"neutralized\"}",
                "{\"time\":\"2026-11-29T20:41:07Z\",\"kind\":\"set-cookie\",\"url\":\"https://shop.example/\\\"x\","
                        + "\"name\":\"_ga\",\"action\":\"dropped\"}",
                "{\"time\":\"2026-11-29T20:41:07Z\",\"kind\":\"set-cookie\",\"url\":\"https://shop.example/\\\"x\","
                        + "\"name\":\"sid\",\"action\":\"capped\"}"), lines);
        assertEquals("1 Set-Cookie fields capped, 1 Set-Cookie fields dropped, 1 elements neutralized, "
                + "1 navigations to tag hosts allowed, 1 requests blocked", log.summary());
    }

    @Test
    void withoutAReportNothingIsWrittenAndNothingFails() {
        AuditLog.NONE.requestMatched("https://www.google-analytics.com/", "", GA, false);
        assertEquals(RequestAudit.NONE, AuditLog.NONE.forRequest("https://shop.example/"));
        AuditLog counting = AuditLog.counting(CLOCK);
        counting.requestMatched("https://www.google-analytics.com/", "", GA, false);
        assertEquals("1 requests blocked", counting.summary());
        assertEquals("nothing was kept from the browser", AuditLog.counting(CLOCK).summary());
    }

    @Test
    void aReportFileIsAppendedTo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Files.writeString(file, "{\"earlier\":true}\n");
        try (AuditLog log = AuditLog.toFile(file, CLOCK)) {
            log.requestMatched("https://www.google-analytics.com/", "", GA, false);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("{\"earlier\":true}", lines.get(0));
        assertEquals("{\"time\":\"2026-11-29T20:41:07Z\",\"kind\":\"request\",\"url\":\"https://www.google-analytics.com/\","
                + "\"page\":\"\",\"category\":\"analytics\",\"rule\":\"google-analytics\",\"action\":\"blocked\"}",
                lines.get(1));
    }
}
