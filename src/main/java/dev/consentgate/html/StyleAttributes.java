package dev.consentgate.html;

import dev.consentgate.html.ElementJudge.Verdict;

/**
 * The style attributes of an element ({@code <div style="background:url(...)">}): CSS whose addresses a browser
 * fetches with the page, judged like an image's (see {@link CssUrls}). Every attribute named style counts, a
 * repeated one too (a browser applies the first), as with event handlers; and so does each SVG presentation
 * attribute whose value may be a {@code url()} ({@code mask}, {@code filter}, {@code clip-path}, {@code fill}...):
 * Chromium 156 fetched a tracker's address named in a {@code mask}, {@code filter} or {@code clip-path} attribute
 * (found by a review, 2026-12-02). Those apply only to SVG elements, which the tokenizer's fast path never skips (it
 * runs in HTML content only), so it need not look for them. So does a lazy background's: {@code data-bg} (WP
 * Rocket's and vanilla-lazyload's, a URL or CSS) and {@code data-bg-multi} (CSS), which a loader script writes into
 * the element's style as it nears the viewport (until 2026-12-02 not judged, found by a review); the fast path
 * looks for those.
 */
final class StyleAttributes {

    private StyleAttributes() {
    }

    /**
     * Whether attribute {@code k} of {@code tag} is a style attribute, or a presentation attribute whose value may be
     * a url() (each a CSS property of the same name); told apart by length first, as every attribute of a judged tag
     * is asked.
     */
    static boolean isStyle(TagToken tag, int k) {
        return switch (tag.attributeNameLength(k)) {
            case 4 -> tag.attributeNameIs(k, "fill") || tag.attributeNameIs(k, "mask");
            case 5 -> tag.attributeNameIs(k, "style");
            case 6 -> tag.attributeNameIs(k, "stroke") || tag.attributeNameIs(k, "filter")
                    || tag.attributeNameIs(k, "cursor");
            case 7 -> tag.attributeNameIs(k, LAZY_BACKGROUND);
            case 9 -> tag.attributeNameIs(k, "clip-path");
            case 10 -> tag.attributeNameIs(k, "marker-end") || tag.attributeNameIs(k, "marker-mid");
            case 12 -> tag.attributeNameIs(k, "marker-start");
            case 13 -> tag.attributeNameIs(k, "data-bg-multi");
            default -> false;
        };
    }

    /** Whether {@code tag} has a style attribute. */
    static boolean any(TagToken tag) {
        for (int k = 0; k < tag.attrCount; k++) {
            if (isStyle(tag, k)) {
                return true;
            }
        }
        return false;
    }

    /** What blocks style attribute {@code k} of {@code tag} (an element of {@code kind}), or null when it passes. */
    static Verdict judge(TagToken tag, int k, UrlJudge urls, ElementKind kind) {
        String value = tag.value(k);
        if (tag.attributeNameIs(k, LAZY_BACKGROUND) && !value.isBlank()) {
            // a URL as it is, which the loader wraps in url() itself; or CSS, read below (a URL may hold a '(')
            Verdict asUrl = urls.url(value.strip(), kind);
            if (asUrl != null) {
                return asUrl;
            }
        }
        return firstBlockedIn(value, urls, kind);
    }

    /** A lazy loader's background: a URL, or CSS (url(), image-set()...). */
    static final String LAZY_BACKGROUND = "data-bg";

    /** What blocks the first address {@code css} loads that a rule blocks (one of {@code kind}), or null. */
    static Verdict firstBlockedIn(String css, UrlJudge urls, ElementKind kind) {
        if (!CssUrls.mayLoad(css)) {
            return null;
        }
        Verdict[] first = new Verdict[1];
        CssUrls.find(css, null, (start, end, url, imported) -> {
            if (first[0] == null) {
                first[0] = urls.url(url, kind);
            }
        });
        return first[0];
    }

    /** The first style attribute of {@code tag} that a rule blocks, or null when none. */
    static Verdict firstBlocked(TagToken tag, UrlJudge urls, ElementKind kind) {
        for (int k = 0; k < tag.attrCount; k++) {
            if (isStyle(tag, k)) {
                Verdict v = judge(tag, k, urls, kind);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }
}
