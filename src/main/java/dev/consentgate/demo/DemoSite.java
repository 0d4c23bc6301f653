package dev.consentgate.demo;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small product website that behaves like real ones: its server sets a session cookie, the seed policy's
 * functionality and analytics cookies and the usual analytics and advertising cookies, and its page carries the
 * usual third-party tags. It is what the gateway is demonstrated and browser-tested against.
 */
public final class DemoSite implements AutoCloseable {

    /** Set-Cookie fields of the home page, as an unconsented server would send them. */
    public static final List<String> HOME_COOKIES = List.of(
            "JSESSIONID=9F1C2A7B3D; Path=/; HttpOnly; SameSite=Lax",
            "userId=u-48151623; Max-Age=31536000; Path=/",
            "accept-language=en-GB; Max-Age=63072000; Path=/",
            "KLING_LAST_ACCESS_REGION=eu-west; Max-Age=31536000; Path=/",
            "ktrace-context=7f3a9c; Max-Age=2592000; Path=/; HttpOnly",
            "_ga=GA1.1.1234567890.1764547200; Max-Age=63072000; Path=/",
            "_gid=GA1.1.987654321.1764547200; Max-Age=86400; Path=/",
            "_fbp=fb.1.1764547200000.1122334455; Max-Age=7776000; Path=/",
            "_gcl_au=1.1.55667788.1764547200; Max-Age=7776000; Path=/",
            "_hjSessionUser_3141592=eyJpZCI6ImFiYyJ9; Max-Age=31536000; Path=/");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final String lastModified = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
            .format(ZonedDateTime.now(ZoneOffset.UTC));

    private DemoSite(HttpServer server) {
        this.server = server;
    }

    /** Starts on 127.0.0.1 and the given port (0 for any free port). */
    public static DemoSite start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        DemoSite site = new DemoSite(server);
        server.createContext("/", site::handle);
        server.setExecutor(site.executor);
        server.start();
        return site;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/", "/index.html" -> page(exchange);
                case "/app.js" -> send(exchange, 200, "text/javascript; charset=utf-8", resource("app.js"));
                case "/cookie-policy" -> send(exchange, 200, "text/html; charset=utf-8",
                        resource("cookie-policy.html"));
                case "/echo" -> echo(exchange);
                default -> send(exchange, 404, "text/plain; charset=utf-8",
                        "not found\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * The home page, with the validators a static file server gives it (an ETag and the time the site started as
     * Last-Modified) and a 304 to a request that names them, as nginx answers, cookies included.
     */
    private void page(HttpExchange exchange) throws IOException {
        byte[] page = resource("index.html");
        String etag = "\"" + Integer.toHexString(Arrays.hashCode(page)) + "\"";
        Headers headers = exchange.getResponseHeaders();
        HOME_COOKIES.forEach(c -> headers.add("Set-Cookie", c));
        headers.set("ETag", etag);
        headers.set("Last-Modified", lastModified);
        if (notModified(exchange.getRequestHeaders(), etag)) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        send(exchange, 200, "text/html; charset=utf-8", page);
    }

    /** If-None-Match compared weakly (RFC 9110, 13.1.2); without it, If-Modified-Since against Last-Modified. */
    private boolean notModified(Headers request, String etag) {
        String ifNoneMatch = request.getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                    .anyMatch(t -> t.equals("*") || t.equals(etag) || t.equals("W/" + etag));
        }
        return lastModified.equals(request.getFirst("If-Modified-Since"));
    }

    /** Shows what reached the server: how a visitor can see which cookies the gateway let through. */
    private void echo(HttpExchange exchange) throws IOException {
        List<String> cookies = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        String text = "cookies the site received: " + (cookies.isEmpty() ? "(none)" : String.join("; ", cookies))
                + "\n";
        send(exchange, 200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DemoSite.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IOException("demo resource missing from the jar: " + name);
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
