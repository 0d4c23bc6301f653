package dev.consentgate.html;

import java.util.ArrayList;
import java.util.List;

/**
 * The page's base URLs, against which relative URLs are also judged. A browser uses the first base element with an
 * href in the document and ignores later ones. A base the rewriter cannot place for certain (inside a template's
 * content or SVG or MathML, where it is no base of the document, or inside noscript, which counts only for a visitor
 * without JavaScript) counts too, but does not make later ones ignored (fail closed). Bases that name no host change
 * no host and are not kept.
 */
final class PageBases {

    /**
     * Enough for any real page. A later base naming another host is one a relative URL may load from that the list
     * cannot hold, so its element goes: until 2026-11-30 it was ignored, and 32 bases in a template's content made
     * the document's own base on a tracker's host (which Chromium uses) count for nothing (found by a review).
     */
    private static final int MAX_BASES = 32;

    private final List<UrlParts> all = new ArrayList<>();
    private final List<String> hrefs = new ArrayList<>();
    /** The document's own base was seen: later bases in the document are ignored, as browsers ignore them. */
    private boolean documentBaseSeen;

    /**
     * A base element's href ({@code null} when it has none); {@code inDocument} when it is certainly an HTML base of
     * the document (not in template content, SVG, MathML or noscript). False when it names a host the list has no
     * room for: the element must go.
     */
    boolean element(String href, boolean inDocument) {
        return element(href, List.of(), inDocument);
    }

    /**
     * A base element's href as {@link #element(String, boolean)}, and {@code otherReadings}, the same href in the
     * other encodings a browser may read the page in (see {@link ValueReadings}): each that names another ASCII host
     * counts too (a host still past ASCII matches no rule, and would only fill the list). False as above.
     */
    boolean element(String href, List<String> otherReadings, boolean inDocument) {
        if (href == null || documentBaseSeen) {
            return true;
        }
        documentBaseSeen = inDocument;
        boolean held = add(href, false);
        for (String reading : otherReadings) {
            held &= add(reading, true);
        }
        return held;
    }

    /** Adds a base that names a host; false when it is a new one and the list is full. */
    private boolean add(String href, boolean asciiHostOnly) {
        UrlParts parts = UrlParts.parse(href);
        if (parts.host().isEmpty() || hrefs.contains(href) || asciiHostOnly
                && (all.contains(parts) || !parts.host().chars().allMatch(c -> c < 0x80))) {
            return true;
        }
        if (all.size() >= MAX_BASES) {
            return all.contains(parts);
        }
        hrefs.add(href);
        all.add(parts);
        return true;
    }

    /** Whether the document's own base was seen: a browser ignores any later one. */
    boolean documentBaseSeen() {
        return documentBaseSeen;
    }

    /**
     * The base just read goes from the page: were it the document's, a browser takes the next base as the document's,
     * so a later one counts again (its host stays in the list: judging at it too only fails closed).
     */
    void documentBaseRemoved() {
        documentBaseSeen = false;
    }

    /**
     * The bases as markup a frame's srcdoc document is read after, whose relative URLs a browser reads against the
     * page's base: in a template's content, where each counts and none is the document's own; "" for none.
     */
    String asMarkup() {
        if (hrefs.isEmpty()) {
            return "";
        }
        StringBuilder markup = new StringBuilder("<template>");
        for (String href : hrefs) {
            markup.append("<base href=\"").append(href.replace("&", "&amp;").replace("\"", "&quot;")).append("\">");
        }
        return markup.append("</template>").toString();
    }

    /** Whether a base names a host, so that relative URLs may load from another one. */
    boolean any() {
        return !all.isEmpty();
    }

    /** Every base seen that names a host, in page order. */
    List<UrlParts> all() {
        return all;
    }

    /**
     * What a placeholder's consent link is written under: the page's own origin (scheme-relative) once a base element
     * has named another host, against which a relative link would resolve; "" otherwise, or when the page's host is
     * not known.
     */
    String placeholderOrigin(PageSite site) {
        String authority = site.authority();
        if (all.isEmpty() || authority.isEmpty()) {
            return "";
        }
        String host = UrlParts.parse("//" + authority).host();
        for (UrlParts base : all) {
            if (!base.host().equals(host)) {
                return "//" + authority;
            }
        }
        return "";
    }
}
