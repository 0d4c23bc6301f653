package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages that declare no encoding (no byte order mark, no charset in the Content-Type, no meta), in an East Asian
 * legacy encoding with enough text for Chromium's encoding detector to recognise it, with a pixel, an inline script's
 * image and a data: script's image whose host is written in fullwidth letters: read in the encoding the detector
 * chose, those are the tracker's ASCII host (one of them a Shift_JIS character whose second byte is ASCII's). Each page is first loaded straight from the upstream, which shows
 * Chromium asking the tracker, then through the gateway without consent, where it asks no tracker at all.
 */
@ExtendWith(BrowserLab.class)
class UndeclaredPagesHostsInEveryDetectedEncodingE2ETest {

    private static final List<String> TRACKERS = List.of(StandInTrackers.FACEBOOK);

    /** Text the detector recognises, by the Java encoder that writes it. */
    private static final Map<String, String> TEXT = Map.of(
            "Shift_JIS", "これは日本語のウェブページです。私たちの会社は東京にあります。製品とサービスについての情報を"
                    + "ご覧ください。ご質問がございましたら、お気軽にお問い合わせください。",
            "EUC-JP", "これは日本語のウェブページです。私たちの会社は大阪にあります。製品とサービスについての情報を"
                    + "ご覧ください。ご質問がございましたら、お気軽にお問い合わせください。",
            "GBK", "这是一个中文网页。我们的公司位于北京。请查看有关我们产品和服务的信息。如有任何问题，请随时与我们联系。",
            "Big5", "這是一個中文網頁。我們的公司位於台北。請查看有關我們產品和服務的資訊。如有任何問題，請隨時與我們聯繫。",
            "EUC-KR", "이것은 한국어 웹 페이지입니다. 우리 회사는 서울에 있습니다. 제품과 서비스에 대한 정보를 확인하십시오."
                    + " 문의 사항이 있으시면 언제든지 연락해 주십시오.");

    @AutoClose
    private static PagesBehindGateway site;

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.start(path -> {
            String encoding = path.substring(1);
            String text = TEXT.get(encoding);
            return text == null ? null : PagesBehindGateway.Page.ok("Content-Type: text/html\r\n",
                    page(text, Charset.forName(encoding)).getBytes(Charset.forName(encoding)));
        });
    }

    /**
     * A page of that text, a pixel, an inline script's image and a data: script's image on www.ｆａｃｅｂｏｏｋ.com
     * (the data: URL's bytes percent-encoded, in the page's encoding).
     */
    private static String page(String text, Charset encoding) {
        String host = "www.\uff46\uff41\uff43\uff45\uff42\uff4f\uff4f\uff4b.com";
        StringBuilder escaped = new StringBuilder();
        for (byte b : host.getBytes(encoding)) {
            escaped.append(b < 0 ? String.format("%%%02X", b & 0xff) : String.valueOf((char) b));
        }
        return "<!DOCTYPE html><html><head><title>" + text.substring(0, 12) + "</title></head><body>"
                + ("<p>" + text + "</p>").repeat(4) + "<img src=\"https://" + host + "/tr?id=Q60\">"
                + "<script>new Image().src = \"https://" + host + "/tr?id=Q61\";</script>"
                // 'Ａ' in upper case: 0x82 0x60 in Shift_JIS, whose second byte is ASCII's "`"
                + "<script>new Image().src = \"https://www.f\uff21cebook.com/tr?id=Q63\";</script>"
                + "<script src=\"data:text/javascript,new Image().src='https://" + escaped + "/tr?id=Q62'\"></script>"
                + ("<p>" + text + "</p>").repeat(2) + "</body></html>";
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/Shift_JIS", "/EUC-JP", "/GBK", "/Big5", "/EUC-KR"})
    void theTrackerLoadsStraightFromTheUpstreamAndNotThroughTheGateway(String path, BrowserLab.Lab lab) {
        // Before (found by a review): through the gateway Chromium 150 requested www.facebook.com/tr (Q60, Q61, Q62)
        // as it did straight from the upstream: the gateway read the page's bytes as UTF-8 or windows-1252, where
        // the fullwidth letters are no ASCII, while Chromium's detector read the page in its encoding. And (found by
        // a later review) Q63 in Shift_JIS, whose host an inline script's URL search ended at the "`".
        String name = "undeclared" + path.replace('/', '-');
        List<NetworkLog.Request> direct = StandInTrackers.requestsWhileLoading(lab, site.upstreamOrigin() + path,
                TRACKERS, name + "-direct");
        assertFalse(direct.isEmpty(), path + ": straight from the upstream, Chromium asks the tracker");
        List<NetworkLog.Request> through = StandInTrackers.requestsWhileLoading(lab, site.gatewayOrigin() + path,
                TRACKERS, name + "-gateway");
        assertEquals(List.of(), through, path + ": through the gateway, requests to tracker hosts");
    }
}
