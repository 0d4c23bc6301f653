package dev.consentgate.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.compression.BrotliEncoder;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.compression.ZlibWrapper;
import java.util.function.Consumer;

/**
 * A body coded by one of Netty's codecs run in an embedded channel (as Netty's own HttpContentDecoder does): gzip and
 * deflate decoding, whose output per input step is bounded, and the gzip and br encoders. (A gzip or deflate body
 * cut short is not told from a whole one: Netty's decoder does not say whether its stream ended.)
 */
final class ChannelCodec implements BodyCodec {

    private final EmbeddedChannel channel;
    private final boolean decoding;

    private ChannelCodec(EmbeddedChannel channel, boolean decoding) {
        this.channel = channel;
        this.decoding = decoding;
    }

    static ChannelCodec zlibDecoder(String coding) {
        return new ChannelCodec(new EmbeddedChannel(ZlibCodecFactory.newZlibDecoder(
                coding.equals("gzip") ? ZlibWrapper.GZIP : ZlibWrapper.ZLIB_OR_NONE, MAX_STEP_OUTPUT)), true);
    }

    static ChannelCodec encoder(String coding) {
        return new ChannelCodec(new EmbeddedChannel(switch (coding) {
            case "gzip" -> ZlibCodecFactory.newZlibEncoder(ZlibWrapper.GZIP, 6);
            case "br" -> new BrotliEncoder();
            default -> throw new IllegalArgumentException("no encoder for " + coding);
        }), false);
    }

    @Override
    public void write(ByteBuf in, Consumer<ByteBuf> out) {
        if (!decoding) {
            channel.writeOutbound(in);
            drain(out);
            return;
        }
        // Decode in small steps: one step's output is then bounded (about 1000 x the step for deflate), so a bomb
        // is caught by the caller's budget before it can take much memory.
        try {
            while (in.readableBytes() > DECODE_STEP) {
                channel.writeInbound(in.readRetainedSlice(DECODE_STEP));
                drain(out);
            }
            channel.writeInbound(in.retain());
            drain(out);
        } finally {
            in.release();
        }
    }

    private static final int DECODE_STEP = 4096;
    /** Output one decode step may allocate: a step of 4 KiB expands to at most about 4 MiB with deflate. */
    private static final int MAX_STEP_OUTPUT = 8 << 20;

    @Override
    public void finish(Consumer<ByteBuf> out) {
        channel.finish();
        drain(out);
    }

    @Override
    public void release() {
        try {
            channel.finishAndReleaseAll();
        } catch (RuntimeException alreadyFailing) {
            // a corrupt stream's last error is of no interest any more
            channel.releaseInbound();
            channel.releaseOutbound();
        }
    }

    private void drain(Consumer<ByteBuf> out) {
        ByteBuf buf;
        while ((buf = decoding ? channel.readInbound() : channel.readOutbound()) != null) {
            if (buf.isReadable()) {
                out.accept(buf);
            } else {
                buf.release();
            }
        }
    }
}
