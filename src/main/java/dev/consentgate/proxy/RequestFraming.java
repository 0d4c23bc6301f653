package dev.consentgate.proxy;

import static dev.consentgate.proxy.HttpByteClasses.isDigit;
import static dev.consentgate.proxy.HttpByteClasses.isHex;
import static dev.consentgate.proxy.HttpByteClasses.isTchar;

import dev.consentgate.config.Limits;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 */
final class RequestFraming {

    /** What the last call to {@link #scan} stopped at. */
    enum Step {
        /** All input was consumed; more is needed to go on. */
        NEED_MORE,
        /** A complete, valid request head was passed on (its body, if any, follows). */
        REQUEST_HEAD,
        /** A WebSocket opening handshake was passed on: what follows is only HTTP if the upstream declines. */
        UPGRADE_HEAD
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
    private String method;
    private String target;
    private int minorVersion;
    private final List<String> hosts = new ArrayList<>();
    private final List<String> contentLengths = new ArrayList<>();
    private final List<String> transferEncodings = new ArrayList<>();
    private final List<String> connections = new ArrayList<>();
    private final List<String> upgrades = new ArrayList<>();

    private long remaining;
    private long bodyBytes;
    private int trailerBytes;

    RequestFraming(Limits limits) {
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
                    recordHeader(parseFieldLine("header"));
                    appendLineToHead();
                }
                case FIXED_BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.readableBytes());
                    out.writeBytes(in, n);
                    remaining -= n;
                    if (remaining == 0) {
                        state = state == State.FIXED_BODY ? State.BEFORE_REQUEST : State.CHUNK_DATA_CR;
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
        hosts.clear();
        contentLengths.clear();
        transferEncodings.clear();
        connections.clear();
        upgrades.clear();
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
        method = ascii(0, sp1);
        target = ascii(sp1 + 1, sp2);
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
        minorVersion = line[v + 7] - '0';
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

    private void recordHeader(String[] field) {
        switch (field[0]) {
            case "host" -> hosts.add(field[1]);
            case "content-length" -> contentLengths.add(field[1]);
            case "transfer-encoding" -> transferEncodings.add(field[1]);
            case "connection" -> connections.add(field[1]);
            case "upgrade" -> upgrades.add(field[1]);
            default -> {
                // other fields are the proxy's business
            }
        }
    }

    private Step finishHead(ByteBuf out) {
        lineLength = 0;
        checkMethodAndTarget();
        checkHost();
        boolean chunked = checkTransferEncoding();
        long length = checkContentLength();
        if (chunked && length >= 0) {
            throw RequestRejection.badRequest("both Content-Length and Transfer-Encoding");
        }
        boolean upgrade = HeaderTokens.contains(connections, "upgrade") && HeaderTokens.contains(upgrades, "websocket");
        if (upgrade && (chunked || length > 0)) {
            throw RequestRejection.badRequest("WebSocket handshake with a request body");
        }
        out.writeBytes(head, 0, headLength);
        out.writeBytes(CRLF);
        bodyBytes = 0;
        if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (length > 0) {
            remaining = length;
            state = State.FIXED_BODY;
        } else {
            state = State.BEFORE_REQUEST;
        }
        return upgrade ? Step.UPGRADE_HEAD : Step.REQUEST_HEAD;
    }

    private void checkMethodAndTarget() {
        if (method.equals("CONNECT") || method.equals("TRACE")) {
            throw new RequestRejection(HttpResponseStatus.NOT_IMPLEMENTED, method + " is not served");
        }
        if (target.equals("*")) {
            if (!method.equals("OPTIONS")) {
                throw RequestRejection.badRequest("asterisk-form target with a method other than OPTIONS");
            }
        } else if (target.charAt(0) != '/') {
            String lower = target.toLowerCase(Locale.ROOT);
            boolean https = lower.startsWith("https://");
            if (!https && !lower.startsWith("http://")) {
                throw RequestRejection.badRequest("request target is neither origin-form nor an http(s) URI");
            }
            int from = https ? 8 : 7;
            int to = from;
            while (to < target.length() && target.charAt(to) != '/' && target.charAt(to) != '?') {
                to++;
            }
            String authority = target.substring(from, to);
            if (authority.isEmpty() || authority.indexOf('@') >= 0 || !HostSyntax.isValid(authority)) {
                throw RequestRejection.badRequest("invalid authority in the absolute-form target");
            }
            if (hosts.size() == 1
                    && !HostSyntax.normalize(authority, https).equals(HostSyntax.normalize(hosts.get(0), https))) {
                throw RequestRejection.badRequest("Host header disagrees with the absolute-form target");
            }
        }
    }

    private void checkHost() {
        if (hosts.size() > 1) {
            throw RequestRejection.badRequest("more than one Host header");
        }
        if (hosts.isEmpty() && minorVersion == 1) {
            throw RequestRejection.badRequest("HTTP/1.1 request without Host header");
        }
        if (!hosts.isEmpty() && !hosts.get(0).isEmpty() && !HostSyntax.isValid(hosts.get(0))) {
            throw RequestRejection.badRequest("invalid Host header");
        }
    }

    /** True when the body is chunked; rejects every other Transfer-Encoding. */
    private boolean checkTransferEncoding() {
        if (transferEncodings.isEmpty()) {
            return false;
        }
        if (minorVersion == 0) {
            throw RequestRejection.badRequest("Transfer-Encoding in an HTTP/1.0 request");
        }
        if (transferEncodings.size() > 1) {
            throw RequestRejection.badRequest("more than one Transfer-Encoding header");
        }
        String[] codings = transferEncodings.get(0).split(",", -1);
        int chunkedAt = -1;
        boolean unknown = false;
        for (int i = 0; i < codings.length; i++) {
            String coding = codings[i].strip();
            if (coding.isEmpty() || !HeaderTokens.isToken(coding)) {
                throw RequestRejection.badRequest("malformed Transfer-Encoding");
            }
            if (coding.equalsIgnoreCase("chunked")) {
                if (chunkedAt >= 0) {
                    throw RequestRejection.badRequest("chunked applied twice");
                }
                chunkedAt = i;
            } else {
                unknown = true;
            }
        }
        if (chunkedAt >= 0 && chunkedAt != codings.length - 1) {
            throw RequestRejection.badRequest("chunked is not the final transfer coding");
        }
        if (unknown) {
            throw new RequestRejection(HttpResponseStatus.NOT_IMPLEMENTED, "only the chunked transfer coding is served");
        }
        return true;
    }

    /**
     * The declared body length, or -1 without Content-Length. Repeated values (in several fields or a list) are
     * accepted only when all are spelled the same (RFC 9110, 8.6; "05" and "5" count as different, as for Netty's
     * decoder behind); the upstream is then sent one.
     */
    private long checkContentLength() {
        String first = null;
        for (String field : contentLengths) {
            for (String element : field.split(",", -1)) {
                String value = element.strip();
                parseContentLength(value);
                if (first != null && !value.equals(first)) {
                    throw RequestRejection.badRequest("Content-Length values disagree");
                }
                first = value;
            }
        }
        return first == null ? -1 : parseContentLength(first);
    }

    private static long parseContentLength(String value) {
        if (value.isEmpty() || value.length() > 18) {
            throw RequestRejection.badRequest("invalid Content-Length");
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isDigit((byte) value.charAt(i))) {
                throw RequestRejection.badRequest("invalid Content-Length");
            }
        }
        return Long.parseLong(value);
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
