package dev.consentgate.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.config.Category;
import dev.consentgate.config.CookieRule;
import dev.consentgate.config.NamePattern;
import dev.consentgate.config.UndeclaredCookies;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Withdrawal reaches cookies a tracker set on the registrable domain, not only host-only ones. */
class DomainDeletionTest {

    private static final String GONE = "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/";

    private static CookiePolicy policy() {
        Map<String, Category> categories = new LinkedHashMap<>();
        categories.put("essential", new Category("essential", "", true, false));
        categories.put("analytics", new Category("analytics", "", false, false));
        List<CookieRule> rules = List.of(
                new CookieRule(NamePattern.exact("_ga"), Optional.empty(), Optional.empty(), "analytics",
                        Optional.empty(), "", "", "t"),
                new CookieRule(NamePattern.exact("_gid"), Optional.of(".example.com"), Optional.empty(), "analytics",
                        Optional.empty(), "", "", "t"));
        return new CookiePolicy(new CookieClassifier(rules, UndeclaredCookies.defaults(), categories),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private static List<String> delete(String cookie, String host) {
        return policy().deletions(RequestCookies.parse(List.of(cookie)), Set.of(), Optional.of(host));
    }

    @Test
    void undeclaredDomainIsDeletedForTheHostAndEveryParentDomain() {
        assertEquals(Fixtures.inBothPartitions("_ga=" + GONE, "_ga=" + GONE + "; Domain=www.shop.example.com",
                "_ga=" + GONE + "; Domain=shop.example.com", "_ga=" + GONE + "; Domain=example.com"),
                delete("_ga=1", "www.shop.example.com:8443"));
    }

    @Test
    void theDeclaredDomainHostOnlyAndTheParentsAreAllCleared() {
        // a browser replaces only the cookie of the same domain: the declared one is where the rule says it lives,
        // but a script may have set it host-only or on another parent
        assertEquals(Fixtures.inBothPartitions("_gid=" + GONE, "_gid=" + GONE + "; Domain=example.com",
                "_gid=" + GONE + "; Domain=www.example.com"), delete("_gid=1", "www.example.com"));
    }

    @Test
    void hostPrefixedCookiesAndIpHostsGetTheHostOnlyDeletion() {
        assertEquals(Fixtures.inBothPartitions(
                        "__Host-x=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure"),
                delete("__Host-x=1", "www.example.com"));
        assertEquals(Fixtures.inBothPartitions("_ga=" + GONE), delete("_ga=1", "127.0.0.1:8080"));
        assertEquals(Fixtures.inBothPartitions("_ga=" + GONE), delete("_ga=1", "localhost"));
    }
}
