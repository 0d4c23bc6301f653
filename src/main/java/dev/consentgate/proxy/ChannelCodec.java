package dev.consentgate.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.compression.BrotliEncoder;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.compression.ZlibWrapper;
import java.util.function.Consumer;

/**
 * A body encoded by one of Netty's encoders (gzip, br) run in an embedded channel, as Netty's own HttpContentEncoder
 * runs them. (Decoding is {@link InflateDecoding}'s, {@link BrotliDecoding}'s and {@link ZstdDecoding}'s, which hand
 * on bounded pieces and notice a truncated body.)
 */
final class ChannelCodec implements BodyCodec {

    private final EmbeddedChannel channel;

    private ChannelCodec(EmbeddedChannel channel) {
        this.channel = channel;
    }

    static ChannelCodec encoder(String coding) {
        return new ChannelCodec(new EmbeddedChannel(switch (coding) {
            case "gzip" -> ZlibCodecFactory.newZlibEncoder(ZlibWrapper.GZIP, 6);
            case "br" -> new BrotliEncoder();
            default -> throw new IllegalArgumentException("no encoder for " + coding);
        }));
    }

    @Override
    public void write(ByteBuf in, Consumer<ByteBuf> out) {
        channel.writeOutbound(in);
        drain(out);
    }

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
            channel.releaseOutbound();
        }
    }

    private void drain(Consumer<ByteBuf> out) {
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            if (buf.isReadable()) {
                out.accept(buf);
            } else {
                buf.release();
            }
        }
    }
}
