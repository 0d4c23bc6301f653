package dev.consentgate.proxy;

import dev.consentgate.consent.ConsentDecision;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Entity tags for the pages the gateway makes. From one upstream representation it serves a different page to each
 * consent, so a browser that revalidates its cached page after the visitor's choice changed must not be told "304,
 * still the same": that would bring back the page made for the old choice, trackers and all after a withdrawal.
 *
 * <p>So the key of the variant (the ruleset, the granted categories, whether the banner is shown) goes into the
 * upstream's tag, {@code "v1"} becoming {@code "v1.cg-1a2b3c4d"}. On the way in, a condition naming a tag of this
 * variant is forwarded with the key taken off; one naming a tag of another variant is dropped, so the upstream sends
 * the whole page again. Tags the gateway did not make pass as they are. Last-Modified is taken off HTML responses
 * for the same reason: a date cannot say which variant a browser holds.
 */
final class PageVariants {

    private static final String MARK = ".cg-";
    private static final int KEY_LENGTH = 8;

    private final String rulesetFingerprint;

    PageVariants(String rulesetFingerprint) {
        this.rulesetFingerprint = rulesetFingerprint;
    }

    /** The key of the page this decision gets: equal for equal pages, in every gateway running this ruleset. */
    String key(ConsentDecision decision) {
        String material = rulesetFingerprint + "|" + String.join("+", new TreeSet<>(decision.granted())) + "|"
                + decision.answered();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, KEY_LENGTH / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
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
     * Rewrites the conditions of a request for the variant {@code key} in place: If-None-Match as {@link
     * #forwardIfNoneMatch} says, and If-Modified-Since dropped with a tag of another variant (it dates that page).
     * Returns whether a tag of this variant was forwarded, so that a 304 revalidates a page of the gateway's.
     */
    static boolean forwardConditions(HttpHeaders headers, String key) {
        List<String> values = headers.getAll(HttpHeaderNames.IF_NONE_MATCH);
        if (values.isEmpty()) {
            return false;
        }
        Forwarded forwarded = forwardIfNoneMatch(String.join(", ", values), key);
        headers.remove(HttpHeaderNames.IF_NONE_MATCH);
        forwarded.value().ifPresent(v -> headers.set(HttpHeaderNames.IF_NONE_MATCH, v));
        if (forwarded.droppedOther()) {
            headers.remove(HttpHeaderNames.IF_MODIFIED_SINCE);
        }
        return forwarded.revalidatesVariant();
    }

    /**
     * The validators of an HTML response (or of a 304 revalidating one) for the variant {@code key}: the ETag tagged,
     * Last-Modified taken off.
     */
    static void markResponse(HttpHeaders headers, String key, boolean rewritten) {
        String etag = headers.get(HttpHeaderNames.ETAG);
        headers.remove(HttpHeaderNames.ETAG);
        if (etag != null) {
            tag(etag, key, rewritten).ifPresent(t -> headers.set("ETag", t));
        }
        headers.remove(HttpHeaderNames.LAST_MODIFIED);
    }

    /**
     * An If-None-Match value as forwarded for the variant {@code key}, or empty to forward none. Returns what was
     * decided in {@link Forwarded}: whether a tag of this variant was forwarded (a 304 then revalidates a page of
     * the gateway's) and whether one of another variant was dropped.
     */
    static Forwarded forwardIfNoneMatch(String value, String key) {
        String trimmed = value.trim();
        if (trimmed.equals("*")) {
            return new Forwarded(Optional.of(trimmed), false, false);
        }
        List<EntityTag> tags = EntityTag.parseList(trimmed);
        if (tags == null) {
            // unreadable: forwarding nothing is always right (the upstream sends the whole page)
            return new Forwarded(Optional.empty(), false, true);
        }
        List<String> kept = new ArrayList<>();
        boolean ours = false;
        boolean dropped = false;
        for (EntityTag t : tags) {
            int mark = t.opaque.lastIndexOf(MARK);
            if (mark < 0 || t.opaque.length() - mark - MARK.length() != KEY_LENGTH) {
                kept.add(t.toString());
            } else if (t.opaque.startsWith(key, mark + MARK.length())) {
                // If-None-Match compares weakly, so W/ matches the upstream's strong tag as well
                kept.add("W/\"" + t.opaque.substring(0, mark) + '"');
                ours = true;
            } else {
                dropped = true;
            }
        }
        return new Forwarded(kept.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", kept)), ours, dropped);
    }

    /**
     * @param value              what to forward as If-None-Match, empty for nothing
     * @param revalidatesVariant a tag of the requested variant was forwarded
     * @param droppedOther       a tag of another variant (or an unreadable value) was not forwarded
     */
    record Forwarded(Optional<String> value, boolean revalidatesVariant, boolean droppedOther) {
    }

    /** {@code [W/]"opaque"} (RFC 9110, 8.8.3). */
    private record EntityTag(boolean weak, String opaque) {

        @Override
        public String toString() {
            return (weak ? "W/" : "") + '"' + opaque + '"';
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
