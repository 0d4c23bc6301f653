package dev.consentgate.proxy;

import java.net.URI;

/**
 * The host and port of an origin or upstream URI. java.net.URI reads an authority whose host a URI may not spell
 * (an underscore, as in legacy S3 bucket hosts; a label ending in '-') as registry-based, with no host and no port;
 * browsers connect to such hosts, so the browser proxy does too: both are then read from the authority.
 */
final class UriAuthority {

    private UriAuthority() {
    }

    /** The host, as {@link URI#getHost()} gives it (an IPv6 address in brackets). */
    static String host(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        int colon = portColon(authority);
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    /** The port, or the scheme's default (443 for https, else 80). */
    static int port(URI uri) {
        int port = uri.getPort();
        if (port < 0 && uri.getHost() == null && uri.getRawAuthority() != null) {
            String authority = uri.getRawAuthority();
            int colon = portColon(authority);
            if (colon >= 0) {
                try {
                    port = Integer.parseInt(authority.substring(colon + 1));
                } catch (NumberFormatException notAPort) {
                    port = -1;
                }
            }
        }
        return port > 0 ? port : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static int portColon(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon > authority.lastIndexOf(']') ? colon : -1;
    }
}
