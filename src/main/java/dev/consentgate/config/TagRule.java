package dev.consentgate.config;

import java.util.List;
import java.util.Optional;

/**
 * A third-party tag (script, pixel, embed) and the category it belongs to. A rule matches an element by the host
 * of its URL (the host itself or any subdomain of it), optionally narrowed by a path prefix, or, for inline
 * scripts, by a literal signature the script text contains.
 *
 * @param id              name for reports and logs ("google-tag-manager")
 * @param host            registrable domain or host, matched as a suffix on label boundaries; ending in ".*",
 *                        the name under any top-level domain, two-label country ones included ("google.*" is
 *                        google.de and google.co.uk); empty for signature-only rules
 * @param pathPrefix      URL path prefix, empty when any
 * @param inlineSignature literal found in inline script text, empty when none
 * @param category        category id
 * @param action          what to do when the category is not granted; empty means the category default
 * @param origin          "FILE:LINE:COLUMN" of the rule
 * @param unless          ids of signature rules that decide instead when the same script also matches one of them
 *                        (a vendor's host named in its SDK's and its pixel's snippets alike); empty when none
 * @param keep            {@code action: keep}: an inline script with this signature is the site's own and passes
 *                        whole, whatever else in it matches (for an essential signature rule only)
 */
public record TagRule(String id, Optional<String> host, Optional<String> pathPrefix,
                      Optional<String> inlineSignature, String category, Optional<TagAction> action,
                      String origin, List<String> unless, boolean keep) {

    public TagRule {
        unless = List.copyOf(unless);
    }

    /**
     * The id's hash, which its string keeps: rules are keys of the rewriter's caches of what it writes for a blocked
     * element, looked up for each one, and the record's own hash would combine all nine components each time. Equal
     * rules have equal ids, so this agrees with {@code equals}.
     */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** A rule that does not keep scripts. */
    public TagRule(String id, Optional<String> host, Optional<String> pathPrefix, Optional<String> inlineSignature,
                   String category, Optional<TagAction> action, String origin, List<String> unless) {
        this(id, host, pathPrefix, inlineSignature, category, action, origin, unless, false);
    }

    /**
     * One of the gateway's own rules, which no ruleset lists: what it names is removed whatever the consent, as it
     * cannot be judged ({@code id} says why in reports), under no category.
     */
    public static TagRule builtinRemoval(String id) {
        return builtinRemoval(id, "");
    }

    /** As {@link #builtinRemoval(String)}, reported under {@code category}. */
    public static TagRule builtinRemoval(String id, String category) {
        return new TagRule(id, Optional.empty(), Optional.empty(), Optional.empty(), category,
                Optional.of(TagAction.REMOVE), "builtin");
    }

    /** A rule whose signature, if any, decides on its own. */
    public TagRule(String id, Optional<String> host, Optional<String> pathPrefix, Optional<String> inlineSignature,
                   String category, Optional<TagAction> action, String origin) {
        this(id, host, pathPrefix, inlineSignature, category, action, origin, List.of());
    }
}
