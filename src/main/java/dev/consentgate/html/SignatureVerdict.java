package dev.consentgate.html;

import dev.consentgate.consent.ConsentDecision;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Judges the signatures found in one script's text, as {@link SignatureMatcher} reports them. A rule of a category
 * the visitor has not granted blocks the script at once, and the search stops; except a rule with an
 * {@code unless} list (a vendor's host, named by its SDK's and its pixel's snippets alike), which blocks only if,
 * by the end of the text, none of the rules it lists matched too: those decide instead, each with its own category.
 * Where keep rules count (an inline script's text), one that matches keeps the script whatever else matched, so
 * then a block waits for the end of the text too.
 *
 * <p>The code as written is read first; the other readings of the same code (compacted, the code in its strings,
 * see {@link InlineScriptJudge}) only after it, piece by piece. Which of them meets a signature first depends on
 * where the pieces are cut, so a signature found in the later readings blocks only at the end of the text (the
 * lowest rule then names the block), while one in the code as written still blocks at once: the rule named, and
 * so the output, does not depend on the chunking.
 */
final class SignatureVerdict implements SignatureMatcher.Hits {

    private final TagPolicy policy;
    private final ConsentDecision consent;
    /** The first blocking rule without an {@code unless} list found in the code as written, -1 while none. */
    private int blocked = -1;
    /** The lowest such rule found in the later readings, -1 while none. */
    private int blockedLater = -1;
    /** The matches now reported are of a later reading (see the class comment). */
    private boolean laterReading;
    /** Blocking rules with an {@code unless} list, in the order found in the code as written. */
    private int[] conditional = new int[4];
    private int conditionalCount;
    /** The same, found in the later readings. */
    private int[] conditionalLater = new int[4];
    private int conditionalLaterCount;
    /** Rules that some {@code unless} list names and that matched. */
    private final BitSet matchedOverrides = new BitSet();
    /** Keep rules decide: the text is a script of the page's (see {@link TagPolicy#keeps}). */
    private boolean keepRulesCount;
    /** The keep rule that matched, -1 while none. */
    private int keptBy = -1;

    SignatureVerdict(TagPolicy policy, ConsentDecision consent) {
        this.policy = policy;
        this.consent = consent;
    }

    /** Forget the verdict: a new text starts, in which keep rules count when {@code keepRulesCount}. */
    void reset(boolean keepRulesCount) {
        blocked = -1;
        blockedLater = -1;
        laterReading = false;
        conditionalCount = 0;
        conditionalLaterCount = 0;
        matchedOverrides.clear();
        this.keepRulesCount = keepRulesCount && policy.hasKeepRules();
        keptBy = -1;
    }

    /** The matches reported from now on are of the code as written ({@code false}) or of a later reading. */
    void laterReading(boolean later) {
        laterReading = later;
    }

    /**
     * The same verdict, for a reading that may only block (the code a script's strings hold, see
     * {@link CodeInStrings}): a keep rule or an {@code unless} override found there counts for nothing, so that words
     * in a string (a help text quoting {@code gtag('consent', 'default')}) excuse nothing.
     */
    final SignatureMatcher.Hits blockingOnly = ruleIndexes -> match(ruleIndexes, false);

    @Override
    public boolean onMatch(int[] ruleIndexes) {
        return match(ruleIndexes, true);
    }

    /** {@code excusing}: keep rules and overrides found count. */
    private boolean match(int[] ruleIndexes, boolean excusing) {
        for (int k : ruleIndexes) {
            if (policy.keeps(k)) {
                // never an override: where keep rules do not count (SVG, data: URLs, srcdoc) it is nothing
                if (keepRulesCount && excusing) {
                    keptBy = k;
                    return true;
                }
                continue;
            }
            if (policy.overrides(k) && excusing) {
                matchedOverrides.set(k);
            }
            if (policy.granted(policy.rule(k).category(), consent)) {
                continue;
            }
            if (policy.unless(k).length == 0) {
                if (laterReading) {
                    blockedLater = blockedLater < 0 ? k : Math.min(blockedLater, k);
                    continue;
                }
                if (blocked < 0) {
                    blocked = k;
                }
                if (!keepRulesCount) {
                    return true;
                }
                continue;
            }
            if (laterReading) {
                if (conditionalLaterCount == conditionalLater.length) {
                    conditionalLater = Arrays.copyOf(conditionalLater, conditionalLaterCount * 2);
                }
                conditionalLater[conditionalLaterCount++] = k;
                continue;
            }
            if (conditionalCount == conditional.length) {
                conditional = Arrays.copyOf(conditional, conditionalCount * 2);
            }
            conditional[conditionalCount++] = k;
        }
        return false;
    }

    /** A rule that blocks the text read so far whatever follows it, or -1. */
    int blockingNow() {
        return blocked;
    }

    /** The keep rule that matched, which ended the search (the text is the site's own script and passes); or -1. */
    int keptBy() {
        return keptBy;
    }


    /** The rule that blocks the whole text, once it has all been read, or -1. */
    int blockingAtEnd() {
        if (keptBy >= 0) {
            return -1;
        }
        if (blocked >= 0) {
            return blocked;
        }
        if (blockedLater >= 0) {
            return blockedLater;
        }
        for (int n = 0; n < conditionalCount; n++) {
            int k = conditional[n];
            if (!anyMatched(policy.unless(k))) {
                return k;
            }
        }
        // the order the later readings found them in depends on the chunking (see the class comment): the lowest
        int lowest = -1;
        for (int n = 0; n < conditionalLaterCount; n++) {
            int k = conditionalLater[n];
            if (!anyMatched(policy.unless(k)) && (lowest < 0 || k < lowest)) {
                lowest = k;
            }
        }
        return lowest;
    }

    private boolean anyMatched(int[] rules) {
        for (int r : rules) {
            if (matchedOverrides.get(r)) {
                return true;
            }
        }
        return false;
    }
}
