package dev.consentgate.cookie;

import static dev.consentgate.cookie.Fixtures.CATEGORIES;
import static dev.consentgate.cookie.Fixtures.CLOCK;
import static dev.consentgate.cookie.Fixtures.consent;
import static dev.consentgate.cookie.Fixtures.essentialOnly;
import static dev.consentgate.cookie.Fixtures.rule;
import static dev.consentgate.cookie.Fixtures.scoped;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.UndeclaredCookies;
import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Cookies as browsers store them and servers read them: a hidden pair with spaces before its '=', Domain and Path
 * values over 1024 octets (ignored by browsers), withdrawal in every scope a removed cookie may be held in (the
 * rules' scopes, Path=/, the request path's directories, host-only and parent domains; not cancelled by a kept field
 * of another scope), and a name in another case read by a case-insensitive server. Found by a second review of
 * cookie enforcement; "Before" in each comment says what happened then.
 */
class CookieScopesAndNamesTest {

    private static final CookiePolicy SEED = Fixtures.seedPolicy();

    /**
     * Input: request header "Cookie: JSESSIONID=abc, _ga =GA1.2.3" (and "JSESSIONID=abc _ga\t= GA1.2.3"), essential
     * consent only.
     *
     * <p>What happens: RequestCookies.hiddenPairs only sees a hidden cookie when its name is followed directly by
     * '='; here the name is followed by whitespace, so no hidden pair is found and the header goes upstream as it
     * came.
     *
     * <p>What should happen: "JSESSIONID=abc" only, as for "JSESSIONID=abc, _ga=GA1.2.3" (ReadersThatDisagreeTest).
     * Python's http.cookies.SimpleCookie, the reader the README names, allows whitespace around '=' (its pattern is
     * key \s*=\s* value): SimpleCookie().load("JSESSIONID=abc, _ga =GA1.2.3") gives {JSESSIONID: "abc,",
     * _ga: "GA1.2.3"}, and "JSESSIONID=abc _ga\t= GA1.2.3" gives {JSESSIONID: "abc", _ga: "GA1.2.3"} (checked with
     * Python 3.11.7). The upstream reads _ga although analytics is not granted.
     */
    @Test
    void aHiddenCookieWithWhitespaceBeforeItsEqualsSignIsCutToo() {
        assertAll(List.of("JSESSIONID=abc, _ga =GA1.2.3", "JSESSIONID=abc _ga\t= GA1.2.3").stream()
                .map(header -> () -> assertEquals(List.of("JSESSIONID=abc"),
                        SEED.filterRequest(List.of(header), essentialOnly()).headers(), header)));
    }

    /**
     * Input: a ruleset with sid on accounts.example.com essential and sid anywhere else analytics (and the same
     * shape for a path-scoped rule: pref under /account essential, pref elsewhere analytics); Set-Cookie fields
     * whose last Domain (or Path) attribute is over 1024 characters long and inside the essential rule's scope:
     * "sid=1; Domain=example.com; Domain=a.a.(...).accounts.example.com" and
     * "pref=1; Path=/; Path=/account/xxx(...)", under essential consent only.
     *
     * <p>What happens: SetCookieField.domain() / path() take the last attribute whatever its length, find it inside
     * the essential rule's scope, and the field passes.
     *
     * <p>What should happen: dropped. RFC 6265bis section 5.6 (the cookie-av loop): "If the attribute-value is longer
     * than 1024 octets, ignore the cookie-av string". Chromium does this in ParsedCookie (the pair is not kept when
     * !CookieAttributeValueHasValidSize, kMaxCookieAttributeValueSize = 1024; its unit test pc21 shows a too long
     * path gives HasPath() == false), so SetupAttributes finds the earlier Domain=example.com / Path=/ as the last
     * one. The browser stores sid on .example.com and pref on Path=/, the cookies this ruleset classes as analytics.
     */
    @Test
    void aDomainOrPathOver1024OctetsIsNotTheScopeTheBrowserStores() {
        CookiePolicy policy = new CookiePolicy(Fixtures.classifier(List.of(
                scoped("sid", Optional.of("accounts.example.com"), Optional.empty(), "essential"),
                rule("sid", "analytics"),
                scoped("pref", Optional.empty(), Optional.of("/account"), "essential"),
                rule("pref", "analytics"))), CLOCK);
        String longDomain = "a.".repeat(520) + "accounts.example.com";
        String longPath = "/account/" + "x".repeat(1100);
        assertAll(
                () -> assertTrue(policy.enforceSetCookie("sid=1; Domain=example.com; Domain=" + longDomain,
                                essentialOnly()).isEmpty(),
                        "sid=1; Domain=example.com; Domain=<1060 chars>.accounts.example.com passes; Chrome ignores"
                                + " the long Domain and stores sid on example.com (analytics)"),
                () -> assertTrue(policy.enforceSetCookie("sid=1; Domain=" + longDomain, essentialOnly()).isEmpty(),
                        "sid=1; Domain=<1060 chars>.accounts.example.com passes; Chrome ignores the long Domain and"
                                + " stores sid host-only (analytics)"),
                () -> assertTrue(policy.enforceSetCookie("pref=1; Path=/; Path=" + longPath, essentialOnly())
                                .isEmpty(),
                        "pref=1; Path=/; Path=/account/<1100 chars> passes; Chrome ignores the long Path and stores"
                                + " pref on Path=/ (analytics)"));
    }

    /**
     * Input: a ruleset that declares sid on example.com as functionality and sid anywhere else as analytics (and
     * pref under /account essential, pref elsewhere analytics); a request to www.example.com carrying sid and pref
     * with only functionality granted, so both are removed (the request cookie's scope is unknown, the analytics
     * rule may be the one that applies).
     *
     * <p>What happens: CookiePolicy.deletions takes classifier.ruleFor(name), the first rule, and writes one deletion
     * in that rule's scope only: "sid=; ...; Path=/; Domain=example.com" and "pref=; ...; Path=/account". Since that
     * rule declares a domain (or a path), no host-only / parent-domain / Path=/ deletion follows.
     *
     * <p>What should happen: the cookie that was removed because it may be the analytics one is exactly the one held
     * host-only on www.example.com (or on Path=/); a browser only replaces a cookie of the same name, domain and path
     * (RFC 6265bis 5.7, step 23), so it survives the withdrawal. Every scope the removal accounted for (each rule
     * that may decide, and the host and its parents when one of them declares no domain, Path=/ when one declares
     * no path) must get a deletion.
     */
    @Test
    void withdrawalReachesEveryScopeTheRemovalAccountedFor() {
        CookiePolicy policy = new CookiePolicy(Fixtures.classifier(List.of(
                scoped("sid", Optional.of("example.com"), Optional.empty(), "functionality"),
                rule("sid", "analytics"),
                scoped("pref", Optional.empty(), Optional.of("/account"), "essential"),
                rule("pref", "analytics"))), CLOCK);
        CookiePolicy.RequestFilter filtered = policy.filterRequest(List.of("sid=1; pref=2"), consent("functionality"));
        assertEquals(List.of("sid", "pref"), filtered.removed().stream().map(RequestCookie::name).toList());
        List<String> deletions = policy.deletions(filtered.removed(), Set.of(), Optional.of("www.example.com"));
        assertAll(
                () -> assertTrue(deletions.stream().anyMatch(d -> d.startsWith("sid=;") && !d.contains("Domain=")
                                || d.startsWith("sid=;") && d.endsWith("Domain=www.example.com")),
                        () -> "no deletion reaches a host-only sid on www.example.com: " + deletions),
                () -> assertTrue(deletions.stream().anyMatch(d -> d.startsWith("pref=;") && d.contains("Path=/;")
                                || d.startsWith("pref=;") && d.endsWith("Path=/")),
                        () -> "no deletion reaches pref on Path=/: " + deletions));
    }

    /**
     * Input: the ruleset sid on accounts.example.com essential, sid elsewhere analytics; a request to
     * accounts.example.com carrying sid (removed under essential consent: its scope is unknown) whose response sets
     * "sid=new; Path=/; Domain=accounts.example.com" (kept: essential by its Domain).
     *
     * <p>What happens: CookiePolicy.deletions skips every removed name that namesSetByResponse contains, whatever the
     * scope of the field that set it; no deletion for sid is written.
     *
     * <p>What should happen: the field the response sets replaces only the sid on .accounts.example.com, Path=/ (RFC
     * 6265bis 5.7 step 23: same name, domain and path). The sid the request carried may be another one (on
     * example.com, or host-only, which the policy classes analytics): that is why it was removed. It must still be
     * deleted in the scopes the kept field does not overwrite.
     */
    @Test
    void aFieldSettingTheSameNameOnAnotherScopeDoesNotCancelTheWithdrawal() {
        CookiePolicy policy = new CookiePolicy(Fixtures.classifier(List.of(
                scoped("sid", Optional.of("accounts.example.com"), Optional.empty(), "essential"),
                rule("sid", "analytics"))), CLOCK);
        CookiePolicy.RequestFilter filtered = policy.filterRequest(List.of("sid=old"), essentialOnly());
        assertEquals(1, filtered.removed().size());
        List<String> out = policy.enforceResponse(List.of("sid=new; Path=/; Domain=accounts.example.com"),
                filtered.removed(), essentialOnly(), Optional.of("accounts.example.com"));
        assertTrue(out.stream().anyMatch(f -> f.startsWith("sid=;") && f.contains("Max-Age=0")),
                () -> "no deletion for the removed sid: " + out);
    }

    /**
     * Input: through the running gateway (default ruleset), "GET /shop/cart" with "Cookie: _ga=GA1.1.1.1;
     * JSESSIONID=abc" and no consent. The browser sent _ga on this request, so it holds a _ga whose path
     * path-matches /shop/cart: "/", "/shop" or "/shop/cart". A cookie set without a Path attribute by a response to
     * /shop/... or by a script on a page there has the default-path "/shop" (RFC 6265bis 5.1.4).
     *
     * <p>What happens: _ga is removed from the request (good), and the withdrawal deletions all carry Path=/
     * (the rule's path or "/" then); CookieEnforcer.onRequest never looked at the request path.
     *
     * <p>What should happen: a deletion that reaches a _ga stored on Path=/shop (and /shop/cart). A deletion with
     * Path=/ does not replace it (RFC 6265bis 5.7 step 23 keys cookies by name, domain and path), so the visitor who
     * refused analytics keeps sending _ga on every /shop page; the gateway keeps stripping it upstream, but the
     * tracker's own script still reads it in the browser.
     */
    @Test
    void withdrawalReachesACookieStoredOnTheRequestsDirectoryPath() throws Exception {
        String response = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(response));
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            client.send("GET /shop/cart HTTP/1.1\r\nHost: www.example.com\r\n"
                    + "Cookie: _ga=GA1.1.1.1; JSESSIONID=abc\r\nConnection: close\r\n\r\n");
            RawClient.Response answer = client.read();
            assertEquals(List.of("JSESSIONID=abc"), upstream.take().headers("cookie"));
            List<String> deletions = answer.headers("set-cookie").stream().filter(v -> v.startsWith("_ga=;"))
                    .collect(Collectors.toList());
            assertTrue(!deletions.isEmpty(), () -> "no deletion of _ga at all: " + answer.head());
            assertTrue(deletions.stream().anyMatch(d -> d.contains("Path=/shop")),
                    () -> "deletions of _ga: " + deletions);
        }
    }

    /**
     * Input: a ruleset that treats undeclared cookies as functionality (README: undeclared_cookies.category) and
     * declares _ga as analytics; request "Cookie: _GA=GA1.2.3" with functionality granted, analytics not.
     *
     * <p>What happens: names are matched case-sensitively (CookieClassifier), so _GA is undeclared, functionality,
     * and passes upstream.
     *
     * <p>What should happen: removed. Browsers keep names case-sensitively, but ASP.NET Core's request cookie
     * collection (RequestCookieCollection, a dictionary built with StringComparer.OrdinalIgnoreCase, as was
     * ASP.NET's HttpCookieCollection) answers Request.Cookies["_ga"] with the _GA cookie. "The upstream never sees a
     * non-consented cookie" (README) then fails for such an upstream. The fail-closed reading is to let a name pass
     * only when every declared rule a case-insensitive reader could match (here _ga, analytics) allows it too.
     */
    @Test
    void anUndeclaredNameThatACaseInsensitiveServerReadsAsADeclaredOneIsJudgedAsThatOne() {
        CookiePolicy policy = new CookiePolicy(new CookieClassifier(List.of(
                rule("_ga", "analytics", Duration.ofDays(730))),
                new UndeclaredCookies(Optional.of("functionality"), false), CATEGORIES), CLOCK);
        assertEquals(List.of(), policy.filterRequest(List.of("_GA=GA1.2.3"), consent("functionality")).headers());
    }
}
