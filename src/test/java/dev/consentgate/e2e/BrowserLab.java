package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives browser test classes one Chromium and one stand-in third-party server for the whole run (starting Chromium
 * per class would cost seconds each on a 2-core machine); both are closed when the run ends. Each test still gets
 * a fresh cookie jar from {@link Chromium#newTab()}. Skips each test when there is no Chromium (fails on CI).
 */
final class BrowserLab implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserLab.class);

    /** What a browser test uses: the browser and the third parties it may reach. */
    static final class Lab implements AutoCloseable {
        private static final Logger LOG = LoggerFactory.getLogger(Lab.class);

        final StandInTrackers trackers;
        final Chromium chromium;

        private Lab(StandInTrackers trackers, Chromium chromium) {
            this.trackers = trackers;
            this.chromium = chromium;
        }

        static Lab start() {
            try {
                StandInTrackers trackers = StandInTrackers.start();
                try {
                    Chromium chromium = Chromium.launch(trackers.hostResolverRules());
                    LOG.info("browser tests run in {}", chromium.version());
                    return new Lab(trackers, chromium);
                } catch (IOException | RuntimeException e) {
                    trackers.close();
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        Tab newTab() {
            return chromium.newTab();
        }

        /** Loads {@code url} in a tab of its own until the network is idle, and saves the tab as {@code evidence}. */
        void loadSavingEvidence(String url, String evidence) {
            try (Tab tab = newTab()) {
                tab.navigate(url);
                tab.awaitNetworkIdle();
                Evidence.save(evidence, tab, List.of("page: " + url));
            }
        }

        /**
         * Loads {@code url} in a tab of its own until the network is idle, saves the tab as {@code evidence}, and
         * returns the requests it made to the advertising stand-ins' hosts.
         */
        List<NetworkLog.Request> advertisingRequests(String url, String evidence) {
            try (Tab tab = newTab()) {
                tab.navigate(url);
                tab.awaitNetworkIdle();
                List<NetworkLog.Request> trackers = tab.network().toHosts(StandInTrackers.ADVERTISING_HOSTS);
                Evidence.save(evidence, tab, List.of("page: " + url, "requests to tracker hosts: " + trackers));
                return trackers;
            }
        }

        /**
         * Loads {@code path} of {@code site} straight from the upstream ({@code ?run=direct}), then through the
         * gateway ({@code ?run=gateway}), each saved as evidence named {@code evidence}, the path's name and the run;
         * asserts that the stand-in trackers received the page's request (its URL carrying {@code ev=<path's
         * name>&run=<run>}) from the first run, waiting up to 5 s, and none from the second in 1.5 s, which made no
         * request to a tracker's host either.
         */
        void assertTrackerAskedOnlyStraightFromTheUpstream(PagesBehindGateway site, String path, String evidence)
                throws InterruptedException {
            String marker = "ev=" + path.substring(1) + "&run=";
            String name = evidence + path.replace('/', '-');
            advertisingRequests(site.upstreamOrigin() + path + "?run=direct", name + "-direct");
            assertFalse(trackers.awaitReceivedWith(marker + "direct", 5000).isEmpty(),
                    path + ": straight from the upstream, Chromium asks the tracker");
            List<NetworkLog.Request> through = advertisingRequests(site.gatewayOrigin() + path + "?run=gateway",
                    name + "-gateway");
            assertEquals(List.of(), trackers.awaitReceivedWith(marker + "gateway", 1500),
                    path + ": through the gateway, requests the tracker received");
            assertEquals(List.of(), through, path + ": through the gateway, requests to tracker hosts");
        }

        /** The pixel requests the stand-in trackers received from a page's two runs (see {@link #pixelRuns}). */
        record PixelRuns(List<String> direct, List<String> throughGateway) {
        }

        /**
         * Loads {@code path} of {@code site} straight from the upstream ({@code ?run=direct}), then through the
         * gateway ({@code ?run=gateway}), each saved as evidence named {@code evidence}, the path's name and the run;
         * returns what the stand-in trackers received from each run, for a page whose pixel carries
         * {@code id=<path's name>-<run>}: waiting up to 5 s for the direct run's, and 2 s for any of the gateway's.
         */
        PixelRuns pixelRuns(PagesBehindGateway site, String path, String evidence) throws InterruptedException {
            String marker = path.substring(1);
            loadSavingEvidence(site.upstreamOrigin() + path + "?run=direct", evidence + "-" + marker + "-direct");
            List<String> direct = trackers.awaitReceivedWith("id=" + marker + "-direct&", 5000);
            loadSavingEvidence(site.gatewayOrigin() + path + "?run=gateway", evidence + "-" + marker + "-gateway");
            return new PixelRuns(direct, trackers.awaitReceivedWith("id=" + marker + "-gateway&", 2000));
        }

        @Override
        public void close() {
            try {
                chromium.close();
            } finally {
                trackers.close();
            }
        }
    }

    /** Per test, so that each browser test is reported as skipped, with the reason, when there is no Chromium. */
    @Override
    public void beforeEach(ExtensionContext context) {
        Chromium.assumeAvailable();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Lab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return lab(context);
    }

    private static Lab lab(ExtensionContext context) {
        // The root store outlives every class and closes what it holds (AutoCloseable) when the run ends.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Lab.class, k -> Lab.start(), Lab.class);
    }
}
