package dev.consentgate.proxy;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters of what the gateway did, rendered in the Prometheus text format at {@code /.consentgate/metrics} (for
 * loopback clients only). Every fail-closed event is counted here as well as logged.
 */
final class GatewayMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayMetrics.class);

    final LongAdder requests = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder upstreamFailures = new LongAdder();
    final LongAdder aborted = new LongAdder();
    final LongAdder htmlRewritten = new LongAdder();
    /** Elements a size limit let through unjudged. */
    final LongAdder htmlPassedOverLimit = new LongAdder();
    private final AtomicBoolean overLimitLogged = new AtomicBoolean();

    /**
     * Counts the elements of one page a size limit let through unjudged; the first time any does, says so in the log
     * (each is also logged at debug level, and in the audit log when there is one).
     */
    void passedOverLimit(long elements, String requestId) {
        if (elements <= 0) {
            return;
        }
        htmlPassedOverLimit.add(elements);
        if (overLimitLogged.compareAndSet(false, true)) {
            LOG.warn("[{}] {} element(s) of a page passed unjudged past html.inline_script_inspect_limit or"
                    + " html.max_tag_bytes (logged once; counted in consentgate_html_passed_over_limit_total)",
                    requestId, elements);
        }
    }

    /**
     * @param malformedConsent malformed consent values seen, per source
     * @param recordFailures   proof-of-consent records that could not be written
     */
    String render(Map<String, Long> malformedConsent, long recordFailures) {
        StringBuilder out = new StringBuilder(1024);
        counter(out, "consentgate_requests_total", "Requests forwarded or answered by the gateway.",
                requests.sum());
        counter(out, "consentgate_requests_refused_total", "Requests refused as malformed or over a limit.",
                refused.sum());
        counter(out, "consentgate_upstream_failures_total", "Exchanges answered 502/503/504 by the gateway.",
                upstreamFailures.sum());
        counter(out, "consentgate_responses_aborted_total",
                "Responses cut off (upstream reset, rewrite or decoding fault): never sent unjudged.", aborted.sum());
        counter(out, "consentgate_html_rewritten_total", "HTML responses streamed through the rewriter.",
                htmlRewritten.sum());
        counter(out, "consentgate_html_passed_over_limit_total",
                "Elements a size limit (inline script inspection, tag bytes) let through unjudged.",
                htmlPassedOverLimit.sum());
        counter(out, "consentgate_consent_records_failed_total", "Proof-of-consent records that failed to write.",
                recordFailures);
        out.append("# HELP consentgate_consent_malformed_total Malformed consent values, counted as no consent.\n")
                .append("# TYPE consentgate_consent_malformed_total counter\n");
        new TreeMap<>(malformedConsent).forEach((source, count) -> out
                .append("consentgate_consent_malformed_total{source=\"").append(source).append("\"} ")
                .append(count).append('\n'));
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value).append('\n');
    }
}
