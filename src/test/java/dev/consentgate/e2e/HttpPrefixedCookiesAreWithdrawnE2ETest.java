package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Withdrawal in Chromium's jar, JavaScript off, of cookies named with the {@code __Http-} and {@code __Host-Http-}
 * prefixes, which Chromium takes (a deletion too) only when Secure and HttpOnly.
 */
@ExtendWith(BrowserLab.class)
class HttpPrefixedCookiesAreWithdrawnE2ETest {

    private static final PagesBehindGateway.Page PAGE = PagesBehindGateway.Page.ok("Content-Type: text/html\r\n"
            + "Set-Cookie: __Http-trk=1; Secure; HttpOnly; Path=/\r\n"
            + "Set-Cookie: __Host-Http-trk=2; Secure; HttpOnly; Path=/\r\n",
            "<!doctype html><title>p</title><p>p".getBytes(StandardCharsets.US_ASCII));

    /**
     * Before (found by a review): with every category granted the two undeclared cookies landed; after consent was
     * reduced to essential, the gateway's deletions lacked HttpOnly (and Secure for __Http-), Chromium refused them,
     * and both cookies stayed in the jar.
     */
    @Test
    void withdrawalDeletesHttpPrefixedCookies(BrowserLab.Lab lab) throws Exception {
        try (PagesBehindGateway site = PagesBehindGateway.start(target -> PAGE);
             Tab tab = lab.newTab()) {
            tab.disableJavaScript();
            site.consent(tab, "functionality+analytics+advertising");
            tab.navigate(site.gatewayOrigin() + "/");
            assertEquals(Set.of("__Http-trk", "__Host-Http-trk"), names(tab), "precondition: both cookies landed");

            site.consent(tab, "");
            tab.navigate(site.gatewayOrigin() + "/");
            Evidence.save("withdrawal-http-prefixed", tab);

            assertEquals(Set.of(), names(tab), "cookies left after withdrawal");
        }
    }

    private static Set<String> names(Tab tab) {
        return tab.cookies().stream().map(Tab.Cookie::name).filter(n -> !n.equals("cg_consent"))
                .collect(Collectors.toSet());
    }
}
