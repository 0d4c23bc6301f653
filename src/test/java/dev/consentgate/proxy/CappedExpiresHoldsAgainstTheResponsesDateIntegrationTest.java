package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.FixedUpstreamBehindGateway;
import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A capped Expires holds in a browser that reads it against the response's Date header (Chromium does; the browser
 * half is CappedLifetimeHoldsWhateverTheUpstreamsDateE2ETest).
 */
class CappedExpiresHoldsAgainstTheResponsesDateIntegrationTest {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * Input: analytics granted; the upstream answers with "Date: (three days ago)" (its clock is behind, or the
     * response comes from its cache) and "Set-Cookie: _gid=GA1.2.3; Path=/; Expires=Wed, 01 Jan 2099 00:00:00 GMT"
     * (_gid: analytics, one day).
     *
     * <p>Before (found by a review): the Expires became the gateway's clock plus one day; Chromium takes an Expires as
     * that far past the response's Date (CanonicalCookie::ParseExpiration adds its own clock minus the Date), so it
     * kept _gid four days.
     */
    @Test
    void theCappedExpiresCountsFromAnOlderDate() throws Exception {
        Instant date = Instant.now().minus(Duration.ofDays(3));
        String response = "HTTP/1.1 200 OK\r\nDate: " + IMF_FIXDATE.format(date) + "\r\nContent-Type: text/plain\r\n"
                + "Set-Cookie: _gid=GA1.2.3; Path=/; Expires=Wed, 01 Jan 2099 00:00:00 GMT\r\n"
                + "Content-Length: 2\r\n\r\nok";
        String revision = RunningGateway.defaultRuleset().consent().revision();
        String request = "GET / HTTP/1.1\r\nHost: www.example.com\r\nCookie: cg_consent=" + revision + ":analytics\r\n"
                + "Connection: close\r\n\r\n";
        RawClient.Response r = FixedUpstreamBehindGateway.response(response, request);
        List<String> fields = r.headers("Set-Cookie");
        assertEquals(1, fields.size(), () -> "Set-Cookie fields: " + fields);
        String expires = fields.get(0).replaceAll("^.*; Expires=([^;]*).*$", "$1");
        Instant stored = ZonedDateTime.parse(expires, IMF_FIXDATE).toInstant();
        assertTrue(!stored.isAfter(date.plus(Duration.ofDays(1)).plusSeconds(1)),
                () -> "Expires " + expires + " is more than one day after the response's Date "
                        + IMF_FIXDATE.format(date) + ": " + fields);
    }
}
