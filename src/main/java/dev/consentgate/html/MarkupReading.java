package dev.consentgate.html;

/**
 * How a rewriter of content read both ways reads its markup: as HTML's (a CDATA section's text, read as HTML reads
 * it), or as either HTML's or SVG's (the page, and every other content read both ways: a breakout tag can turn SVG
 * into HTML anywhere).
 */
enum MarkupReading {
    /** {@code <![CDATA[} opens a bogus comment (outside svg and math). */
    HTML,
    /** CDATA sections inside svg and math, or anywhere in content read both ways, read both ways. */
    EITHER
}
