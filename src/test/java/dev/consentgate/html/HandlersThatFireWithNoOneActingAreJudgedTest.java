package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Event handlers that fire with the page, no one acting: an open details element's toggle, an svg's and a style's
 * load, an autofocused input's focus. The element stays (its drawing, rules, text or field are the site's); a
 * handler whose code a rule blocks is renamed {@code data-cg-blocked-NAME}, as a body's is.
 */
class HandlersThatFireWithNoOneActingAreJudgedTest {

    /**
     * Before (found by a review, 2026-12-01): these tags were skipped unread, and Chromium 155 ran each handler (a
     * first-party script recorded that fbq had been called by each) and requested gtm.js for the details one.
     */
    @Test
    void aTrackersHandlerIsMadeInertAndTheElementStays() {
        assertEquals("<details open data-cg-blocked-ontoggle=\"fbq('init','1')\"><summary>x</summary></details>",
                rewrite("<details open ontoggle=\"fbq('init','1')\"><summary>x</summary></details>"));
        assertEquals("<svg width=1 data-cg-blocked-onload=\"fbq('init','2')\"><rect/></svg>",
                rewrite("<svg width=1 onload=\"fbq('init','2')\"><rect/></svg>"));
        assertEquals("<style data-cg-blocked-onload=\"fbq('init','3')\">p{color:red}</style>",
                rewrite("<style onload=\"fbq('init','3')\">p{color:red}</style>"));
        assertEquals("<input autofocus data-cg-blocked-onfocus=\"import('https://www.googletagmanager.com/gtm.js')\""
                        + " name=q>",
                rewrite("<input autofocus onfocus=\"import('https://www.googletagmanager.com/gtm.js')\" name=q>"));
    }

    /** The site's own handlers on the same elements pass, and so do the elements without handlers. */
    @Test
    void theSitesOwnHandlersPass() {
        String page = "<details open ontoggle=\"track(this)\"><summary>own</summary></details><svg onload=\"init()\">"
                + "</svg><style onload=\"ready()\">p{}</style><input name=a autofocus onfocus=\"hint()\"><details>"
                + "<summary>s</summary></details><svg></svg><style>p{}</style>";
        assertEquals(page, rewrite(page));
    }
}
