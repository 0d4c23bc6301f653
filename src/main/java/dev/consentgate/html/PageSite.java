package dev.consentgate.html;

import java.util.Locale;
import java.util.Set;

/**
 * The site a page belongs to: the registrable domain of the host it was requested from ({@code www.example.co.uk}
 * is {@code example.co.uk}). A tag rule whose host is that whole domain, or a parent of it, names the site itself
 * (a vendor's list, or a rule for YouTube while its own pages are browsed), so it does not apply to the site's own
 * resources: those are first party. A rule naming one subdomain of the site (a tracker behind
 * {@code stats.example.com}) and a rule with only a path still do.
 *
 * <p>The registrable domain is taken as the last two labels, or three under a country's second level
 * ({@code co.uk}, {@code com.au}); without a public suffix list, a shared host such as {@code blogspot.com} counts as
 * one site, which only exempts rules naming that shared host itself.
 */
public final class PageSite {

    /** No known site (a saved page judged on its own): every rule applies. */
    public static final PageSite NONE = new PageSite("", "");

    /** Second-level labels under which a country's top-level domain registers names (google.co.uk, google.com.au). */
    private static final Set<String> COUNTRY_SECOND_LEVELS = Set.of("co", "com", "net", "org", "gov", "edu", "ac",
            "or", "ne", "go", "gob");

    private final String domain;
    /** The page's own host (and port) as the request named it, empty when not known. */
    private final String authority;

    private PageSite(String domain, String authority) {
        this.domain = domain;
        this.authority = authority;
    }

    /** The site of a Host header's value: a host with or without a port ({@code www.example.com:8443}). */
    public static PageSite ofAuthority(String authority) {
        int colon = authority.lastIndexOf(':');
        PageSite site = ofHost(colon > authority.lastIndexOf(']') ? authority.substring(0, colon) : authority);
        return new PageSite(site.domain, authority.toLowerCase(Locale.ROOT));
    }

    /** The site of a host name (no port); an IP address or a single label is a site of its own. */
    public static PageSite ofHost(String host) {
        return new PageSite(domainOf(host), host.toLowerCase(Locale.ROOT));
    }

    private static String domainOf(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty() || h.indexOf(':') >= 0 || h.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
            return h;
        }
        int last = h.lastIndexOf('.');
        if (last <= 0) {
            return h;
        }
        int second = h.lastIndexOf('.', last - 1);
        if (second > 0 && isCountrySecondLevel(h, second, last)) {
            second = h.lastIndexOf('.', second - 1);
        }
        return h.substring(second + 1);
    }

    /**
     * Whether the label between the dots at {@code secondDot} and {@code lastDot} is a country's second level under a
     * two-letter top-level domain ({@code co} of {@code bbc.co.uk}), so that names register one level further down.
     */
    static boolean isCountrySecondLevel(String host, int secondDot, int lastDot) {
        return host.length() - lastDot - 1 == 2
                && COUNTRY_SECOND_LEVELS.contains(host.substring(secondDot + 1, lastDot));
    }

    /** The page's own host (and port), empty for {@link #NONE}. */
    String authority() {
        return authority;
    }

    /** The registrable domain, empty for {@link #NONE}. */
    public String domain() {
        return domain;
    }

    /**
     * Where this site's domain starts in {@code host} when the host is the site or one of its subdomains: a rule
     * host that is a suffix of {@code host} starting there or later names the site itself. {@link Integer#MAX_VALUE}
     * when the host is of another site.
     */
    int ownSuffixStart(String host) {
        if (domain.isEmpty() || !host.endsWith(domain)) {
            return Integer.MAX_VALUE;
        }
        int start = host.length() - domain.length();
        return start == 0 || host.charAt(start - 1) == '.' ? start : Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return domain.isEmpty() ? "(no site)" : domain;
    }
}
