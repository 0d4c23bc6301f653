package dev.consentgate.html;

import java.nio.charset.Charset;
import java.util.List;

/**
 * One way a {@link StylesheetRewriter} splits a stylesheet's text into tokens, the encodings that split it so, and
 * how far its scan has come. A stylesheet of known encoding has one reading (three for a two-byte encoding whose
 * table may differ from a browser's); one that declares none has one per way the encodings a page may have split it.
 */
final class StylesheetReading {

    /**
     * How a reading of a two-byte encoding pairs bytes: as its table says, and, failing closed where a browser's
     * table may differ, every pair the byte ranges allow, and none.
     */
    enum Pairs {
        AS_THE_TABLE_SAYS, EVERY_PAIR, NONE
    }

    /** The encoding the scan decodes addresses with; the others decode only addresses past ASCII again. */
    final Charset encoding;
    final List<Charset> alike;
    final Pairs pairs;
    /** The absolute offset the scan has read up to for sure, and its state there. */
    long settled;
    CssUrls.Resume resume;
    /** Scan again once this much is held: a token that runs on is read again only when it has doubled. */
    long retryAt;
    /** The scan stands inside a long token that goes as none: what it passes over is dropped. */
    boolean dropping;

    /** {@code encodings}: the first is the one the scan decodes with; {@code from}: where the text starts. */
    StylesheetReading(List<Charset> encodings, Pairs pairs, long from, CssUrls.Resume resume) {
        this.encoding = encodings.get(0);
        this.alike = encodings.subList(1, encodings.size());
        this.pairs = pairs;
        this.settled = from;
        this.resume = resume;
    }

    /** {@code bytes[0, length)} as this reading's scan sees them (see {@link CssBytes}). */
    CharSequence text(byte[] bytes, int length) {
        return switch (pairs) {
            case AS_THE_TABLE_SAYS -> CssBytes.pageText(bytes, length, encoding);
            case EVERY_PAIR -> CssBytes.everyPairText(bytes, length, encoding);
            case NONE -> CssBytes.latin1(bytes, length);
        };
    }
}
