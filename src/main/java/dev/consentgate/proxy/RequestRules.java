package dev.consentgate.proxy;

import dev.consentgate.config.Limits;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a decoded request may be forwarded. A refused request is answered by the gateway and the
 * connection closed, because after a framing problem the rest of the byte stream cannot be trusted.
 */
final class RequestRules {

    /** Why a request is refused, as status and a short detail for the plain-text body. */
    record Refusal(HttpResponseStatus status, String detail) {
    }

    private final Limits limits;

    RequestRules(Limits limits) {
        this.limits = limits;
    }

    Optional<Refusal> check(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            return Optional.of(decoderFailure(result.cause()));
        }
        if (request.headers().size() > limits.maxHeaderCount()) {
            return refuse(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "more than " + limits.maxHeaderCount() + " header fields");
        }
        HttpVersion version = request.protocolVersion();
        if (version.majorVersion() != 1 || version.minorVersion() > 1) {
            return refuse(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED, "only HTTP/1.0 and HTTP/1.1 are served");
        }
        List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
        if (hosts.size() > 1) {
            return refuse(HttpResponseStatus.BAD_REQUEST, "more than one Host header");
        }
        if (hosts.isEmpty() && version.equals(HttpVersion.HTTP_1_1)) {
            return refuse(HttpResponseStatus.BAD_REQUEST, "HTTP/1.1 request without Host header");
        }
        if (request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)
                && request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            return refuse(HttpResponseStatus.BAD_REQUEST, "both Content-Length and Transfer-Encoding");
        }
        if (HttpUtil.getContentLength(request, 0L) > limits.maxBodyBytes()) {
            return refuse(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    "request body larger than " + limits.maxBodyBytes() + " bytes");
        }
        return Optional.empty();
    }

    private Refusal decoderFailure(Throwable cause) {
        if (cause instanceof RequestRejection rejection) {
            return new Refusal(rejection.status(), rejection.detail());
        }
        if (cause instanceof TooLongHttpLineException) {
            return new Refusal(HttpResponseStatus.REQUEST_URI_TOO_LONG,
                    "request line longer than " + limits.maxRequestLine() + " bytes");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return new Refusal(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "header block larger than " + limits.maxHeaderBytes() + " bytes");
        }
        if (cause instanceof TooLongFrameException) {
            return new Refusal(HttpResponseStatus.BAD_REQUEST, "request too large to parse");
        }
        return new Refusal(HttpResponseStatus.BAD_REQUEST, "malformed request");
    }

    private static Optional<Refusal> refuse(HttpResponseStatus status, String detail) {
        return Optional.of(new Refusal(status, detail));
    }
}
