package dev.consentgate.html;

import java.util.Set;

/**
 * Where a browser's tree builder is, as far as the tokenizer needs it: in HTML, inside SVG or MathML (foreign
 * content, where style, title... are not raw text and a script's content is markup), or in an integration point
 * inside them (SVG's foreignObject and desc, MathML's mi, mo, mn, ms, mtext and annotation-xml), where HTML is read
 * again.
 *
 * <p>It keeps a stack of the svg and math roots and the integration points, not of every element. Between an
 * integration point and what is opened above it, HTML elements may be open; only their number is kept (start tags
 * of non-void elements minus end tags). That number decides the end tags that leave: a browser ignores an
 * {@code </svg>}, {@code </math>} or {@code </foreignObject>} while an HTML element is open in the integration point,
 * and a stray {@code </math>} inside svg (or the other way round) ends nothing.
 *
 * <p>Where the count errs it errs high (an element a browser closed by implication, {@code <p>} before {@code <div>},
 * stays counted): the rewriter then takes the page to be in an integration point, where it reads raw text and
 * scripts both ways, rather than in HTML. The one way it errs low is an end tag a browser ignores
 * ({@code </div>} with no div open in the integration point). A stack deeper than {@link #MAX_DEPTH} is taken to be
 * in an integration point (both ways) until it is back within the limit.
 */
final class ForeignContent {

    static final int MAX_DEPTH = 64;
    private static final byte SVG = 1;
    private static final byte MATH = 2;
    private static final byte INTEGRATION_POINT = 3;
    private static final Set<String> INTEGRATION_POINTS = Set.of("foreignobject", "desc", "mi", "mo", "mn", "ms",
            "mtext", "annotation-xml");
    /** HTML elements with no end tag: they open nothing a later end tag could be ignored for. */
    private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img",
            "input", "link", "meta", "source", "track", "wbr", "param", "keygen", "frame", "basefont", "bgsound");
    /** HTML start tags that end SVG/MathML content (the tree builder's "in foreign content" breakout list). */
    private static final Set<String> BREAKOUT = Set.of("b", "big", "blockquote", "body", "br",
            "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head",
            "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small",
            "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
            // only with a color, face or size attribute, which the tokenizer does not read here: taken as one always
            "font");

    private final byte[] kinds = new byte[MAX_DEPTH];
    private final String[] names = new String[MAX_DEPTH];
    /** For an integration point: HTML elements open above it. */
    private final int[] htmlOpen = new int[MAX_DEPTH];
    private int depth;
    /** Entries pushed past {@link #MAX_DEPTH}, not kept. */
    private int lost;

    /** Outside svg and math: plain HTML. */
    boolean isEmpty() {
        return depth == 0 && lost == 0;
    }

    /** Inside svg or math and not in an integration point: where a browser reads SVG or MathML. */
    boolean inForeignContent() {
        return lost == 0 && depth > 0 && kinds[depth - 1] != INTEGRATION_POINT;
    }

    /** A start tag ended; {@code name} is lower case. */
    void startTag(String name, int nameId, boolean selfClosing) {
        if (lost > 0) {
            if (!selfClosing && (nameId == ElementNames.SVG || nameId == ElementNames.MATH
                    || INTEGRATION_POINTS.contains(name))) {
                lost++;
            }
            return;
        }
        if (inForeignContent()) {
            if (BREAKOUT.contains(name)) {
                // the browser pops to the integration point or HTML, then reads the tag as HTML there
                popRoots();
                countHtmlStart(name);
            } else if (!selfClosing && INTEGRATION_POINTS.contains(name)) {
                push(INTEGRATION_POINT, name);
            } else if (!selfClosing && (nameId == ElementNames.SVG || nameId == ElementNames.MATH)) {
                // inside svg a math start tag opens an SVG element named math: its end tag closes it all the same
                push(nameId == ElementNames.SVG ? SVG : MATH, name);
            }
            return;
        }
        // HTML, at the top level or in an integration point (where a self-closing slash means nothing)
        if (nameId == ElementNames.SVG || nameId == ElementNames.MATH) {
            if (!selfClosing) {
                push(nameId == ElementNames.SVG ? SVG : MATH, name);
            }
        } else {
            countHtmlStart(name);
        }
    }

    /** An end tag ended; {@code name} is lower case. */
    void endTag(String name) {
        if (lost > 0) {
            if (name.equals("svg") || name.equals("math") || INTEGRATION_POINTS.contains(name)) {
                lost--;
            }
            return;
        }
        if (depth == 0) {
            return;
        }
        boolean leaving = name.equals("svg") || name.equals("math") || INTEGRATION_POINTS.contains(name);
        if (inForeignContent()) {
            if (name.equals("p") || name.equals("br")) {
                popRoots();
            } else if (leaving) {
                popTo(name);
            }
            // any other end tag: the browser closes an SVG element the stack does not keep, or an HTML element
            // below the svg (<div><svg></div>), which is not followed: the stack stays in SVG longer than a browser
            return;
        }
        int top = depth - 1;
        if (htmlOpen[top] > 0) {
            // an HTML element is open in the integration point: a browser reads this end tag as HTML, where a
            // foreign element's name closes nothing
            if (!leaving && !name.equals("br")) {
                // (</br> is read as <br>, which opens nothing)
                htmlOpen[top]--;
            }
        } else if (leaving) {
            popTo(name);
        }
    }

    private void countHtmlStart(String name) {
        if (depth > 0 && !VOID_ELEMENTS.contains(name)) {
            htmlOpen[depth - 1]++;
        }
    }

    private void push(byte kind, String name) {
        if (depth == MAX_DEPTH) {
            lost++;
            return;
        }
        kinds[depth] = kind;
        names[depth] = name;
        htmlOpen[depth] = 0;
        depth++;
    }

    /** Pops svg and math roots down to the nearest integration point (or out of them all). */
    private void popRoots() {
        while (depth > 0 && kinds[depth - 1] != INTEGRATION_POINT) {
            depth--;
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
                depth = i;
                return;
            }
            if (i > 0 && kinds[i - 1] == INTEGRATION_POINT && htmlOpen[i - 1] > 0) {
                return;
            }
        }
    }
}
