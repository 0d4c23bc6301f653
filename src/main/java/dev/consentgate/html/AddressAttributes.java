package dev.consentgate.html;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where each element keeps the addresses it loads, in the order they are judged, and whether the tag size limit cut
 * one of them (an element whose address was not read whole cannot be judged).
 */
final class AddressAttributes {

    /**
     * Where loaders that delay scripts keep the URL of a script whose type they renamed: lazy-loading libraries
     * (data-src, data-lazy-src), WP Rocket (data-rocket-src, and data-rocketlazyloadscript in its older versions,
     * which left the type alone), Perfmatters (data-pmdelayedscript), Cloudflare's first Rocket Loader
     * (text/rocketscript with data-rocketsrc).
     */
    static final String[] DELAYED_SCRIPT = {"data-src", "data-rocket-src", "data-lazy-src",
        "data-pmdelayedscript", "data-rocketlazyloadscript", "data-rocketsrc"};
    /**
     * Where images keep their URLs: lazy-loading scripts copy a URL from data-src (lazysizes and most others),
     * data-lazy-src (WP Rocket, Jetpack) or data-original (jQuery Lazy Load) into src, and a list from data-srcset or
     * data-lazy-srcset (WP Rocket, Jetpack; until 2026-12-02 not judged, found by a review) into srcset.
     */
    static final String[] IMAGE = {"src", "data-src", "data-lazy-src", "data-original", "srcset", "data-srcset",
        "data-lazy-srcset", "attributionsrc"};
    /**
     * An image element: SVG's loads its href (xlink:href in SVG 1.1); in HTML the tree builder turns it into an img,
     * which loads its src.
     */
    static final String[] IMAGE_ELEMENT = {"src", "href", "xlink:href", "data-src", "data-lazy-src",
        "data-original", "srcset", "data-srcset", "data-lazy-srcset"};
    /** Where an SVG script names the script it loads (src is HTML's). */
    static final String[] SVG_SCRIPT = {"href", "xlink:href"};
    static final String[] FRAME = {"src", "data-src", "data-lazy-src", "data-original"};
    static final String[] HINT = {"href", "imagesrcset"};
    static final String[] SRC = {"src"};
    /**
     * A video fetches its poster and its src's metadata (the default preload) with the page; lazy loaders copy
     * data-src, data-lazy-src (as for images) and data-poster into them.
     */
    static final String[] VIDEO = {"src", "poster", "data-src", "data-lazy-src", "data-poster"};
    static final String[] AUDIO = {"src", "data-src", "data-lazy-src"};
    /** The background image of body, table, tr, td and th. */
    static final String[] BACKGROUND = {"background"};
    /** SVG's feImage loads its href (xlink:href in SVG 1.1) as an image. */
    static final String[] FE_IMAGE = {"href", "xlink:href"};
    static final String[] HREF = {"href"};
    static final String[] DATA = {"data"};
    /**
     * A link's beacons, each a list of URLs separated by white space that a browser sends a request to when the link
     * is followed: ping's a POST, attributionsrc's (Attribution Reporting) a GET, both with their hosts' cookies.
     */
    static final String[] LINK_BEACONS = {"ping", "attributionsrc"};
    /**
     * An image's or script's attributionsrc (Attribution Reporting): URLs separated by white space, each of which
     * Chromium 150 requested as the element loaded, with its host's cookies.
     */
    static final String[] ATTRIBUTION_SRC = {"attributionsrc"};
    /** Every attribute judging reads a URL or code from: a size limit that cuts one of them leaves it unread. */
    private static final Set<String> ALL = all();

    private AddressAttributes() {
    }

    /** Whether a script names an address the way SVG loads one ({@code href}, {@code xlink:href}). */
    static boolean hasSvgScriptAddress(TagToken tag) {
        return hasAny(tag, SVG_SCRIPT);
    }

    /**
     * Whether a script whose text is inspected also loads an address (an SVG script's href, a delayed loader's
     * data-rocket-src...), and so fires load and error events.
     */
    static boolean scriptLoadsAnAddress(TagToken tag) {
        return hasAny(tag, SVG_SCRIPT) || hasAny(tag, DELAYED_SCRIPT);
    }

    private static boolean hasAny(TagToken tag, String[] names) {
        for (String name : names) {
            if (tag.findAddress(name, 0) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the size limit may have cut the address or code of an overflowed element that loads or runs
     * something: the limit falls inside a value that can hold a URL or code (a picture's data: URL loads nothing,
     * cut or not), or outside any value, in a name or between attributes, where what follows is unread, or inside
     * any other value (a text, a style, a data attribute), even when an address came before: an attribute read after
     * it may take precedence over the one read (srcset over src, srcdoc over src, a lazy loader's data-src). Only a
     * picture cut inside its data: URL is judged on what came before the limit. A meta whose refresh may lie past the
     * limit counts as cut too, and so does an SVG set or animate (any of its values may load, read as CSS), and an
     * svg, style, details or frameset element, or an input other than a hidden field, whose handlers fire with no
     * one acting: one of them may lie past the limit (an ordinary element passes, its handlers past the limit
     * renamed: see UnreadHandlers).
     */
    static boolean cutByLimit(TagToken tag) {
        switch (tag.nameId) {
            case ElementNames.SCRIPT, ElementNames.IMG, ElementNames.SOURCE, ElementNames.AMP_PIXEL,
                 ElementNames.IMAGE, ElementNames.BASE, ElementNames.IFRAME, ElementNames.FRAME,
                 ElementNames.AMP_IFRAME, ElementNames.EMBED, ElementNames.OBJECT, ElementNames.LINK,
                 ElementNames.VIDEO, ElementNames.AUDIO, ElementNames.TRACK, ElementNames.BODY,
                 ElementNames.TABLE, ElementNames.TR, ElementNames.TD, ElementNames.TH, ElementNames.FE_IMAGE,
                 ElementNames.TBODY, ElementNames.THEAD, ElementNames.TFOOT, ElementNames.COLGROUP, ElementNames.COL,
                 ElementNames.A, ElementNames.AREA,
                 // any value of an SVG set or animate may be read as CSS that loads (see ElementJudge)
                 ElementNames.SET, ElementNames.ANIMATE,
                 // their handlers fire with no one acting (a load, a toggle): one may follow the limit
                 ElementNames.SVG, ElementNames.STYLE, ElementNames.DETAILS, ElementNames.FRAMESET -> {
            }
            case ElementNames.INPUT -> {
                // a hidden field's long value (ASP.NET's view state) after a type read whole is no address, and no
                // handler of it fires; another input's focus handler may follow the limit, with autofocus
                int type = tag.find("type");
                if (type >= 0 && type != tag.cutValue
                        && AttributeSyntax.asciiEqualsIgnoreCase(tag.value(type).strip(), "hidden")) {
                    return false;
                }
            }
            case ElementNames.META -> {
                return refreshOrCookieUnread(tag);
            }
            // a tag whose name the limit cut is no element that loads
            default -> {
                return false;
            }
        }
        if (tag.nameId == ElementNames.BASE) {
            // the first href decides, wherever it is: unless it was read whole, what follows the limit may hold it
            int href = tag.find("href");
            return href < 0 || href == tag.cutValue;
        }
        if (tag.cutValue < 0) {
            return true;
        }
        boolean picture = tag.nameId == ElementNames.IMG || tag.nameId == ElementNames.SOURCE
                || tag.nameId == ElementNames.AMP_PIXEL || tag.nameId == ElementNames.IMAGE;
        String cut = tag.attributeName(tag.cutValue);
        if (isAddress(cut) || isHandler(cut)) {
            return !(picture && DataUrls.isDataUrl(tag.value(tag.cutValue)));
        }
        // cut inside another value: an address that overrides the one read may follow it, unread
        return true;
    }

    /**
     * Whether what a meta does may lie past the limit: it is a refresh (or a cookie) whose {@code content} is unread
     * or cut, or its {@code http-equiv} is unread or cut (any attribute may follow the limit) and its {@code content}
     * is unread, reads as a refresh to a URL, or is cut where it may still become one. A meta whose
     * {@code http-equiv} was read whole and names neither does nothing the rules judge, nor does one whose content
     * no refresh reads (a long description).
     */
    private static boolean refreshOrCookieUnread(TagToken tag) {
        int k = tag.find("http-equiv");
        int content = tag.find("content");
        if (k < 0 || k == tag.cutValue) {
            if (content < 0) {
                return true;
            }
            String read = tag.value(content);
            return content == tag.cutValue ? mayStartARefresh(read) : MetaRefresh.url(read) != null;
        }
        String equiv = tag.value(k).strip();
        if (!AttributeSyntax.asciiEqualsIgnoreCase(equiv, "refresh")
                && !AttributeSyntax.asciiEqualsIgnoreCase(equiv, "set-cookie")) {
            return false;
        }
        return content < 0 || content == tag.cutValue;
    }

    /** Whether the start of a content may be a refresh's: nothing yet but spaces, or a time (a digit or '.'). */
    private static boolean mayStartARefresh(String start) {
        String time = start.stripLeading();
        return time.isEmpty() || time.charAt(0) == '.' || time.charAt(0) >= '0' && time.charAt(0) <= '9';
    }

    /** Whether the attribute holds a list of URLs separated by white space, each loaded (a link's beacons). */
    static boolean isUrlList(String attributeName) {
        return attributeName.equals("ping") || attributeName.equals("attributionsrc");
    }

    static boolean isAddress(String attributeName) {
        return attributeName.endsWith("src") || attributeName.endsWith("srcset") || ALL.contains(attributeName);
    }

    /** An event handler's code: unread when cut, but no address, whose reading lets the element be judged. */
    static boolean isHandler(String attributeName) {
        return attributeName.length() > 2 && attributeName.startsWith("on");
    }

    private static Set<String> all() {
        Set<String> names = new HashSet<>(List.of("srcdoc"));
        for (String[] list : List.of(DELAYED_SCRIPT, IMAGE, FRAME, HINT, IMAGE_ELEMENT, SVG_SCRIPT, SRC, HREF, DATA,
                VIDEO, AUDIO, BACKGROUND, FE_IMAGE, LINK_BEACONS)) {
            names.addAll(Arrays.asList(list));
        }
        return Set.copyOf(names);
    }
}
