package dev.consentgate.html;

/**
 * The page's base URLs: the first base element with an href sets the base URL of what follows (browsers ignore later
 * ones), against which relative URLs are also judged. Kept apart for a base inside noscript, which counts only for a
 * visitor without JavaScript: both are judged against (fail closed). Each is null until one is seen, or when it names
 * no host.
 */
final class PageBases {

    private UrlParts base;
    private UrlParts noscriptBase;
    private boolean baseSeen;
    private boolean noscriptBaseSeen;

    /** A base element's href ({@code null} when it has none), in or out of noscript. */
    void element(String href, boolean inNoscript) {
        if (href == null || (inNoscript ? noscriptBaseSeen : baseSeen)) {
            return;
        }
        UrlParts parts = UrlParts.parse(href);
        UrlParts named = parts.host().isEmpty() ? null : parts;
        if (inNoscript) {
            noscriptBaseSeen = true;
            noscriptBase = named;
        } else {
            baseSeen = true;
            base = named;
        }
    }

    /** Whether a base names a host, so that relative URLs may load from another one. */
    boolean any() {
        return base != null || noscriptBase != null;
    }

    /** The base outside noscript, null when none names a host. */
    UrlParts base() {
        return base;
    }

    /** The base inside noscript, null when none names a host. */
    UrlParts noscriptBase() {
        return noscriptBase;
    }

    /**
     * What a placeholder's consent link is written under: the page's own origin (scheme-relative) once a base element
     * has named another host, against which a relative link would resolve; "" otherwise, or when the page's host is
     * not known.
     */
    String placeholderOrigin(PageSite site) {
        String authority = site.authority();
        if (base == null || authority.isEmpty()) {
            return "";
        }
        return UrlParts.parse("//" + authority).host().equals(base.host()) ? "" : "//" + authority;
    }
}
