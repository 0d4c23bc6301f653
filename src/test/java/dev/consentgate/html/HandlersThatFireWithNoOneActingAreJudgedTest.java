package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Event handlers that fire with the page, no one acting: an open details element's toggle, an svg's and a style's
 * load, an autofocused element's focus, a CSS animation's start, an SVG animation's begin, a frameset's load. The
 * element stays (its drawing, rules, text or field are the site's); a handler whose code a rule blocks is renamed
 * {@code data-cg-blocked-NAME}, as a body's is. Every element's handlers are judged, those that wait for the visitor
 * (a click) too.
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

    /**
     * Before (found by a review, 2026-12-01): each of these tags was skipped unread, and Chromium 156 ran its handler
     * with no one acting: the focus handler of an autofocused div, textarea, select, button and link, an SVG
     * animation's begin and end, a CSS animation's start, a frameset's load.
     */
    @Test
    void theHandlersOfEveryElementAreJudged() {
        String fbq = "=\"fbq('init','1')\"";
        String[][] cases = {
            {"<div tabindex=0 autofocus onfocus" + fbq + ">x</div>",
                "<div tabindex=0 autofocus data-cg-blocked-onfocus" + fbq + ">x</div>"},
            {"<textarea autofocus ONFOCUS" + fbq + ">t</textarea>",
                "<textarea autofocus data-cg-blocked-ONFOCUS" + fbq + ">t</textarea>"},
            {"<select autofocus onfocusin" + fbq + "><option>o</select>",
                "<select autofocus data-cg-blocked-onfocusin" + fbq + "><option>o</select>"},
            {"<button autofocus onfocus" + fbq + ">b</button>",
                "<button autofocus data-cg-blocked-onfocus" + fbq + ">b</button>"},
            {"<a href=/x autofocus onfocus" + fbq + ">a</a>", "<a href=/x autofocus data-cg-blocked-onfocus" + fbq
                + ">a</a>"},
            {"<p style=\"animation:k 1s\" onanimationstart" + fbq + ">p</p>",
                "<p style=\"animation:k 1s\" data-cg-blocked-onanimationstart" + fbq + ">p</p>"},
            {"<svg><animateTransform attributeName=transform dur=1s onbegin" + fbq + "/></svg>",
                "<svg><animateTransform attributeName=transform dur=1s data-cg-blocked-onbegin" + fbq + "/></svg>"},
            {"<frameset onload" + fbq + "><frame src=/a></frameset>",
                "<frameset data-cg-blocked-onload" + fbq + "><frame src=/a></frameset>"},
            {"<noscript onfocus" + fbq + "><p>x</p></noscript>",
                "<noscript data-cg-blocked-onfocus" + fbq + "><p>x</p></noscript>"},
            {"<template onfocus" + fbq + "><p>x</p></template>",
                "<template data-cg-blocked-onfocus" + fbq + "><p>x</p></template>"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], rewrite(c[0]), c[0]);
        }
        // an SVG set or animate goes whole, like one that animates a tracker's address
        assertEquals("<svg><rect/></svg>", rewrite("<svg><rect/><set attributeName=x to=1 onbegin" + fbq
                + "/></svg>"));
        // a handler of the visitor's own action is judged by what it loads (fbq is a stand-in where the pixel is
        // blocked): the site's own code in it runs; only the blocked handler of an element is renamed
        String load = "=\"new Image().src='https://www.facebook.com/tr?id=1'\"";
        assertEquals("<div data-cg-blocked-onclick" + load + ">menu</div>", rewrite("<div onclick" + load + ">menu</div>"));
        String own = "<button onclick=\"gtag('event', 'sign_up'); fbq('track', 'Lead'); next()\">b</button>";
        assertEquals(own, rewrite(own));
        assertEquals("<div tabindex=0 autofocus data-cg-blocked-onfocus" + fbq + " onclick=\"menu()\">x</div>",
                rewrite("<div tabindex=0 autofocus onfocus" + fbq + " onclick=\"menu()\">x</div>"));
        // a link's handler goes with its beacons
        assertEquals("<a href=/x data-cg-blocked-ping=\"https://www.facebook.com/tr\" data-cg-blocked-onfocus"
                + fbq + ">a</a>", rewrite("<a href=/x ping=\"https://www.facebook.com/tr\" onfocus" + fbq + ">a</a>"));
    }

    /** The site's own handlers on ordinary elements pass byte for byte, in any chunking. */
    @Test
    void ordinaryElementsWithTheSitesOwnHandlersPass() {
        String page = "<div onclick=\"toggle(this)\" class=m><button onclick='go()' one=1 only>b</button>"
                + "<svg><g onmouseover=\"hi()\"><path d=M0/></g></svg><p on>x</p><textarea onfocus=f()>"
                + "</textarea></div>";
        assertEquals(page, rewrite(page));
        for (int chunk = 1; chunk < 8; chunk++) {
            assertEquals(page, XmlPages.rewriteInChunks(page, chunk), "chunks of " + chunk);
        }
    }

    /**
     * An element whose handlers fire with no one acting, its start tag longer than the tag size limit: a handler may
     * follow the limit unread, so it is written as read up to the limit, closed, its handlers renamed. Before (found
     * by a review, 2026-12-01): an svg, style or details tag past the limit passed whole, its handler after the limit
     * unread. A hidden field's long value (ASP.NET's view state) passes whole.
     */
    @Test
    void anElementWhoseHandlersFireAloneIsCutAtTheTagLimit() {
        String pad = "x".repeat(20_000);
        for (String name : new String[] {"svg", "style", "details"}) {
            String html = "<" + name + " title=\"" + pad + "\" onload=\"fbq('init','1')\" open>";
            String out = rewrite(html);
            assertEquals("<" + name + ">", out, name);
        }
        String hidden = "<input type=hidden name=__VIEWSTATE value=\"" + pad + "\">";
        assertEquals(hidden, rewrite(hidden));
        String text = "<input type=text value=\"" + pad + "\" autofocus onfocus=\"fbq('init','1')\">";
        assertEquals("<input type=text>", rewrite(text));
    }

    /**
     * Before (found by a review, 2026-12-01): a handler's URLs were looked for in the code as written only, so a host
     * spelt with a string escape passed, where an inline script's is read with its escapes written out; Chromium 156
     * loaded www.googletagmanager.com/tr from each of these (a javascript: frame's code too).
     */
    @Test
    void aHandlersUrlsAreReadWithTheirStringEscapesWrittenOut() {
        assertEquals("<p>x</p>", rewrite("<p>x</p><img src=\"data:,\" onerror=\"new Image().src="
                + "'http://www.googletagmanager\\x2ecom/tr?a'\">"));
        assertEquals("<div style=\"animation:k 1s\" data-cg-blocked-onanimationstart=\"new Image().src="
                + "'http://www.googletagmanager\\u002ecom/tr?b'\">x</div>", rewrite("<div style=\"animation:k 1s\""
                + " onanimationstart=\"new Image().src='http://www.googletagmanager\\u002ecom/tr?b'\">x</div>"));
        String click = "<a href=/x onclick=\"new Image().src='https:\\/\\/www.googletagmanager\\x2ecom/tr?c'\">a</a>";
        assertEquals(click.replace("onclick", "data-cg-blocked-onclick"), rewrite(click));
        String frame = "<iframe src=\"javascript:'<img src=http://www.googletagmanager\\x2ecom/tr?d>'\"></iframe>";
        assertEquals(true, rewrite(frame).startsWith("<div class=\"consentgate-placeholder\""), rewrite(frame));
    }

    /**
     * A start tag longer than the tag size limit, its handler after the limit (or cut by it): the handler is renamed
     * as it streams past, its code unread; the element, and every byte but the new prefix, pass. Before (found by a
     * review, 2026-12-01): the tag passed whole, and Chromium 156 ran the animation's handler after 17,000 bytes of
     * a div's data attribute. The output does not depend on how the page is cut.
     */
    @Test
    void aHandlerPastTheTagLimitIsRenamedAsItStreamsPast() {
        String pad = "x".repeat(17_000);
        String code = "=\"new Image().src='https://www.googletagmanager.com/tr'\"";
        String[][] cases = {
            // after the limit, in any case, unquoted values and slashes between attributes
            {"<div style=\"animation:k 1s\" data-pad=\"" + pad + "\" onanimationstart" + code + " ONfocus='f()'/"
                + "onclick=g()>x</div>", "<div style=\"animation:k 1s\" data-pad=\"" + pad + "\" data-cg-blocked-"
                + "onanimationstart" + code + " data-cg-blocked-ONfocus='f()'/data-cg-blocked-onclick=g()>x</div>"},
            // the limit cuts the handler's value, or its name
            {"<p a=\"" + pad.substring(0, 16_370) + "\" onfocus" + code + ">p</p>", "<p a=\""
                + pad.substring(0, 16_370) + "\" data-cg-blocked-onfocus" + code + ">p</p>"},
            {"<p a=\"" + pad.substring(0, 16_378) + "\" onfocus" + code + ">p</p>", "<p a=\""
                + pad.substring(0, 16_378) + "\" data-cg-blocked-onfocus" + code + ">p</p>"},
            // a handler's name read within the limit, its value after it (spaces between), or no value at all
            {"<p a=\"" + pad.substring(0, 16_360) + "\" onfocus   " + code.replace("=", "=  ") + ">p</p>", "<p a=\""
                + pad.substring(0, 16_360) + "\" data-cg-blocked-onfocus   " + code.replace("=", "=  ") + ">p</p>"},
            {"<p a=\"" + pad.substring(0, 16_360) + "\" onfocus" + " ".repeat(40) + "b=1>p</p>", "<p a=\""
                + pad.substring(0, 16_360) + "\" onfocus" + " ".repeat(40) + "b=1>p</p>"},
            {"<p a=\"" + pad.substring(0, 16_360) + "\" onfocus" + " ".repeat(40) + "=>p</p>", "<p a=\""
                + pad.substring(0, 16_360) + "\" data-cg-blocked-onfocus" + " ".repeat(40) + "=>p</p>"},
            // no handler: the tag passes as it is (a long drawing, a view state, a name that only starts with "o")
            {"<svg><path d=\"M" + pad + "\" opacity=1 /></svg>", "<svg><path d=\"M" + pad + "\" opacity=1 /></svg>"},
            {"<input type=hidden value=\"" + pad + "\" name=o>", "<input type=hidden value=\"" + pad + "\" name=o>"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], rewrite(c[0]), c[0].substring(0, 30));
            for (int chunk : new int[] {1, 2, 3, 7, 4096, 16_383, 16_384, 16_385, 16_390, 16_400}) {
                assertEquals(c[1], XmlPages.rewriteInChunks(c[0], chunk), c[0].substring(0, 30) + " in chunks of " + chunk);
            }
        }
        // reported once for the tag, as neutralized
        assertEquals(1, EssentialOnly.events(cases[0][0]).stream()
                .filter(e -> e.ruleId().equals("handler-past-tag-limit")).count());
    }
}
