package dev.consentgate.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * How a final response's body is delimited on the client's connection, which is not the upstream's: the framing
 * the upstream chose is changed where the client could not read it.
 */
final class ClientFraming {

    private ClientFraming() {
    }

    /** Adjusts the framing fields of a final response head (not 1xx, not 101) for the client that asked. */
    static void adapt(HttpRequest request, HttpResponse response) {
        HttpHeaders headers = response.headers();
        if (!request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
            // RFC 9112 6.1: no Transfer-Encoding to an HTTP/1.0 client, which would read the chunk sizes as body;
            // its connection is closed after every response, so the close delimits the body
            headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
        } else if (delimitedByClose(request, response)) {
            // RFC 9112 6.3: the upstream ends this body by closing its connection, but the client's stays open
            // after it, so the body is sent chunked (after any transfer coding the upstream applied)
            headers.add(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
    }

    /** A final response with a body but neither Content-Length nor chunked: its end is the upstream's close. */
    private static boolean delimitedByClose(HttpRequest request, HttpResponse response) {
        int code = response.status().code();
        boolean bodiless = request.method().equals(HttpMethod.HEAD) || code == 204 || code == 304;
        return !bodiless && !response.headers().contains(HttpHeaderNames.CONTENT_LENGTH)
                && !HttpUtil.isTransferEncodingChunked(response);
    }
}
