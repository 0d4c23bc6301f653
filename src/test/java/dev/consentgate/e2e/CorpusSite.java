package dev.consentgate.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A test upstream that serves the corpus pages as they are, at /FILE, as text/html without a charset (the page's
 * own meta element decides, as on many real servers); everything else is 404, as a site's assets would be here.
 */
final class CorpusSite implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private CorpusSite(HttpServer server) {
        this.server = server;
    }

    static CorpusSite start(CorpusManifest manifest) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        CorpusSite site = new CorpusSite(server);
        Set<String> files = Set.copyOf(manifest.pages().stream().map(CorpusManifest.Page::file).toList());
        server.createContext("/", exchange -> site.handle(exchange, manifest, files));
        server.setExecutor(site.executor);
        server.start();
        return site;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange, CorpusManifest manifest, Set<String> files) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            String name = exchange.getRequestURI().getPath().substring(1);
            if (!files.contains(name)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] page = Files.readAllBytes(manifest.directory().resolve(name));
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
