package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.config.CookieRule;
import dev.consentgate.config.NamePattern;
import dev.consentgate.config.Ruleset;
import dev.consentgate.testing.TestUpstream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Set-Cookie whose Domain names the IP address the page came from is a host-only cookie to Chromium, and the
 * gateway's deletions must treat it so. The gateway is reached at 127.0.0.1; the ruleset makes cart essential on
 * /shop and analytics elsewhere, so that under essential consent the request's cart (of a path the gateway cannot
 * know) is withheld while the upstream's "cart=2; Path=/shop; Domain=127.0.0.1" passes.
 */
@ExtendWith(BrowserLab.class)
class HostOnlyCookieOnAnAddressKeepsItsGrantE2ETest {

    private static final String PAGE = "<!doctype html><title>cart</title><link rel=icon href=\"data:,\"><p>cart";
    private static final String RESPONSE = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            + "Set-Cookie: cart=2; Path=/shop; Domain=127.0.0.1\r\n"
            + "Content-Length: " + PAGE.length() + "\r\n\r\n" + PAGE;

    /**
     * Before (found by a review): the second load left no cart in the jar: the gateway read the field as one on the
     * domain ".127.0.0.1" and sent the host-only deletion "cart=; Max-Age=0; ...; Path=/shop" after it, which
     * Chromium applied to the cookie it had just stored host-only; the essential cookie was gone after every load
     * that carried it.
     */
    @Test
    void theEssentialCookieTheResponseSetsStaysInTheJar(BrowserLab.Lab lab) throws Exception {
        Ruleset base = GatewayInFront.defaultRuleset();
        NamePattern cart = NamePattern.exact("cart");
        List<CookieRule> rules = new ArrayList<>(List.of(
                new CookieRule(cart, Optional.empty(), Optional.of("/shop"), "essential", Optional.empty(), "", "",
                        "e2e"),
                new CookieRule(cart, Optional.empty(), Optional.empty(), "analytics", Optional.empty(), "", "", "e2e")));
        rules.addAll(base.cookieRules());
        Ruleset ruleset = new Ruleset(base.source(), base.listeners(), base.routes(), base.limits(),
                base.categories(), rules, base.undeclared(), base.consent(), base.tagRules(), base.html(),
                base.tagLists(), base.fingerprint());
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(RESPONSE));
             GatewayInFront gateway = GatewayInFront.start(ruleset, upstream.uri());
             Tab tab = lab.newTab()) {
            tab.disableJavaScript();
            tab.setCookie(gateway.origin(), "cg_consent", ruleset.consent().revision() + ":");
            tab.navigate(gateway.origin() + "/shop/cart");
            assertEquals(Set.of("cart 127.0.0.1 /shop"), jar(tab), "precondition: the first load stores cart");

            tab.navigate(gateway.origin() + "/shop/cart");
            Evidence.save("host-only-cookie-on-an-address", tab);

            assertEquals(Set.of("cart 127.0.0.1 /shop"), jar(tab), "cookies after a load that carried cart");
        }
    }

    private static Set<String> jar(Tab tab) {
        return tab.cookies().stream().filter(c -> !c.name().equals("cg_consent"))
                .map(c -> c.name() + " " + c.domain() + " " + c.path()).collect(Collectors.toSet());
    }
}
