package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Faults injected into the policy code mid-exchange: nothing non-consented reaches either side. */
class FailClosedIntegrationTest {

    private static final String SETS_TRACKING_COOKIE = "HTTP/1.1 200 OK\r\nSet-Cookie: _fbp=fb.1; Path=/\r\n"
            + "Content-Length: 2\r\n\r\nok";

    /** A script of the gateway's stand-ins for a blocked vendor's globals. */
    private static final Pattern STAND_INS = Pattern.compile(
            "<script[^>]*>\\(function\\([ws]\\)\\{[^<]*__consentgateSurrogates[^<]*</script>");

    private static final class Fault extends RuntimeException {
        Fault(String where) {
            super("injected fault: " + where);
        }
    }

    private static RunningGateway gateway(TestUpstream upstream, FaultPoints faults) throws Exception {
        return RunningGateway.serving(new Gateway(RunningGateway.defaultRuleset(upstream.uri()), Clock.systemUTC(),
                name -> null, faults));
    }

    private static String rawResponse(RawClient client) throws IOException {
        return new String(client.socket().getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void consentResolverFaultForwardsNothingAndAnswers500() throws Exception {
        FaultPoints faults = new FaultPoints() {
            @Override
            public void afterConsentResolved() {
                throw new Fault("resolver");
            }
        };
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(SETS_TRACKING_COOKIE));
             RunningGateway gateway = gateway(upstream, faults);
             RawClient client = gateway.rawClient()) {
            client.send("GET / HTTP/1.1\r\nHost: a\r\nCookie: _ga=1; JSESSIONID=s\r\n\r\n");
            String response = rawResponse(client);
            assertTrue(response.startsWith("HTTP/1.1 500 "), response);
            assertFalse(response.contains("_fbp"), response);
            assertEquals(List.of(), upstream.drain(), "nothing may reach the upstream");
        }
    }

    @Test
    void setCookieEnforcementFaultSendsNoUpstreamHeaders() throws Exception {
        FaultPoints faults = new FaultPoints() {
            @Override
            public void beforeSetCookieEnforcement() {
                throw new Fault("set-cookie");
            }
        };
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(SETS_TRACKING_COOKIE));
             RunningGateway gateway = gateway(upstream, faults);
             RawClient client = gateway.rawClient()) {
            RawClient.Response response = client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertEquals(502, response.status());
            assertEquals(List.of(), response.headers("set-cookie"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void rewriterFaultAbortsTheBodyBeforeAnyUnjudgedByteIsSent(int failingPiece) throws Exception {
        byte[] page;
        try (InputStream in = FailClosedIntegrationTest.class.getResourceAsStream("/demo/index.html")) {
            page = in.readAllBytes();
        }
        FaultPoints faults = new FaultPoints() {
            @Override
            public void beforeRewriting(int index) {
                if (index == failingPiece) {
                    throw new Fault("rewriter at piece " + index);
                }
            }
        };
        try (TestUpstream upstream = TestUpstream.start(
                     TestUpstream.chunked("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", page, 256));
             RunningGateway gateway = gateway(upstream, faults);
             RawClient client = gateway.rawClient()) {
            client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").readAborted().ifPresent(r -> {
                assertFalse(r.complete(), "an aborted rewrite must not end as a complete body");
                String body = r.bodyText();
                assertFalse(body.contains(" src=\"https://www.googletagmanager.com"), body);
                assertFalse(body.contains("<script>!function(f,b,e,v,n,t,s)"), body);
                // the stand-ins the gateway adds after a blocked script (TagSurrogates) are its own bytes, not the
                // page's: only what came of the page counts against the pieces read before the fault
                String ofThePage = STAND_INS.matcher(body).replaceAll("");
                assertTrue(ofThePage.length() <= failingPiece * 256,
                        "bytes after the fault were sent: " + ofThePage.length());
            });
        }
    }
}
