package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page whose Content-Encoding lists codings applied one after another ({@code gzip, gzip}, the same on two lines,
 * {@code deflate, br}), which Chromium decodes and renders: straight from the upstream it asks the trackers; through
 * the gateway without consent it renders too, its own script runs, and it asks no tracker.
 */
@ExtendWith(BrowserLab.class)
class PagesCodedTwiceRenderWithoutTheirTrackersE2ETest {

    private static final List<String> TRACKERS = List.of(StandInTrackers.GTM, StandInTrackers.FACEBOOK);
    private static final byte[] PAGE = ("<!doctype html><html><head><title>coded twice</title>"
            + "<script async src=\"https://www.googletagmanager.com/gtm.js?id=GTM-CODED\"></script></head><body>"
            + "<p id=\"page\">coded twice</p><img src=\"https://www.facebook.com/tr?id=CODED\" alt=\"\">"
            + "<script>document.documentElement.setAttribute('data-own', 'ran');</script></body></html>")
            .getBytes(StandardCharsets.UTF_8);

    @AutoClose
    private static PagesBehindGateway site;

    /** The Content-Encoding lines (each ending in CRLF) and the body of each path. */
    private static Map<String, Object[]> pages() throws IOException {
        Brotli4jLoader.ensureAvailability();
        return Map.of(
                "/gzip-gzip", new Object[] {"Content-Encoding: gzip, gzip\r\n", gzip(gzip(PAGE))},
                "/two-lines", new Object[] {"Content-Encoding: gzip\r\nContent-Encoding: gzip\r\n", gzip(gzip(PAGE))},
                "/deflate-br", new Object[] {"Content-Encoding: deflate, br\r\n", Encoder.compress(deflate(PAGE))});
    }

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object[]> pages = pages();
        site = PagesBehindGateway.start(path -> {
            Object[] page = pages.get(path);
            return page == null ? null : PagesBehindGateway.Page.ok(
                    "Content-Type: text/html; charset=utf-8\r\n" + page[0], (byte[]) page[1]);
        });
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(bytes)) {
            z.write(data);
        }
        return bytes.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/gzip-gzip", "/two-lines", "/deflate-br"})
    void thePageRendersThroughTheGatewayWithoutItsTrackers(String path, BrowserLab.Lab lab) {
        String name = "coded" + path.replace('/', '-');
        Loaded direct = load(lab, site.upstreamOrigin() + path, name + "-direct");
        assertEquals("coded twice ran", direct.rendered(), path + ": straight from the upstream, Chromium renders it");
        assertFalse(direct.trackers().isEmpty(), path + ": straight from the upstream, Chromium asks the trackers");
        // Before (found by a review): through the gateway the page was a 502 (the list of codings was refused)
        Loaded through = load(lab, site.gatewayOrigin() + path, name + "-gateway");
        assertEquals("coded twice ran", through.rendered(), path + ": through the gateway, the page renders");
        assertEquals(List.of(), through.trackers(), path + ": through the gateway, requests to tracker hosts");
    }

    private record Loaded(List<NetworkLog.Request> trackers, Object rendered) {
    }

    private static Loaded load(BrowserLab.Lab lab, String url, String evidence) {
        try (Tab tab = lab.newTab()) {
            tab.navigate(url);
            List<NetworkLog.Request> trackers = tab.network().toHosts(TRACKERS);
            Object rendered = tab.evaluate("(document.getElementById('page') || {}).textContent + ' '"
                    + " + document.documentElement.getAttribute('data-own')");
            Evidence.save(evidence, tab, List.of("page: " + url, "requests to tracker hosts: " + trackers));
            return new Loaded(trackers, rendered);
        }
    }
}
