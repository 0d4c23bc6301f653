package dev.consentgate.proxy;

import dev.consentgate.config.TagRule;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.html.PageSite;
import dev.consentgate.html.TagPolicy;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * How the browser proxy reads a request: the site it is for (the CONNECT tunnel it came through, or its
 * absolute-form target), its full URL for the report, and whether the consent lets it be sent at all. No channels.
 */
final class BrowsedRequests {

    private BrowsedRequests() {
    }

    /**
     * The origin {@code scheme://host:port} of a CONNECT target ({@code host:port}), which the framing has checked;
     * empty when the host is not a DNS name or an IP address (a certificate could not name it).
     */
    static Optional<URI> connectOrigin(String authority) {
        int colon = authority.lastIndexOf(':');
        String host = authority.substring(0, colon);
        int port = Integer.parseInt(authority.substring(colon + 1));
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!isDnsNameOrIp(bare)) {
            return Optional.empty();
        }
        return origin(port == 80 ? "http" : "https", host, port);
    }

    /**
     * The origin of a request outside a tunnel: its absolute-form target ({@code http://host:port/path}); empty for an
     * origin-form target, which is addressed to the proxy itself.
     */
    static Optional<URI> absoluteFormOrigin(String target) {
        int from = AbsoluteFormTarget.authorityStart(target);
        if (from < 0) {
            return Optional.empty();
        }
        boolean https = from == 8;
        String authority = target.substring(from, AbsoluteFormTarget.authorityEnd(target, from));
        int colon = authority.lastIndexOf(':');
        boolean portPart = colon > authority.lastIndexOf(']');
        String host = portPart ? authority.substring(0, colon) : authority;
        String portText = portPart ? authority.substring(colon + 1) : "";
        int port = https ? 443 : 80;
        if (!portText.isEmpty()) {
            if (portText.length() > 5 || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            port = Integer.parseInt(portText);
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!isDnsNameOrIp(bare) || port < 1 || port > 65535) {
            return Optional.empty();
        }
        return origin(https ? "https" : "http", host, port);
    }

    private static Optional<URI> origin(String scheme, String host, int port) {
        try {
            return Optional.of(new URI(scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Letters, digits, hyphens, underscores and dots (a DNS name), or an IP address literal. */
    static boolean isDnsNameOrIp(String host) {
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (io.netty.util.NetUtil.isValidIpV6Address(host)) {
            return true;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_')) {
                return false;
            }
        }
        return !host.startsWith(".") && !host.contains("..");
    }

    /** Whether the Host header names the tunnel's host and port (a browser never sends another through a tunnel). */
    static boolean hostMatches(HttpHeaders headers, URI origin) {
        boolean https = origin.getScheme().equals("https");
        return HostSyntax.normalize(headers.get(HttpHeaderNames.HOST, ""), https)
                .equals(HostSyntax.normalize(origin.getAuthority(), https));
    }

    /** The request's URL as the browser knew it, for the report and for the tag rules. */
    static String url(URI origin, String originFormTarget) {
        int port = UriAuthority.port(origin);
        boolean defaultPort = origin.getScheme().equals("https") ? port == 443 : port == 80;
        return origin.getScheme() + "://" + UriAuthority.host(origin) + (defaultPort ? "" : ":" + port)
                + originFormTarget;
    }

    /** The rule not granted that the request's URL matches (a tag host or path), judged from the page's site. */
    static Optional<TagRule> matchingRule(TagPolicy policy, HttpRequest request, String url, ConsentDecision consent) {
        return policy.ruleBlockingRequest(url, pageSite(request.headers()), consent);
    }

    /**
     * A navigation the person at the browser started: an address typed or a bookmark ({@code Sec-Fetch-Site: none}),
     * or a link clicked ({@code Sec-Fetch-User: ?1}). One a page starts by itself (a script setting location, a meta
     * refresh, a form it submits) has neither, and is judged like any other request.
     */
    static boolean startedByUser(HttpHeaders headers) {
        return "navigate".equals(headers.get("Sec-Fetch-Mode")) && "document".equals(headers.get("Sec-Fetch-Dest"))
                && ("none".equals(headers.get("Sec-Fetch-Site")) || "?1".equals(headers.get("Sec-Fetch-User")));
    }

    /** The site of the page that made the request, from its Referer or Origin; none when neither is sent. */
    static PageSite pageSite(HttpHeaders headers) {
        for (String name : new String[] {"Referer", "Origin"}) {
            String value = headers.get(name);
            if (value != null) {
                int from = AbsoluteFormTarget.authorityStart(value);
                if (from >= 0) {
                    return PageSite.ofAuthority(value.substring(from, AbsoluteFormTarget.authorityEnd(value, from)));
                }
            }
        }
        return PageSite.NONE;
    }

    static String page(HttpHeaders headers) {
        return headers.get("Referer", headers.get("Origin", ""));
    }
}
