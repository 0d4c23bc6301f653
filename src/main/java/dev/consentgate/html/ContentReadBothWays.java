package dev.consentgate.html;

import io.netty.buffer.Unpooled;

/**
 * The content of one element (or CDATA section) being read both ways: the outer rewriter's tokenizer reads it as raw
 * text, and this hands a copy of each piece to a second rewriter, which reads it as markup and whose output takes the
 * place of the piece. That rewriter starts at the content's first {@code <} (a style sheet passes as slices), or
 * for a CDATA section read as HTML, at the first {@code <} after the {@code >} that ends the bogus comment
 * {@code <![CDATA[} opens there. Content nested past the depth limit is dropped (fail closed).
 */
final class ContentReadBothWays {

    /** Fragments read both ways nest at most this deep; content deeper still is dropped. */
    static final int MAX_DEPTH = 3;

    /** Makes the rewriter of content starting at {@code contentAbs}. */
    interface Fragments {
        ByteStreamRewriter create(long contentAbs, MarkupReading reading);
    }

    private final PendingOutput pending;
    private final Fragments fragments;
    /** The outer rewriter is a fragment MAX_DEPTH deep: content read both ways in it is dropped. */
    private final boolean tooDeep;
    private boolean active;
    private MarkupReading reading;
    private ByteStreamRewriter fragment;
    /** Absolute offset of the next byte of the content. */
    private long nextAbs;
    /** HTML's reading of a CDATA section is still in the bogus comment {@code <![CDATA[} opens. */
    private boolean cdataBogusOpen;

    ContentReadBothWays(PendingOutput pending, Fragments fragments, int outerDepth) {
        this.pending = pending;
        this.fragments = fragments;
        this.tooDeep = outerDepth + 1 > MAX_DEPTH;
    }

    /** Content read both ways starts at {@code contentAbs} ({@code cdata}: a CDATA section's, read as HTML). */
    void start(long contentAbs, MarkupReading markupReading, boolean cdata) {
        active = true;
        reading = markupReading;
        nextAbs = contentAbs;
        cdataBogusOpen = cdata;
    }

    boolean active() {
        return active;
    }

    /** Absolute offset of the next byte of the content: the outer rewriter holds what follows it. */
    long nextAbs() {
        return nextAbs;
    }

    /** The next piece of the content (the pieces come in order, one carried over from an earlier chunk included). */
    void content(byte[] a, int from, int to) {
        if (fragment == null && !tooDeep) {
            int markupFrom = from;
            if (cdataBogusOpen) {
                int gt = ByteScan.indexOf(a, from, to, (byte) '>');
                cdataBogusOpen = gt == to;
                markupFrom = Math.min(to, gt + 1);
            }
            if (ByteScan.indexOf(a, markupFrom, to, (byte) '<') == to) {
                // no markup yet (a style sheet, a title's text): the bytes pass as they are, as slices
                nextAbs += to - from;
                return;
            }
            // what comes before the markup passes as it is; the fragment's rewriter reads from there on
            nextAbs += markupFrom - from;
            from = markupFrom;
            fragment = fragments.create(nextAbs, reading);
        }
        int n = to - from;
        pending.emitUpTo(nextAbs);
        nextAbs += n;
        pending.dropUpTo(nextAbs);
        if (fragment != null) {
            fragment.feed(Unpooled.copiedBuffer(a, from, n), pending::insert);
        }
    }

    /**
     * The raw text reading ended at {@code endAbs}: whatever the fragment still held, then the end tag. Returns
     * what markup the markup reading held (see {@link HtmlTokenizer#markupSeen}).
     */
    int end(long endAbs) {
        pending.emitUpTo(nextAbs);
        pending.dropUpTo(endAbs);
        int markupSeen = ForeignContent.NO_MARKUP;
        if (fragment != null) {
            fragment.finish(pending::insert);
            markupSeen = fragment.markupSeen();
        }
        fragment = null;
        active = false;
        cdataBogusOpen = false;
        return markupSeen;
    }

    /** Where the fragment holds bytes from (a tag of its own not yet judged), -1 when it holds none. */
    long fragmentHeldFrom() {
        return fragment == null ? -1 : fragment.heldFrom();
    }

    void release() {
        if (fragment != null) {
            fragment.release();
        }
    }
}
