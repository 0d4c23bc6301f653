package dev.consentgate.cookie;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the Set-Cookie value that makes a browser delete a cookie it holds in one scope: empty value, Max-Age=0 and
 * an Expires in 1970 (for readers that ignore Max-Age), with that scope's Path and Domain, since a browser only
 * replaces a cookie of the same name, domain and path ({@link CookiePolicy} names the scopes). {@code __Host-}
 * cookies get Secure, Path=/ and no Domain, {@code __Secure-} cookies get Secure, {@code __Http-} cookies Secure and
 * HttpOnly, {@code __Host-Http-} cookies all of these, or the browser would refuse the deletion. A partitioned
 * cookie (CHIPS: set with {@code Partitioned}, which Chromium honours on a top-level site's own responses too) is
 * kept apart from the unpartitioned one of the same name and scope, and only a field that is {@code Partitioned}
 * (and so {@code Secure}) deletes it.
 */
final class CookieDeletion {

    static final String EPOCH = "Thu, 01 Jan 1970 00:00:00 GMT";

    /** Labels Chromium takes in a Domain as they are: a host with an underscore (my_shop.example) sets cookies too. */
    private static final Pattern DOTTED_NAME = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)+");
    private static final Pattern IPV4 = Pattern.compile("[0-9.]+");
    /** Deletions per removed cookie are one per domain: this many at most. */
    private static final int MAX_DOMAINS = 5;

    private CookieDeletion() {
    }

    /** A deletion in one scope: {@code path} (starting with '/'), and {@code domain}, empty for host-only. */
    static String inScope(RequestCookie cookie, String path, Optional<String> domain) {
        return inScope(cookie, path, domain, false);
    }

    /** As above; {@code partitioned}: of the cookie kept in the partition of the site the response is for. */
    static String inScope(RequestCookie cookie, String path, Optional<String> domain, boolean partitioned) {
        CookiePrefix prefix = CookiePrefix.of(cookie.name());
        StringBuilder out = new StringBuilder(64);
        if (cookie.name().isEmpty()) {
            out.append(cookie.raw());
        } else {
            out.append(cookie.name()).append('=');
        }
        out.append("; Max-Age=0; Expires=").append(EPOCH);
        if (prefix.hostOnly()) {
            out.append("; Path=/");
        } else {
            out.append("; Path=").append(path);
            domain.ifPresent(d -> out.append("; Domain=").append(d));
        }
        if (prefix != CookiePrefix.NONE || partitioned) {
            out.append("; Secure");
        }
        if (prefix.httpOnly()) {
            out.append("; HttpOnly");
        }
        if (partitioned) {
            out.append("; Partitioned");
        }
        return out.toString();
    }

    /**
     * The paths a cookie the request carried may be stored on, besides "/": the directories of the request's path
     * (a cookie set without a Path by a response to /shop/cart has the default path /shop), the deepest three, since
     * the deepest is where a page's own cookies live; none longer than a Path attribute may be (1024 octets).
     */
    static List<String> directoryPaths(Optional<String> requestPath) {
        List<String> out = new ArrayList<>();
        String path = pathOf(requestPath);
        if (!path.startsWith("/")) {
            return out;
        }
        int slash = path.lastIndexOf('/');
        while (slash > 0 && out.size() < MAX_DIRECTORIES) {
            String directory = path.substring(0, slash);
            if (writable(directory)) {
                out.add(0, directory);
            }
            slash = path.lastIndexOf('/', slash - 1);
        }
        return out;
    }

    /**
     * Every path besides "/" a cookie the request carried may be stored on, as far as the response can name them:
     * each of {@link #directoryPaths} without and with its trailing '/', and the request's path itself. All of them
     * path-match the request (RFC 6265bis 5.1.4), and sites write each: the default path /shop of a cookie set from
     * /shop/cart, "Path=/blog/" (WordPress under a blog's directory), "path=" + location.pathname in a script.
     */
    static List<String> storedPaths(Optional<String> requestPath) {
        Set<String> out = new LinkedHashSet<>();
        for (String directory : directoryPaths(requestPath)) {
            out.add(directory);
            if (writable(directory + "/")) {
                out.add(directory + "/");
            }
        }
        String path = pathOf(requestPath);
        if (path.startsWith("/") && writable(path)) {
            out.add(path);
        }
        out.remove("/");
        return List.copyOf(out);
    }

    private static String pathOf(Optional<String> requestPath) {
        String path = requestPath.orElse("/");
        int query = path.indexOf('?');
        return query >= 0 ? path.substring(0, query) : path;
    }

    /** A path a deletion's Path attribute can carry, and a browser keeps (at most 1024 octets). */
    private static boolean writable(String path) {
        return path.length() <= MAX_PATH && path.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';' && c != ',');
    }

    private static final int MAX_DIRECTORIES = 3;
    /** RFC 6265bis: a Path attribute over 1024 octets is ignored by browsers. */
    private static final int MAX_PATH = 1024;

    /**
     * The request host and its parent domains with at least two labels, from the host itself up: www.shop.example.com
     * gives www.shop.example.com, shop.example.com, example.com. At most five: for a deeper host, the host and the
     * four shortest, since trackers set their cookies on the registrable domain. A host written with its trailing dot
     * (www.example.com.) gives each with that dot (www.example.com., example.com.): Chromium holds the cookies of such
     * a host on domains with the dot, and refuses a Domain without it from there. Empty for IP addresses, single
     * labels and hosts with characters a Domain attribute cannot carry.
     */
    static List<String> parentDomains(String hostHeader) {
        String host = hostName(hostHeader);
        String dot = "";
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
            dot = ".";
        }
        if (!DOTTED_NAME.matcher(host).matches() || IPV4.matcher(host).matches()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        String current = host;
        while (current.indexOf('.') > 0) {
            out.add(current + dot);
            current = current.substring(current.indexOf('.') + 1);
        }
        if (out.size() > MAX_DOMAINS) {
            List<String> bounded = new ArrayList<>(MAX_DOMAINS);
            bounded.add(host + dot);
            bounded.addAll(out.subList(out.size() - (MAX_DOMAINS - 1), out.size()));
            return bounded;
        }
        return out;
    }

    /** Whether the request host is written with its trailing dot (www.example.com.), a host of its own to Chromium. */
    static boolean fullyQualified(String hostHeader) {
        return hostName(hostHeader).endsWith(".");
    }

    private static String hostName(String hostHeader) {
        return CookieDomain.hostName(hostHeader);
    }

}
