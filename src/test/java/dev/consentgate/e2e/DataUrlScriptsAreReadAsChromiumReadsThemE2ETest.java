package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A script whose src is a data: URL carrying code that makes an image on www.facebook.com, written with bytes that
 * spell an ASCII letter of the host only in the encoding Chromium reads them in: the script element's charset (one
 * naming no encoding is windows-1252), windows-1252 for a data: URL without a type, UTF-8 for a module, the URL's own
 * UTF-16 or ISO-2022-JP; or base64 followed by a fragment, or behind a scheme split by a line break (which
 * Chromium takes out there). Each page is first loaded straight from the upstream,
 * which shows Chromium asking the tracker, then through the gateway without consent, where it asks no tracker at all.
 */
@ExtendWith(BrowserLab.class)
class DataUrlScriptsAreReadAsChromiumReadsThemE2ETest {

    private static final List<String> TRACKERS = List.of(StandInTrackers.FACEBOOK);

    /** windows-1252's 'ª' (0xAA), an 'a' in a host. */
    private static final String CODE_1252 = "new%20Image().src%3D%27https://www.f%AAcebook.com/tr?id=";
    /** Shift_JIS's fullwidth 'ａ' (0x82 0x81). */
    private static final String CODE_SJIS = "new%20Image().src%3D%27https://www.f%82%81cebook.com/tr?id=";
    /** UTF-8's fullwidth 'ａ' (0xEF 0xBD 0x81). */
    private static final String CODE_UTF8 = "new%20Image().src%3D%27https://www.f%EF%BD%81cebook.com/tr?id=";

    /** Each page by its path: its body (in a page whose meta says UTF-8, unless the body starts with its own). */
    private static final Map<String, String> PAGES = Map.of(
            "/attribute-1252", "<script charset=\"windows-1252\" src=\"data:text/javascript," + CODE_1252 + "Q70%27\">"
                    + "</script>",
            "/attribute-sjis", "<script charset=\"shift_jis\" src=\"data:text/javascript," + CODE_SJIS + "Q71%27\">"
                    + "</script>",
            "/no-type", "<script src=\"data:," + CODE_1252 + "Q72%27\"></script>",
            "/attribute-bogus", "<script charset=\"bogus\" src=\"data:text/javascript," + CODE_1252 + "Q73%27\">"
                    + "</script>",
            "/url-bogus-attribute", "<script charset=\"windows-1252\" src=\"data:text/javascript;charset=bogus,"
                    + CODE_1252 + "Q74%27\"></script>",
            "/module-utf-8", "<meta charset=\"shift_jis\"><script type=\"module\" src=\"data:text/javascript,"
                    + CODE_UTF8 + "Q75%27\"></script>",
            "/utf-16", "<script src=\"data:text/javascript;charset=utf-16le," + utf16("new Image().src='https://www."
                    + "facebook.com/tr?id=Q76'") + "\"></script>",
            "/iso-2022-jp", "<script src=\"data:text/javascript;charset=iso-2022-jp,new%20Image().src%3D%27https://"
                    + "www.f%1B$B%23a%1B(Bcebook.com/tr?id=Q77%27\"></script>",
            "/base64-fragment", "<script src=\"data:text/javascript;base64," + Base64.getEncoder().encodeToString(
                    "new Image().src='https://www.facebook.com/tr?id=Q78'".getBytes(StandardCharsets.US_ASCII))
                    + "#top\"></script>",
            "/scheme-line-break", "<script src=\"da\nta:text/javascript;base64," + Base64.getEncoder()
                    .encodeToString("new Image().src='https://www.facebook.com/tr?id=Q79'".getBytes(
                            StandardCharsets.US_ASCII)) + "\"></script>");

    /** {@code code} in UTF-16LE, percent-encoded. */
    private static String utf16(String code) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : code.getBytes(StandardCharsets.UTF_16LE)) {
            encoded.append('%').append(String.format("%02X", b & 0xff));
        }
        return encoded.toString();
    }

    @AutoClose
    private static PagesBehindGateway site;

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.start(path -> {
            String content = PAGES.get(path);
            if (content == null) {
                return null;
            }
            int metaEnd = content.startsWith("<meta") ? content.indexOf('>') + 1 : 0;
            String meta = metaEnd > 0 ? content.substring(0, metaEnd) : "<meta charset=\"utf-8\">";
            byte[] body = ("<!DOCTYPE html><html><head>" + meta + "<title>data</title></head><body>"
                    + content.substring(metaEnd) + "</body></html>").getBytes(StandardCharsets.US_ASCII);
            return PagesBehindGateway.Page.ok("Content-Type: text/html\r\n", body);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/attribute-1252", "/attribute-sjis", "/no-type", "/attribute-bogus",
        "/url-bogus-attribute", "/module-utf-8", "/utf-16", "/iso-2022-jp", "/base64-fragment", "/scheme-line-break"})
    void theTrackerLoadsStraightFromTheUpstreamAndNotThroughTheGateway(String path, BrowserLab.Lab lab) {
        // Before (found by a review): through the gateway Chromium 150 requested www.facebook.com/tr as it did
        // straight from the upstream: the gateway read the code in the page's encoding (UTF-8, or Shift_JIS for the
        // module), or read UTF-16's and ISO-2022-JP's bytes as ASCII; base64 followed by a fragment was broken base64
        // to it, and "da\nta:" no data: URL
        String name = "data-script" + path.replace('/', '-');
        List<NetworkLog.Request> direct = StandInTrackers.requestsWhileLoading(lab, site.upstreamOrigin() + path,
                TRACKERS, name + "-direct");
        assertFalse(direct.isEmpty(), path + ": straight from the upstream, Chromium asks the tracker");
        List<NetworkLog.Request> through = StandInTrackers.requestsWhileLoading(lab, site.gatewayOrigin() + path,
                TRACKERS, name + "-gateway");
        assertEquals(List.of(), through, path + ": through the gateway, requests to tracker hosts");
    }
}
