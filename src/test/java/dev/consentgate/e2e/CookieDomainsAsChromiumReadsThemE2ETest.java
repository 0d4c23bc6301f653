package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.config.CookieRule;
import dev.consentgate.config.NamePattern;
import dev.consentgate.config.Ruleset;
import dev.consentgate.testing.TestUpstream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Set-Cookie Domain values as Chromium reads them, through the gateway, in Chromium's own jar (JavaScript off). These
 * pages need host names, so this class starts a Chromium of its own that sends every name to 127.0.0.1 (the shared
 * one resolves only the stand-in trackers' names).
 */
@ExtendWith(BrowserLab.class)
class CookieDomainsAsChromiumReadsThemE2ETest {

    /**
     * Before (found by a review): under essential consent uid_fullwidth and uid_softhyphen landed in the jar on
     * .ads.example.com, the domain the ruleset gives to advertising: the gateway read "ads\uFF0Eexample.com" and
     * "ad\u00ADs.example.com" as written, outside ads.example.com, and let the essential rule decide. They stayed
     * there, readable by the page's scripts, until the next request to the site carried them and its deletions (on
     * the domains written plainly) removed them.
     */
    @Test
    void aDomainWrittenInOtherCodePointsLandsNoCookieOfTheDomainsCategory() throws Exception {
        Ruleset base = GatewayInFront.defaultRuleset();
        NamePattern uid = new NamePattern(NamePattern.Kind.PREFIX, "uid_");
        List<CookieRule> rules = new ArrayList<>(List.of(
                new CookieRule(uid, Optional.of("ads.example.com"), Optional.empty(), "advertising", Optional.empty(),
                        "", "", "e2e"),
                new CookieRule(uid, Optional.empty(), Optional.empty(), "essential", Optional.empty(), "", "", "e2e")));
        rules.addAll(base.cookieRules());
        Ruleset ruleset = new Ruleset(base.source(), base.listeners(), base.routes(), base.limits(),
                base.categories(), rules, base.undeclared(), base.consent(), base.tagRules(), base.html(),
                base.tagLists(), base.fingerprint());
        String response = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                + octets("Set-Cookie: uid_fullwidth=1; Path=/; Domain=ads\uFF0Eexample.com\r\n")
                + octets("Set-Cookie: uid_softhyphen=1; Path=/; Domain=ad\u00ADs.example.com\r\n")
                + "Set-Cookie: uid_site=1; Path=/; Domain=example.com\r\n"
                + "Content-Length: " + PAGE.length() + "\r\n\r\n" + PAGE;
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(response));
             GatewayInFront gateway = GatewayInFront.start(ruleset, upstream.uri());
             Chromium chromium = Chromium.launch("MAP * 127.0.0.1");
             Tab tab = chromium.newTab()) {
            tab.disableJavaScript();
            String origin = "http://ads.example.com:" + URI.create(gateway.origin()).getPort();
            tab.setCookie(origin, "cg_consent", ruleset.consent().revision() + ":");
            tab.navigate(origin + "/");
            Evidence.save("cookie-domain-in-other-code-points", tab);

            assertEquals(Set.of("uid_site .example.com"), jar(tab), "cookies in the jar under essential consent");
        }
    }

    /**
     * Before (found by a review): _ga stayed in the jar after the withdrawal, on .example.com. and on .my_shop.example:
     * from www.example.com. the deletions named Domain=example.com and Domain=www.example.com, which Chromium refuses
     * from a host written with its trailing dot (it takes only a Domain with that dot); www.my_shop.example got no
     * Domain deletions at all (its underscore was taken for a character a Domain cannot carry).
     */
    @Test
    void withdrawalOnAHostWithItsTrailingDotOrAnUnderscoreEmptiesTheJar() throws Exception {
        Ruleset ruleset = GatewayInFront.defaultRuleset();
        String revision = ruleset.consent().revision();
        try (TestUpstream upstream = TestUpstream.start((request, out, socket) -> {
                 // the parent domain of the host asked for: example.com. or my_shop.example
                 String host = request.head().replaceAll("(?s).*\r\nHost: ([^:\r]*).*", "$1");
                 String domain = host.substring(host.indexOf('.') + 1);
                 out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                         + "Set-Cookie: _ga=GA1.1.1.1; Path=/; Domain=" + domain + "\r\n"
                         + "Content-Length: " + PAGE.length() + "\r\n\r\n" + PAGE).getBytes(StandardCharsets.US_ASCII));
             });
             GatewayInFront gateway = GatewayInFront.start(ruleset, upstream.uri());
             Chromium chromium = Chromium.launch("MAP * 127.0.0.1")) {
            for (String host : List.of("www.example.com.", "www.my_shop.example")) {
                try (Tab tab = chromium.newTab()) {
                    tab.disableJavaScript();
                    String origin = "http://" + host + ":" + URI.create(gateway.origin()).getPort();
                    String domain = "." + host.substring(host.indexOf('.') + 1);
                    tab.setCookie(origin, "cg_consent", revision + ":analytics");
                    tab.navigate(origin + "/");
                    assertEquals(Set.of("_ga " + domain), jar(tab), "precondition: the granted _ga is in the jar");

                    tab.setCookie(origin, "cg_consent", revision + ":");
                    tab.navigate(origin + "/");
                    Evidence.save("withdrawal-on-" + host.replace('.', '-'), tab);

                    assertEquals(Set.of(), jar(tab), "cookies left after withdrawal on " + host);
                }
            }
        }
    }

    /** No favicon request: its removal of the cookies from the request, and their deletions, would hide the jar. */
    private static final String PAGE = "<!doctype html><title>domains</title><link rel=icon href=\"data:,\"><p>domains";

    /** Header text as the upstream sends it: the UTF-8 octets of {@code text}, one char each. */
    private static String octets(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static Set<String> jar(Tab tab) {
        return tab.cookies().stream().filter(c -> !c.name().equals("cg_consent"))
                .map(c -> c.name() + " " + c.domain()).collect(Collectors.toSet());
    }
}
