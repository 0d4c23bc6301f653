package dev.consentgate.consent;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a consent POST comes from the site itself (CSRF protection without tokens, so the banner works
 * without JavaScript). Rules:
 * <ul>
 * <li>{@code Sec-Fetch-Site}: {@code same-origin}, {@code same-site} and {@code none} (typed or bookmarked) pass;
 * anything else is cross-site;</li>
 * <li>{@code Origin}: its host and port must equal the Host header's (default port of the Origin's scheme when
 * Host names none); {@code null} or unparsable is cross-site;</li>
 * <li>when both are sent both must pass; several differing copies of either header are ambiguous and refused;</li>
 * <li>neither sent: refused. Every browser that can be led into a cross-site POST sends at least Origin on POST
 * (all current engines since 2020), so a request with neither is a script or a very old browser; refusing costs
 * little and keeps the check fail-closed. Scripts can send {@code Sec-Fetch-Site: same-origin}.</li>
 * </ul>
 */
public final class SameSiteCheck {

    public enum Verdict {
        SAME_SITE, CROSS_SITE, NO_PROVENANCE, AMBIGUOUS;

        public boolean allowed() {
            return this == SAME_SITE;
        }
    }

    private SameSiteCheck() {
    }

    /**
     * @param origin       all values of the Origin header
     * @param secFetchSite all values of the Sec-Fetch-Site header
     * @param host         the request's Host (or :authority), empty when missing
     */
    public static Verdict judge(List<String> origin, List<String> secFetchSite, Optional<String> host) {
        Optional<String> site;
        Optional<String> originValue;
        try {
            site = single(secFetchSite);
            originValue = single(origin);
        } catch (IllegalStateException ambiguous) {
            return Verdict.AMBIGUOUS;
        }
        if (site.isEmpty() && originValue.isEmpty()) {
            return Verdict.NO_PROVENANCE;
        }
        if (site.isPresent()) {
            String s = site.get().strip().toLowerCase(Locale.ROOT);
            if (!s.equals("same-origin") && !s.equals("same-site") && !s.equals("none")) {
                return Verdict.CROSS_SITE;
            }
        }
        if (originValue.isPresent() && !originMatchesHost(originValue.get().strip(), host)) {
            return Verdict.CROSS_SITE;
        }
        return Verdict.SAME_SITE;
    }

    private static Optional<String> single(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        String first = values.get(0);
        for (String v : values) {
            if (v == null || !v.equals(first)) {
                throw new IllegalStateException("several different values");
            }
        }
        return Optional.of(first);
    }

    static boolean originMatchesHost(String origin, Optional<String> host) {
        if (host.isEmpty() || origin.equals("null")) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
        if (defaultPort < 0 || uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return false;
        }
        int originPort = uri.getPort() < 0 ? defaultPort : uri.getPort();
        Optional<HostPort> parsedHost = HostPort.parse(host.get().strip(), defaultPort);
        return parsedHost.isPresent() && parsedHost.get().port() == originPort
                && parsedHost.get().host().equalsIgnoreCase(uri.getHost());
    }

    /** Host header split into host and port ("[::1]:8080", "example.com"). */
    record HostPort(String host, int port) {
        static Optional<HostPort> parse(String value, int defaultPort) {
            String hostPart = value;
            String portPart = null;
            if (value.startsWith("[")) {
                int end = value.indexOf(']');
                if (end < 0) {
                    return Optional.empty();
                }
                hostPart = value.substring(0, end + 1);
                if (end + 1 < value.length()) {
                    if (value.charAt(end + 1) != ':') {
                        return Optional.empty();
                    }
                    portPart = value.substring(end + 2);
                }
            } else {
                int colon = value.indexOf(':');
                if (colon >= 0) {
                    hostPart = value.substring(0, colon);
                    portPart = value.substring(colon + 1);
                }
            }
            if (hostPart.isEmpty()) {
                return Optional.empty();
            }
            if (portPart == null) {
                return Optional.of(new HostPort(hostPart, defaultPort));
            }
            boolean digits = portPart.chars().allMatch(c -> c >= '0' && c <= '9');
            if (portPart.isEmpty() || portPart.length() > 5 || !digits) {
                return Optional.empty();
            }
            return Optional.of(new HostPort(hostPart, Integer.parseInt(portPart)));
        }
    }
}
