package dev.consentgate.html;

import java.util.Arrays;
import java.util.Set;

/**
 * Where a browser's tree builder is, as far as the tokenizer needs it: in HTML, inside SVG or MathML (foreign
 * content, where style, title... are not raw text and a script's content is markup), or in an integration point
 * inside them (SVG's foreignObject and desc, MathML's mi, mo, mn, ms, mtext, and annotation-xml with an HTML
 * encoding), where HTML is read again.
 *
 * <p>It keeps a stack of the svg and math roots (in the namespace of their parent: svg inside math is a MathML
 * element), the integration points and the few MathML elements that change how what follows is read (annotation-xml,
 * mglyph), not of every SVG element; and the names of the HTML elements open inside integration points. Those decide
 * the end tags that leave: a browser ignores an {@code </svg>} or {@code </math>} while an HTML element is open in the
 * integration point, and a stray {@code </math>} inside svg (or the other way round) ends nothing.
 *
 * <p>An HTML element's end tag inside SVG that is not inside an integration point may have closed the svg with an
 * element below it ({@code <div><svg></div>}), or nothing: the svg is then <em>maybe closed</em>, read both ways, until
 * a tag that ends SVG for a browser either way (a breakout tag, {@code </svg>}); a new svg or math root meanwhile
 * could be a root of its own or the svg's child, and makes it unsure. Where it cannot tell at all what a
 * browser did, it becomes <em>unsure</em> for the rest of the page: it reports an integration point from then on,
 * where the rewriter reads raw text and scripts both ways, and never HTML again. That happens on an end tag inside
 * SVG naming an HTML element open in the integration point below (which a browser closes, or ignores when it closed
 * it already by implication or never opened it), an HTML end tag matching an open element other than the innermost,
 * an end tag at an integration point that may close an SVG element the stack does not keep, a CDATA section where
 * HTML elements are open (a bogus comment to a browser there), markup it did not see (the rewriter reports content
 * read both ways in SVG that held tags), an annotation-xml whose encoding holds a character reference the decoder
 * does not know or whose attributes went unread (past the tag size limit), a tag name too long to read, and a stack
 * deeper than it keeps.
 */
final class ForeignContent {

    static final int MAX_DEPTH = 64;
    /** What markup content read both ways held (see {@link #hiddenMarkup}). */
    static final int NO_MARKUP = 0;
    static final int HTML_MARKUP = 1;
    static final int STRUCTURAL_MARKUP = 2;
    /** Elements whose tags move a browser into, out of or around SVG and MathML other than by breaking out. */
    private static final Set<String> STRUCTURAL = Set.of("svg", "math", "foreignobject", "desc", "title", "mi", "mo",
            "mn", "ms", "mtext", "annotation-xml", "mglyph", "malignmark");
    static final int MAX_HTML_ELEMENTS = 256;
    private static final byte SVG = 1;
    private static final byte MATH = 2;
    private static final byte INTEGRATION_POINT = 3;
    /**
     * SVG's title is one too, but the tokenizer reads its content as raw text, and the rewriter reads it both ways
     * as the content of an SVG element (see {@code ByteStreamRewriter}): it is not pushed.
     */
    private static final Set<String> SVG_INTEGRATION_POINTS = Set.of("foreignobject", "desc");
    /** MathML's text integration points (annotation-xml is one only with an HTML encoding). */
    private static final Set<String> MATH_INTEGRATION_POINTS = Set.of("mi", "mo", "mn", "ms", "mtext");
    /** HTML elements with no end tag: they open nothing a later end tag could close. */
    private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img",
            "input", "link", "meta", "source", "track", "wbr", "param", "keygen", "frame", "basefont", "bgsound");
    /** HTML start tags that end SVG/MathML content (the tree builder's "in foreign content" breakout list). */
    private static final Set<String> BREAKOUT = Set.of("b", "big", "blockquote", "body", "br",
            "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head",
            "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small",
            "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var");
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

    // the stacks grow as needed up to their limits: most tokenizers (one per noscript read as markup) never need them
    private byte[] kinds = new byte[0];
    private String[] names = new String[0];
    /** For each entry, how many HTML elements were open when it was pushed: those above it belong to it. */
    private int[] htmlBase = new int[0];
    private int depth;
    /** HTML elements open inside integration points, by name, innermost last. */
    private String[] htmlNames = new String[0];
    private int htmlDepth;
    /** The roots (no integration point among them) may have been closed by an HTML end tag: see the class comment. */
    private boolean maybeClosed;
    private boolean unsure;

    /**
     * Whether an annotation-xml's encoding attribute (its first, decoded; null when absent) makes it an integration
     * point: text/html or application/xhtml+xml, in any case. Null when a reference the decoder does not know is left
     * in it, which may spell either.
     */
    static Boolean htmlEncoding(String encoding) {
        if (encoding == null) {
            return false;
        }
        if (encoding.indexOf('&') >= 0) {
            return null;
        }
        return AttributeSyntax.asciiEqualsIgnoreCase(encoding, "text/html")
                || AttributeSyntax.asciiEqualsIgnoreCase(encoding, "application/xhtml+xml");
    }

    /** Whether a start tag of this name (lower case) ends SVG or MathML content; font only with attributes. */
    static boolean endsForeignContent(String name) {
        return BREAKOUT.contains(name);
    }

    /** Whether a font start tag ends SVG or MathML content: with a color, face or size attribute. */
    static boolean fontBreaksOut(TagToken font) {
        return font.find("color") >= 0 || font.find("face") >= 0 || font.find("size") >= 0;
    }

    /** Outside svg and math: plain HTML. */
    boolean isEmpty() {
        return depth == 0 && !unsure;
    }

    /** Inside svg or math and not in an integration point: where a browser reads SVG or MathML. */
    boolean inForeignContent() {
        return svgOrMathOnTop() && !maybeClosed;
    }

    /** Where a browser may read SVG or MathML: {@link #inForeignContent}, or maybe closed. */
    boolean mayBeInForeignContent() {
        return svgOrMathOnTop();
    }

    private boolean svgOrMathOnTop() {
        return !unsure && depth > 0 && kinds[depth - 1] != INTEGRATION_POINT;
    }

    /** A copy of where SVG and MathML stand (see {@link #state}). */
    record State(byte[] kinds, String[] names, int[] htmlBase, String[] htmlNames, boolean maybeClosed,
                 boolean unsure) {
    }

    State state() {
        return new State(Arrays.copyOf(kinds, depth), Arrays.copyOf(names, depth), Arrays.copyOf(htmlBase, depth),
                Arrays.copyOf(htmlNames, htmlDepth), maybeClosed, unsure);
    }

    /** Back to where {@link #state} was taken: the markup read since then is not in the output. */
    void restore(State s) {
        depth = s.kinds().length;
        kinds = Arrays.copyOf(kinds, Math.max(kinds.length, depth));
        names = Arrays.copyOf(names, Math.max(names.length, depth));
        htmlBase = Arrays.copyOf(htmlBase, Math.max(htmlBase.length, depth));
        htmlNames = Arrays.copyOf(htmlNames, Math.max(htmlNames.length, s.htmlNames().length));
        System.arraycopy(s.kinds(), 0, kinds, 0, depth);
        System.arraycopy(s.names(), 0, names, 0, depth);
        System.arraycopy(s.htmlBase(), 0, htmlBase, 0, depth);
        htmlDepth = s.htmlNames().length;
        System.arraycopy(s.htmlNames(), 0, htmlNames, 0, htmlDepth);
        maybeClosed = s.maybeClosed();
        unsure = s.unsure();
    }

    /** From here on the rewriter cannot tell where a browser is (see the class comment). */
    void markUnsure() {
        unsure = true;
    }

    static boolean isStructural(String name) {
        return STRUCTURAL.contains(name);
    }

    /**
     * Content of a raw text element (or CDATA section) ended that the tokenizer read as text and a browser in SVG
     * reads as markup, holding {@code markup}. Tags of HTML elements only: a browser in SVG may have broken out of it,
     * so the SVG is maybe closed, unless an integration point below makes that a place it could come back from.
     * Anything else: unsure.
     */
    void hiddenMarkup(int markup) {
        if (!svgOrMathOnTop()) {
            // (in an integration point a browser reads raw text as the tokenizer does)
            return;
        }
        boolean integrationPointBelow = false;
        for (int i = 0; i < depth; i++) {
            integrationPointBelow |= kinds[i] == INTEGRATION_POINT;
        }
        if (markup == STRUCTURAL_MARKUP || integrationPointBelow) {
            unsure = true;
        } else {
            maybeClosed = true;
        }
    }

    /** A CDATA section opens: where HTML elements are open a browser reads a bogus comment and markup after it. */
    void cdataSection() {
        if (!svgOrMathOnTop() && depth > 0 && htmlDepth > htmlBase[depth - 1]) {
            unsure = true;
        }
    }

    /**
     * A start tag ended; {@code name} is lower case. {@code htmlByAttributes}: an annotation-xml whose encoding is
     * text/html or application/xhtml+xml (an integration point), or a font that {@link #fontBreaksOut}.
     */
    void startTag(String name, int nameId, boolean selfClosing, boolean htmlByAttributes) {
        if (unsure) {
            return;
        }
        boolean root = nameId == ElementNames.SVG || nameId == ElementNames.MATH;
        int top = depth - 1;
        if (svgOrMathOnTop()) {
            if (maybeClosed && root && !selfClosing) {
                // a new root where a browser may be in HTML, or a child where it is still in SVG: both namespaces
                unsure = true;
                return;
            }
            if (BREAKOUT.contains(name) || nameId == ElementNames.FONT && htmlByAttributes) {
                // the browser pops to the integration point or HTML, then reads the tag as HTML there
                popRoots();
                htmlStart(name);
                return;
            }
            if (selfClosing) {
                return;
            }
            byte namespace = kinds[top];
            if (namespace == SVG ? SVG_INTEGRATION_POINTS.contains(name)
                    : MATH_INTEGRATION_POINTS.contains(name) || name.equals("annotation-xml") && htmlByAttributes) {
                push(INTEGRATION_POINT, name);
            } else if (name.equals("svg") && names[top].equals("annotation-xml")) {
                // SVG when annotation-xml is the current node, MathML's element named svg inside one of its children,
                // which the stack does not keep: either
                unsure = true;
            } else if (root || namespace == MATH && name.equals("annotation-xml")) {
                // an svg inside MathML (or math inside SVG) is an element of its parent's namespace
                push(namespace, name);
            }
            return;
        }
        // HTML, at the top level or in an integration point (where a self-closing slash means nothing)
        if (depth > 0 && htmlDepth == htmlBase[top] && MATH_INTEGRATION_POINTS.contains(names[top])
                && (name.equals("mglyph") || name.equals("malignmark"))) {
            // MathML's text integration points read these two as MathML
            if (!selfClosing) {
                push(MATH, name);
            }
        } else if (root) {
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
        int top = depth - 1;
        if (svgOrMathOnTop()) {
            if (name.equals("p") || name.equals("br")) {
                popRoots();
            } else if (kept(name)) {
                popTo(name);
            } else {
                htmlEndInForeignContent(name);
            }
        } else if (htmlDepth > htmlBase[top]) {
            // an HTML element is open in the integration point: a browser reads this end tag as HTML, where it closes
            // an open HTML element of its name and nothing else (an svg or math root is not one, and the integration
            // point stops the search)
            if (!name.equals("svg") && !name.equals("math")) {
                closeHtml(name, htmlBase[top]);
            }
        } else if (kept(name)) {
            popTo(name);
        } else if (!HTML_ONLY.contains(name)) {
            // read as foreign content at the integration point: it may close an SVG element the stack does not keep
            unsure = true;
        }
        // (an HTML element's end tag there finds no element of its name in scope, and is ignored)
    }

    /** Whether an entry of the stack has this name. */
    private boolean kept(String name) {
        for (int i = depth - 1; i >= 0; i--) {
            if (names[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An end tag inside SVG that names none of the stack's entries: it closes an SVG element the stack does not keep,
     * or, read as HTML, an HTML element below: in the integration point below (unsure, see the class comment) or
     * below all the svg (maybe closed).
     */
    private void htmlEndInForeignContent(String name) {
        int ip = depth - 1;
        while (ip >= 0 && kinds[ip] != INTEGRATION_POINT) {
            ip--;
        }
        if (ip >= 0) {
            for (int i = htmlDepth - 1; i >= htmlBase[ip]; i--) {
                unsure |= htmlNames[i].equals(name);
            }
        } else if (HTML_ONLY.contains(name) || name.equals("a") || name.equals("font") || name.indexOf('-') > 0) {
            maybeClosed = true;
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
        if (htmlDepth == htmlNames.length) {
            htmlNames = Arrays.copyOf(htmlNames, Math.min(MAX_HTML_ELEMENTS, Math.max(8, 2 * htmlDepth)));
        }
        htmlNames[htmlDepth++] = name;
    }

    /**
     * Closes the HTML element {@code name} if it is the innermost one open at or above {@code base}, as a browser
     * does; none of that name open there is a stray end tag, which a browser ignores ({@code </p>} makes and closes
     * a p, leaving nothing open). One open deeper (misnested, or after an element closed by implication) is closed or
     * ignored by rules of scope the stack does not follow: unsure.
     */
    private void closeHtml(String name, int base) {
        if (htmlDepth > base && htmlNames[htmlDepth - 1].equals(name)) {
            htmlDepth--;
            return;
        }
        for (int i = htmlDepth - 2; i >= base; i--) {
            unsure |= htmlNames[i].equals(name);
        }
    }

    private void push(byte kind, String name) {
        if (depth == MAX_DEPTH) {
            unsure = true;
            return;
        }
        if (depth == kinds.length) {
            int grown = Math.min(MAX_DEPTH, Math.max(8, 2 * depth));
            kinds = Arrays.copyOf(kinds, grown);
            names = Arrays.copyOf(names, grown);
            htmlBase = Arrays.copyOf(htmlBase, grown);
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
        maybeClosed = false;
    }

    private void pop() {
        depth--;
        htmlDepth = htmlBase[depth];
        if (depth == 0) {
            maybeClosed = false;
        }
    }

    /**
     * A browser's end tag in foreign content: walks down the stack to the element of that name and pops it with all
     * above it. An integration point with HTML elements open above it stops the walk (the browser meets an HTML
     * element first, reads the end tag as HTML and ignores it), and so does the bottom.
     */
    private void popTo(String name) {
        for (int i = depth - 1; i >= 0; i--) {
            if (names[i].equals(name)) {
                while (depth > i) {
                    pop();
                }
                return;
            }
            if (i > 0 && kinds[i - 1] == INTEGRATION_POINT && htmlBase[i] > htmlBase[i - 1]) {
                return;
            }
        }
    }
}
