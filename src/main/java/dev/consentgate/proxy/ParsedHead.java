package dev.consentgate.proxy;

import static dev.consentgate.proxy.HttpByteClasses.isDigit;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What the request framing keeps of one request head (the request line and the fields that route it or frame its
 * body) and the rules the complete head must meet before any of it is passed on. Holds no bytes: {@link
 * RequestFraming} reads and spells the lines, this judges what they say, because several rules (Host against an
 * absolute-form target, Content-Length against Transfer-Encoding) can only be decided once the head has ended.
 */
final class ParsedHead {

    /** How the body after a valid head is framed; {@code contentLength} is -1 without Content-Length. */
    record BodyFraming(boolean chunked, long contentLength, boolean webSocketUpgrade, boolean connect) {

        /** After this head the connection carries other bytes than HTTP requests (once the proxy has agreed). */
        boolean switchesProtocol() {
            return webSocketUpgrade || connect;
        }
    }

    /** CONNECT host:port is a request of the browser proxy; the gateway in front of a site refuses it. */
    private final boolean connectAccepted;

    private String method;
    private String target;
    private int minorVersion;
    private final List<String> hosts = new ArrayList<>();
    private final List<String> contentLengths = new ArrayList<>();
    private final List<String> transferEncodings = new ArrayList<>();
    private final List<String> connections = new ArrayList<>();
    private final List<String> upgrades = new ArrayList<>();

    ParsedHead(boolean connectAccepted) {
        this.connectAccepted = connectAccepted;
    }

    /** Forgets the previous head; the request line of the next one sets method, target and version. */
    void clear() {
        hosts.clear();
        contentLengths.clear();
        transferEncodings.clear();
        connections.clear();
        upgrades.clear();
    }

    void requestLine(String method, String target, int minorVersion) {
        this.method = method;
        this.target = target;
        this.minorVersion = minorVersion;
    }

    /** Keeps a field (name in lower case) when the rules below look at it. */
    void field(String name, String value) {
        switch (name) {
            case "host" -> hosts.add(value);
            case "content-length" -> contentLengths.add(value);
            case "transfer-encoding" -> transferEncodings.add(value);
            case "connection" -> connections.add(value);
            case "upgrade" -> upgrades.add(value);
            default -> {
                // other fields are the proxy's business
            }
        }
    }

    /**
     * Checks the complete head and says how its body is framed.
     *
     * @throws RequestRejection at the first rule the head breaks, in a fixed order so the answer is predictable
     */
    BodyFraming validate() {
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
        boolean connect = method.equals("CONNECT");
        if (connect && (chunked || length > 0)) {
            throw RequestRejection.badRequest("CONNECT with a request body");
        }
        return new BodyFraming(chunked, length, upgrade && !connect, connect);
    }

    private void checkMethodAndTarget() {
        if (method.equals("CONNECT") && connectAccepted) {
            checkAuthorityForm();
            return;
        }
        if (method.equals("CONNECT") || method.equals("TRACE")) {
            throw new RequestRejection(HttpResponseStatus.NOT_IMPLEMENTED, method + " is not served");
        }
        if (target.equals("*")) {
            if (!method.equals("OPTIONS")) {
                throw RequestRejection.badRequest("asterisk-form target with a method other than OPTIONS");
            }
        } else if (target.charAt(0) != '/') {
            int from = AbsoluteFormTarget.authorityStart(target);
            if (from < 0) {
                throw RequestRejection.badRequest("request target is neither origin-form nor an http(s) URI");
            }
            boolean https = from == 8;
            String authority = target.substring(from, AbsoluteFormTarget.authorityEnd(target, from));
            if (authority.isEmpty() || authority.indexOf('@') >= 0 || !HostSyntax.isValid(authority)) {
                throw RequestRejection.badRequest("invalid authority in the absolute-form target");
            }
            if (hosts.size() == 1
                    && !HostSyntax.normalize(authority, https).equals(HostSyntax.normalize(hosts.get(0), https))) {
                throw RequestRejection.badRequest("Host header disagrees with the absolute-form target");
            }
        }
    }

    /** RFC 9112 3.2.3: a CONNECT target is host:port, nothing else; the port is required. */
    private void checkAuthorityForm() {
        int colon = target.lastIndexOf(':');
        if (target.indexOf('/') >= 0 || target.indexOf('@') >= 0 || colon <= 0 || colon == target.length() - 1
                || (target.charAt(0) == '[') != (target.charAt(colon - 1) == ']') || !HostSyntax.isValid(target)) {
            throw RequestRejection.badRequest("CONNECT target must be host:port");
        }
        for (int i = colon + 1; i < target.length(); i++) {
            if (target.charAt(i) < '0' || target.charAt(i) > '9') {
                throw RequestRejection.badRequest("CONNECT target must be host:port");
            }
        }
        if (target.length() - colon - 1 > 5 || Integer.parseInt(target.substring(colon + 1)) == 0
                || Integer.parseInt(target.substring(colon + 1)) > 65535) {
            throw RequestRejection.badRequest("CONNECT port out of range");
        }
    }

    private void checkHost() {
        if (hosts.size() > 1) {
            throw RequestRejection.badRequest("more than one Host header");
        }
        if (hosts.isEmpty() && minorVersion == 1) {
            throw RequestRejection.badRequest("HTTP/1.1 request without Host header");
        }
        // (an empty Host stands for a target without an authority, which an http URI always has: RFC 9110 4.2.1)
        if (!hosts.isEmpty() && (hosts.get(0).isEmpty() || !HostSyntax.isValid(hosts.get(0)))) {
            throw RequestRejection.badRequest(hosts.get(0).isEmpty() ? "empty Host header" : "invalid Host header");
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
}
