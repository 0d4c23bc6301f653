package dev.consentgate.html;

/** The element names the tokenizer and the rewriter treat specially, as small ints. */
final class ElementNames {

    static final int OTHER = 0;
    static final int SCRIPT = 1;
    static final int STYLE = 2;
    static final int XMP = 3;
    static final int IFRAME = 4;
    static final int NOEMBED = 5;
    static final int NOFRAMES = 6;
    static final int TITLE = 7;
    static final int TEXTAREA = 8;
    static final int NOSCRIPT = 9;
    static final int IMG = 10;
    static final int LINK = 11;
    static final int META = 12;
    static final int EMBED = 13;
    static final int OBJECT = 14;
    static final int FRAME = 15;
    static final int SVG = 16;
    static final int MATH = 17;
    /** A media candidate of picture, video or audio: it loads its src or srcset like an img. */
    static final int SOURCE = 18;
    /** AMP's tracking pixel: it requests its src like an img. */
    static final int AMP_PIXEL = 19;
    /** AMP's frame: it loads its src like an iframe. */
    static final int AMP_IFRAME = 20;
    /** SVG's image (its href), and in HTML an img by another name: the tree builder renames it. */
    static final int IMAGE = 21;
    /** The document's base URL, against which relative URLs are resolved. */
    static final int BASE = 22;
    /**
     * MathML's annotation-xml, an integration point only with an HTML encoding: its attributes are read in SVG and
     * MathML (see {@code ForeignContent}); an ordinary tag in HTML.
     */
    static final int ANNOTATION_XML = 23;
    /**
     * font, which ends SVG and MathML content only with a color, face or size attribute: its attributes are read
     * there (see {@code ForeignContent}). An ordinary tag in HTML, so not one of {@code OrdinaryTags}' special names.
     */
    static final int FONT = 24;
    /**
     * frameset: once a browser is in a frameset, it ignores start tags such as style or title, which then switch its
     * tokenizer to nothing; the rewriter cannot tell whether it is, so such content is read both ways after one.
     */
    static final int FRAMESET = 25;
    /** template: in its content, a column group or a table ignores those start tags too (see {@link #FRAMESET}). */
    static final int TEMPLATE = 26;
    /** SVG's set and animate, which give an attribute of their target (an image's href) the value they hold. */
    static final int SET = 27;
    static final int ANIMATE = 28;
    /**
     * XSLT's element and attribute instructions, which write an element or an attribute of the name they are given
     * into the page a stylesheet makes: captured only in a page parsed as XML (see XsltJudge#instruction).
     */
    static final int XSL_ELEMENT = 29;
    static final int XSL_ATTRIBUTE = 30;
    /**
     * XSLT's instructions that may write markup the stylesheet does not show: text or a value with
     * {@code disable-output-escaping="yes"}, and a copy of a document {@code document()} loads. Captured only in a page
     * parsed as XML (see XsltJudge#output).
     */
    static final int XSL_TEXT = 31;
    static final int XSL_VALUE_OF = 32;
    static final int XSL_COPY_OF = 33;
    /** input: one of type image loads its src like an img. */
    static final int INPUT = 34;
    /** video and audio: they fetch their src (a video its poster too) with no one pressing play. */
    static final int VIDEO = 35;
    static final int AUDIO = 36;
    /** A media element's text track: a default one is fetched with the page. */
    static final int TRACK = 37;
    /** body, whose background attribute loads an image (once per page, so it may be captured). */
    static final int BODY = 38;
    /**
     * SVG's feImage, which loads its href as an image; an XML page keeps the name's case ({@code feImage}), HTML
     * lower-cases it.
     */
    static final int FE_IMAGE = 39;
    /**
     * A table, its rows and cells: the background attribute of each loads an image, as body's does. Their start tags
     * are captured; the end tags of rows and cells, among the commonest tags, stay ordinary (see {@code OrdinaryTags}).
     */
    static final int TABLE = 40;
    static final int TR = 41;
    static final int TD = 42;
    static final int TH = 43;
    /**
     * A link, whose ping attribute sends a beacon to each URL it lists when the link is followed. {@code OrdinaryTags}
     * skips an a start tag unless it has a ping (area, rare, it leaves to the states); their end tags are ordinary.
     */
    static final int A = 44;
    static final int AREA = 45;
    /**
     * A table's other parts: Blink loads the background attribute of a row group and of a column or column group
     * too (found by a review: only body, table, tr, td and th were judged). Judged as rows and cells are.
     */
    static final int TBODY = 46;
    static final int THEAD = 47;
    static final int TFOOT = 48;
    static final int COLGROUP = 49;
    static final int COL = 50;
    /**
     * details: an open one fires its toggle handler with the page, no one acting (as svg's and style's load handlers
     * and an autofocused input's focus handler fire): its handlers are judged (found by a review, 2026-12-01).
     */
    static final int DETAILS = 51;

    private ElementNames() {
    }

    /**
     * A table's part but the table (tr, td, th, a row group, a column or column group): their start tags are
     * judged, their end tags are ordinary (rows and cells are among the commonest tags).
     */
    static boolean isRowOrCell(int id) {
        return id == TR || id == TD || id == TH || id >= TBODY && id <= COL;
    }

    /** The id of the name {@code n[from, from + len)}: a prefixed XML name's local part (see TagToken#localStart). */
    static int lookup(byte[] n, int from, int len) {
        if (len >= 1 && len <= NameKeys.MAX_LENGTH) {
            long key = NameKeys.keyOf(n, from, len);
            int slot = NameKeys.slotOf(key, SHORT_MULTIPLIER, SHORT_SLOT_BITS);
            // the length too: a name that ends in NUL bytes has the key of the name without them
            return SHORT_KEYS[slot] == key && SHORT_LENGTHS[slot] == len ? SHORT_IDS[slot] : OTHER;
        }
        for (int k = 0; k < LONG_NAMES.length; k++) {
            if (java.util.Arrays.equals(n, from, from + len, LONG_NAMES[k], 0, LONG_NAMES[k].length)) {
                return LONG_IDS[k];
            }
        }
        return OTHER;
    }

    static int lookup(byte[] n, int len) {
        return lookup(n, 0, len);
    }

    /** The names of up to 8 bytes (lower case, as the tokenizer writes them) and their ids. */
    private static final String[] SHORT_NAMES = {"img", "svg", "set", "xmp", "link", "math", "base", "font", "text",
        "meta", "style", "title", "embed", "image", "frame", "script", "iframe", "source", "object", "animate",
        "element", "copy-of", "noembed", "noscript", "noframes", "frameset", "template", "value-of", "textarea",
        "input", "video", "audio", "track", "body", "feimage", "feImage", "table", "tr", "td", "th", "a", "area", "tbody", "thead", "tfoot", "colgroup",
        "col", "details"};
    private static final int[] SHORT_NAME_IDS = {IMG, SVG, SET, XMP, LINK, MATH, BASE, FONT, XSL_TEXT, META, STYLE,
        TITLE, EMBED, IMAGE, FRAME, SCRIPT, IFRAME, SOURCE, OBJECT, ANIMATE, XSL_ELEMENT, XSL_COPY_OF, NOEMBED,
        NOSCRIPT, NOFRAMES, FRAMESET, TEMPLATE, XSL_VALUE_OF, TEXTAREA, INPUT, VIDEO, AUDIO, TRACK, BODY, FE_IMAGE,
        FE_IMAGE, TABLE, TR, TD, TH, A, AREA, TBODY, THEAD, TFOOT, COLGROUP, COL, DETAILS};
    /** 128 slots for 48 names. */
    private static final int SHORT_SLOT_BITS = 7;
    private static final long SHORT_MULTIPLIER = NameKeys.collisionFreeMultiplier(SHORT_NAMES, SHORT_SLOT_BITS);
    /** Each short name's key, length and id in its slot; the other slots hold length 0, which no name has. */
    private static final long[] SHORT_KEYS = new long[1 << SHORT_SLOT_BITS];
    private static final int[] SHORT_LENGTHS = new int[1 << SHORT_SLOT_BITS];
    private static final int[] SHORT_IDS = new int[1 << SHORT_SLOT_BITS];
    private static final byte[][] LONG_NAMES = {ascii("attribute"), ascii("amp-pixel"), ascii("amp-iframe"),
        ascii("annotation-xml")};
    private static final int[] LONG_IDS = {XSL_ATTRIBUTE, AMP_PIXEL, AMP_IFRAME, ANNOTATION_XML};

    static {
        for (int k = 0; k < SHORT_NAMES.length; k++) {
            int slot = NameKeys.slotOf(NameKeys.keyOf(SHORT_NAMES[k]), SHORT_MULTIPLIER, SHORT_SLOT_BITS);
            SHORT_KEYS[slot] = NameKeys.keyOf(SHORT_NAMES[k]);
            SHORT_LENGTHS[slot] = SHORT_NAMES[k].length();
            SHORT_IDS[slot] = SHORT_NAME_IDS[k];
        }
    }

    /** Name bytes (lower case) of a raw-text or RCDATA element, for matching its end tag. */
    static byte[] rawEndName(int id) {
        return id > 0 && id < RAW_END_NAMES.length ? RAW_END_NAMES[id] : null;
    }

    /** Shared, never written: the tokenizer only compares against them. Indexed by id. */
    private static final byte[][] RAW_END_NAMES = {null, ascii("script"), ascii("style"), ascii("xmp"),
        ascii("iframe"), ascii("noembed"), ascii("noframes"), ascii("title"), ascii("textarea"), ascii("noscript")};

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static String name(int id) {
        return switch (id) {
            case SCRIPT -> "script";
            case IFRAME -> "iframe";
            case IMG -> "img";
            case LINK -> "link";
            case META -> "meta";
            case EMBED -> "embed";
            case OBJECT -> "object";
            case FRAME -> "frame";
            case SOURCE -> "source";
            case NOSCRIPT -> "noscript";
            case AMP_PIXEL -> "amp-pixel";
            case AMP_IFRAME -> "amp-iframe";
            case IMAGE -> "image";
            case BASE -> "base";
            case ANNOTATION_XML -> "annotation-xml";
            case FONT -> "font";
            case FRAMESET -> "frameset";
            case TEMPLATE -> "template";
            case SET -> "set";
            case ANIMATE -> "animate";
            case XSL_ELEMENT -> "xsl:element";
            case XSL_ATTRIBUTE -> "xsl:attribute";
            case XSL_TEXT -> "xsl:text";
            case XSL_VALUE_OF -> "xsl:value-of";
            case XSL_COPY_OF -> "xsl:copy-of";
            case INPUT -> "input";
            case VIDEO -> "video";
            case AUDIO -> "audio";
            case TRACK -> "track";
            case BODY -> "body";
            case FE_IMAGE -> "feImage";
            case TABLE -> "table";
            case TR -> "tr";
            case TD -> "td";
            case TH -> "th";
            case A -> "a";
            case AREA -> "area";
            case TBODY -> "tbody";
            case THEAD -> "thead";
            case TFOOT -> "tfoot";
            case COLGROUP -> "colgroup";
            case COL -> "col";
            case DETAILS -> "details";
            case SVG -> "svg";
            case STYLE -> "style";
            default -> "element";
        };
    }
}
