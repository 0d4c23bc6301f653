package dev.consentgate.proxy;

import dev.consentgate.config.TagRule;
import dev.consentgate.html.RewriteEvent;
import dev.consentgate.html.RewriteReportJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser proxy's report of what it kept from the browser: one JSON object per line, written as it happens, so
 * that a QA engineer can follow it with {@code tail -f} while browsing, for example
 * <pre>
 * {"time":"2026-11-29T20:41:07Z","kind":"request","url":"https://www.google-analytics.com/g/collect?v=2",
 *   "page":"https://shop.example/","category":"analytics","rule":"google-analytics","action":"blocked"}
 * </pre>
 * Kinds: {@code request} (a request to a tag host, answered 403 and never sent), {@code navigation} (a navigation
 * to a tag host that the person at the browser started, let through), {@code element} (an element of a
 * page removed, neutralized or replaced; with its line), {@code set-cookie} (a cookie the site tried to set, dropped)
 * and {@code cookie} (a cookie the browser sent, removed before the site saw it). Lines go to the file from one
 * writer thread, never from an event loop.
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    /** The reverse proxy keeps no such report. */
    public static final AuditLog NONE = new AuditLog(null, false, Clock.systemUTC(), null);

    /** Where report lines go; null when there is no report (the counts may still be kept). */
    private final Consumer<String> sink;
    /** Whether the counts of {@link #summary()} are kept. */
    private final boolean counting;
    private final Clock clock;
    private final AutoCloseable resource;
    /** How many lines of each kind and action, for the summary at the end of a session. */
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    private AuditLog(Consumer<String> sink, boolean counting, Clock clock, AutoCloseable resource) {
        this.sink = sink;
        this.counting = counting;
        this.clock = clock;
        this.resource = resource;
    }

    /** A report appended to {@code file} (created when missing). */
    public static AuditLog toFile(Path file, Clock clock) {
        BufferedWriter out;
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot open the report for writing: " + e.getMessage(), e);
        }
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "audit-log");
            t.setDaemon(true);
            return t;
        });
        Consumer<String> sink = line -> writer.execute(() -> {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                LOG.error("{}: cannot write the report: {}", file, e.getMessage());
            }
        });
        AutoCloseable close = () -> {
            writer.shutdown();
            writer.awaitTermination(5, TimeUnit.SECONDS);
            out.close();
        };
        return new AuditLog(sink, true, clock, close);
    }

    /** No report lines, only the counts of {@link #summary()}. */
    public static AuditLog counting(Clock clock) {
        return new AuditLog(null, true, clock, null);
    }

    /** A report handed line by line to {@code sink} (tests, or a caller with its own output). */
    public static AuditLog to(Consumer<String> sink, Clock clock) {
        return new AuditLog(sink, true, clock, null);
    }

    boolean enabled() {
        return sink != null || counting;
    }

    /** The report's entries for one request, each naming its URL. */
    RequestAudit forRequest(String url) {
        return enabled() ? new RequestAudit(this, url) : RequestAudit.NONE;
    }

    /**
     * A request whose URL a rule not granted matched: blocked, or, for a navigation the person at the browser started,
     * let through (kind {@code navigation}, action {@code allowed}) and still reported.
     */
    void requestMatched(String url, String page, TagRule rule, boolean allowedNavigation) {
        if (!count(allowedNavigation ? "navigations to tag hosts allowed" : "requests blocked")) {
            return;
        }
        StringBuilder sb = start(allowedNavigation ? "navigation" : "request", url);
        RewriteReportJson.field(sb, "page", page);
        RewriteReportJson.field(sb, "category", rule.category());
        RewriteReportJson.field(sb, "rule", rule.id());
        RewriteReportJson.field(sb, "action", allowedNavigation ? "allowed" : "blocked");
        emit(sb);
    }

    void element(String page, RewriteEvent event) {
        if (!count("elements " + RewriteReportJson.actionName(event.action()))) {
            return;
        }
        StringBuilder sb = start("element", page);
        sb.append(",\"line\":").append(event.line());
        RewriteReportJson.field(sb, "element", event.element());
        RewriteReportJson.field(sb, "host", event.host());
        RewriteReportJson.field(sb, "category", event.category());
        RewriteReportJson.field(sb, "rule", event.ruleId());
        RewriteReportJson.field(sb, "action", RewriteReportJson.actionName(event.action()));
        emit(sb);
    }

    void cookies(String kind, String url, List<String> names, String action) {
        for (String name : names) {
            if (!count((kind.equals("cookie") ? "request cookies " : "Set-Cookie fields ") + action)) {
                // counted for the summary; no report file to write the line to
                continue;
            }
            StringBuilder sb = start(kind, url);
            RewriteReportJson.field(sb, "name", name);
            RewriteReportJson.field(sb, "action", action);
            emit(sb);
        }
    }

    private StringBuilder start(String kind, String url) {
        StringBuilder sb = new StringBuilder(256).append('{');
        sb.append("\"time\":\"").append(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .append('"');
        RewriteReportJson.field(sb, "kind", kind);
        RewriteReportJson.field(sb, "url", url);
        return sb;
    }

    /** Counts one line of that kind; true when the line is to be written too. */
    private boolean count(String counted) {
        if (counting) {
            counts.computeIfAbsent(counted, k -> new LongAdder()).increment();
        }
        return sink != null;
    }

    private void emit(StringBuilder sb) {
        sink.accept(sb.append('}').toString());
    }

    /** One line: how many of each were kept from the browser (or let through), e.g. "12 requests blocked, ...". */
    public String summary() {
        if (counts.isEmpty()) {
            return "nothing was kept from the browser";
        }
        return new TreeMap<>(counts).entrySet().stream().map(e -> e.getValue().sum() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() throws Exception {
        if (resource != null) {
            resource.close();
        }
    }
}
