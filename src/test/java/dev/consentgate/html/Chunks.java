package dev.consentgate.html;

import dev.consentgate.consent.ConsentDecision;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Feeds a rewriter in given chunk sizes (heap and pooled direct buffers alternately) and collects the output. */
final class Chunks {

    private Chunks() {
    }

    static byte[] rewrite(TagPolicy policy, ConsentDecision consent, byte[] page, List<Integer> sizes) {
        return rewrite(policy, consent, page, sizes, Optional.empty(), new ArrayList<>());
    }

    static byte[] rewrite(TagPolicy policy, ConsentDecision consent, byte[] page, List<Integer> sizes,
                          Optional<String> charset, List<RewriteEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.length + 1024);
        Consumer<ByteBuf> collect = b -> {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            out.writeBytes(bytes);
        };
        HtmlRewriter rewriter = new HtmlRewriter(policy, consent, charset, events::add);
        List<ByteBuf> fed = new ArrayList<>();
        int pos = 0;
        int k = 0;
        while (pos < page.length) {
            int n = Math.max(1, Math.min(sizes.get(k % sizes.size()), page.length - pos));
            ByteBuf chunk = k % 2 == 0 ? Unpooled.copiedBuffer(page, pos, n)
                    : PooledByteBufAllocator.DEFAULT.directBuffer(n).writeBytes(page, pos, n);
            fed.add(chunk);
            rewriter.feed(chunk, collect);
            // a chunk released stays released: only the ones the rewriter still holds wait for the check below
            // (a page in 1-byte chunks made a million buffers, which the suite's one fork had to hold at once)
            fed.removeIf(b -> b.refCnt() == 0);
            pos += n;
            k++;
        }
        rewriter.finish(collect);
        for (ByteBuf b : fed) {
            if (b.refCnt() != 0) {
                throw new AssertionError("input buffer not released: refCnt " + b.refCnt());
            }
        }
        return out.toByteArray();
    }
}
