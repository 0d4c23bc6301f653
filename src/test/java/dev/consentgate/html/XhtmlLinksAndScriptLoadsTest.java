package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What a fourth review of the rewriter's bypasses found (each case loaded the tracker in Chromium): in a page parsed as
 * XML, raw text that XML does not have (a self-closing textarea, style's content) hid a tag; links Chromium fetches
 * on its own (icons, the manifest) were not judged; SVG's set and animate gave an image a tracker's address; a
 * script loading a URL through a property, an object literal, import() or importScripts was not seen as loading it.
 * "Before" in each comment says what happened then.
 */
class XhtmlLinksAndScriptLoadsTest {

    private static final String GTM = "https://www.googletagmanager.com/gtm.js?id=GTM-X";
    private static final String GA = "https://www.google-analytics.com/collect?v=1&tid=UA-1";
    /** The start of an XHTML page, as the gateway receives it from an upstream serving application/xhtml+xml. */
    private static final String XHTML = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>";
    private static final String END = "</body></html>";

    private static void assertEachActedOn(boolean xhtml, String... cases) {
        List<String> passed = new ArrayList<>();
        for (String page : cases) {
            String out = xhtml ? XmlPages.rewrite(page) : EssentialOnly.rewrite(page);
            if (out.equals(page)) {
                passed.add(page);
            }
        }
        assertTrue(passed.isEmpty(), "passed untouched under essential-only consent: " + passed);
    }

    /**
     * Input: an XHTML page (application/xhtml+xml) with a self-closing raw-text or script element followed by the GTM
     * script: {@code <textarea/><script src="...gtm.js"></script>}, {@code <script src="/app.js"/><script
     * src="...gtm.js"></script>}, likewise {@code <title/>}, {@code <style/>}, {@code <iframe src="/x"/>}
     * (a {@code <noscript/>} before it is caught: the script is judged as noscript content). What happens: the HTML tokenizer ignores the self-closing flag and reads everything up to the
     * matching end tag (or the end of the page) as the element's raw text, so the GTM script is never judged; the page
     * passes as it is. What should happen: an XML parser ends an empty-element tag at once (XML 1.0, 3.1 "Tags for
     * Empty Elements"), so the next script is a real script element in the XHTML namespace and Chromium runs it
     * (requested www.googletagmanager.com/gtm.js through the gateway). In an XML page, what follows a self-closing
     * tag is markup and must be judged. Fail-open.
     */
    @Test
    void inXhtmlASelfClosingRawTextElementDoesNotHideTheScriptAfterIt() {
        String gtm = "<script src=\"" + GTM + "\"></script>";
        assertEachActedOn(true,
                XHTML + "<textarea/>" + gtm + END,
                XHTML + "<script src=\"/app.js\"/>" + gtm + END,
                XHTML + "<title/>" + gtm + END,
                XHTML + "<style/>" + gtm + END,
                XHTML + "<iframe src=\"/frame.html\"/>" + gtm + END);
    }



    /**
     * Input: an XHTML page with a pixel or a script inside an element that is raw text in HTML:
     * {@code <textarea><img src="...google-analytics.com/collect..."/></textarea>}, the same in title, style, xmp,
     * noembed, noframes, and {@code <iframe src="/f.html"><script src="...gtm.js"></script></iframe>}. What happens:
     * the tokenizer reads the content as RAWTEXT/RCDATA, so the img and the script are text to it and pass unjudged.
     * (The README reads such content both ways only inside SVG or MathML.) What should happen: XML has no raw-text
     * elements; the content is parsed as markup and the img or script is a live element in the XHTML namespace
     * (Chromium requested www.google-analytics.com/collect from the img in a textarea, through the gateway). In an
     * XML page this content must be read as markup. Fail-open.
     */
    @Test
    void inXhtmlTheContentOfHtmlsRawTextElementsIsMarkup() {
        String img = "<img src=\"" + GA.replace("&", "&amp;") + "\"/>";
        assertEachActedOn(true,
                XHTML + "<textarea>" + img + "</textarea>" + END,
                XHTML + "<p><span>t</span></p><xmp>" + img + "</xmp>" + END,
                XHTML + "<noembed>" + img + "</noembed>" + END,
                XHTML + "<noframes>" + img + "</noframes>" + END,
                XHTML + "<style>" + img + "</style>" + END,
                XHTML + "<iframe src=\"/f.html\"><script src=\"" + GTM + "\"></script></iframe>" + END);
    }




    /**
     * Input (text/html): link elements of rels the rewriter does not judge that Chromium fetches:
     * {@code <link rel="icon" href="https://www.google-analytics.com/collect?...">} (and "shortcut icon"),
     * {@code <link rel="manifest" href="...">}, {@code <link rel="compression-dictionary" href="...">}. What happens:
     * ElementJudge judges a link only for the six hint rels (and a stylesheet in noscript), so these pass. What
     * should happen: Chromium 150 requested www.google-analytics.com/collect for the icon, the shortcut icon, the
     * manifest and the compression dictionary as the page loaded (HTML Standard: "icon" and "manifest" are
     * external resource links that are fetched; Compression Dictionary Transport, RFC 9842, fetches a
     * "compression-dictionary" link at idle). These rels are not listed under "Not judged" in the README. A link that
     * fetches its href from a tracker host is a beacon and must be judged. Fail-open.
     */
    @Test
    void linkRelsChromiumFetchesAreJudged() {
        String href = GA.replace("&", "&amp;");
        assertEachActedOn(false,
                "<link rel=\"icon\" href=\"" + href + "\">",
                "<link rel=\"shortcut icon\" href=\"" + href + "\">",
                "<link rel=\"manifest\" href=\"" + href + "\">",
                "<link rel=\"compression-dictionary\" href=\"" + href + "\">");
    }

    /**
     * Input (text/html): inline scripts that load YouTube (functionality, not a named-URL category) without an
     * assignment the scanner recognises: {@code Object.assign(frame, {src: "https://www.youtube.com/embed/x"})} (also
     * jQuery's {@code $("<iframe/>", {src: "..."})}), {@code f["src"] = "https://www.youtube.com/embed/x"}, and
     * {@code import("https://www.youtube.com/player_api")} / {@code importScripts("https://www.youtube.com/player_api")}
     * in a worker blob. What happens: ScriptUrlMentions counts a URL as loaded only after "src =" or
     * setAttribute("src", or when its path ends in .js/.mjs//js; these are "named" URLs, and functionality is not in
     * named_url_categories, so the scripts pass. What should happen: each loads the URL (Chromium requested
     * www.youtube.com/embed/... for the first two and www.youtube.com/player_api for import()); the README says a
     * script is blocked for "any URL a src is set to", which a src property in an object literal or a bracketed
     * "src" is, and import()/importScripts() load their argument whatever its path. Fail-open.
     */
    @Test
    void aScriptSettingSrcByPropertyOrImportingAUrlLoadsIt() {
        assertEachActedOn(false,
                "<script>Object.assign(document.body.appendChild(document.createElement(\"iframe\")),"
                        + "{src:\"https://www.youtube.com/embed/x\"})</script>",
                "<script>$(\"<iframe/>\", {src: \"https://www.youtube.com/embed/x\"}).appendTo(\"#v\")</script>",
                "<script>var f=document.createElement(\"iframe\");f[\"src\"]=\"https://www.youtube.com/embed/x\";"
                        + "document.body.appendChild(f)</script>",
                "<script>import(\"https://www.youtube.com/player_api\")</script>",
                "<script>new Worker(URL.createObjectURL(new Blob([\"importScripts('https://www.youtube.com/player_api')\"])))"
                        + "</script>");
    }

    /**
     * Input (text/html): SVG animation elements that set an image's href: {@code <svg><image width=10 height=10><set
     * attributeName="href" to="https://www.google-analytics.com/collect?..."/></image></svg>}, the same with
     * {@code <animate attributeName="href" values="..." dur="1s"/>}, and a {@code <set href="#i" attributeName="href"
     * to="...">} aimed at an image elsewhere by id. What happens: set and animate are ordinary tags to the rewriter
     * and the image has no address of its own, so all pass. What should happen: SMIL animation (SVG Animations,
     * "The 'set' element", "attributeName"; the target is the parent or the element its href names) gives the
     * image's href the animated value, and Chromium requested www.google-analytics.com/collect for each of the
     * three. The animated value of an address attribute is an address the element loads. Fail-open.
     */
    @Test
    void anSvgAnimationThatSetsAnImagesHrefIsJudged() {
        String to = GA.replace("&", "&amp;");
        assertEachActedOn(false,
                "<svg width=10 height=10><image width=10 height=10><set attributeName=\"href\" to=\"" + to
                        + "\"/></image></svg>",
                "<svg width=10 height=10><image width=10 height=10><animate attributeName=\"href\" values=\"" + to
                        + "\" dur=\"1s\"/></image></svg>",
                "<svg width=10 height=10><image id=i width=10 height=10></image><set href=\"#i\" attributeName=\"href\""
                        + " to=\"" + to + "\"/></svg>");
    }

    /**
     * Before (found by a review, 2026-12-01): only "xlink:href" counted among prefixed names, so an animation of
     * {@code l:href}, with {@code l} bound to XLink's namespace in an XHTML page, passed, and Chromium 155 requested
     * the pixel it set as the image's address. Which namespace a prefix is bound to is not followed: any prefix counts.
     */
    @Test
    void anAnimationOfAnAddressUnderAnyPrefixIsJudged() {
        String to = GA.replace("&", "&amp;");
        assertEachActedOn(true,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:l=\"http://www.w3.org/1999/xlink\"><image width=\"10\""
                        + " height=\"10\"><set attributeName=\"l:href\" to=\"" + to + "\"/></image></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:q=\"http://www.w3.org/1999/xlink\"><image width=\"10\""
                        + " height=\"10\"><animate attributeName=\" Q:HREF \" values=\"" + to + "\" dur=\"1s\"/></image>"
                        + "</svg>");
        assertEachActedOn(false, "<svg><image width=10 height=10><set attributeName=\"l:href\" to=\"" + to
                + "\"/></image></svg>");
    }
}
