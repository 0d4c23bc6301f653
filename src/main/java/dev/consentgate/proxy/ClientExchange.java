package dev.consentgate.proxy;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponseStatus;

/** What the client connection needs of the exchange in progress, whether proxied or answered by the gateway. */
interface ClientExchange {

    /** Takes ownership of a piece of the request body. */
    void requestBody(HttpContent content);

    boolean requestComplete();

    /** The client should be read for more request body now. */
    boolean wantsRequestBody();

    /**
     * The request turned out malformed in its body (bad chunk framing, a stall): answer {@code status} and close if
     * no response has started, else abort. Nothing more of the request is forwarded.
     */
    void rejectRequest(HttpResponseStatus status, String detail);

    /** Ends the exchange at once, closing the client connection. */
    void abort(String reason);

    /** The client connection closed: release everything held. */
    void clientClosed();
}
