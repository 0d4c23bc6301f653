package dev.consentgate.html;

/** Told about every element the rewriter changed, and about every element a limit let through unjudged. */
@FunctionalInterface
public interface RewriteListener {

    RewriteListener NONE = e -> { };

    void onAction(RewriteEvent event);
}
