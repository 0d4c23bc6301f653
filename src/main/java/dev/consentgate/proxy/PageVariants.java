package dev.consentgate.proxy;

import dev.consentgate.config.Fingerprint;
import dev.consentgate.consent.ConsentDecision;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Entity tags for the pages the gateway makes. From one upstream representation it serves a different page to each
 * consent, so a browser that revalidates its cached page after the visitor's choice changed must not be told "304,
 * still the same": that would bring back the page made for the old choice, trackers and all after a withdrawal.
 *
 * <p>So the key of the variant (the ruleset, the build, the gateway's own markup settings, the granted categories,
 * whether the banner is shown) goes into the upstream's tag, {@code "v1"} becoming {@code "v1.cg-1a2b3c4d"}. On the way in, a condition naming a tag of this
 * variant is forwarded with the key taken off; one naming a tag of another variant is dropped, so the upstream sends
 * the whole page again. A request for a page keeps no other condition: a tag the gateway did not make names a page
 * from before it stood in front of the site. Last-Modified is taken off HTML responses for the same reason: a date
 * cannot say which variant a browser holds.
 */
final class PageVariants {

    private static final String MARK = ".cg-";
    private static final int KEY_LENGTH = 8;

    /** What makes pages differ besides the decision: the ruleset, the build, the gateway's own markup. */
    private final String setup;
    private final boolean bannerEnabled;
    /**
     * Keys made so far, by granted categories and banner shown: a ruleset has few categories, so few entries, and a
     * key is then a map look-up per request rather than a digest.
     */
    private final Map<Page, String> keys = new ConcurrentHashMap<>();

    private record Page(Set<String> granted, boolean banner) {
    }

    /**
     * @param setup         what pages depend on besides the decision (the ruleset's fingerprint, the build, the
     *                      settings of the gateway's own markup), in any stable form
     * @param bannerEnabled pages for a visitor who has not answered carry the banner
     */
    PageVariants(String setup, boolean bannerEnabled) {
        this.setup = setup;
        this.bannerEnabled = bannerEnabled;
    }

    /** The key of the page this decision gets: equal for equal pages, in every gateway of this build and setup. */
    String key(ConsentDecision decision) {
        return keys.computeIfAbsent(new Page(decision.granted(), bannerEnabled && !decision.answered()), this::digest);
    }

    private String digest(Page page) {
        return Fingerprint.of(List.of(setup, String.join("+", new TreeSet<>(page.granted())),
                String.valueOf(page.banner()))).substring(0, KEY_LENGTH);
    }

    /**
     * The upstream's entity tag as the gateway sends it for the variant {@code key}: the key inside the quotes, and
     * weak when the page was rewritten (its bytes are no longer the upstream's). Empty for a value that is not an
     * entity tag, which is then not sent at all.
     */
    static Optional<String> tag(String upstreamTag, String key, boolean rewritten) {
        List<EntityTag> tags = EntityTag.parseList(upstreamTag.trim());
        if (tags == null || tags.size() != 1) {
            return Optional.empty();
        }
        EntityTag t = tags.get(0);
        return Optional.of((rewritten || t.weak ? "W/" : "") + '"' + t.opaque + MARK + key + '"');
    }

    /**
     * Rewrites the conditions of a request in place for the variant {@code key} (asked for only when there is a
     * tag to compare) and returns whether a tag of this variant was forwarded, so that a 304 revalidates a page of
     * the gateway's.
     *
     * <p>A request that may load a document ({@link #mayLoadDocument}) keeps only tags of this variant: any other tag
     * or date names a page made for another choice, or one from before the gateway stood in front of the site, which
     * a 304 would bring back. It loses Range and If-Range too, since a page is judged whole. So does a request for a
     * stylesheet or an SVG resource ({@link #mayLoadSvgResource}), rewritten as a page is. Other requests (scripts,
     * images) keep their conditions, less the tags of other variants and, with those, the date.
     *
     * <p>When the consent changes pages ({@code pagesChange}), a request for several ranges loses Range and If-Range
     * too, whatever fetches it: the upstream would answer with parts in one multipart body, whose type (HTML or not)
     * only the parts say, so the whole representation is asked for instead, and judged if it is a page. A single
     * range of a page is refused when it comes back (see {@link HtmlBodyRewrite#rewriteHead}).
     */
    static boolean forwardConditions(HttpHeaders headers, boolean pagesChange, Supplier<String> key) {
        // a stylesheet is rewritten as a page is: a copy cached from before (or for another choice) must not return
        boolean document = mayLoadDocument(headers) || mayLoadStylesheet(headers) || mayLoadSvgResource(headers);
        if (document || pagesChange && asksForSeveralRanges(headers)) {
            headers.remove(HttpHeaderNames.RANGE);
            headers.remove(HttpHeaderNames.IF_RANGE);
        }
        if (document) {
            headers.remove(HttpHeaderNames.IF_MODIFIED_SINCE);
        }
        forwardIfRange(headers, key);
        List<String> ifMatch = headers.getAll(HttpHeaderNames.IF_MATCH);
        if (!ifMatch.isEmpty()) {
            headers.set(HttpHeaderNames.IF_MATCH, forwardIfMatch(String.join(", ", ifMatch), key.get()));
        }
        List<String> values = headers.getAll(HttpHeaderNames.IF_NONE_MATCH);
        if (values.isEmpty()) {
            return false;
        }
        Forwarded forwarded = forwardIfNoneMatch(String.join(", ", values), key.get(), document);
        headers.remove(HttpHeaderNames.IF_NONE_MATCH);
        forwarded.value().ifPresent(v -> headers.set(HttpHeaderNames.IF_NONE_MATCH, v));
        if (forwarded.droppedOther()) {
            headers.remove(HttpHeaderNames.IF_MODIFIED_SINCE);
        }
        forwarded.ifModifiedSince().ifPresent(d -> headers.set(HttpHeaderNames.IF_MODIFIED_SINCE, d));
        return forwarded.revalidatesVariant();
    }

    /**
     * If-Range naming a tag of the gateway's: this variant's goes on without the key, so that resuming a range of an
     * unchanged page gets the range; another variant's means the page changed, so the whole is asked for. A date or
     * a tag the gateway did not make goes on as it is.
     */
    private static void forwardIfRange(HttpHeaders headers, Supplier<String> key) {
        String ifRange = headers.get(HttpHeaderNames.IF_RANGE);
        if (ifRange == null) {
            return;
        }
        List<EntityTag> tags = EntityTag.parseList(ifRange.trim());
        if (tags == null || tags.size() != 1 || tags.get(0).mark() < 0) {
            return;
        }
        if (tags.get(0).madeFor(key.get())) {
            headers.set(HttpHeaderNames.IF_RANGE, tags.get(0).upstreams().toString());
        } else {
            headers.remove(HttpHeaderNames.RANGE);
            headers.remove(HttpHeaderNames.IF_RANGE);
        }
    }

    /**
     * A Range header (or several) naming more than one range, or one the gateway cannot read: the upstream may
     * answer either with a multipart body. A single range is one unit, an {@code =}, and one range with no comma.
     */
    static boolean asksForSeveralRanges(HttpHeaders headers) {
        List<String> ranges = headers.getAll(HttpHeaderNames.RANGE);
        if (ranges.isEmpty()) {
            return false;
        }
        return ranges.size() > 1 || !SINGLE_RANGE.matcher(ranges.get(0)).matches();
    }

    /**
     * {@code unit=first-last}, {@code unit=first-} or {@code unit=-suffix} (RFC 9110, 14.1.1). Anything else, even
     * a single range with spaces a lenient server might read, counts as several: asking for the whole costs nothing.
     */
    private static final Pattern SINGLE_RANGE = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+=(?:[0-9]+-[0-9]*|-[0-9]+)");

    /**
     * The validators of an HTML response (or of a 304 revalidating one) for the variant {@code key}: the ETag tagged,
     * Last-Modified taken off.
     */
    static void markResponse(HttpHeaders headers, String key, boolean rewritten) {
        String etag = headers.get(HttpHeaderNames.ETAG);
        String lastModified = headers.get(HttpHeaderNames.LAST_MODIFIED);
        headers.remove(HttpHeaderNames.ETAG);
        headers.remove(HttpHeaderNames.LAST_MODIFIED);
        Optional<String> tagged = etag == null ? Optional.empty() : tag(etag, key, rewritten);
        if (tagged.isPresent()) {
            headers.set("ETag", tagged.get());
        } else if (lastModified != null && HTTP_DATE.matcher(lastModified).matches()) {
            // a page with only a date still gets a validator, which stands for that date (and is weak, as dates are)
            headers.set("ETag", "W/\"" + DATED + lastModified.replace(' ', '_').replace(',', '~') + MARK + key + '"');
        }
    }

    /**
     * The opaque tag made from a Last-Modified date starts with this; its spaces and commas are written {@code _} and
     * {@code ~}, so that a client splitting the header at commas does not cut it.
     */
    private static final String DATED = "cg-date~";
    /** What an HTTP date is made of (RFC 9110, 5.6.7), and nothing that would end a tag. */
    private static final Pattern HTTP_DATE = Pattern.compile("[A-Za-z0-9,: ]{1,64}");

    /**
     * An If-Match value as forwarded for the variant {@code key}: this variant's tags without the key, so that they
     * match what the upstream has; any other value as it was, a tag of another variant then failing as it should.
     */
    static String forwardIfMatch(String value, String key) {
        List<EntityTag> tags = EntityTag.parseList(value.trim());
        if (tags == null) {
            return value;
        }
        List<String> forwarded = new ArrayList<>();
        for (EntityTag t : tags) {
            forwarded.add((t.madeFor(key) ? t.upstreams() : t).toString());
        }
        return String.join(", ", forwarded);
    }

    /**
     * Whether a request may load a page that a browser renders and runs: a navigation, a frame or an embedded object
     * (by Sec-Fetch-Dest), a prefetch of one, a fetch by htmx (HX-Request), or a request that asks for HTML (a
     * browser without Sec-Fetch-Dest, and Turbo's fetches, which insert and run the pages they get).
     */
    static boolean mayLoadDocument(HttpHeaders headers) {
        String destination = headers.get("Sec-Fetch-Dest");
        if (destination != null && DOCUMENT_DESTINATIONS.contains(destination.trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (headers.contains("HX-Request")) {
            return true;
        }
        if (isSpeculative(headers)) {
            return true;
        }
        String accept = headers.get(HttpHeaderNames.ACCEPT);
        if (accept == null) {
            return false;
        }
        String types = accept.toLowerCase(Locale.ROOT);
        return types.contains("text/html") || types.contains("application/xhtml+xml");
    }

    /** Whether a request fetches a stylesheet: by Sec-Fetch-Dest, or (a browser without it) by asking for CSS. */
    static boolean mayLoadStylesheet(HttpHeaders headers) {
        String destination = headers.get("Sec-Fetch-Dest");
        if (destination != null) {
            return destination.trim().equalsIgnoreCase("style");
        }
        String accept = headers.get(HttpHeaderNames.ACCEPT);
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/css");
    }

    /**
     * Whether a request fetches an SVG document that a page takes elements from without loading it as a document:
     * the sprite of a {@code use} element, a filter, clip path or marker in another file. Chromium fetches these as
     * images in same-origin mode (an {@code img}'s fetch is no-cors), and loads the images their elements name.
     */
    static boolean mayLoadSvgResource(HttpHeaders headers) {
        String destination = headers.get("Sec-Fetch-Dest");
        String mode = headers.get("Sec-Fetch-Mode");
        return destination != null && destination.trim().equalsIgnoreCase("image")
                && mode != null && mode.trim().equalsIgnoreCase("same-origin");
    }

    /** Whether the browser makes the request ahead of the visitor's use (a prefetch or prerender). */
    static boolean isSpeculative(HttpHeaders headers) {
        for (String name : PREFETCH_HEADERS) {
            String purpose = headers.get(name);
            if (purpose != null && PREFETCH.matcher(purpose).find()) {
                return true;
            }
        }
        return false;
    }

    /** Where browsers say a request fetches a page ahead of its use. */
    private static final List<String> PREFETCH_HEADERS = List.of("Sec-Purpose", "Purpose", "X-Moz");
    private static final Pattern PREFETCH = Pattern.compile("(?i)prefetch|prerender");
    private static final Set<String> DOCUMENT_DESTINATIONS = Set.of("document", "iframe", "frame", "embed",
            "object", "fencedframe", "xslt");

    /**
     * An If-None-Match value as forwarded for the variant {@code key}, or empty to forward none; with {@code
     * onlyThisVariant}, every tag but this variant's is dropped. Returns what was decided in {@link Forwarded}:
     * whether a tag of this variant was forwarded (a 304 then revalidates a page of the gateway's) and whether
     * another was dropped.
     */
    static Forwarded forwardIfNoneMatch(String value, String key, boolean onlyThisVariant) {
        String trimmed = value.trim();
        if (trimmed.equals("*")) {
            return onlyThisVariant ? new Forwarded(Optional.empty(), false, true)
                    : new Forwarded(Optional.of(trimmed), false, false);
        }
        List<EntityTag> tags = EntityTag.parseList(trimmed);
        if (tags == null) {
            // unreadable: none of it can be this variant's, and a server that sends unquoted tags may still read it
            boolean drop = onlyThisVariant || trimmed.isEmpty() || trimmed.contains(MARK);
            return new Forwarded(drop ? Optional.empty() : Optional.of(trimmed), false, drop);
        }
        List<String> kept = new ArrayList<>();
        Optional<String> date = Optional.empty();
        boolean ours = false;
        boolean dropped = false;
        for (EntityTag t : tags) {
            if (t.madeFor(key)) {
                EntityTag upstreams = t.upstreams();
                if (upstreams.opaque.startsWith(DATED) && !upstreams.opaque.contains(MARK)) {
                    date = Optional.of(upstreams.opaque.substring(DATED.length()).replace('_', ' ').replace('~', ','));
                } else {
                    // as strong as it was sent: the tag of a page passed as it is kept the upstream's strength
                    kept.add(upstreams.toString());
                }
                ours = true;
            } else if (t.mark() >= 0 || onlyThisVariant) {
                dropped = true;
            } else {
                kept.add(t.toString());
            }
        }
        return new Forwarded(kept.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", kept)), ours, dropped,
                date);
    }

    /**
     * @param value              what to forward as If-None-Match, empty for nothing
     * @param revalidatesVariant a tag of the requested variant was forwarded
     * @param droppedOther       a tag of another variant (or an unreadable value) was not forwarded
     * @param ifModifiedSince    the date a tag of this variant made from Last-Modified stands for, to forward as
     *                           If-Modified-Since
     */
    record Forwarded(Optional<String> value, boolean revalidatesVariant, boolean droppedOther,
                     Optional<String> ifModifiedSince) {
        Forwarded(Optional<String> value, boolean revalidatesVariant, boolean droppedOther) {
            this(value, revalidatesVariant, droppedOther, Optional.empty());
        }
    }

    /** {@code [W/]"opaque"} (RFC 9110, 8.8.3). */
    record EntityTag(boolean weak, String opaque) {

        @Override
        public String toString() {
            return (weak ? "W/" : "") + '"' + opaque + '"';
        }

        /** Where the gateway's mark starts in the opaque part, or -1 for a tag the gateway did not make. */
        int mark() {
            int mark = opaque.lastIndexOf(MARK);
            return mark >= 0 && opaque.length() - mark - MARK.length() == KEY_LENGTH ? mark : -1;
        }

        /** A tag the gateway made for the variant {@code key}. */
        boolean madeFor(String key) {
            int mark = mark();
            return mark >= 0 && opaque.startsWith(key, mark + MARK.length());
        }

        /** The upstream's tag a tag of the gateway's was made from, as strong as this one. */
        EntityTag upstreams() {
            return new EntityTag(weak, opaque.substring(0, mark()));
        }

        /** A comma-separated list of entity tags, or null when the value is not one. */
        static List<EntityTag> parseList(String value) {
            List<EntityTag> tags = new ArrayList<>();
            int i = 0;
            int n = value.length();
            while (true) {
                while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t' || value.charAt(i) == ',')) {
                    i++;
                }
                if (i == n) {
                    return tags.isEmpty() ? null : tags;
                }
                boolean weak = value.startsWith("W/", i);
                if (weak) {
                    i += 2;
                }
                if (i == n || value.charAt(i) != '"') {
                    return null;
                }
                int close = value.indexOf('"', i + 1);
                if (close < 0) {
                    return null;
                }
                tags.add(new EntityTag(weak, value.substring(i + 1, close)));
                i = close + 1;
                if (i < n && value.charAt(i) != ',' && value.charAt(i) != ' ' && value.charAt(i) != '\t') {
                    return null;
                }
            }
        }
    }
}
