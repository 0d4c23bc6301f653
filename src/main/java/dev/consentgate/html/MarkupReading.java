package dev.consentgate.html;

/**
 * How a rewriter of content read both ways reads its markup: as HTML's (a CDATA section's text, read as HTML reads
 * it), as a browser without scripts reads a noscript's content in HTML, or as either HTML's or SVG's (every other
 * content read both ways: a breakout tag can turn SVG into HTML anywhere).
 */
enum MarkupReading {
    /** {@code <![CDATA[} opens a bogus comment (outside svg and math). */
    HTML,
    /**
     * The content of a noscript with no svg or math around it: HTML, read by a browser that runs no script, where a
     * script is HTML's and runs nowhere, unless the page's own code inserts it later. So it is judged as one.
     */
    NOSCRIPT_IN_HTML,
    /** CDATA sections inside svg and math, or anywhere in content read both ways, read both ways. */
    EITHER
}
