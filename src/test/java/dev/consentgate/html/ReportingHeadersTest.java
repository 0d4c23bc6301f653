package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The headers that name where a browser sends reports, judged by each URL they name. Before (found by a review):
 * each passed as written, and Chromium 156 POSTed a CSP violation report with the page's URL to a sentry.io ingest
 * URL in report-uri, and reports to browser-intake-datadoghq.com named by Reporting-Endpoints.
 */
class ReportingHeadersTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();
    private static final PageSite SITE = PageSite.ofHost("shop.test");
    private static final String SENTRY = "https://o1.ingest.sentry.io/api/1/security/?sentry_key=k";
    private static final String DATADOG = "https://browser-intake-datadoghq.com/api/v2/logs";

    private static List<String> keep(ReportingHeaders.Kind kind, List<RewriteEvent> events, String... values) {
        return ReportingHeaders.keepAllowed(kind, List.of(values), POLICY, TestRules.ESSENTIAL_ONLY, SITE,
                events::add);
    }

    private static List<String> keep(ReportingHeaders.Kind kind, String... values) {
        return keep(kind, new ArrayList<>(), values);
    }

    @Test
    void aReportUriOnATrackersHostGoesAndThePolicyStays() {
        List<RewriteEvent> events = new ArrayList<>();
        assertEquals(List.of("default-src 'self'; img-src *;"), keep(ReportingHeaders.Kind.CONTENT_SECURITY_POLICY,
                events, "default-src 'self'; report-uri " + SENTRY + "; img-src *;"));
        assertEquals(List.of(new RewriteEvent(0, "report-uri in Content-Security-Policy", "o1.ingest.sentry.io",
                "analytics", "sentry-ingest", RewriteEvent.Action.REMOVED)), events);
        // in any case, among the site's own URLs, in a second policy of the same value
        assertEquals(List.of("script-src 'self'; REPORT-URI /csp https://reports.shop.test/r,img-src 'none'"),
                keep(ReportingHeaders.Kind.CONTENT_SECURITY_POLICY, "script-src 'self'; REPORT-URI /csp "
                        + SENTRY + " https://reports.shop.test/r,img-src 'none'; report-uri " + SENTRY));
    }

    @Test
    void aPolicyNamingNoBlockedUrlPassesAsWritten() {
        for (String value : new String[] {"default-src 'self'", "default-src 'self'; report-uri /csp-reports",
            "script-src https://www.googletagmanager.com; report-to default", "report-uri  /a ;  report-to g"}) {
            assertEquals(List.of(value), keep(ReportingHeaders.Kind.CONTENT_SECURITY_POLICY, value));
        }
        String tracker = "default-src 'self'; report-uri " + SENTRY;
        assertEquals(List.of(tracker), ReportingHeaders.keepAllowed(ReportingHeaders.Kind.CONTENT_SECURITY_POLICY,
                List.of(tracker), POLICY, TestRules.consent("essential", "analytics"), SITE, RewriteListener.NONE),
                "a granted category keeps its report URL");
    }

    @Test
    void anEndpointOnATrackersHostGoesAndTheOthersStay() {
        List<RewriteEvent> events = new ArrayList<>();
        assertEquals(List.of("csp=\"/csp\", coop=\"https://r.shop.test/c\";p=1"),
                keep(ReportingHeaders.Kind.REPORTING_ENDPOINTS, events, "csp=\"/csp\", dd=\"" + DATADOG
                        + "\", coop=\"https://r.shop.test/c\";p=1"));
        assertEquals("browser-intake-datadoghq.com", events.get(0).host());
        assertEquals(List.of(), keep(ReportingHeaders.Kind.REPORTING_ENDPOINTS, "default=\"" + SENTRY + "\""),
                "a value with nothing left goes");
        // a quote escaped inside the string does not end it
        String own = "a=\"/r?x=\\\"y\\\"\"";
        assertEquals(List.of(own), keep(ReportingHeaders.Kind.REPORTING_ENDPOINTS, own));
    }

    @Test
    void anEndpointsValueThatCannotBeReadGoes() {
        for (String bad : new String[] {"a=/csp", "A=\"/csp\"", "a=\"/csp", "a=\"/csp\";p=\"open", "=\"/csp\"",
            "a=\"/c\u00e9\"", "a=\"/csp\", junk"}) {
            assertEquals(List.of(), keep(ReportingHeaders.Kind.REPORTING_ENDPOINTS, bad), bad);
        }
    }

    @Test
    void aReportToGroupWithAnEndpointOnATrackersHostGoes() {
        String own = "{\"group\":\"csp\",\"max_age\":10886400,\"endpoints\":[{\"url\":\"https://shop.test/r\"}]}";
        String tracker = "{\"group\":\"nel\",\"max_age\":31536000,\"endpoints\":[{\"url\":\"/own\"},{\"url\":\""
                + DATADOG + "\"}],\"include_subdomains\":true}";
        List<RewriteEvent> events = new ArrayList<>();
        assertEquals(List.of(own), keep(ReportingHeaders.Kind.REPORT_TO, events, own + ", " + tracker));
        assertEquals("datadog-rum-intake", events.get(0).ruleId());
        assertEquals(List.of(), keep(ReportingHeaders.Kind.REPORT_TO, tracker));
        // a comma inside a string does not split the list
        String comma = "{\"group\":\"a,b\",\"endpoints\":[{\"url\":\"/r?a,b\"}]}";
        assertEquals(List.of(comma), keep(ReportingHeaders.Kind.REPORT_TO, comma));
    }

    @Test
    void aReportToValueThatIsNotAListOfObjectsGoes() {
        for (String bad : new String[] {"{\"group\":\"a\"", "{\"endpoints\":[{\"url\":\"/r\"}]}}", "[1]",
            "{\"url\":\"/r\",\"url\":\"" + DATADOG + "\"}", "{} junk", "\"x\""}) {
            assertEquals(List.of(), keep(ReportingHeaders.Kind.REPORT_TO, bad), bad);
        }
    }
}
