package dev.consentgate.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.testing.TestUpstream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * nginx as the reference: every byte the gateway's policy accepts in a sweep position (which
 * {@link ByteSweepIntegrationTest} shows is exactly what the gateway forwards) must also be forwarded by nginx acting
 * as a reverse proxy, so the gateway never passes on what nginx would refuse. Skipped where nginx is not installed.
 */
class NginxReferenceIntegrationTest {

    @TempDir
    static Path prefix;
    private static TestUpstream upstream;
    private static Process nginx;
    private static int port;

    @BeforeAll
    static void startNginx() throws Exception {
        Optional<Path> binary = Stream.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")
                .map(Path::of).filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(binary.isPresent(), "nginx is not installed: skipping the nginx reference");
        upstream = TestUpstream.start(TestUpstream.fixed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.createDirectories(prefix.resolve("logs"));
        Files.writeString(prefix.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        location / { proxy_pass http://127.0.0.1:%3$d; }
                    }
                }
                """.formatted(prefix, port, upstream.uri().getPort()));
        nginx = new ProcessBuilder(binary.get().toString(), "-p", prefix.toString(), "-e",
                prefix.resolve("logs/error.log").toString(), "-c", prefix.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout").toFile()).start();
        awaitListening();
    }

    private static void awaitListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!nginx.isAlive()) {
                throw new IOException("nginx exited: " + Files.readString(prefix.resolve("logs/stdout"))
                        + Files.readString(prefix.resolve("logs/error.log")));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 100);
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new IOException("nginx did not listen on " + port);
    }

    @AfterAll
    static void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @ParameterizedTest
    @EnumSource(SweepPosition.class)
    void nginxForwardsEveryByteTheGatewayAccepts(SweepPosition position) throws Exception {
        InetSocketAddress nginxAddress = new InetSocketAddress("127.0.0.1", port);
        List<String> onlyTheGatewayAccepts = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            if (position.allows(b) && !position.passesThrough(nginxAddress, b)) {
                onlyTheGatewayAccepts.add(position + " byte 0x" + Integer.toHexString(b));
            }
            upstream.drain();
        }
        assertEquals(List.of(), onlyTheGatewayAccepts);
    }
}
