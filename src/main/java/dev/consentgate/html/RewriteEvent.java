package dev.consentgate.html;

/**
 * One element the rewriter acted on, or passed for a reason worth reporting (a limit, a keep rule).
 *
 * @param line     1-based line of the element's start tag in the input
 * @param element  element name ("script", "img", "iframe", "link", "meta")
 * @param host     host of the URL that matched, empty for inline scripts and limit events
 * @param category category id of the rule, empty when none matched
 * @param ruleId   id of the matching rule, empty when none matched
 * @param action   what happened
 */
public record RewriteEvent(long line, String element, String host, String category, String ruleId,
                           Action action) {

    public enum Action {
        REMOVED,
        NEUTRALIZED,
        PLACEHOLDER,
        /** A size limit stopped the judgement and the element passed unchanged. */
        PASSED_OVER_LIMIT,
        /** A keep rule's signature found the site's own inline script, which passed whole. */
        KEPT
    }
}
