package dev.consentgate.html;

import dev.consentgate.config.TagAction;

/** The kinds of element the rewriter judges; each allows a subset of the actions. */
enum ElementKind {
    SCRIPT,
    /**
     * img and what loads like one (an image button, a video's or audio's src and poster, a track, a body's
     * background, SVG's feImage), and any judged element inside noscript (tracking fallbacks).
     */
    PIXEL,
    /** link rel=preconnect|dns-prefetch|preload|prefetch|modulepreload|prerender, and a stylesheet. */
    HINT,
    /** iframe, frame, embed, object. */
    EMBED,
    /** meta http-equiv=set-cookie. */
    META_COOKIE;

    /** The action this kind can take closest to {@code wanted}. */
    TagAction narrow(TagAction wanted) {
        return switch (this) {
            case SCRIPT -> wanted == TagAction.PLACEHOLDER ? TagAction.NEUTRALIZE : wanted;
            case EMBED -> wanted;
            default -> TagAction.REMOVE;
        };
    }
}
