package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.config.Ruleset;
import dev.consentgate.testing.TestUpstream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A withdrawal posted to the consent endpoint from a page under a directory, in Chromium's own jar: the page
 * /shop/cart had set _ga and _gid without a Path (Chromium keeps them on /shop, and does not send them to the
 * endpoint) and _fbp on Path=/ as well as on /shop; the visitor posts essential only from there, with return=/, as a
 * site's own consent form does.
 */
@ExtendWith(BrowserLab.class)
class WithdrawalAtTheConsentEndpointE2ETest {

    private static final String PAGE = "<!doctype html><title>shop</title><link rel=icon href=\"data:,\"><body><p>shop";
    private static final String SET = "Set-Cookie: _ga=GA1.1.1.1\r\nSet-Cookie: _gid=GA1.2.2.2\r\n"
            + "Set-Cookie: _fbp=fb.1.2.3; Path=/\r\nSet-Cookie: _fbp=fb.1.2.4; Path=/shop/\r\n";

    /**
     * Before (found by a review): _ga and _gid on /shop and _fbp on /shop/ stayed in the jar after the withdrawal:
     * the endpoint's deletions went to Path=/ only, Chromium replaces a cookie only on the same path, and the page
     * the 303 led to (/) does not carry cookies of /shop, so no later response deleted them either.
     */
    @Test
    void theCookiesOfThePageWithdrawnFromLeaveTheJar(BrowserLab.Lab lab) throws Exception {
        Ruleset ruleset = GatewayInFront.defaultRuleset();
        try (TestUpstream upstream = TestUpstream.start((request, out, socket) -> {
                 boolean cart = request.head().startsWith("GET /shop/cart ");
                 out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + (cart ? SET : "")
                         + "Content-Length: " + PAGE.length() + "\r\n\r\n" + PAGE)
                         .getBytes(StandardCharsets.US_ASCII));
             });
             GatewayInFront gateway = GatewayInFront.start(ruleset, upstream.uri());
             Tab tab = lab.newTab()) {
            tab.setCookie(gateway.origin(), "cg_consent", ruleset.consent().revision() + ":analytics+advertising");
            tab.navigate(gateway.origin() + "/shop/cart");
            assertEquals(Set.of("_ga /shop", "_gid /shop", "_fbp /", "_fbp /shop/"), trackers(tab),
                    "precondition: the granted cookies are in the jar");

            tab.evaluateAndWaitForNavigation(ConsentPost.submitting(""));
            Evidence.save("withdrawal-at-the-consent-endpoint", tab);

            assertEquals(Set.of(), trackers(tab), "cookies left after the withdrawal");
        }
    }

    private static Set<String> trackers(Tab tab) {
        return tab.cookies().stream().filter(c -> !c.name().equals("cg_consent"))
                .map(c -> c.name() + " " + c.path()).collect(Collectors.toSet());
    }
}
