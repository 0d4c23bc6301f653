package dev.consentgate.proxy;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A request the gateway refuses because of how its bytes are framed or spelled, with the status to answer. Thrown
 * by {@link RequestFraming}; carries no stack trace because hostile input makes it common and the detail says all.
 */
final class RequestRejection extends RuntimeException {

    private final transient HttpResponseStatus status;

    RequestRejection(HttpResponseStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    static RequestRejection badRequest(String detail) {
        return new RequestRejection(HttpResponseStatus.BAD_REQUEST, detail);
    }

    HttpResponseStatus status() {
        return status;
    }

    String detail() {
        return getMessage();
    }
}
