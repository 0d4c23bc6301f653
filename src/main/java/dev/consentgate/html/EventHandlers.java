package dev.consentgate.html;

import java.util.Locale;
import java.util.Set;

/**
 * The event handler attributes of an element ({@code <img src="data:," onerror="...">}, {@code <div autofocus
 * tabindex=0 onfocus="...">}): a handler's code runs like an inline script's, so it is judged like one, on every
 * element. Every attribute whose name starts with "on" counts, a repeated one too: a browser runs only the first, but
 * finding the first would cost a search per attribute, and a tag may have thousands.
 *
 * <p>A handler of an event only the visitor causes (a click, a key, a form's input) is judged by the URLs it loads or
 * names, not by signatures: the site's own {@code onclick="gtag('event', 'sign_up'); next()"} calls the stand-ins of
 * a blocked vendor (see TagSurrogates), or the vendor itself once consent is given, and must still run to its end.
 * Every other handler (a load, a focus that autofocus gives, an animation's start, an unknown event) may fire with
 * no one acting, as a tag placed in the page does, and is judged fully.
 */
final class EventHandlers {

    /** The events, without "on", that only the visitor's own action fires. */
    private static final Set<String> VISITOR_ACTIONS = Set.of("click", "dblclick", "auxclick", "contextmenu",
            "mousedown", "mouseup", "mouseover", "mouseout", "mouseenter", "mouseleave", "mousemove", "wheel",
            "pointerdown", "pointerup", "pointerover", "pointerout", "pointerenter", "pointerleave", "pointermove",
            "pointercancel", "touchstart", "touchend", "touchmove", "touchcancel", "keydown", "keyup", "keypress",
            "input", "beforeinput", "change", "submit", "reset", "drag", "dragstart", "dragend", "dragenter",
            "dragleave", "dragover", "drop", "copy", "cut", "paste");

    private EventHandlers() {
    }

    /** Whether attribute {@code k} of {@code tag} is an event handler. */
    static boolean isHandler(TagToken tag, int k) {
        return tag.attributeNameExtends(k, "on");
    }

    /** Whether {@code tag} has an event handler attribute. */
    static boolean any(TagToken tag) {
        for (int k = 0; k < tag.attrCount; k++) {
            if (isHandler(tag, k)) {
                return true;
            }
        }
        return false;
    }

    /** What blocks handler {@code k} of {@code tag}, or null when it passes. */
    static EmbeddedContentJudge.Match judge(TagToken tag, int k, EmbeddedContentJudge judge) {
        String event = tag.attributeName(k).substring(2).toLowerCase(Locale.ROOT);
        return VISITOR_ACTIONS.contains(event) ? judge.handlerUrls(tag.value(k)) : judge.handler(tag.value(k));
    }

    /** The first handler of {@code tag} whose code a rule blocks, or null when every handler passes. */
    static EmbeddedContentJudge.Match firstBlocked(TagToken tag, EmbeddedContentJudge judge) {
        for (int k = 0; k < tag.attrCount; k++) {
            if (isHandler(tag, k)) {
                EmbeddedContentJudge.Match match = judge(tag, k, judge);
                if (match != null) {
                    return match;
                }
            }
        }
        return null;
    }
}
