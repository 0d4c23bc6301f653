package dev.consentgate.html;

import dev.consentgate.consent.ConsentDecision;

/**
 * Judges the signatures found in one script's text, as {@link SignatureMatcher} reports them: the first rule of a
 * category the visitor has not granted blocks the script, and the search stops. A fallback signature (a vendor's
 * host named outside the snippets other rules know) decides only when no other signature matched the whole text,
 * granted or not: the SDK loader that also names the pixel's host then follows its own rule, in either direction.
 */
final class SignatureVerdict implements SignatureMatcher.Hits {

    private final TagPolicy policy;
    private final ConsentDecision consent;
    /** The first blocking rule that is not a fallback, -1 while none. */
    private int blocked = -1;
    /** The first blocking fallback rule, -1 while none. */
    private int fallback = -1;
    /** Some signature that is not a fallback matched, granted or not. */
    private boolean otherMatched;

    SignatureVerdict(TagPolicy policy, ConsentDecision consent) {
        this.policy = policy;
        this.consent = consent;
    }

    /** Forget the verdict: a new text starts. */
    void reset() {
        blocked = -1;
        fallback = -1;
        otherMatched = false;
    }

    @Override
    public boolean onMatch(int[] ruleIndexes) {
        for (int k : ruleIndexes) {
            boolean granted = policy.granted(policy.rule(k).category(), consent);
            if (policy.rule(k).fallback()) {
                if (fallback < 0 && !granted) {
                    fallback = k;
                }
            } else {
                otherMatched = true;
                if (!granted) {
                    blocked = k;
                    return true;
                }
            }
        }
        return false;
    }

    /** A rule that blocks the text read so far whatever follows it, or -1. */
    int blockingNow() {
        return blocked;
    }

    /** The rule that blocks the whole text, once it has all been read, or -1. */
    int blockingAtEnd() {
        return blocked >= 0 ? blocked : otherMatched ? -1 : fallback;
    }
}
