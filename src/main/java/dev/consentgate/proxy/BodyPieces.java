package dev.consentgate.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The pieces of rewritten body that one piece from the upstream becomes, gathered in a composite buffer so that they
 * go to the client as one HTTP chunk. The rewriter passes a page on as slices of its input between the tags it
 * changes; sent one by one, a page with a tracker in every paragraph went out in several chunks per paragraph, each
 * with its own size line, message and write. (A chunk holding one of the rewriter's own heap pieces is copied whole
 * into a direct buffer by the channel; copying those pieces alone measured no faster: see the README.)
 */
final class BodyPieces {

    private ByteBuf first;
    private CompositeByteBuf gathered;

    /** Takes {@code piece} over (an empty one is released). */
    void add(ByteBuf piece) {
        if (!piece.isReadable()) {
            piece.release();
        } else if (first == null) {
            first = piece;
        } else {
            if (gathered == null) {
                // no component limit: past one, a composite copies its components into one buffer
                gathered = Unpooled.compositeBuffer(Integer.MAX_VALUE);
                gathered.addComponent(true, first);
            }
            gathered.addComponent(true, piece);
        }
    }

    /** What was gathered, the caller's to release, or null when nothing was; empties this. */
    ByteBuf take() {
        ByteBuf taken = gathered != null ? gathered : first;
        first = null;
        gathered = null;
        return taken;
    }

    /** Releases what was gathered (the response is aborted). */
    void release() {
        ByteBuf held = take();
        if (held != null) {
            held.release();
        }
    }
}
