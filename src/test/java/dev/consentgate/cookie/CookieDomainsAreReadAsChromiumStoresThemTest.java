package dev.consentgate.cookie;

import static dev.consentgate.cookie.Fixtures.CLOCK;
import static dev.consentgate.cookie.Fixtures.DAYS_30;
import static dev.consentgate.cookie.Fixtures.essentialOnly;
import static dev.consentgate.cookie.Fixtures.everything;
import static dev.consentgate.cookie.Fixtures.rule;
import static dev.consentgate.cookie.Fixtures.scoped;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.CookieRule;
import dev.consentgate.config.NamePattern;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A Set-Cookie's Domain is the domain Chromium stores the cookie on, not the text as written. Chromium 150
 * (cookie_util::GetCookieDomainWithString) canonicalizes the value as a URL host: IDNA maps a fullwidth dot, fullwidth
 * letters, a soft hyphen or a zero-width space to ASCII or nothing; a Domain with a trailing dot is kept, as
 * ".example.com.", when the page's host has one too, and is taken only with that dot from such a host. Checked in
 * Chromium 150 with a raw upstream (the jar read over DevTools): "Domain=ads\uFF0Eexample.com",
 * "Domain=\uFF21\uFF24\uFF33.example.com", "Domain=ad\u00ADs.example.com" and "Domain=ads.example.com\u200B"
 * (UTF-8) from www.ads.example.com were each stored on .ads.example.com; "Domain=example.com." from
 * www.ads.example.com. on .example.com.; "Domain=example.com" from www.ads.example.com. was refused.
 * {@code CookieDomainsAsChromiumReadsThemE2ETest} shows the same through the gateway.
 */
class CookieDomainsAreReadAsChromiumStoresThemTest {

    /** uid on ads.example.com is advertising; uid anywhere else essential. */
    private static final CookiePolicy ADS_UID = new CookiePolicy(Fixtures.classifier(List.of(
            scoped("uid", Optional.of("ads.example.com"), Optional.empty(), "advertising"),
            rule("uid", "essential"))), CLOCK);

    /** Header bytes as the gateway holds them: the UTF-8 of {@code text}, one char per octet. */
    private static String octets(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /**
     * Before (found by a review): each passed under essential consent: the gateway compared the Domain as written
     * ("adsï¼\u008eexample.com"), found it outside ads.example.com, and let the essential rule decide; Chromium
     * stores every one of them on .ads.example.com, the advertising cookie.
     */
    @Test
    void aDomainChromiumMapsByIdnaIsNotTakenAsAnotherDomain() {
        List<String> fields = List.of(
                octets("uid=1; Domain=ads\uFF0Eexample.com"),
                octets("uid=1; Domain=ads\uFF0Eexample\uFF0Ecom"),
                octets("uid=1; Domain=\uFF21\uFF24\uFF33.example.com"),
                octets("uid=1; Domain=ad\u00ADs.example.com"),
                octets("uid=1; Domain=ads.example.com\u200B"),
                octets("uid=1; Domain=.ADS.example.com\u00AD"));
        assertAll(fields.stream().map(field -> () -> assertEquals(Optional.empty(),
                ADS_UID.enforceSetCookie(field, essentialOnly()), field)));
    }

    /**
     * Before (found by a review): passed under essential consent: "ads.example.com." is not ads.example.com to the
     * gateway; Chromium keeps the cookie, from www.ads.example.com., on .ads.example.com., the same hosts.
     */
    @Test
    void aDomainWithItsTrailingDotIsTheSameDomain() {
        assertEquals(Optional.empty(), ADS_UID.enforceSetCookie("uid=1; Domain=ads.example.com.", essentialOnly()));
        assertEquals(Optional.empty(), ADS_UID.enforceSetCookie("uid=1; Domain=.Ads.Example.Com.", essentialOnly()));
    }

    /** A Domain Chromium refuses or reads otherwise still never makes the narrowed rule stop deciding. */
    @Test
    void aDomainTheGatewayCannotReadLeavesTheScopeUnknown() {
        List<String> fields = List.of("uid=1; Domain=ads%2Eexample.com", "uid=1; Domain=..ads.example.com",
                "uid=1; Domain=ads..example.com", "uid=1; Domain=ads.example.com:443",
                "uid=1; Domain=\"ads.example.com\"", octets("uid=1; Domain=ads.example.com\u3002"),
                "uid=1; Domain=ads.exampl\u00e9.com");
        assertAll(fields.stream().map(field -> () -> assertEquals(Optional.empty(),
                ADS_UID.enforceSetCookie(field, essentialOnly()), field)));
        // the essential uid still passes where the Domain is plainly another one
        assertEquals(Optional.of("uid=1; Domain=www.example.com"),
                ADS_UID.enforceSetCookie("uid=1; Domain=www.example.com", essentialOnly()));
    }

    /**
     * Before (found by a review): the field passed with its Max-Age of three years: the only rule naming _ga is
     * narrowed to example.com, the gateway did not find "example.com." (or "example\uFF0Ecom") inside it, and the
     * undeclared treatment (everything granted) passed it uncapped; Chromium stores it on .example.com. (on
     * .example.com) for 400 days.
     */
    @Test
    void theRetentionOfTheRuleChromiumsDomainFallsUnderIsApplied() {
        CookiePolicy policy = new CookiePolicy(Fixtures.classifier(List.of(new CookieRule(NamePattern.exact("_ga"),
                Optional.of("example.com"), Optional.empty(), "analytics", Optional.of(DAYS_30), "", "", "t"))), CLOCK);
        assertAll(List.of("_ga=1; Domain=example.com.; Max-Age=99999999",
                        octets("_ga=1; Domain=example\uFF0Ecom; Max-Age=99999999")).stream()
                .map(field -> () -> assertEquals(Optional.of(field.replace("99999999", "2592000")),
                        policy.enforceSetCookie(field, everything()), field)));
    }

    /**
     * Before (found by a review): from www.example.com. the deletions named Domain=example.com and
     * Domain=www.example.com, which Chromium refuses from a host written with its trailing dot; the _ga it keeps there
     * on .example.com. stayed in the jar after the withdrawal.
     */
    @Test
    void withdrawalFromAHostWithItsTrailingDotNamesTheDomainsWithTheirDot() {
        List<String> deletions = Fixtures.seedPolicy().deletions(RequestCookies.parse(List.of("_ga=1")), List.of(),
                Optional.of("www.example.com.:8080"), Optional.of("/"));
        String gone = "_ga=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/";
        assertEquals(Fixtures.inBothPartitions(gone, gone + "; Domain=www.example.com.",
                gone + "; Domain=example.com."), deletions);
    }

    /**
     * Before (found by a review): a host with an underscore (www.my_shop.example, which Chromium loads and lets set
     * cookies on .my_shop.example) got no Domain deletions at all: the _ga it holds there outlived the withdrawal.
     */
    @Test
    void withdrawalReachesTheParentDomainsOfAHostWithAnUnderscore() {
        List<String> deletions = Fixtures.seedPolicy().deletions(RequestCookies.parse(List.of("_ga=1")), List.of(),
                Optional.of("www.my_shop.example"), Optional.of("/"));
        assertTrue(deletions.contains(
                        "_ga=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Domain=my_shop.example"),
                deletions.toString());
    }

    /**
     * A kept field whose Domain the gateway cannot read sets no scope it can name: the host-only deletion of a
     * withdrawn cookie of that name still goes out, rather than being left to a field Chromium stores elsewhere.
     */
    @Test
    void aKeptFieldOfUnreadableDomainCancelsNoDeletion() {
        CookiePolicy policy = new CookiePolicy(Fixtures.classifier(List.of(
                scoped("sid", Optional.of("accounts.example.com"), Optional.empty(), "essential"),
                rule("sid", "analytics"))), CLOCK);
        String kept = octets("sid=2; Domain=accounts.example.com\u00AD; Path=/");
        List<String> deletions = policy.deletions(RequestCookies.parse(List.of("sid=1")), List.of(kept),
                Optional.of("www.example.com"), Optional.of("/"));
        assertTrue(deletions.contains("sid=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"),
                deletions.toString());
    }
}
