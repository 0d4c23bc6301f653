package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A meta's refresh and an SVG set or animate giving an image's href a value load a URL, as a pixel does: when the
 * tag size limit (16 KiB by default) may have cut what they load, they go, like any other element whose address the
 * limit left unread. One whose keyword was read whole and names nothing that loads passes.
 */
class RefreshesAndAnimationsCutByTheTagLimitAreRemovedTest {

    private static final String PAD = "a".repeat(17_000);

    @Test
    void aRefreshWhoseKeywordOrUrlLiesPastTheLimitIsRemoved() {
        // Before (found by a review): each passed untouched under essential-only consent (a meta was judged only by
        // the attributes read, and a tag without http-equiv there does nothing); Chromium 150 (headless, page served
        // from a local server) followed the refresh to www.facebook.com/tr in both orders.
        for (String html : List.of(
                "<meta http-equiv=\"refresh\" data-pad=\"" + PAD + "\" content=\"0;url=https://www.facebook.com/tr"
                        + "?id=1\">",
                "<meta content=\"0;url=https://www.facebook.com/tr?id=2\" data-pad=\"" + PAD + "\" http-equiv=\""
                        + "refresh\">",
                "<meta http-equiv=\"refresh\" content=\"0;url=https://www.facebook.com/" + PAD + "/tr?id=3\">",
                "<meta content=\"0;url=https://www.facebook.com/" + PAD + "/tr?id=4\" http-equiv=\"refresh\">")) {
            assertFalse(rewrite(html).contains("facebook"), html.substring(0, 60));
        }
    }

    @Test
    void anAnimationOfAnAddressWhoseValuesLiePastTheLimitIsRemoved() {
        // Before (found by a review): passed untouched under essential-only consent; Chromium 150 set the image's
        // href to the animation's value and requested www.facebook.com/tr.
        for (String html : List.of(
                "<svg><image href=\"/a.png\"><set attributeName=\"href\" data-pad=\"" + PAD + "\" to=\"https://www"
                        + ".facebook.com/tr?id=4\"/></image></svg>",
                "<svg><image href=\"/a.png\"><animate to=\"https://www.facebook.com/tr?id=5\" dur=\"1s\" data-pad=\""
                        + PAD + "\" attributeName=\"href\"/></image></svg>")) {
            assertFalse(rewrite(html).contains("facebook"), html.substring(0, 60));
        }
    }

    @Test
    void anyAnimationPastTheLimitIsRemoved() {
        // any value of a set or animate is read as CSS, which may load (a mask's url()): past the limit, one may
        // follow unread, whatever attribute it animates (a long fill animation passed until 2026-12-02)
        for (String html : List.of(
                "<svg><rect><animate attributeName=\"fill\" values=\"" + PAD + "\"/></rect></svg>",
                "<svg><rect><set attributeName=\"mask\" data-pad=\"" + PAD + "\" to=\"url(https://www.facebook.com"
                        + "/tr?id=6)\"/></rect></svg>")) {
            assertEquals("<svg><rect></rect></svg>", rewrite(html), html.substring(0, 60));
        }
    }

    @Test
    void longTagsThatLoadNothingStillPass() {
        for (String html : List.of(
                "<meta name=\"description\" http-equiv=\"content-language\" content=\"" + PAD + "\">",
                "<meta name=\"description\" content=\"" + PAD + "\">",
                "<meta property=\"og:description\" content=\"A page. " + PAD + "\">",
                "<meta http-equiv=\"refresh\" content=\"30\" data-pad=\"" + PAD + "\">")) {
            assertEquals(html, rewrite(html), html.substring(0, 60));
        }
    }

    @Test
    void anAnimationGivingAPresentationAttributeATrackersUrlIsRemoved() {
        // found by a review (2026-12-02): each passed, and Chromium 156 fetched Meta's pixel for the mask, the
        // clip-path and the marker it was given
        for (String html : List.of(
                "<svg><rect><set attributeName=\"mask\" to=\"url(https://www.facebook.com/tr?id=7#m)\"/></rect></svg>",
                "<svg><rect><animate attributeName=\"clip-path\" values=\"none;url(&quot;https://www.facebook.com/tr"
                        + "?id=8&quot;)\" dur=\"1s\"/></rect></svg>",
                "<svg><path><set attributeType=\"CSS\" attributeName=\"marker-start\" to=\"url(https://www.facebook"
                        + ".com/tr?id=9)\"/></path></svg>")) {
            assertFalse(rewrite(html).contains("facebook"), html);
        }
        // one that loads nothing, or nothing a rule blocks, stays
        for (String html : List.of("<svg><rect><set attributeName=\"mask\" to=\"url(#m)\"/></rect></svg>",
                "<svg><rect><animate attributeName=\"fill\" values=\"red;url(/paint.svg#p)\"/></rect></svg>")) {
            assertEquals(html, rewrite(html));
        }
    }
}
