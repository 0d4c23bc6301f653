package dev.consentgate.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Rewrites an accepted request into the one canonical spelling the upstream receives, so that it cannot read the
 * request differently from the gateway (RFC 9112): origin-form target, a lower-case {@code chunked}, one
 * Content-Length (Netty's decoder has already folded identical duplicates into one).
 */
final class RequestNormalisation {

    private RequestNormalisation() {
    }

    static void apply(HttpRequest request) {
        String target = request.uri();
        if (!target.startsWith("/") && !target.equals("*")) {
            // absolute-form (already checked to agree with Host): an origin server is sent the origin-form
            int authorityStart = AbsoluteFormTarget.authorityStart(target);
            int pathStart = AbsoluteFormTarget.authorityEnd(target, authorityStart);
            if (!request.headers().contains(HttpHeaderNames.HOST)) {
                request.headers().set(HttpHeaderNames.HOST, target.substring(authorityStart, pathStart));
            }
            String rest = target.substring(pathStart);
            request.setUri(rest.startsWith("/") ? rest : "/" + rest);
        }
        HttpHeaders headers = request.headers();
        if (headers.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            // the framing accepted exactly one coding, chunked, in any case; some servers compare it exactly
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
    }
}
