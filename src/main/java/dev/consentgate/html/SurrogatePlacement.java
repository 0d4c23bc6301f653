package dev.consentgate.html;

import dev.consentgate.config.TagRule;

/**
 * Where one page's stand-ins for blocked vendors' globals go (see {@link TagSurrogates}): right after the end tag of
 * a neutralized script, or in the place of a removed one; the functions they share written with the page's first.
 */
final class SurrogatePlacement {

    private final TagSurrogates surrogates;
    private final TagPolicy policy;
    /** The stand-ins due after the end tag of the script just neutralized; null when none. */
    private byte[] afterEndTag;
    /** The page got its first stand-ins, with the functions the later ones share. */
    private boolean started;

    SurrogatePlacement(TagPolicy policy) {
        this.policy = policy;
        this.surrogates = policy.surrogates();
    }

    /**
     * A script of the page was blocked by {@code rule}: the stand-ins of its vendor (if the rule names one) are due
     * after its end tag when it was neutralized (they record its text), or go into {@code pending} now when removed.
     */
    void scriptBlocked(TagToken tag, TagRule rule, boolean neutralized, PendingOutput pending) {
        int ruleIndex = policy.indexOf(rule.id());
        if (surrogates.vendors(ruleIndex) == 0) {
            return;
        }
        byte[] script = surrogates.script(ruleIndex, !started, tag.value("nonce"));
        started = true;
        if (neutralized) {
            afterEndTag = script;
        } else {
            pending.insert(script);
        }
    }

    /** A script's end tag ending at {@code end}: the stand-ins due after it, if any, go there. */
    void scriptEnded(long end, PendingOutput pending) {
        if (afterEndTag != null) {
            pending.emitUpTo(end);
            pending.insert(afterEndTag);
            afterEndTag = null;
        }
    }
}
