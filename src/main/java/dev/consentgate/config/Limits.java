package dev.consentgate.config;

import java.time.Duration;

/**
 * Size limits and timeouts. Defaults follow nginx and Envoy where they agree.
 *
 * @param maxRequestLine          bytes in the request line before 414
 * @param maxHeaderBytes          bytes in the header block before 431
 * @param maxHeaderCount          header fields before 431
 * @param maxBodyBytes            request body size before 413
 * @param headerReadTimeout       absolute deadline to receive a complete header block (408)
 * @param keepAliveTimeout        idle time of a client connection between requests
 * @param upstreamConnectTimeout  time to establish an upstream connection (504)
 * @param upstreamResponseTimeout time from request sent until the response headers arrive (504)
 * @param shutdownGrace           how long in-flight requests may finish after SIGTERM
 * @param maxConnections          concurrent client connections; extra ones are closed at once
 * @param maxDecompressedBytes    bytes a compressed HTML body may expand to before the response is aborted
 * @param maxCompressionRatio     expansion ratio (decoded / encoded, checked past the first MiB) that counts as a
 *                                decompression bomb
 * @param bodyIdleTimeout         longest pause while a request body is read (408)
 * @param maxPipelinedRequests    request heads read ahead on one connection; further ones wait unread
 * @param bodyReadTimeout         absolute deadline for a whole request body, from the gateway's first read of it (408)
 */
public record Limits(int maxRequestLine, int maxHeaderBytes, int maxHeaderCount, long maxBodyBytes,
                     Duration headerReadTimeout, Duration keepAliveTimeout, Duration upstreamConnectTimeout,
                     Duration upstreamResponseTimeout, Duration shutdownGrace, int maxConnections,
                     long maxDecompressedBytes, int maxCompressionRatio, Duration bodyIdleTimeout,
                     int maxPipelinedRequests, Duration bodyReadTimeout) {

    public static Limits defaults() {
        return new Limits(8 * 1024, 16 * 1024, 100, 1L << 30,
                Duration.ofSeconds(10), Duration.ofSeconds(75), Duration.ofSeconds(5),
                Duration.ofSeconds(60), Duration.ofSeconds(30), 10_000, 1L << 30, 200, Duration.ofSeconds(60), 32,
                Duration.ofSeconds(300));
    }

    /** The same limits with other timeouts: what tests and `--demo` adjust. */
    public Limits withTimeouts(Duration headerRead, Duration upstreamConnect, Duration upstreamResponse,
                               Duration grace) {
        return new Limits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerRead, keepAliveTimeout,
                upstreamConnect, upstreamResponse, grace, maxConnections, maxDecompressedBytes, maxCompressionRatio,
                bodyIdleTimeout, maxPipelinedRequests, bodyReadTimeout);
    }

    public Limits withMaxBodyBytes(long bytes) {
        return new Limits(maxRequestLine, maxHeaderBytes, maxHeaderCount, bytes, headerReadTimeout, keepAliveTimeout,
                upstreamConnectTimeout, upstreamResponseTimeout, shutdownGrace, maxConnections, maxDecompressedBytes,
                maxCompressionRatio, bodyIdleTimeout, maxPipelinedRequests, bodyReadTimeout);
    }

    public Limits withDecompression(long bytes, int ratio) {
        return new Limits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerReadTimeout,
                keepAliveTimeout, upstreamConnectTimeout, upstreamResponseTimeout, shutdownGrace, maxConnections,
                bytes, ratio, bodyIdleTimeout, maxPipelinedRequests, bodyReadTimeout);
    }

    public Limits withConnections(int max) {
        return new Limits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerReadTimeout,
                keepAliveTimeout, upstreamConnectTimeout, upstreamResponseTimeout, shutdownGrace, max,
                maxDecompressedBytes, maxCompressionRatio, bodyIdleTimeout, maxPipelinedRequests, bodyReadTimeout);
    }

    public Limits withBodyIdleTimeout(Duration timeout) {
        return new Limits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerReadTimeout,
                keepAliveTimeout, upstreamConnectTimeout, upstreamResponseTimeout, shutdownGrace, maxConnections,
                maxDecompressedBytes, maxCompressionRatio, timeout, maxPipelinedRequests, bodyReadTimeout);
    }

    public Limits withBodyReadTimeout(Duration timeout) {
        return new Limits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerReadTimeout,
                keepAliveTimeout, upstreamConnectTimeout, upstreamResponseTimeout, shutdownGrace, maxConnections,
                maxDecompressedBytes, maxCompressionRatio, bodyIdleTimeout, maxPipelinedRequests, timeout);
    }
}
