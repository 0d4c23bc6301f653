package dev.consentgate.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hop-by-hop header removal (RFC 9110 section 7.6.1) and the forwarding headers a reverse proxy adds. Transfer-Encoding
 * is left to the HTTP codec, which re-frames bodies on each connection.
 */
final class ForwardingHeaders {

    static final String VIA = "1.1 consentgate";

    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "upgrade");

    /**
     * Fields a Connection header may not remove: they frame the message, route it, tell the gateway how to read the
     * body it judges, or keep a page made for one consent from being reused for another (validators, Vary,
     * Cache-Control). A sender must not list end-to-end fields (RFC 9110 7.6.1); honouring such a listing would
     * forward a body without its length (a request smuggled to the upstream), an HTML body without its coding, or a
     * page variant without what marks it as one.
     */
    private static final Set<String> NEVER_REMOVED = Set.of("host", "content-length", "transfer-encoding",
            "content-type", "content-encoding", "etag", "last-modified", "vary", "cache-control");

    private ForwardingHeaders() {
    }

    /**
     * Removes Connection, the fields it lists and the fixed hop-by-hop set. With {@code keepUpgrade} (a WebSocket
     * handshake) Connection: upgrade and Upgrade are forwarded so the upstream sees the handshake.
     */
    static void removeHopByHop(HttpHeaders headers, boolean keepUpgrade) {
        List<String> listed = new ArrayList<>();
        for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : value.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !NEVER_REMOVED.contains(name)) {
                    listed.add(name);
                }
            }
        }
        for (String name : listed) {
            if (!(keepUpgrade && name.equals("upgrade"))) {
                headers.remove(name);
            }
        }
        for (String name : HOP_BY_HOP) {
            if (!(keepUpgrade && name.equals("upgrade"))) {
                headers.remove(name);
            }
        }
        if (keepUpgrade) {
            headers.set(HttpHeaderNames.CONNECTION, "upgrade");
        }
    }

    /** Adds X-Forwarded-For/-Proto/-Host and Via for the request as the gateway received it. */
    static void addForwarded(HttpHeaders headers, String clientAddress, String scheme) {
        String prior = String.join(", ", headers.getAll("x-forwarded-for"));
        headers.set("x-forwarded-for", prior.isEmpty() ? clientAddress : prior + ", " + clientAddress);
        headers.set("x-forwarded-proto", scheme);
        String host = headers.get(HttpHeaderNames.HOST);
        if (host != null) {
            headers.set("x-forwarded-host", host);
        }
        headers.add(HttpHeaderNames.VIA, VIA);
    }

    /**
     * Whether the proxy in front of the gateway, where TLS ends, says the request came over HTTPS
     * ({@code X-Forwarded-Proto: https}, or {@code proto=https} in the first element of Forwarded). A client that
     * says so over plain HTTP gets a Secure cookie its browser will not keep from an insecure origin: no harm to
     * anyone else.
     */
    static boolean forwardedOverTls(HttpHeaders headers) {
        String proto = headers.get("X-Forwarded-Proto");
        if (proto != null) {
            return proto.split(",", 2)[0].trim().equalsIgnoreCase("https");
        }
        String forwarded = headers.get("Forwarded");
        if (forwarded == null) {
            return false;
        }
        for (String pair : forwarded.split(",", 2)[0].split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equalsIgnoreCase("proto")) {
                return pair.substring(eq + 1).trim().replace("\"", "").equalsIgnoreCase("https");
            }
        }
        return false;
    }

    /** True for a WebSocket opening handshake, the one Upgrade the gateway forwards. */
    static boolean isWebSocketUpgrade(HttpHeaders headers) {
        return headers.containsValue(HttpHeaderNames.CONNECTION, "upgrade", true)
                && headers.containsValue(HttpHeaderNames.UPGRADE, "websocket", true);
    }
}
