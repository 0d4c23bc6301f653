package dev.consentgate.html;

/**
 * The event handler attributes of an element the rewriter judges ({@code <img src="data:," onerror="...">}): a
 * handler's code runs like an inline script's, so it is judged like one. Every attribute whose name starts with
 * "on" counts, a repeated one too: a browser runs only the first, but finding the first would cost a search per
 * attribute, and a tag may have thousands.
 */
final class EventHandlers {

    private EventHandlers() {
    }

    /** The first handler of {@code tag} whose code a rule blocks, or null when every handler passes. */
    static EmbeddedContentJudge.Match firstBlocked(TagToken tag, EmbeddedContentJudge judge) {
        for (int k = 0; k < tag.attrCount; k++) {
            if (tag.attributeNameExtends(k, "on")) {
                EmbeddedContentJudge.Match match = judge.handler(tag.value(k));
                if (match != null) {
                    return match;
                }
            }
        }
        return null;
    }
}
