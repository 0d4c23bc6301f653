package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The budget that stops decompression bombs in HTML bodies: a total size and an expansion ratio. */
class DecompressionBudgetTest {

    private static ByteBuf decoded(int bytes) {
        return Unpooled.buffer(bytes).writeZero(bytes);
    }

    @Test
    void honestPageWithinBothLimitsPasses() {
        HtmlBodyRewrite.DecompressionBudget budget = new HtmlBodyRewrite.DecompressionBudget(10 << 20, 200);
        budget.consumed(200_000);
        for (int i = 0; i < 8; i++) {
            ByteBuf piece = decoded(256 * 1024);
            assertDoesNotThrow(() -> budget.produced(piece));
            piece.release();
        }
    }

    @Test
    void expansionBeyondTheRatioIsABombAndTheBufferIsReleased() {
        HtmlBodyRewrite.DecompressionBudget budget = new HtmlBodyRewrite.DecompressionBudget(1L << 30, 200);
        budget.consumed(4096);
        ByteBuf piece = decoded(2 << 20);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> budget.produced(piece));
        assertEquals("body expands more than 200:1 (decompression bomb)", e.getMessage());
        assertEquals(0, piece.refCnt());
    }

    @Test
    void theFirstMebibyteIsNeverJudgedByRatio() {
        HtmlBodyRewrite.DecompressionBudget budget = new HtmlBodyRewrite.DecompressionBudget(1L << 30, 200);
        budget.consumed(10);
        ByteBuf piece = decoded(1 << 20);
        assertDoesNotThrow(() -> budget.produced(piece));
        piece.release();
    }

    @Test
    void totalBeyondTheLimitIsRefusedWhateverTheRatio() {
        HtmlBodyRewrite.DecompressionBudget budget = new HtmlBodyRewrite.DecompressionBudget(1 << 20, 1_000_000);
        budget.consumed(1 << 20);
        ByteBuf piece = decoded((1 << 20) + 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> budget.produced(piece));
        assertEquals("decompressed body larger than 1048576 bytes", e.getMessage());
        assertEquals(0, piece.refCnt());
    }
}
