package dev.consentgate.proxy;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes a body coded in several codings one after another (RFC 9110 8.4: {@code gzip, gzip} was gzipped twice), the
 * last applied first: each piece a decoder makes goes to the next decoder before the next piece is made, so memory
 * stays bounded however many layers there are. Every piece of every layer is shown to {@code eachPiece} first (the
 * decompression budget), not only the last layer's: one layer can expand to gigabytes that the layer under it
 * reduces to nothing again (empty deflate blocks), and decoding them costs as much as a bomb.
 */
final class DecodingChain implements BodyCodec {

    /** The decoders in the order they undo the codings: the coding applied last first. */
    private final List<BodyCodec> decoders = new ArrayList<>();
    private final Consumer<ByteBuf> eachPiece;

    /**
     * @param applied   the codings in the order the upstream applied them ({@link ContentCodings#applied})
     * @param eachPiece sees every decoded piece before it goes on; may release it and throw to stop the body
     */
    DecodingChain(List<String> applied, Consumer<ByteBuf> eachPiece) {
        this.eachPiece = eachPiece;
        try {
            for (int i = applied.size() - 1; i >= 0; i--) {
                decoders.add(BodyCodec.decoder(applied.get(i)));
            }
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    @Override
    public void write(ByteBuf in, Consumer<ByteBuf> out) {
        decoders.get(0).write(in, outputs(out).get(0));
    }

    /** Ends each layer in turn: what one still held goes through the layers after it before they end. */
    @Override
    public void finish(Consumer<ByteBuf> out) {
        List<Consumer<ByteBuf>> outputs = outputs(out);
        try {
            for (int i = 0; i < decoders.size(); i++) {
                decoders.get(i).finish(outputs.get(i));
            }
        } finally {
            release();
        }
    }

    /** Where each decoder's pieces go: counted, then into the next decoder or, from the last, {@code out}. */
    private List<Consumer<ByteBuf>> outputs(Consumer<ByteBuf> out) {
        List<Consumer<ByteBuf>> outputs = new ArrayList<>(Collections.nCopies(decoders.size(), null));
        Consumer<ByteBuf> next = out;
        for (int i = decoders.size() - 1; i >= 0; i--) {
            Consumer<ByteBuf> then = next;
            Consumer<ByteBuf> output = piece -> {
                eachPiece.accept(piece);
                then.accept(piece);
            };
            outputs.set(i, output);
            BodyCodec decoder = decoders.get(i);
            next = piece -> decoder.write(piece, output);
        }
        return outputs;
    }

    @Override
    public void release() {
        for (BodyCodec decoder : decoders) {
            decoder.release();
        }
    }
}
