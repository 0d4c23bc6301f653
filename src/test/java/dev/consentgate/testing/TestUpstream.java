package dev.consentgate.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP/1.1 upstream on a loopback socket whose answers a test scripts byte for byte. It records every
 * request exactly as received (head and body bytes) and on which connection, so tests can prove what the gateway
 * forwarded and that nothing else arrived.
 */
public final class TestUpstream implements AutoCloseable {

    /** One request as the upstream saw it. */
    public record Received(int connection, String head, byte[] body) {
        public String requestLine() {
            return head.substring(0, head.indexOf("\r\n"));
        }

        /** Every value of a header, by case-insensitive name, in order. */
        public List<String> headers(String name) {
            return HeadLines.values(head, name);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    /** Writes the response for one request; may also stall, or close the socket to simulate faults. */
    @FunctionalInterface
    public interface Responder {
        void respond(Received request, OutputStream out, Socket socket) throws Exception;
    }

    private final ServerSocket server;
    private final Responder responder;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> sockets = new ArrayList<>();

    private TestUpstream(ServerSocket server, Responder responder) {
        this.server = server;
        this.responder = responder;
    }

    public static TestUpstream start(Responder responder) throws IOException {
        TestUpstream upstream = new TestUpstream(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                responder);
        upstream.threads.execute(upstream::acceptLoop);
        return upstream;
    }

    /** The same upstream behind TLS, with the certificate and key of {@code tls} (HTTP/1.1 inside). */
    public static TestUpstream startTls(javax.net.ssl.SSLContext tls, Responder responder) throws IOException {
        TestUpstream upstream = new TestUpstream(tls.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress()), responder);
        upstream.threads.execute(upstream::acceptLoop);
        return upstream;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** A responder that answers every request with the same bytes. */
    public static Responder fixed(String rawResponse) {
        byte[] bytes = rawResponse.getBytes(StandardCharsets.ISO_8859_1);
        return (request, out, socket) -> out.write(bytes);
    }

    /**
     * A responder that answers every request with {@code head} (the status line and header fields, each ending in
     * CRLF; "Transfer-Encoding: chunked" and the blank line are added) and {@code body} in chunks of
     * {@code chunkSize} bytes, each flushed as it is written so the gateway reads them apart, then the last chunk.
     */
    public static Responder chunked(String head, byte[] body, int chunkSize) {
        return (request, out, socket) -> {
            out.write((head + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < body.length; i += chunkSize) {
                int n = Math.min(chunkSize, body.length - i);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, i, n);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        };
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    public int connectionsAccepted() {
        return connections.get();
    }

    /** The next request received, waiting up to 10 seconds. */
    public Received take() throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("the upstream received no request within 10s");
        }
        return r;
    }

    /** The next request received, waiting up to {@code millis}; null when none came. */
    public Received poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Requests received so far and not yet taken. */
    public List<Received> drain() {
        List<Received> out = new ArrayList<>();
        received.drainTo(out);
        return out;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                int id = connections.incrementAndGet();
                synchronized (sockets) {
                    sockets.add(socket);
                }
                threads.execute(() -> serve(socket, id));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, int id) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                byte[] body = readBody(in, head);
                Received request = new Received(id, head, body);
                received.add(request);
                responder.respond(request, out, socket);
                out.flush();
                if (socket.isClosed() || socket.isOutputShutdown()) {
                    return;
                }
            }
        } catch (Exception e) {
            // the test decides what a broken connection means
        } finally {
            // a long run (the soak) opens many connections: keep only the open ones for close()
            synchronized (sockets) {
                sockets.remove(socket);
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : (b == '\r' ? 1 : 0);
            if (state == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static byte[] readBody(InputStream in, String head) throws IOException {
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("\r\ntransfer-encoding: chunked")) {
            return readChunked(in);
        }
        int cl = lower.indexOf("\r\ncontent-length:");
        if (cl >= 0) {
            int end = lower.indexOf("\r\n", cl + 2);
            int length = Integer.parseInt(lower.substring(cl + 17, end).trim());
            return in.readNBytes(length);
        }
        return new byte[0];
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers are dropped
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        if (b < 0) {
            throw new IOException("connection closed mid-line");
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
        threads.shutdownNow();
    }
}
