package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.consentgate.config.Limits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.ReferenceCountUtil;

/**
 * Jazzer target for the raw-bytes request framing (in this package because the scanner is package-private; seeds
 * in {@code src/test/resources/dev/consentgate/proxy/RequestFramingFuzzTestInputs/}). Invariants: only
 * {@link RequestRejection} ever escapes; the verdict and the bytes passed on do not depend on how the input is split
 * into reads; and Netty's decoder, configured as in the gateway, reads what was passed on without a single decoder
 * failure and finds exactly the request heads the scanner counted.
 */
class RequestFramingFuzzTest {

    private static final Limits LIMITS = Limits.defaults();

    /** What one run over the input produced. */
    record Outcome(String forwarded, int heads, String rejection) {
    }

    @FuzzTest
    void framingIsSplitIndependentAndNettyAgrees(FuzzedDataProvider data) {
        // the browser proxy's listener also takes CONNECT host:port
        boolean browserProxy = data.consumeBoolean();
        int split = data.consumeInt(0, 1 << 16);
        byte[] input = data.consumeRemainingAsBytes();
        Outcome whole = scan(input, input.length, browserProxy);
        Outcome pieces = scan(input, Math.max(1, split % (input.length + 1)), browserProxy);
        assertEquals(whole, pieces, "outcome depends on read boundaries");
        assertEquals(whole, scan(input, 1, browserProxy), "outcome differs when read byte by byte");
        assertNettyAgrees(whole);
    }

    private static Outcome scan(byte[] input, int readSize, boolean browserProxy) {
        RequestFraming framing = new RequestFraming(LIMITS, browserProxy);
        ByteBuf out = Unpooled.buffer();
        int heads = 0;
        String rejection = "";
        try {
            for (int from = 0; from < input.length && rejection.isEmpty(); from += readSize) {
                ByteBuf read = Unpooled.wrappedBuffer(input, from, Math.min(readSize, input.length - from));
                try {
                    while (read.isReadable()) {
                        RequestFraming.Step step = framing.scan(read, out);
                        if (step == RequestFraming.Step.NEED_MORE) {
                            break;
                        }
                        if (step != RequestFraming.Step.BODY_END) {
                            heads++;
                        }
                    }
                } catch (RequestRejection r) {
                    rejection = r.status().code() + " " + r.detail();
                }
            }
            return new Outcome(ByteBufUtil.hexDump(out), heads, rejection);
        } finally {
            out.release();
        }
    }

    private static void assertNettyAgrees(Outcome outcome) {
        // the decoder exactly as the gateway configures it
        EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestDecoder(FrontendInitializer.decoderConfig(LIMITS)));
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(outcome.forwarded())));
            int requests = 0;
            Object msg;
            while ((msg = channel.readInbound()) != null) {
                try {
                    HttpObject object = (HttpObject) msg;
                    assertTrue(object.decoderResult().isSuccess(),
                            "Netty failed on what the scanner passed: " + object.decoderResult());
                    if (object instanceof HttpRequest) {
                        requests++;
                    }
                } finally {
                    ReferenceCountUtil.release(msg);
                }
            }
            assertEquals(outcome.heads(), requests, "Netty and the scanner count different requests");
        } finally {
            channel.finishAndReleaseAll();
        }
    }
}
