package dev.consentgate.html;

/**
 * Tells the listener what the rewriter did to an element, with the line the element starts on; and counts the
 * elements a limit let through unjudged, for the gateway's metrics, whether anybody listens or not.
 */
final class EventReporter {

    private final RewriteListener listener;
    /** Counted by the page's rewriter as its chunks pass; null when nobody listens. */
    private final LineCounter lines;
    private long passedOverLimit;

    EventReporter(RewriteListener listener, LineCounter lines) {
        this.listener = listener;
        this.lines = lines;
    }

    /** The element of {@code nameId} starting at absolute offset {@code at}. */
    void report(long at, int nameId, String host, String category, String ruleId, RewriteEvent.Action action) {
        if (action == RewriteEvent.Action.PASSED_OVER_LIMIT) {
            passedOverLimit++;
        }
        if (lines != null) {
            listener.onAction(new RewriteEvent(lines.lineAt(at), ElementNames.name(nameId), host, category, ruleId,
                    action));
        }
    }

    /** How many elements a limit let through unjudged so far. */
    long passedOverLimit() {
        return passedOverLimit;
    }
}
