package dev.consentgate.html;

/** Tells the listener what the rewriter did to an element, with the line the element starts on. */
final class EventReporter {

    private final RewriteListener listener;
    /** Counted by the page's rewriter as its chunks pass; null when nobody listens. */
    private final LineCounter lines;

    EventReporter(RewriteListener listener, LineCounter lines) {
        this.listener = listener;
        this.lines = lines;
    }

    /** The element of {@code nameId} starting at absolute offset {@code at}. */
    void report(long at, int nameId, String host, String category, String ruleId, RewriteEvent.Action action) {
        if (lines != null) {
            listener.onAction(new RewriteEvent(lines.lineAt(at), ElementNames.name(nameId), host, category, ruleId,
                    action));
        }
    }
}
