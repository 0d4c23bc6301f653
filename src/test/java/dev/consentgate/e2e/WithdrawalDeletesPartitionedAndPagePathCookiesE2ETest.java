package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.config.Ruleset;
import dev.consentgate.testing.TestUpstream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Withdrawal in Chromium's own jar, JavaScript off, for cookies kept where the deletions did not look before: on a
 * directory path with its '/', on the page's own path, and in the site's partition (CHIPS). The upstream sets them
 * on every load of /shop/cart; after consent is reduced to essential, the next load must leave none of them.
 */
@ExtendWith(BrowserLab.class)
class WithdrawalDeletesPartitionedAndPagePathCookiesE2ETest {

    private static final String PAGE = "<!doctype html><title>cart</title><p>cart";
    private static final String RESPONSE = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            + "Set-Cookie: _ga=GA1.1.1.1; Path=/shop/\r\n"
            + "Set-Cookie: _gid=GA1.2.2.2; Path=/shop/cart\r\n"
            + "Set-Cookie: _fbp=fb.1.2.3; Path=/; Secure; Partitioned\r\n"
            + "Content-Length: " + PAGE.length() + "\r\n\r\n" + PAGE;

    /**
     * Before (found by a review): after the withdrawal all three stayed in the jar: the gateway's deletions went to
     * Path=/ and Path=/shop only, all unpartitioned, and Chromium replaces only a cookie of the same path and
     * partition.
     */
    @Test
    void withdrawalEmptiesTheJarOfPagePathAndPartitionedCookies(BrowserLab.Lab lab) throws Exception {
        Ruleset ruleset = GatewayInFront.defaultRuleset();
        String revision = ruleset.consent().revision();
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(RESPONSE));
             GatewayInFront gateway = GatewayInFront.start(ruleset, upstream.uri());
             Tab tab = lab.newTab()) {
            tab.disableJavaScript();
            tab.setCookie(gateway.origin(), "cg_consent", revision + ":analytics+advertising");
            tab.navigate(gateway.origin() + "/shop/cart");
            assertEquals(Set.of("_ga /shop/", "_gid /shop/cart", "_fbp /"), trackers(tab),
                    "precondition: the granted cookies are in the jar");

            tab.setCookie(gateway.origin(), "cg_consent", revision + ":");
            tab.navigate(gateway.origin() + "/shop/cart");
            Evidence.save("withdrawal-partitioned-and-page-path", tab);

            assertEquals(Set.of(), trackers(tab), "cookies left after withdrawal");
        }
    }

    private static Set<String> trackers(Tab tab) {
        List<Tab.Cookie> jar = tab.cookies();
        return jar.stream().filter(c -> !c.name().equals("cg_consent")).map(c -> c.name() + " " + c.path())
                .collect(Collectors.toSet());
    }
}
