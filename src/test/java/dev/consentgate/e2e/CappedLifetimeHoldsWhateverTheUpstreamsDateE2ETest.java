package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A lifetime the gateway capped holds in Chromium's jar when the upstream's Date header is behind the gateway's
 * clock (an upstream clock that is behind, or a response its cache kept): Chromium takes an Expires as that far
 * past the Date, not past its own clock.
 */
@ExtendWith(BrowserLab.class)
class CappedLifetimeHoldsWhateverTheUpstreamsDateE2ETest {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * Before (found by a review): with "Date: (three days ago)" and "Set-Cookie: _gid=GA1.2.3; Path=/;
     * Expires=Wed, 01 Jan 2099 00:00:00 GMT" (_gid: analytics, one day), the gateway wrote an Expires one day after
     * its own clock and Chromium kept _gid four days.
     */
    @Test
    void aCappedExpiresHoldsAgainstAnOldDate(BrowserLab.Lab lab) throws Exception {
        PagesBehindGateway.Page page = PagesBehindGateway.Page.ok("Date: "
                + IMF_FIXDATE.format(Instant.now().minus(Duration.ofDays(3))) + "\r\nContent-Type: text/html\r\n"
                + "Set-Cookie: _gid=GA1.2.3; Path=/; Expires=Wed, 01 Jan 2099 00:00:00 GMT\r\n",
                "<!doctype html><title>p</title><p>p".getBytes(StandardCharsets.US_ASCII));
        try (PagesBehindGateway site = PagesBehindGateway.start(target -> page);
             Tab tab = lab.newTab()) {
            tab.disableJavaScript();
            site.consent(tab, "analytics");
            Instant loaded = Instant.now();
            tab.navigate(site.gatewayOrigin() + "/");
            Evidence.save("capped-lifetime-old-date", tab);

            Tab.Cookie gid = UpstreamCookiesE2ETest.cookie(UpstreamCookiesE2ETest.siteCookies(tab), "_gid")
                    .orElseThrow(() -> new AssertionError("_gid not in the jar: " + tab.cookies()));
            // one minute of slack for the time between reading the clock and the browser storing the cookie
            long latest = loaded.plus(Duration.ofDays(1)).plusSeconds(60).getEpochSecond();
            assertTrue(!gid.session() && gid.expires() <= latest,
                    "_gid expires " + ((long) gid.expires() - loaded.getEpochSecond()) + "s after the load, more than"
                            + " the policy's one day");
        }
    }

    /**
     * Before (found by a review, 2026-12-02): a Date the gateway's cookie-date reader cannot read ("Thu, 01 Jan
     * 2015", without a time; a numeric date; a year before 1601) counted as none, and the cap was written from the
     * gateway's clock; Chromium reads such a Date, moved the Expires by eleven years and kept a 30-minute __cf_bm its
     * 400-day ceiling. The Max-Age written beside the Expires holds whatever the Date.
     */
    @Test
    void aDateOnlyTheBrowserCanReadCannotLengthenTheCap(BrowserLab.Lab lab) throws Exception {
        for (String date : java.util.List.of("Thu, 01 Jan 2015", "01/01/2015 00:00:00 GMT",
                "Sat, 01 Jan 1600 00:00:00 GMT")) {
            PagesBehindGateway.Page page = PagesBehindGateway.Page.ok("Date: " + date + "\r\nContent-Type: text/html"
                    + "\r\nSet-Cookie: __cf_bm=a; Path=/; Expires=Wed, 01 Jan 2099 00:00:00 GMT\r\n",
                    "<!doctype html><title>p</title><p>p".getBytes(StandardCharsets.US_ASCII));
            try (PagesBehindGateway site = PagesBehindGateway.start(target -> page);
                 Tab tab = lab.newTab()) {
                tab.disableJavaScript();
                Instant loaded = Instant.now();
                tab.navigate(site.gatewayOrigin() + "/");
                Evidence.save("capped-lifetime-unreadable-date", tab);

                Tab.Cookie bm = UpstreamCookiesE2ETest.cookie(UpstreamCookiesE2ETest.siteCookies(tab), "__cf_bm")
                        .orElseThrow(() -> new AssertionError("__cf_bm not in the jar: " + tab.cookies()));
                long latest = loaded.plus(Duration.ofMinutes(30)).plusSeconds(60).getEpochSecond();
                assertTrue(!bm.session() && bm.expires() <= latest, "Date: " + date + ": __cf_bm expires "
                        + ((long) bm.expires() - loaded.getEpochSecond()) + "s after the load, more than the"
                        + " policy's 30 minutes");
            }
        }
    }
}
