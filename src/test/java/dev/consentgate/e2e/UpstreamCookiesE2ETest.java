package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The header half of the policy in a real browser jar, with JavaScript off so that only the upstream's Set-Cookie
 * fields (as the gateway passed them) can put cookies there: without consent only essential ones land, HttpOnly
 * included; with consent the granted ones land with lifetimes capped to the policy's retention. The tag half is in
 * the other scenarios; withdrawal in {@link UpstreamCookieWithdrawalE2ETest}.
 */
@ExtendWith(BrowserLab.class)
class UpstreamCookiesE2ETest {

    @RegisterExtension
    static final DemoThroughGateway demo = DemoThroughGateway.withDefaultRuleset();

    @Test
    void withoutConsentOnlyEssentialUpstreamCookiesLand(BrowserLab.Lab lab) {
        CookieVerdicts verdicts = new CookieVerdicts(demo.ruleset());
        try (Tab tab = lab.newTab()) {
            tab.disableJavaScript();
            tab.navigate(demo.home());
            Evidence.save("upstream-cookies-no-consent", tab);

            List<Tab.Cookie> site = siteCookies(tab);
            assertAll(
                    () -> assertEquals(List.of(), verdicts.nonEssential(site), "non-essential cookies of the site"),
                    () -> assertTrue(site.stream().anyMatch(c -> c.name().equals("JSESSIONID") && c.httpOnly()),
                            "the essential HttpOnly session cookie landed: " + site));
        }
    }

    @Test
    void grantedCookiesLandWithTheirLifetimeCappedToThePolicy(BrowserLab.Lab lab) {
        CookieVerdicts verdicts = new CookieVerdicts(demo.ruleset());
        try (Tab tab = lab.newTab()) {
            tab.disableJavaScript();
            tab.setCookie(demo.origin(), "cg_consent", demo.ruleset().consent().revision() + ":functionality+analytics");
            Instant loaded = Instant.now();
            tab.navigate(demo.home());
            Evidence.save("upstream-cookies-functionality-analytics", tab);

            List<Tab.Cookie> site = siteCookies(tab);
            assertAll(
                    // The upstream asks for a year; the policy (section 2.2) keeps userId for one month.
                    () -> assertExpiresWithin(site, "userId", loaded, Duration.ofDays(30)),
                    () -> assertExpiresWithin(site, "ktrace-context", loaded, Duration.ofDays(30)),
                    () -> assertTrue(cookie(site, "ktrace-context").map(Tab.Cookie::httpOnly).orElse(false),
                            "ktrace-context keeps HttpOnly"),
                    () -> assertExpiresWithin(site, "_gid", loaded, Duration.ofDays(1)),
                    () -> assertTrue(cookie(site, "_ga").isPresent(), "_ga landed"),
                    () -> assertEquals(List.of(), verdicts.inCategory(site, "advertising"),
                            "advertising cookies without advertising consent"));
        }
    }

    /** The cookies of the site's own host (third-party cookies of stand-ins are not what this class judges). */
    static List<Tab.Cookie> siteCookies(Tab tab) {
        return tab.cookies().stream().filter(c -> c.domain().equals("127.0.0.1")).toList();
    }

    static Optional<Tab.Cookie> cookie(List<Tab.Cookie> jar, String name) {
        return jar.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static void assertExpiresWithin(List<Tab.Cookie> jar, String name, Instant from, Duration cap) {
        Tab.Cookie cookie = cookie(jar, name).orElseThrow(() -> new AssertionError(name + " not in the jar: " + jar));
        // One minute of slack for the time between reading the clock and the browser storing the cookie.
        long latest = from.plus(cap).plusSeconds(60).getEpochSecond();
        assertTrue(!cookie.session() && cookie.expires() <= latest,
                name + " expires at " + (long) cookie.expires() + ", later than " + cap + " after the load (" + latest
                        + ")");
    }
}
