package dev.consentgate.config;

import java.net.URI;

/**
 * Where requests go: the first route whose host pattern and path prefix match the request is used.
 *
 * @param hostPattern    "*" for any host, "example.com" exactly, or "*.example.com" for its subdomains
 * @param pathPrefix     request path prefix, "/" for all
 * @param upstream       http://host:port of the web server behind the gateway
 * @param maxConnections upper bound of pooled upstream connections per event loop
 * @param origin         "FILE:LINE:COLUMN" of the route
 */
public record Route(String hostPattern, String pathPrefix, URI upstream, int maxConnections, String origin) {

    public boolean matches(String host, String path) {
        return hostMatches(host) && path.startsWith(pathPrefix);
    }

    private boolean hostMatches(String host) {
        if (hostPattern.equals("*")) {
            return true;
        }
        String bare = stripPort(host);
        if (hostPattern.startsWith("*.")) {
            return bare.regionMatches(true, bare.length() - hostPattern.length() + 1,
                    hostPattern, 1, hostPattern.length() - 1) && bare.length() > hostPattern.length() - 1;
        }
        return bare.equalsIgnoreCase(hostPattern);
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.lastIndexOf(':');
        return colon >= 0 ? host.substring(0, colon) : host;
    }

    public Route withMaxConnections(int newMaxConnections) {
        return new Route(hostPattern, pathPrefix, upstream, newMaxConnections, origin);
    }

    public Route withUpstream(URI newUpstream) {
        return new Route(hostPattern, pathPrefix, newUpstream, maxConnections, origin);
    }
}
