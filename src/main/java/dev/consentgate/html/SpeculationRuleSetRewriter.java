package dev.consentgate.html;

import dev.consentgate.consent.ConsentDecision;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A rule set served as {@code application/speculationrules+json} (which a Speculation-Rules header names): Chromium
 * acts on it as on the JSON of a {@code <script type="speculationrules">}, so it is judged the same way
 * ({@link SpeculationRules}), whole, up to the inspect limit, except that a rule relative to the page's base URL
 * ({@code "relative_to": "document"}) goes: the page's {@code <base href>} is not known here. It is held until its
 * end, then passes as it came, or, when blocked or longer than the limit, becomes an empty rule set ({@code {}}), on
 * which Chromium acts on nothing.
 */
public final class SpeculationRuleSetRewriter implements BodyRewriter {

    private static final byte[] EMPTY_SET = "{}".getBytes(StandardCharsets.US_ASCII);

    private final UrlJudge urls;
    private final RewriteListener listener;
    private final int limit;
    /** The rule set read so far; null once past the limit. */
    private ByteBuf held = Unpooled.buffer();

    public SpeculationRuleSetRewriter(TagPolicy policy, ConsentDecision consent, PageSite site,
                                      RewriteListener listener) {
        this.urls = new ElementJudge(policy, consent, site, name -> false, StandardCharsets.UTF_8).urls();
        this.listener = listener;
        this.limit = policy.settings().inlineScriptInspectLimit();
    }

    @Override
    public void feed(ByteBuf chunk, Consumer<ByteBuf> out) {
        try {
            if (held != null && held.readableBytes() + chunk.readableBytes() > limit) {
                held.release();
                held = null;
            }
            if (held != null) {
                held.writeBytes(chunk);
            }
        } finally {
            chunk.release();
        }
    }

    @Override
    public void finish(Consumer<ByteBuf> out) {
        // a rule set is JSON, and so UTF-8
        ElementJudge.Verdict blocked = held == null
                ? new ElementJudge.Verdict(SpeculationRules.UNREAD, "", ElementKind.SCRIPT, null)
                : SpeculationRules.judgeServedApart(held.toString(StandardCharsets.UTF_8), urls);
        if (blocked == null) {
            out.accept(held);
            held = null;
            return;
        }
        release();
        listener.onAction(new RewriteEvent(0, "speculation rule set", blocked.host(), blocked.rule().category(),
                blocked.rule().id(), RewriteEvent.Action.REMOVED));
        out.accept(Unpooled.wrappedBuffer(EMPTY_SET));
    }

    @Override
    public void release() {
        if (held != null) {
            held.release();
            held = null;
        }
    }

    /** None: a rule set past the limit becomes an empty one, never passes unjudged. */
    @Override
    public long elementsPassedOverLimit() {
        return 0;
    }
}
