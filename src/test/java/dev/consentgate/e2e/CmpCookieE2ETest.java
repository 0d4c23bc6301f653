package dev.consentgate.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario 4 of issue 6: the visitor answered the site's own consent tool (OneTrust or Cookiebot), which left its
 * cookie in the jar granting analytics but not advertising; the gateway honours it with the same outcome as
 * scenario 2. The values have the shape those tools write. Needs the CMP readers of issue 4 (read by the default
 * ruleset) and the tag removal of issue 3.
 */
@ExtendWith(BrowserLab.class)
class CmpCookieE2ETest {

    @RegisterExtension
    static final DemoThroughGateway demo = DemoThroughGateway.withDefaultRuleset();

    static Stream<Arguments> consentToolCookies() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        // OneTrust: a URL-encoded query string; groups C0001 necessary, C0002 performance (analytics),
        // C0003 functional, C0004 targeting, C0005 social media.
        String datestamp = now.format(DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT+0000'",
                Locale.ENGLISH)) + " (Coordinated Universal Time)";
        String optanon = "isGpcEnabled=0&datestamp=" + URLEncoder.encode(datestamp, StandardCharsets.UTF_8)
                + "&version=202409.1.0&browserGpcFlag=0&isIABGlobal=false&hosts=&consentId="
                + "3d6f9c2e-4b1a-4f0e-9a57-1c2b3d4e5f60&interactionCount=1&isAnonUser=1&landingPath=NotLandingPage"
                + "&groups=" + URLEncoder.encode("C0001:1,C0002:1,C0003:0,C0004:0,C0005:0", StandardCharsets.UTF_8)
                + "&AwaitingReconsent=false";
        String alertClosed = URLEncoder.encode(now.format(DateTimeFormatter.ISO_INSTANT), StandardCharsets.UTF_8);
        // Cookiebot: a URL-encoded JavaScript object literal (single quotes, unquoted keys).
        String cookiebot = URLEncoder.encode("{stamp:'qfLx2mVX0jS7pQ1Yc4ZbWg5tK8uR3eHn',necessary:true,"
                + "preferences:false,statistics:true,marketing:false,method:'explicit',ver:1,utc:"
                + now.toInstant().toEpochMilli() + ",region:'de'}", StandardCharsets.UTF_8)
                .replace("+", "%20");
        return Stream.of(
                Arguments.of("onetrust", Map.of("OptanonConsent", optanon, "OptanonAlertBoxClosed", alertClosed)),
                Arguments.of("cookiebot", Map.of("CookieConsent", cookiebot)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consentToolCookies")
    void theConsentToolsCookieGrantsAnalyticsButNotAdvertising(String tool, Map<String, String> cookies,
                                                                 BrowserLab.Lab lab) {
        CookieVerdicts verdicts = new CookieVerdicts(demo.ruleset());
        try (Tab tab = lab.newTab()) {
            cookies.forEach((name, value) -> tab.setCookie(demo.origin(), name, value));
            tab.navigate(demo.home());
            Evidence.save("cmp-" + tool + "-analytics", tab, cookies.entrySet().stream()
                    .map(e -> "set before loading: " + e.getKey() + "=" + e.getValue()).toList());

            DemoPage.assertAnalyticsGrantedAdvertisingNot(tab, verdicts);
        }
    }
}
