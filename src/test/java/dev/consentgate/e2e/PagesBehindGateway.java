package dev.consentgate.e2e;

import dev.consentgate.testing.TestUpstream;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A test upstream answering each request target with the page a function gives (a 404 for none), and a gateway with
 * the shipped ruleset in front of it: the set-up of the browser tests that load each case straight from the upstream
 * and through the gateway, and of those that load a page through the gateway under the consent they give the tab.
 */
final class PagesBehindGateway implements AutoCloseable {

    /** A response: its status, its header lines (each ending in CRLF; Content-Length is added) and its body. */
    record Page(String status, String headers, byte[] body) {

        static Page ok(String headers, byte[] body) {
            return new Page("200 OK", headers, body);
        }

        /** An HTML page in UTF-8. */
        static Page html(String markup) {
            return ok("Content-Type: text/html; charset=utf-8\r\n", markup.getBytes(StandardCharsets.UTF_8));
        }
    }

    final TestUpstream upstream;
    final GatewayInFront gateway;

    private PagesBehindGateway(TestUpstream upstream, GatewayInFront gateway) {
        this.upstream = upstream;
        this.gateway = gateway;
    }

    /**
     * A site whose page at {@code PATH?run=RUN} is the HTML page titled {@code title} with the body
     * {@code bodyOf.apply(PATH, RUN)} (null: no page). The run, {@code direct} or {@code gateway}, goes into the page's
     * tracker URLs, so that the stand-in trackers tell apart the load straight from the upstream and the one through
     * the gateway.
     */
    static PagesBehindGateway startRuns(String title, BiFunction<String, String, String> bodyOf) throws Exception {
        return startRunPages((path, run) -> {
            String body = bodyOf.apply(path, run);
            return body == null ? null : Page.html(
                    "<!DOCTYPE html><html><head><title>" + title + "</title></head><body>" + body + "</body></html>");
        });
    }

    /** {@link #startRuns} with any response: {@code pageOf.apply(PATH, RUN)} (null: a 404, as for other targets). */
    static PagesBehindGateway startRunPages(BiFunction<String, String, Page> pageOf) throws Exception {
        return start(target -> {
            String[] pathAndRun = target.split("\\?run=");
            return pathAndRun.length == 2 ? pageOf.apply(pathAndRun[0], pathAndRun[1]) : null;
        });
    }

    /** {@code pages}: the page for a request target (path and query), null for a 404. */
    static PagesBehindGateway start(Function<String, Page> pages) throws Exception {
        TestUpstream upstream = TestUpstream.start((request, out, socket) -> {
            Page page = pages.apply(request.requestLine().split(" ")[1]);
            if (page == null) {
                page = new Page("404 Not Found", "", new byte[0]);
            }
            out.write(("HTTP/1.1 " + page.status() + "\r\n" + page.headers() + "Content-Length: " + page.body().length
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(page.body());
        });
        try {
            return new PagesBehindGateway(upstream, GatewayInFront.start(GatewayInFront.defaultRuleset(),
                    upstream.uri()));
        } catch (Exception e) {
            upstream.close();
            throw e;
        }
    }

    /** The upstream's origin, without a trailing slash: where a page is loaded straight from the site. */
    String upstreamOrigin() {
        return upstream.uri().toString().replaceFirst("/$", "");
    }

    /** The gateway's origin: where a page is loaded through the gateway. */
    String gatewayOrigin() {
        return gateway.origin();
    }

    /**
     * Gives {@code tab} the visitor's answer for the gateway's origin, as the consent endpoint would: a cg_consent
     * cookie of the ruleset's revision granting {@code categories} ("a+b"; "" for none, a withdrawal).
     */
    void consent(Tab tab, String categories) {
        tab.setCookie(gatewayOrigin(), "cg_consent", gateway.ruleset().consent().revision() + ":" + categories);
    }

    @Override
    public void close() throws Exception {
        try {
            gateway.close();
        } finally {
            upstream.close();
        }
    }
}
