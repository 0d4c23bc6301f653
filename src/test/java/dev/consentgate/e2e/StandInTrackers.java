package dev.consentgate.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The third parties of the demo page, played by one local HTTPS server: Chromium's resolver maps their names to it,
 * and it answers by Host header with small scripts that behave like the real tags where it matters (a cookie set
 * from JavaScript, a further tag loaded, a pixel fired) and with pixels that set the vendor's own cookie.
 */
final class StandInTrackers implements AutoCloseable {

    static final String GTM = "www.googletagmanager.com";
    static final String GOOGLE_ANALYTICS = "www.google-analytics.com";
    static final String FACEBOOK_CONNECT = "connect.facebook.net";
    static final String FACEBOOK = "www.facebook.com";
    static final String YOUTUBE = "www.youtube.com";

    /** Every host the stand-in server plays. */
    static final List<String> HOSTS = List.of(GTM, GOOGLE_ANALYTICS, FACEBOOK_CONNECT, FACEBOOK, YOUTUBE);
    /** Hosts of advertising tags in the demo page and of what they load (section 2.4). */
    static final List<String> ADVERTISING_HOSTS = List.of(FACEBOOK_CONNECT, FACEBOOK);

    private static final byte[] GIF = {71, 73, 70, 56, 57, 97, 1, 0, 1, 0, -128, 0, 0, 0, 0, 0, -1, -1, -1, 33, -7,
        4, 1, 0, 0, 0, 0, 44, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 68, 1, 0, 59};

    private final HttpsServer server;
    /**
     * A thread for each connection being served, however many: the JDK server hands a new connection to a thread that
     * shakes hands and then waits for its first request, and Chromium opens connections it may not use for seconds
     * (a page's preconnects, its socket pool's spares). With four threads, four such connections left a page's pixel
     * unanswered for 30 s now and then (with one thread, every time).
     */
    private final ExecutorService executor = Executors.newCachedThreadPool();
    /**
     * Every request received, as "host/path?query", in order: what the browser asked without a tab seeing it (a
     * speculation rule's prefetch runs in the browser process, outside the page's DevTools session).
     */
    private final List<String> received = new ArrayList<>();

    private StandInTrackers(HttpsServer server) {
        this.server = server;
    }

    static StandInTrackers start() throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(TestCertificate.serverContext(HOSTS)));
        StandInTrackers trackers = new StandInTrackers(server);
        server.createContext("/", trackers::handle);
        server.setExecutor(trackers.executor);
        server.start();
        return trackers;
    }

    /**
     * Loads {@code url} in a fresh tab and gives the requests it attempted to {@code hosts} (or their subdomains); the
     * evidence, saved as {@code evidence}, notes them and the encoding Chromium read the page in. How the browser tests
     * that load a page straight from an upstream and through the gateway see whether it asks a tracker.
     */
    static List<NetworkLog.Request> requestsWhileLoading(BrowserLab.Lab lab, String url, Collection<String> hosts,
            String evidence) {
        try (Tab tab = lab.newTab()) {
            tab.navigate(url);
            List<NetworkLog.Request> trackers = tab.network().toHosts(hosts);
            Evidence.save(evidence, tab, List.of("page: " + url, "requests to tracker hosts: " + trackers,
                    "encoding: " + tab.evaluate("document.characterSet")));
            return trackers;
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /**
     * Chromium's --host-resolver-rules: the stand-in hosts go to this server (https, so port 443 is replaced by
     * ours), 127.0.0.1 stays itself, and every other name fails to resolve.
     */
    String hostResolverRules() {
        return HOSTS.stream().map(h -> "MAP " + h + " 127.0.0.1:" + port()).collect(Collectors.joining(", "))
                + ", MAP * ~NOTFOUND, EXCLUDE 127.0.0.1";
    }

    /**
     * The requests whose "host/path?query" contains {@code marker}, waiting up to {@code millis} for a first one (none
     * after that long: empty).
     */
    synchronized List<String> awaitReceivedWith(String marker, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        List<String> seen = receivedWith(marker);
        for (long left = deadline - System.nanoTime(); seen.isEmpty() && left > 0; left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
            seen = receivedWith(marker);
        }
        return seen;
    }

    private synchronized List<String> receivedWith(String marker) {
        return received.stream().filter(r -> r.contains(marker)).toList();
    }

    private synchronized void record(String request) {
        received.add(request);
        notifyAll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("")
                    .replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            record(host + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            switch (host + path) {
                case GTM + "/gtm.js" -> script(exchange, "gtm.js");
                case GTM + "/gtag/js" -> script(exchange, "gtag.js");
                case GTM + "/ns.html" -> send(exchange, "text/html; charset=utf-8", resource("ns.html"));
                case GTM + "/td", GOOGLE_ANALYTICS + "/g/collect", GOOGLE_ANALYTICS + "/j/collect" -> pixel(exchange);
                case GOOGLE_ANALYTICS + "/analytics.js" -> script(exchange, "analytics.js");
                case FACEBOOK_CONNECT + "/en_US/fbevents.js" -> script(exchange, "fbevents.js");
                case FACEBOOK + "/tr", FACEBOOK + "/tr/" -> {
                    exchange.getResponseHeaders().add("Set-Cookie", "fr=0e2e" + System.nanoTime()
                            + "; Domain=.facebook.com; Path=/; Max-Age=7776000; Secure; HttpOnly; SameSite=None");
                    pixel(exchange);
                }
                case YOUTUBE + "/s/player/base.js" -> send(exchange, "text/javascript; charset=utf-8",
                        resource("youtube-base.js"));
                default -> other(exchange, host, path);
            }
        }
    }

    private void other(HttpExchange exchange, String host, String path) throws IOException {
        if (host.equals(FACEBOOK_CONNECT) && path.startsWith("/signals/config/")) {
            script(exchange, "fb-signals-config.js");
        } else if (host.equals(YOUTUBE) && path.startsWith("/embed/")) {
            exchange.getResponseHeaders().add("Set-Cookie", "YSC=e2e" + System.nanoTime()
                    + "; Domain=.youtube.com; Path=/; Secure; HttpOnly; SameSite=None");
            send(exchange, "text/html; charset=utf-8", resource("youtube-embed.html"));
        } else if (host.equals(YOUTUBE) && path.startsWith("/api/stats/")) {
            pixel(exchange);
        } else if (host.equals(YOUTUBE) && path.equals("/redirect")) {
            // YouTube's redirector for the links in video descriptions: on to the URL its "q" parameter carries
            redirect(exchange, exchange.getRequestURI().getQuery().replaceFirst("^q=", ""));
        } else {
            exchange.sendResponseHeaders(404, -1);
        }
    }

    private static void script(HttpExchange exchange, String name) throws IOException {
        byte[] prelude = resource("prelude.js");
        byte[] script = resource(name);
        byte[] both = new byte[prelude.length + script.length];
        System.arraycopy(prelude, 0, both, 0, prelude.length);
        System.arraycopy(script, 0, both, prelude.length, script.length);
        send(exchange, "text/javascript; charset=utf-8", both);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void pixel(HttpExchange exchange) throws IOException {
        send(exchange, "image/gif", GIF);
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = StandInTrackers.class.getResourceAsStream("/e2e/standins/" + name)) {
            if (in == null) {
                throw new IOException("stand-in resource missing: " + name);
            }
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

}
