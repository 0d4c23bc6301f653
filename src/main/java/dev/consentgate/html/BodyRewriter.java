package dev.consentgate.html;

import io.netty.buffer.ByteBuf;

import java.util.function.Consumer;

/** A response body rewritten as it streams: a page ({@link HtmlRewriter}) or a rule set ({@link SpeculationRuleSetRewriter}). */
public interface BodyRewriter {

    /** Takes ownership of {@code chunk} (releases it); emits output buffers, each owned by the consumer. */
    void feed(ByteBuf chunk, Consumer<ByteBuf> out);

    /** End of input: emits what is held. */
    void finish(Consumer<ByteBuf> out);

    /** Discards held state (aborted response). */
    void release();

    /**
     * How many elements a limit ({@code html.inline_script_inspect_limit}, {@code html.max_tag_bytes}) let through
     * unjudged so far; each was also reported to the listener.
     */
    long elementsPassedOverLimit();
}
