package dev.consentgate.html;

import java.util.Set;

/**
 * Where a browser's tree builder is, as far as the tokenizer needs it: in HTML, inside SVG or MathML (foreign
 * content, where style, title... are not raw text and a script's content is markup), or in an integration point
 * inside them (SVG's foreignObject and desc, MathML's mi, mo, mn, ms, mtext and annotation-xml), where HTML is
 * read again.
 *
 * <p>It keeps a stack of the svg and math roots and the integration points, not of every SVG element, and the names
 * of the HTML elements open inside integration points. Those decide the end tags that leave: a browser ignores an
 * {@code </svg>} or {@code </math>} while an HTML element is open in the integration point, and a stray
 * {@code </math>} inside svg (or the other way round) ends nothing.
 *
 * <p>Where it cannot tell what a browser did, it becomes <em>unsure</em> for the rest of the page: it reports an
 * integration point from then on, where the rewriter reads raw text and scripts both ways, and never HTML again. That
 * happens on an HTML element's end tag inside SVG with no integration point below (it may close an element below the
 * svg, {@code <div><svg></div>}, or nothing), an HTML end tag that matches an open element other than the innermost
 * (closed or ignored by rules of scope not followed here), annotation-xml (an integration point only with an HTML
 * encoding, which the tokenizer does not read), a CDATA section where HTML elements are open (a bogus comment to a
 * browser there), markup it did not see (the rewriter reports content read both ways in SVG that held tags), and a
 * stack deeper than it keeps. An element a browser closed by implication ({@code <p>} before {@code <div>}) stays
 * open here, which errs towards reading both ways.
 */
final class ForeignContent {

    static final int MAX_DEPTH = 64;
    static final int MAX_HTML_ELEMENTS = 256;
    private static final byte SVG = 1;
    private static final byte MATH = 2;
    private static final byte INTEGRATION_POINT = 3;
    /**
     * SVG's title is one too, but the tokenizer reads its content as raw text, and the rewriter reads it both ways
     * as the content of an SVG element (see {@code ByteStreamRewriter}): it is not pushed.
     */
    private static final Set<String> SVG_INTEGRATION_POINTS = Set.of("foreignobject", "desc");
    private static final Set<String> MATH_INTEGRATION_POINTS = Set.of("mi", "mo", "mn", "ms", "mtext",
            "annotation-xml");
    /** HTML elements with no end tag: they open nothing a later end tag could close. */
    private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img",
            "input", "link", "meta", "source", "track", "wbr", "param", "keygen", "frame", "basefont", "bgsound");
    /** HTML start tags that end SVG/MathML content (the tree builder's "in foreign content" breakout list). */
    private static final Set<String> BREAKOUT = Set.of("b", "big", "blockquote", "body", "br",
            "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head",
            "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small",
            "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
            // only with a color, face or size attribute, which the tokenizer does not read here: taken as one always
            "font");
    /**
     * HTML elements no SVG or MathML element shares a name with: their end tag inside SVG closes an HTML element
     * below it, if one is open, and is ignored otherwise.
     */
    private static final Set<String> HTML_ONLY = Set.of("abbr", "address", "article", "aside", "audio", "b", "bdi",
            "bdo", "big", "blockquote", "body", "button", "canvas", "caption", "center", "cite", "code", "colgroup",
            "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "fieldset",
            "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
            "header", "hgroup", "html", "i", "iframe", "ins", "kbd", "label", "legend", "li", "listing", "main",
            "map", "mark", "marquee", "menu", "meter", "nav", "nobr", "noembed", "noframes", "noscript", "object",
            "ol", "optgroup", "option", "output", "picture", "pre", "progress", "q", "rb", "rp", "rt", "rtc", "ruby",
            "s", "samp", "search", "section", "select", "small", "span", "strike", "strong", "sub", "summary", "sup",
            "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul",
            "var", "video", "xmp");

    private final byte[] kinds = new byte[MAX_DEPTH];
    private final String[] names = new String[MAX_DEPTH];
    /** For each entry, how many HTML elements were open when it was pushed: those above it belong to it. */
    private final int[] htmlBase = new int[MAX_DEPTH];
    private int depth;
    /** HTML elements open inside integration points, by name, innermost last. */
    private final String[] htmlNames = new String[MAX_HTML_ELEMENTS];
    private int htmlDepth;
    private boolean unsure;

    /** Outside svg and math: plain HTML. */
    boolean isEmpty() {
        return depth == 0 && !unsure;
    }

    /** Inside svg or math and not in an integration point: where a browser reads SVG or MathML. */
    boolean inForeignContent() {
        return !unsure && depth > 0 && kinds[depth - 1] != INTEGRATION_POINT;
    }

    /** From here on the rewriter cannot tell where a browser is (see the class comment). */
    void markUnsure() {
        unsure = true;
    }

    /** A CDATA section opens: where HTML elements are open a browser reads a bogus comment and markup after it. */
    void cdataSection() {
        if (!inForeignContent() && depth > 0 && htmlDepth > htmlBase[depth - 1]) {
            unsure = true;
        }
    }

    /** A start tag ended; {@code name} is lower case. */
    void startTag(String name, int nameId, boolean selfClosing) {
        if (unsure) {
            return;
        }
        boolean root = nameId == ElementNames.SVG || nameId == ElementNames.MATH;
        if (inForeignContent()) {
            boolean inSvg = kinds[depth - 1] == SVG;
            if (BREAKOUT.contains(name)) {
                // the browser pops to the integration point or HTML, then reads the tag as HTML there
                popRoots();
                htmlStart(name);
            } else if (!selfClosing && (inSvg ? SVG_INTEGRATION_POINTS : MATH_INTEGRATION_POINTS).contains(name)) {
                push(INTEGRATION_POINT, name);
                unsure |= name.equals("annotation-xml");
            } else if (!selfClosing && root) {
                // inside svg a math start tag opens an SVG element named math: its end tag closes it all the same
                push(nameId == ElementNames.SVG ? SVG : MATH, name);
            }
            return;
        }
        // HTML, at the top level or in an integration point (where a self-closing slash means nothing)
        if (root) {
            if (!selfClosing) {
                push(nameId == ElementNames.SVG ? SVG : MATH, name);
            }
        } else {
            htmlStart(name);
        }
    }

    /** An end tag ended; {@code name} is lower case. */
    void endTag(String name) {
        if (unsure || depth == 0) {
            return;
        }
        boolean root = name.equals("svg") || name.equals("math");
        boolean integrationPoint = SVG_INTEGRATION_POINTS.contains(name) || MATH_INTEGRATION_POINTS.contains(name);
        if (inForeignContent()) {
            if (name.equals("p") || name.equals("br")) {
                popRoots();
            } else if (root || integrationPoint) {
                popTo(name);
            } else if (HTML_ONLY.contains(name)) {
                htmlEndBelowForeign(name);
            }
            // any other end tag closes an SVG or MathML element the stack does not keep
            return;
        }
        int top = depth - 1;
        if (htmlDepth > htmlBase[top]) {
            // an HTML element is open in the integration point: a browser reads this end tag as HTML, where it closes
            // an open HTML element of its name and nothing else (an svg, math or integration point is not one, and
            // the integration point stops the search)
            if (!root) {
                closeHtml(name, htmlBase[top]);
            }
        } else if (root || integrationPoint) {
            popTo(name);
        }
    }

    private void htmlStart(String name) {
        if (depth == 0 || VOID_ELEMENTS.contains(name)) {
            return;
        }
        if (htmlDepth == MAX_HTML_ELEMENTS) {
            unsure = true;
            return;
        }
        htmlNames[htmlDepth++] = name;
    }

    /**
     * An HTML element's end tag in SVG: the browser closes an HTML element of that name in the integration point
     * below, with the svg above it, or one below all the svg (which the stack does not keep), or nothing.
     */
    private void htmlEndBelowForeign(String name) {
        int ip = depth - 1;
        while (ip >= 0 && kinds[ip] != INTEGRATION_POINT) {
            ip--;
        }
        if (ip < 0) {
            unsure = true;
        } else if (closeHtml(name, htmlBase[ip])) {
            depth = ip + 1;
        }
    }

    /**
     * Closes the HTML element {@code name} if it is the innermost one open at or above {@code base}, as a browser
     * does; none of that name open there is a stray end tag, which a browser ignores ({@code </p>} makes and closes
     * a p, leaving nothing open). One open deeper (misnested, or after an element closed by implication) is closed or
     * ignored by rules of scope the stack does not follow: unsure. Returns whether it closed one.
     */
    private boolean closeHtml(String name, int base) {
        if (htmlDepth > base && htmlNames[htmlDepth - 1].equals(name)) {
            htmlDepth--;
            return true;
        }
        for (int i = htmlDepth - 2; i >= base; i--) {
            if (htmlNames[i].equals(name)) {
                unsure = true;
                return false;
            }
        }
        return false;
    }

    private void push(byte kind, String name) {
        if (depth == MAX_DEPTH) {
            unsure = true;
            return;
        }
        kinds[depth] = kind;
        names[depth] = name;
        htmlBase[depth] = htmlDepth;
        depth++;
    }

    /** Pops svg and math roots down to the nearest integration point (or out of them all). */
    private void popRoots() {
        while (depth > 0 && kinds[depth - 1] != INTEGRATION_POINT) {
            pop();
        }
    }

    private void pop() {
        depth--;
        htmlDepth = htmlBase[depth];
    }

    /**
     * A browser's end tag in foreign content: walks down the stack to the element of that name and pops it with all
     * above it. An integration point with HTML elements open above it stops the walk (the browser meets an HTML
     * element first, reads the end tag as HTML and ignores it), and so does the bottom.
     */
    private void popTo(String name) {
        for (int i = depth - 1; i >= 0; i--) {
            if (names[i].equals(name)) {
                depth = i + 1;
                pop();
                return;
            }
            if (i > 0 && kinds[i - 1] == INTEGRATION_POINT && htmlBase[i] > htmlBase[i - 1]) {
                return;
            }
        }
    }
}
