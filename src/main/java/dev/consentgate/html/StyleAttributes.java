package dev.consentgate.html;

import dev.consentgate.html.ElementJudge.Verdict;

/**
 * The style attributes of an element ({@code <div style="background:url(...)">}): CSS whose addresses a browser
 * fetches with the page, judged like an image's (see {@link CssUrls}). Every attribute named style counts, a
 * repeated one too (a browser applies the first), as with event handlers.
 */
final class StyleAttributes {

    private StyleAttributes() {
    }

    /** Whether attribute {@code k} of {@code tag} is a style attribute. */
    static boolean isStyle(TagToken tag, int k) {
        return tag.attributeNameIs(k, "style");
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
        String css = tag.value(k);
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
