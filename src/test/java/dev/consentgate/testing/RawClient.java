package dev.consentgate.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** A byte-exact HTTP/1.1 client on a plain socket: sends what the test writes, parses what comes back. */
public final class RawClient implements AutoCloseable {

    /** One response as received; {@code complete} is false when the connection ended before the body did. */
    public record Response(int status, String head, byte[] body, boolean complete) {
        public List<String> headers(String name) {
            return HeadLines.values(head, name);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawClient(InetSocketAddress gateway) throws IOException {
        socket = new Socket();
        socket.connect(gateway, 5000);
        socket.setSoTimeout(15_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public RawClient send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    public RawClient send(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
        return this;
    }

    /** Reads one response; a HEAD (or 1xx/204/304) response has no body. */
    public Response read(boolean headRequest) throws IOException {
        String head = readHead();
        if (head == null) {
            throw new IOException("connection closed before a response");
        }
        int status = Integer.parseInt(head.substring(9, 12));
        String lower = head.toLowerCase(Locale.ROOT);
        if (headRequest || status < 200 || status == 204 || status == 304) {
            return new Response(status, head, new byte[0], true);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean complete;
        if (lower.contains("\r\ntransfer-encoding: chunked")) {
            complete = readChunked(body);
        } else if (lower.contains("\r\ncontent-length:")) {
            int at = lower.indexOf("\r\ncontent-length:");
            long length = Long.parseLong(lower.substring(at + 17, lower.indexOf("\r\n", at + 2)).trim());
            byte[] bytes = in.readNBytes((int) length);
            body.write(bytes);
            complete = bytes.length == length;
        } else {
            body.write(in.readAllBytes());
            complete = true;
        }
        return new Response(status, head, body.toByteArray(), complete);
    }

    public Response read() throws IOException {
        return read(false);
    }

    /**
     * Reads what an aborted response left: empty when the connection closed before a response head or was reset
     * (which a client cannot take for an end), else the response as far as it came. Either way the caller asserts it
     * never ended cleanly.
     */
    public java.util.Optional<Response> readAborted() throws IOException {
        try {
            return java.util.Optional.of(read(false));
        } catch (java.net.SocketException reset) {
            return java.util.Optional.empty();
        } catch (IOException closedBeforeHead) {
            if (!"connection closed before a response".equals(closedBeforeHead.getMessage())) {
                throw closedBeforeHead;
            }
            return java.util.Optional.empty();
        }
    }

    /** True when the gateway closed the connection (EOF or reset) within the socket timeout. */
    public boolean closedByPeer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        int matched = 0;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private boolean readChunked(ByteArrayOutputStream body) throws IOException {
        while (true) {
            String line = readLine();
            if (line == null) {
                return false;
            }
            int size = Integer.parseInt(line.split(";")[0].trim(), 16);
            if (size == 0) {
                String trailer;
                while ((trailer = readLine()) != null && !trailer.isEmpty()) {
                    // skip trailers
                }
                return trailer != null;
            }
            byte[] chunk = in.readNBytes(size);
            body.write(chunk);
            if (chunk.length < size || readLine() == null) {
                return false;
            }
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return b < 0 ? null : line.toString();
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
