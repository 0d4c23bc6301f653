package dev.consentgate.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

/**
 * The HTTP/1.1 codec of an upstream connection, stricter than Netty's HttpClientCodec on responses: a response with
 * both Content-Length and Transfer-Encoding (a sign of response splitting; Netty would silently drop the
 * Content-Length) or with an obs-fold header line (Netty would unfold it) is refused, and so becomes a 502. Like
 * HttpClientCodec, it remembers the method of each request sent so that the response to a HEAD is read without a
 * body.
 */
final class UpstreamHttpCodec {

    private UpstreamHttpCodec() {
    }

    /** The decoder and encoder to add to an upstream pipeline, in that order. */
    static List<io.netty.channel.ChannelHandler> handlers(int maxHeaderBytes) {
        Queue<HttpMethod> sent = new ArrayDeque<>();
        HttpDecoderConfig config = new HttpDecoderConfig().setMaxInitialLineLength(8192)
                .setMaxHeaderSize(maxHeaderBytes).setMaxChunkSize(64 * 1024)
                .setAllowDuplicateContentLengths(false).setStrictLineParsing(true);
        return List.of(new StrictResponseDecoder(config, sent), new MethodRecordingEncoder(sent));
    }

    /**
     * Whether the connection's decoder holds bytes no response has used: after a response ended, these are bytes
     * beyond its framing, and the connection must not carry another exchange.
     */
    static boolean holdsBytes(io.netty.channel.Channel channel) {
        StrictResponseDecoder decoder = channel.pipeline().get(StrictResponseDecoder.class);
        return decoder != null && decoder.unusedBytes() > 0;
    }

    /**
     * Thrown while decoding a head; Netty turns it into a failed decoder result on the response (as every refusal
     * here ends), which the exchange answers 502.
     */
    static final class AmbiguousFraming extends IllegalArgumentException {
        AmbiguousFraming() {
            super("response with both Content-Length and Transfer-Encoding");
        }
    }

    /** Thrown while decoding a status line whose code is not three digits from 100 to 599. */
    static final class BadStatusCode extends IllegalArgumentException {
        BadStatusCode(String code) {
            super("status code not three digits from 100 to 599: \"" + code + "\"");
        }
    }

    private static final class StrictResponseDecoder extends HttpResponseDecoder {
        private final Queue<HttpMethod> sent;
        /** The next bytes belong to a response head (Netty consumes head lines whole, so a buffer starts a line). */
        private boolean inHead = true;
        /** The head being read has a folded line: the response it makes is marked failed. */
        private boolean folded;

        StrictResponseDecoder(HttpDecoderConfig config, Queue<HttpMethod> sent) {
            super(config);
            this.sent = sent;
        }

        int unusedBytes() {
            return actualReadableBytes();
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpMessage msg) {
            int code = ((HttpResponse) msg).status().code();
            if (code >= 100 && code < 200) {
                // An interim response belongs to the request still waiting for its final one.
                return super.isContentAlwaysEmpty(msg);
            }
            HttpMethod method = sent.poll();
            if (HttpMethod.HEAD.equals(method)) {
                return true;
            }
            return super.isContentAlwaysEmpty(msg);
        }

        /**
         * RFC 9112, 4: the status code is three digits; RFC 9110, 15: a code outside 100-599 is invalid. Netty
         * would take "0200", "+200" or "20" as numbers, and a code below 200 that is no interim one would pass a
         * page on as if it were no final response (unjudged).
         */
        @Override
        protected HttpMessage createMessage(String[] initialLine) {
            String code = initialLine[1];
            if (code.length() != 3 || code.charAt(0) < '1' || code.charAt(0) > '5'
                    || !Character.isDigit(code.charAt(1)) || code.charAt(1) > '9'
                    || !Character.isDigit(code.charAt(2)) || code.charAt(2) > '9') {
                throw new BadStatusCode(code);
            }
            return super.createMessage(initialLine);
        }

        @Override
        protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
            throw new AmbiguousFraming();
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
            if (inHead && !folded) {
                folded = hasFoldedLine(in);
            }
            int before = out.size();
            super.decode(ctx, in, out);
            for (int i = before; i < out.size(); i++) {
                Object decoded = out.get(i);
                if (decoded instanceof HttpResponse response) {
                    inHead = false;
                    boolean wasFolded = folded;
                    folded = false;
                    if (response.decoderResult().isFailure()) {
                        // refused already (an invalid head is a full response: the next bytes would start a head)
                    } else if (wasFolded) {
                        // (Netty would unfold it; the exchange refuses the response and closes the connection)
                        response.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(
                                "response header line folded (obs-fold)")));
                    } else {
                        refuseTransferCodingsOtherThanChunked(response);
                    }
                }
                if (decoded instanceof LastHttpContent) {
                    inHead = true;
                }
            }
        }

        /**
         * A Transfer-Encoding naming any coding but chunked once ("identity", "gzip, chunked"): the gateway decodes
         * none other, so the body would go on to the client under a framing that is not its own (a page's bytes
         * compressed, unjudged). Marked as a failed decoding, which the exchange answers 502, as nginx does.
         */
        private static void refuseTransferCodingsOtherThanChunked(HttpResponse response) {
            List<String> values = response.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
            if (values.isEmpty()) {
                return;
            }
            String codings = String.join(",", values);
            if (!codings.strip().equalsIgnoreCase("chunked")) {
                response.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(
                        "transfer coding other than chunked: \"" + codings + "\"")));
            }
        }

        /** Whether a line of the head starts with SP or HTAB, continuing the previous one: obs-fold. */
        private static boolean hasFoldedLine(ByteBuf in) {
            int end = in.writerIndex();
            boolean lineStart = true;
            for (int i = in.readerIndex(); i < end; i++) {
                byte b = in.getByte(i);
                if (lineStart && (b == ' ' || b == '\t')) {
                    return true;
                }
                if (lineStart && b == '\r' && i + 1 < end && in.getByte(i + 1) == '\n') {
                    return false; // the empty line: end of the head
                }
                lineStart = b == '\n';
            }
            return false;
        }
    }

    private static final class MethodRecordingEncoder extends HttpRequestEncoder {
        private final Queue<HttpMethod> sent;

        MethodRecordingEncoder(Queue<HttpMethod> sent) {
            this.sent = sent;
        }

        @Override
        protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) throws Exception {
            if (msg instanceof HttpRequest request) {
                sent.add(request.method());
            }
            super.encode(ctx, msg, out);
        }

        /**
         * The gateway's own version, HTTP/1.1 (RFC 9110 6.2: an intermediary sends its own version in what it
         * forwards), whatever the client spoke; an HTTP/1.0 request without Host stays HTTP/1.0, which it is valid
         * as, rather than get a Host naming a site its client did not name.
         */
        @Override
        protected void encodeInitialLine(ByteBuf buf, HttpRequest request) throws Exception {
            if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)
                    && request.headers().contains(HttpHeaderNames.HOST)) {
                request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, request.method(), request.uri(),
                        request.headers());
            }
            super.encodeInitialLine(buf, request);
        }
    }
}
