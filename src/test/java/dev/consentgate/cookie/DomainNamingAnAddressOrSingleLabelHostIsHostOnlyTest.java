package dev.consentgate.cookie;

import static dev.consentgate.cookie.Fixtures.CLOCK;
import static dev.consentgate.cookie.Fixtures.essentialOnly;
import static dev.consentgate.cookie.Fixtures.rule;
import static dev.consentgate.cookie.Fixtures.scoped;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * From a host with no registrable domain (an IP address, a single label such as localhost), Chromium takes a Domain
 * naming the host itself and stores the cookie host-only, where a field without Domain puts it. Checked in Chromium
 * 150 (the jar read over DevTools): "Domain=127.0.0.1", "Domain=.127.0.0.1" and "Domain=127.0.0.1" in capitals from
 * 127.0.0.1, and the same from localhost and intranet, were each stored host-only; "a=; Max-Age=0; Path=/; Domain=" +
 * the host deleted a host-only cookie there, and "a=; Max-Age=0; Path=/" one set with the Domain.
 * {@code HostOnlyCookieOnAnAddressKeepsItsGrantE2ETest} shows it through the gateway.
 */
class DomainNamingAnAddressOrSingleLabelHostIsHostOnlyTest {

    private static final String GONE = "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";

    /**
     * cart on /shop is essential (the site's basket); cart anywhere else analytics. A request's cart, of unknown
     * path, is refused under essential consent; a Set-Cookie of cart on /shop passes.
     */
    private static final CookiePolicy CART = new CookiePolicy(Fixtures.classifier(List.of(
            scoped("cart", Optional.empty(), Optional.of("/shop"), "essential"),
            rule("cart", "analytics"))), CLOCK);

    private static List<String> deletions(String keptField, String host) {
        CookiePolicy.RequestFilter filtered = CART.filterRequest(List.of("cart=1"), essentialOnly());
        assertEquals(Optional.of(keptField), CART.enforceSetCookie(keptField, essentialOnly()),
                "precondition: the field on /shop passes");
        return CART.deletions(filtered.removed(), List.of(keptField), Optional.of(host), Optional.of("/shop/cart"));
    }

    /**
     * Input: "GET /shop/cart" to 127.0.0.1:8080 (localhost, an intranet name) with "Cookie: cart=1" under essential
     * consent, answered by "Set-Cookie: cart=2; Path=/shop; Domain=" + the host, which the /shop rule lets through.
     *
     * <p>Before (found by a review): the gateway took the field for one on the domain ".127.0.0.1" and added the
     * host-only deletion "cart=; Max-Age=0; ...; Path=/shop" after it; Chromium stores the field host-only, so that
     * deletion removed the essential cookie the response had just set, on every load of the page.
     */
    @Test
    void aKeptFieldWhoseDomainNamesAnAddressOrSingleLabelHostIsNotDeletedAfterIt() {
        List<String> hosts = List.of("127.0.0.1:8080", "localhost:8080", "intranet", "[::1]:8080");
        assertAll(hosts.stream().flatMap(host -> {
            String name = host.substring(0, host.endsWith(":8080") ? host.length() - 5 : host.length());
            List<String> fields = host.startsWith("[") ? List.of("cart=2; Path=/shop; Domain=" + name)
                    : List.of("cart=2; Path=/shop; Domain=" + name, "cart=2; Path=/shop; Domain=." + name.toUpperCase());
            return fields.stream().map(field -> () -> {
                        List<String> deletions = deletions(field, host);
                        assertFalse(deletions.contains("cart" + GONE + "; Path=/shop"),
                                () -> field + " from " + host + " is deleted after it: " + deletions);
                        // the cart on the page's other paths is still deleted
                        assertTrue(deletions.contains("cart" + GONE + "; Path=/"), () -> deletions.toString());
                    });
        }));
    }

    /**
     * Before (found by a review): for a rule whose domain is the IP address the gateway is reached by, the deletions
     * named it in a field of its own beside the host-only one, which Chromium reads as the same scope: the same
     * deletion twice, in the bounded budget of deletion fields.
     */
    @Test
    void aDeletionWithTheDomainOfAnAddressIsNotWrittenBesideTheHostOnlyOne() {
        CookiePolicy policy = new CookiePolicy(Fixtures.classifier(List.of(
                scoped("sid", Optional.of("127.0.0.1"), Optional.empty(), "analytics"))), CLOCK);
        List<String> deletions = policy.deletions(RequestCookies.parse(List.of("sid=1")), List.of(),
                Optional.of("127.0.0.1:8080"), Optional.of("/"));
        assertEquals(Fixtures.inBothPartitions("sid" + GONE + "; Path=/"), deletions);
    }

    /**
     * The host-only deletion still goes out where "Domain=" + the host is a domain of its own to Chromium
     * (www.example.com: the field lands on ".www.example.com", beside a host-only cart it does not replace).
     */
    @Test
    void onANamedHostTheDomainOfTheHostIsNotTheHostOnlyScope() {
        List<String> deletions = deletions("cart=2; Path=/shop; Domain=www.example.com", "www.example.com");
        assertTrue(deletions.contains("cart" + GONE + "; Path=/shop"), deletions.toString());
        assertFalse(deletions.contains("cart" + GONE + "; Path=/shop; Domain=www.example.com"),
                deletions.toString());
    }
}
