package dev.consentgate.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An upstream that never answers and only collects bytes. Nothing reads while the test runs; once the gateway has
 * been shut down (so it can write nothing more), {@link #received()} takes every pending connection and every byte
 * waiting in the socket buffers, without blocking: on loopback a write is in the peer's buffer when it returns.
 */
final class RecordingUpstream implements AutoCloseable {

    private final ServerSocketChannel server;
    private final List<SocketChannel> connections = new ArrayList<>();

    private RecordingUpstream(ServerSocketChannel server) {
        this.server = server;
    }

    static RecordingUpstream start() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.configureBlocking(false);
        return new RecordingUpstream(server);
    }

    URI uri() throws IOException {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort());
    }

    /** Everything that reached the upstream, over all connections. Call only after the gateway is closed. */
    String received() throws IOException {
        SocketChannel accepted;
        while ((accepted = server.accept()) != null) {
            accepted.configureBlocking(false);
            connections.add(accepted);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        for (SocketChannel connection : connections) {
            try {
                while (connection.read(buffer.clear()) > 0) {
                    all.write(buffer.array(), 0, buffer.position());
                }
            } catch (IOException reset) {
                // a reset after the bytes were read ends the recording like a close
            }
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel connection : connections) {
            connection.close();
        }
        server.close();
    }
}
