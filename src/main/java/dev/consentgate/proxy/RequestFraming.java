package dev.consentgate.proxy;

import static dev.consentgate.proxy.HttpByteClasses.isDigit;
import static dev.consentgate.proxy.HttpByteClasses.isHex;
import static dev.consentgate.proxy.HttpByteClasses.isTchar;

import dev.consentgate.config.Limits;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A strict RFC 9112 reader of the raw request byte stream, run before Netty's decoder so that the decoder only ever
 * sees requests whose framing has one reading. It checks each request head as a whole (the head is passed on only
 * once it is complete and valid), follows the body by Content-Length or chunked framing, re-spells chunk-size lines
 * without extensions and checks trailers. Anything that a lenient parser could read differently from a strict one
 * (obs-fold, bare CR or LF, CL with TE, junk in lengths, NUL) is a {@link RequestRejection}; after one the stream is
 * not read any further. Accepts a subset of what RFC 9112 allows and of what nginx accepts (methods are upper-case
 * letters, '-' and '_' as nginx requires), so nothing passes that either would refuse.
 *
 * <p>This class is the state machine over the bytes: it reads lines and spells out the request and field lines.
 * The rules over a complete head are {@link ParsedHead}'s and the chunk-size line grammar is {@link ChunkSizeLine}'s.
 */
final class RequestFraming {

    /** What the last call to {@link #scan} stopped at. */
    enum Step {
        /** All input was consumed; more is needed to go on. */
        NEED_MORE,
        /** A complete, valid request head was passed on (its body, if any, follows). */
        REQUEST_HEAD,
        /**
         * A head after which the connection may stop carrying HTTP requests: a WebSocket opening handshake (HTTP
         * again only if the upstream declines) or the browser proxy's CONNECT.
         */
        SWITCH_HEAD,
        /** A request's body ended: the scanner may hold back what follows (the limit of pipelined requests). */
        BODY_END
    }

    private enum State {
        BEFORE_REQUEST, REQUEST_LINE, HEADERS, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_CR, CHUNK_DATA_LF,
        TRAILERS
    }

    /** Fields that frame, route or carry state and must not arrive after the body where they escape checks. */
    private static final Set<String> FORBIDDEN_TRAILERS = Set.of("content-length", "transfer-encoding", "host",
            "cookie", "connection", "keep-alive", "te", "trailer", "upgrade", "expect", "proxy-connection",
            "proxy-authorization", "authorization", "content-type", "content-encoding", "content-range");
    private static final byte[] CRLF = {'\r', '\n'};

    private final int maxRequestLine;
    private final int maxHeaderBytes;
    private final int maxHeaderCount;
    private final long maxBodyBytes;

    private State state = State.BEFORE_REQUEST;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean sawCr;
    private int emptyLineBytes;

    private byte[] head = new byte[1024];
    private int headLength;
    private int headerBytes;
    private int headerCount;
    private final ParsedHead parsedHead;

    private long remaining;
    private long bodyBytes;
    private int trailerBytes;

    RequestFraming(Limits limits) {
        this(limits, false);
    }

    /** @param connectAccepted whether CONNECT host:port is a valid request (the browser proxy's listener) */
    RequestFraming(Limits limits, boolean connectAccepted) {
        this.parsedHead = new ParsedHead(connectAccepted);
        this.maxRequestLine = limits.maxRequestLine();
        this.maxHeaderBytes = limits.maxHeaderBytes();
        this.maxHeaderCount = limits.maxHeaderCount();
        this.maxBodyBytes = limits.maxBodyBytes();
    }

    /** True while no part of a request head has been passed on, i.e. a fault now concerns a whole new request. */
    boolean betweenOrInHead() {
        return state == State.BEFORE_REQUEST || state == State.REQUEST_LINE || state == State.HEADERS;
    }

    /** True while a request body (or its trailers) is being read. */
    boolean inBody() {
        return !betweenOrInHead();
    }

    /**
     * Reads from {@code in} and writes what Netty's decoder may see to {@code out}; stops after each request head.
     *
     * @throws RequestRejection at the first byte that makes the stream invalid; nothing from there on was written
     */
    Step scan(ByteBuf in, ByteBuf out) {
        while (in.isReadable()) {
            switch (state) {
                case BEFORE_REQUEST -> {
                    byte first = in.getByte(in.readerIndex());
                    if (first == '\r' || sawCr) {
                        // RFC 9112 section 2.2: empty lines before a request line are ignored (and not passed on).
                        if (!readLine(in, 0, () -> RequestRejection.badRequest("bytes before the request line"))) {
                            return Step.NEED_MORE;
                        }
                        emptyLineBytes += 2;
                        if (emptyLineBytes > maxRequestLine) {
                            throw RequestRejection.badRequest("too many empty lines before the request line");
                        }
                    } else if (isMethodByte(first)) {
                        startHead();
                        state = State.REQUEST_LINE;
                    } else {
                        throw RequestRejection.badRequest(first == '\n' ? "bare LF before the request line"
                                : "bytes before the request line");
                    }
                }
                case REQUEST_LINE -> {
                    if (!readLine(in, maxRequestLine, () -> new RequestRejection(
                            HttpResponseStatus.REQUEST_URI_TOO_LONG,
                            "request line longer than " + maxRequestLine + " bytes"))) {
                        return Step.NEED_MORE;
                    }
                    parseRequestLine();
                    appendLineToHead();
                    state = State.HEADERS;
                }
                case HEADERS -> {
                    if (!readLine(in, maxHeaderBytes - headerBytes, this::headerBlockTooLarge)) {
                        return Step.NEED_MORE;
                    }
                    if (lineLength == 0) {
                        return finishHead(out);
                    }
                    headerBytes += lineLength + 2;
                    if (++headerCount > maxHeaderCount) {
                        throw new RequestRejection(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                                "more than " + maxHeaderCount + " header fields");
                    }
                    String[] field = parseFieldLine("header");
                    parsedHead.field(field[0], field[1]);
                    appendLineToHead();
                }
                case FIXED_BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.readableBytes());
                    out.writeBytes(in, n);
                    remaining -= n;
                    if (remaining == 0) {
                        if (state == State.FIXED_BODY) {
                            state = State.BEFORE_REQUEST;
                            return Step.BODY_END;
                        }
                        state = State.CHUNK_DATA_CR;
                    }
                }
                case CHUNK_DATA_CR -> {
                    if (in.readByte() != '\r') {
                        throw RequestRejection.badRequest("chunk data not followed by CRLF");
                    }
                    state = State.CHUNK_DATA_LF;
                }
                case CHUNK_DATA_LF -> {
                    if (in.readByte() != '\n') {
                        throw RequestRejection.badRequest("chunk data not followed by CRLF");
                    }
                    out.writeBytes(CRLF);
                    state = State.CHUNK_SIZE;
                }
                case CHUNK_SIZE -> {
                    if (!readLine(in, ChunkSizeLine.MAX_LENGTH, () -> RequestRejection.badRequest(
                            "chunk-size line longer than " + ChunkSizeLine.MAX_LENGTH + " bytes"))) {
                        return Step.NEED_MORE;
                    }
                    long size = ChunkSizeLine.parseSize(line, lineLength);
                    lineLength = 0;
                    bodyBytes += size;
                    if (bodyBytes > maxBodyBytes) {
                        throw new RequestRejection(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                                "request body larger than " + maxBodyBytes + " bytes");
                    }
                    // Re-spelled without extensions: the decoder and the upstream see one plain size.
                    out.writeCharSequence(Long.toHexString(size), StandardCharsets.US_ASCII);
                    out.writeBytes(CRLF);
                    if (size == 0) {
                        trailerBytes = 0;
                        state = State.TRAILERS;
                    } else {
                        remaining = size;
                        state = State.CHUNK_DATA;
                    }
                }
                case TRAILERS -> {
                    if (!readLine(in, maxHeaderBytes - trailerBytes, () -> new RequestRejection(
                            HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                            "trailer section larger than " + maxHeaderBytes + " bytes"))) {
                        return Step.NEED_MORE;
                    }
                    if (lineLength > 0) {
                        String name = parseFieldLine("trailer")[0];
                        if (FORBIDDEN_TRAILERS.contains(name)) {
                            throw RequestRejection.badRequest("'" + name + "' is not allowed as a trailer field");
                        }
                        trailerBytes += lineLength + 2;
                        out.writeBytes(line, 0, lineLength);
                        lineLength = 0;
                    } else {
                        state = State.BEFORE_REQUEST;
                        out.writeBytes(CRLF);
                        return Step.BODY_END;
                    }
                    out.writeBytes(CRLF);
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return Step.NEED_MORE;
    }

    /** Collects one CRLF-terminated line into {@link #line}; false when the input ended first. */
    private boolean readLine(ByteBuf in, int limit, Supplier<RequestRejection> tooLong) {
        while (in.isReadable()) {
            byte b = in.readByte();
            if (sawCr) {
                if (b != '\n') {
                    throw RequestRejection.badRequest("bare CR (not followed by LF)");
                }
                sawCr = false;
                return true;
            }
            if (b == '\r') {
                sawCr = true;
            } else if (b == '\n') {
                throw RequestRejection.badRequest("bare LF (line ended without CR)");
            } else {
                if (lineLength >= limit) {
                    throw tooLong.get();
                }
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
            }
        }
        return false;
    }

    private RequestRejection headerBlockTooLarge() {
        return new RequestRejection(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                "header block larger than " + maxHeaderBytes + " bytes");
    }

    private void startHead() {
        headLength = 0;
        headerBytes = 0;
        headerCount = 0;
        emptyLineBytes = 0;
        parsedHead.clear();
    }

    private void appendLineToHead() {
        int needed = headLength + lineLength + 2;
        if (needed > head.length) {
            head = Arrays.copyOf(head, Math.max(needed, head.length * 2));
        }
        System.arraycopy(line, 0, head, headLength, lineLength);
        head[headLength + lineLength] = '\r';
        head[headLength + lineLength + 1] = '\n';
        headLength = needed;
        lineLength = 0;
    }

    private void parseRequestLine() {
        int sp1 = indexOf(' ', 0);
        if (sp1 <= 0) {
            throw RequestRejection.badRequest("malformed request line");
        }
        for (int i = 0; i < sp1; i++) {
            if (!isMethodByte(line[i])) {
                throw RequestRejection.badRequest("invalid byte in the method");
            }
        }
        int sp2 = indexOf(' ', sp1 + 1);
        if (sp2 < 0) {
            throw RequestRejection.badRequest("request line without HTTP version (HTTP/0.9 is not served)");
        }
        if (sp2 == sp1 + 1) {
            throw RequestRejection.badRequest("empty request target");
        }
        for (int i = sp1 + 1; i < sp2; i++) {
            int b = line[i] & 0xff;
            if (b < 0x21 || b > 0x7e || b == '#') {
                throw RequestRejection.badRequest("invalid byte in the request target");
            }
            if (b == '%') {
                if (i + 2 >= sp2 || !isHex(line[i + 1]) || !isHex(line[i + 2])) {
                    throw RequestRejection.badRequest("malformed percent-encoding in the request target");
                }
                if (line[i + 1] == '0' && line[i + 2] == '0') {
                    throw RequestRejection.badRequest("%00 in the request target");
                }
            }
        }
        int v = sp2 + 1;
        boolean wellFormed = lineLength - v == 8 && ascii(v, v + 5).equals("HTTP/") && isDigit(line[v + 5])
                && line[v + 6] == '.' && isDigit(line[v + 7]);
        if (!wellFormed) {
            throw RequestRejection.badRequest("malformed HTTP version");
        }
        if (line[v + 5] != '1' || line[v + 7] > '1') {
            throw new RequestRejection(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED,
                    "only HTTP/1.0 and HTTP/1.1 are served");
        }
        parsedHead.requestLine(ascii(0, sp1), ascii(sp1 + 1, sp2), line[v + 7] - '0');
    }

    /** Checks a field line; returns its lower-case name and its value without surrounding whitespace. */
    private String[] parseFieldLine(String kind) {
        if (line[0] == ' ' || line[0] == '\t') {
            throw RequestRejection.badRequest("obs-fold (" + kind + " line starting with whitespace)");
        }
        int colon = indexOf(':', 0);
        if (colon < 0) {
            throw RequestRejection.badRequest(kind + " line without a colon");
        }
        if (colon == 0) {
            throw RequestRejection.badRequest("empty " + kind + " name");
        }
        for (int i = 0; i < colon; i++) {
            if (!isTchar(line[i])) {
                throw RequestRejection.badRequest("invalid byte in a " + kind + " name");
            }
        }
        int start = colon + 1;
        int end = lineLength;
        for (int i = start; i < end; i++) {
            int b = line[i] & 0xff;
            if (b != '\t' && (b < 0x20 || b == 0x7f)) {
                throw RequestRejection.badRequest("control byte in a " + kind + " value");
            }
        }
        while (start < end && (line[start] == ' ' || line[start] == '\t')) {
            start++;
        }
        while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
            end--;
        }
        return new String[] {ascii(0, colon).toLowerCase(Locale.ROOT),
                new String(line, start, end - start, StandardCharsets.ISO_8859_1)};
    }

    private Step finishHead(ByteBuf out) {
        lineLength = 0;
        ParsedHead.BodyFraming body = parsedHead.validate();
        out.writeBytes(head, 0, headLength);
        out.writeBytes(CRLF);
        bodyBytes = 0;
        if (body.chunked()) {
            state = State.CHUNK_SIZE;
        } else if (body.contentLength() > 0) {
            remaining = body.contentLength();
            state = State.FIXED_BODY;
        } else {
            state = State.BEFORE_REQUEST;
        }
        return body.switchesProtocol() ? Step.SWITCH_HEAD : Step.REQUEST_HEAD;
    }

    private int indexOf(char c, int from) {
        for (int i = from; i < lineLength; i++) {
            if (line[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private String ascii(int from, int to) {
        return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** nginx accepts only these in a method; RFC 9112 allows any token, so this is the common subset. */
    private static boolean isMethodByte(byte b) {
        return b >= 'A' && b <= 'Z' || b == '-' || b == '_';
    }
}
