package dev.consentgate.cookie;

import static dev.consentgate.cookie.Fixtures.CLOCK;
import static dev.consentgate.cookie.Fixtures.CATEGORIES;
import static dev.consentgate.cookie.Fixtures.NOW;
import static dev.consentgate.cookie.Fixtures.consent;
import static dev.consentgate.cookie.Fixtures.essentialOnly;
import static dev.consentgate.cookie.Fixtures.everything;
import static dev.consentgate.cookie.Fixtures.rule;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.UndeclaredCookies;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Cookies that browsers or other readers read differently from RFC 6265: each is judged as the reader that would
 * let the most through reads it, so that none sees a cookie, a lifetime or a scope the policy does not allow.
 */
class ReadersThatDisagreeTest {

    private static final CookiePolicy SEED = Fixtures.seedPolicy();

    /**
     * Input: a granted userId (functionality, retention 30 days) whose Expires a browser reads as far in the future
     * but CookieDate reads as a past date: "Wed, 01 Jan 10000 1999 00:00:00 GMT" and
     * "Wed, 01 Jan 1999: 2099 00:00:00 GMT".
     *
     * <p>Before (found by a review): CookieDate follows the RFC 6265 5.1.1 grammar (year = 2*4DIGIT, so "10000" is no year; "1999:"
     * is a year) and finds 1999-01-01, in the past, so LifetimeCap keeps the attribute as a "deletion". Chromium's
     * cookie_util::ParseCookieExpirationTime reads differently: a numeric token of up to 5 characters without ':' is
     * the year ("10000"), and a numeric token containing ':' is only ever a time candidate (so "1999:" is skipped and
     * "2099" becomes the year). Chrome therefore stores the cookie with a far-future expiry, clamped to its 400-day
     * maximum: 400 days for a cookie the policy allows 30.
     *
     * <p>Now: LifetimeCap's own rule is "no reader may see more than the cap"; an Expires whose
     * reading is not the same for every reader must not be kept: it is written as the IMF-fixdate of the date read
     * here, which every reader reads alike (or, later than the cap, as now + cap).
     */
    @Test
    void anExpiresChromiumReadsAsFarFutureIsCappedThoughRfc6265ReadsItAsPast() {
        String fiveDigitYear = "userId=u-1; Expires=Wed, 01 Jan 10000 1999 00:00:00 GMT; Path=/";
        String yearWithColon = "userId=u-1; Expires=Wed, 01 Jan 1999: 2099 00:00:00 GMT; Path=/";
        // written as the IMF-fixdate of the date read here: every reader now reads 1999, a deletion
        String unambiguous = "userId=u-1; Expires=Fri, 01 Jan 1999 00:00:00 GMT; Path=/; Max-Age=0";
        assertAll(
                () -> assertEquals(Optional.of(unambiguous),
                        SEED.enforceSetCookie(fiveDigitYear, consent("functionality")),
                        "Chrome reads year 10000 (5-digit year token), CookieDate reads 1999"),
                () -> assertEquals(Optional.of(unambiguous),
                        SEED.enforceSetCookie(yearWithColon, consent("functionality")),
                        "Chrome skips the token \"1999:\" (it contains ':') and reads year 2099"));
    }

    /**
     * Input: "=_gid=GA1.1.42.1764547200; Max-Age=31536000; Path=/" (a nameless cookie whose value is "_gid=...") with
     * every category granted; and "=_ga=GA1.1.42.1764547200; Path=/" under a ruleset whose undeclared cookies are
     * treated as functionality, with only functionality granted.
     *
     * <p>Before (found by a review): the field's name is "" (RFC 6265bis 5.6: the name is the text before the first '=', here
     * empty), so it is judged as an undeclared cookie: in the first case it passes uncapped (undeclared has no
     * retention), in the second it passes because functionality is granted.
     *
     * <p>Now: browsers serialise a nameless cookie as its bare value (RFC 6265bis 5.7.3 retrieval: a
     * cookie's name and '=' are only written when the name is not empty; httpwg/http-extensions #1210 and #1592 note
     * that sites rely on "Set-Cookie: =foo=bar" coming back as "foo=bar"), and document.cookie shows the same
     * "_gid=..." string. Every later request, and the tracker's own script, sees the cookie _gid / _ga. The field must
     * be judged (and capped) as the name its value carries: _gid capped to 1 day, _ga dropped without analytics.
     */
    @Test
    void aNamelessSetCookieIsJudgedByTheNameItsValueCarries() {
        CookiePolicy policy = new CookiePolicy(Fixtures.classifier(List.of(
                rule("_gid", "analytics", Duration.ofDays(1)),
                rule("_ga", "analytics", Duration.ofDays(730)))), CLOCK);
        CookiePolicy undeclaredAsFunctionality = new CookiePolicy(new CookieClassifier(List.of(
                rule("_ga", "analytics", Duration.ofDays(730))),
                new UndeclaredCookies(Optional.of("functionality"), false), CATEGORIES), CLOCK);
        assertAll(
                () -> assertEquals(Optional.of("=_gid=GA1.1.42.1764547200; Max-Age=86400; Path=/"),
                        policy.enforceSetCookie("=_gid=GA1.1.42.1764547200; Max-Age=31536000; Path=/", everything()),
                        "the browser holds and sends _gid=... for a year; the policy allows one day"),
                () -> assertEquals(Optional.empty(),
                        undeclaredAsFunctionality.enforceSetCookie("=_ga=GA1.1.42.1764547200; Path=/",
                                consent("functionality")),
                        "the browser holds and sends _ga=... although analytics is not granted"));
    }

    /**
     * Input: request header "Cookie: JSESSIONID=abc, _ga=GA1.2.3" (and the same with a space only:
     * "JSESSIONID=abc _ga=GA1.2.3"), essential consent only.
     *
     * <p>Before (found by a review): the piece is split on ';' only, its name is JSESSIONID (essential), so the whole header is
     * forwarded unchanged. A comma-splitting reader sees a second cookie _ga: RFC 2965 section 3.3.4 allows ',' as
     * the Cookie separator (Tomcat's legacy processor and Jetty's RFC 2965 mode honour it), and Python's
     * http.cookies.SimpleCookie (aiohttp, many WSGI helpers) splits on ',' + whitespace and on whitespace alone:
     * SimpleCookie().load("JSESSIONID=abc, _ga=GA1.2.3") gives {JSESSIONID: "abc,", _ga: "GA1.2.3"}, and
     * "JSESSIONID=abc _ga=GA1.2.3" gives {JSESSIONID: "abc", _ga: "GA1.2.3"} (checked with Python 3.11).
     *
     * <p>Now: "the upstream never sees a non-consented cookie" (README). Such a value is not a
     * cookie-octet string (RFC 6265 4.1.1 excludes ',' and whitespace), and the Set-Cookie side already treats
     * ", x=" as a join to fail closed on; the request side must do the same (remove or cut the piece) rather than
     * pass _ga to a splitting upstream.
     */
    @Test
    void aCookieHiddenAfterACommaOrSpaceInAnAllowedOneIsCutBeforeTheUpstream() {
        assertAll(List.of("JSESSIONID=abc, _ga=GA1.2.3", "JSESSIONID=abc _ga=GA1.2.3").stream().map(header -> () -> {
            CookiePolicy.RequestFilter filtered = SEED.filterRequest(List.of(header), essentialOnly());
            assertEquals(List.of("JSESSIONID=abc"), filtered.headers(), header);
        }));
    }

    /**
     * Input: withdrawal for a request to a host with seven labels, cdn.eu.west.static.shop.example.com (the request
     * carried _ga, which analytics consent no longer allows).
     *
     * <p>Before (found by a review): CookieDeletion.parentDomains walks from the host upwards and stops after five entries, so the
     * list ends at shop.example.com and never contains example.com: no "Domain=example.com" deletion is written.
     *
     * <p>Now: the README gives the reason for these deletions: trackers set their cookies on the
     * registrable domain ("_ga on .example.com"), which a host-only deletion does not reach. A browser only replaces
     * a cookie with the same name, domain and path (RFC 6265bis 5.7 step 23), so the _ga on .example.com survives the
     * withdrawal for its full two years. When the list must be bounded, the domains nearest the registrable domain
     * are the ones to keep, not the ones nearest the host.
     */
    @Test
    void aCookieHiddenBehindAGrantedOneStays() {
        assertEquals(List.of("JSESSIONID=abc, cg_consent=r1:essential"),
                SEED.filterRequest(List.of("JSESSIONID=abc, cg_consent=r1:essential"), essentialOnly()).headers());
        assertEquals(List.of("prefs={\"a\":1, \"b\":2}"),
                SEED.filterRequest(List.of("prefs={\"a\":1, \"b\":2}"), everything()).headers());
    }

    @Test
    void withdrawalOnADeepHostReachesTheRegistrableDomain() {
        List<String> deletions = SEED.deletions(List.of(new RequestCookie("_ga", "GA1.1.42", "_ga=GA1.1.42")),
                java.util.Set.of(), Optional.of("cdn.eu.west.static.shop.example.com"));
        assertTrue(deletions.stream().anyMatch(d -> d.endsWith("; Domain=example.com")),
                () -> "deletions: " + deletions);
    }

    /**
     * Input: a ruleset that declares sid on accounts.example.com as essential and sid anywhere else as analytics
     * (domain-scoped rules, as README's `domain` key allows); the field "sid=1; Domain=accounts.example.com; Domain="
     * under essential consent, sent by any routed host (www.example.com, say).
     *
     * <p>Before (found by a review): SetCookieField.domain() takes the last Domain with a non-empty value, accounts.example.com, so
     * the essential rule surely matches and the field passes.
     *
     * <p>Now: Chromium's ParsedCookie::SetupAttributes keeps the index of the last Domain attribute
     * whatever its value (domain_index_ = i for every "domain" pair), and an empty domain string makes a host-only
     * cookie for the responding host. The browser thus stores sid host-only on www.example.com, which the policy
     * classes as analytics. Since readers disagree on which Domain applies (RFC 6265bis says ignore the empty one,
     * Chrome uses it), the scope is not known and the lookup must fail closed as for a field without Domain: both
     * rules decide and the field is dropped without analytics consent.
     */
    @Test
    void aLastEmptyDomainMakesTheScopeUnknown() {
        CookiePolicy policy = new CookiePolicy(Fixtures.classifier(List.of(
                Fixtures.scoped("sid", Optional.of("accounts.example.com"), Optional.empty(), "essential"),
                rule("sid", "analytics"))), CLOCK);
        assertEquals(Optional.empty(),
                policy.enforceSetCookie("sid=1; Domain=accounts.example.com; Domain=", essentialOnly()));
    }
}
