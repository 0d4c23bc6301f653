package dev.consentgate.html;

import java.util.function.Function;

/**
 * Which tag rule a URL written in a page matches on a site, remembered across pages and responses. A site's pages
 * load the same tags on every page (its tag manager, its pixel, its analytics script), and reading such a URL against
 * thousands of rules (parsing it, each host suffix, the path-only rules, URLs carried inside it) costs far more than
 * looking it up again.
 *
 * <p>What is remembered does not depend on the visitor's consent, only on the URL and the page's site: the consent
 * is applied to the rule afterwards, on every use. One array of slots, each holding the last URL that hashed to it
 * (direct-mapped): bounded memory whatever pages send, and a look-up is one hash and one comparison. Entries are
 * immutable records, so a thread that reads a slot another one is writing sees the old entry, the new one or none,
 * each whole; no lock is needed.
 */
final class UrlMatchCache {

    /** The rule a URL matched (-1: none) and the reading of it that matched, whose host is reported. */
    record UrlMatch(int rule, UrlParts parts) {
    }

    /** One remembered URL on one site. */
    private record Entry(String site, String url, UrlMatch match) {
    }

    static final int SLOTS = 1 << 12;
    /** Longer URLs (a page's own search links, data-laden pixels) are rarely written twice: not kept. */
    static final int MAX_URL_CHARS = 512;

    private final Entry[] slots = new Entry[SLOTS];

    /** What {@code url} matches on {@code site}, from memory or from {@code reading} (then remembered). */
    UrlMatch get(String site, String url, Function<String, UrlMatch> reading) {
        if (url.length() > MAX_URL_CHARS) {
            return reading.apply(url);
        }
        int slot = (url.hashCode() * 31 + site.hashCode()) & (SLOTS - 1);
        Entry entry = slots[slot];
        if (entry != null && entry.url.equals(url) && entry.site.equals(site)) {
            return entry.match;
        }
        UrlMatch match = reading.apply(url);
        slots[slot] = new Entry(site, url, match);
        return match;
    }
}
