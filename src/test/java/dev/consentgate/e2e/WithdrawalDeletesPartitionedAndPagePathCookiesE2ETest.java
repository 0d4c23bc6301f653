package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
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

    private static final PagesBehindGateway.Page PAGE = PagesBehindGateway.Page.ok("Content-Type: text/html\r\n"
            + "Set-Cookie: _ga=GA1.1.1.1; Path=/shop/\r\n"
            + "Set-Cookie: _gid=GA1.2.2.2; Path=/shop/cart\r\n"
            + "Set-Cookie: _fbp=fb.1.2.3; Path=/; Secure; Partitioned\r\n",
            "<!doctype html><title>cart</title><p>cart".getBytes(StandardCharsets.US_ASCII));

    /**
     * Before (found by a review): after the withdrawal all three stayed in the jar: the gateway's deletions went to
     * Path=/ and Path=/shop only, all unpartitioned, and Chromium replaces only a cookie of the same path and
     * partition.
     */
    @Test
    void withdrawalEmptiesTheJarOfPagePathAndPartitionedCookies(BrowserLab.Lab lab) throws Exception {
        try (PagesBehindGateway site = PagesBehindGateway.start(target -> PAGE);
             Tab tab = lab.newTab()) {
            tab.disableJavaScript();
            site.consent(tab, "analytics+advertising");
            tab.navigate(site.gatewayOrigin() + "/shop/cart");
            assertEquals(Set.of("_ga /shop/", "_gid /shop/cart", "_fbp /"), trackers(tab),
                    "precondition: the granted cookies are in the jar");

            site.consent(tab, "");
            tab.navigate(site.gatewayOrigin() + "/shop/cart");
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
