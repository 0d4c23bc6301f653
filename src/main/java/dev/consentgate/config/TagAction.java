package dev.consentgate.config;

/** What the HTML rewriter does with an element whose category is not granted. */
public enum TagAction {
    /** Element and its content are gone. */
    REMOVE,
    /** A script stays in the page but cannot run; a consent tool can re-activate it. */
    NEUTRALIZE,
    /** An iframe or embed becomes a small box saying which consent it needs. */
    PLACEHOLDER
}
