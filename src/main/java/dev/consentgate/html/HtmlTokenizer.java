package dev.consentgate.html;

import static dev.consentgate.html.ByteClasses.isAlpha;

import java.nio.charset.Charset;

/**
 * A resumable HTML tokenizer over bytes, following the WHATWG tokenizer states that decide where tags, comments
 * and raw text begin and end. It does not decode text or build a tree: it reports where things are, by absolute
 * stream offset, to a {@link Sink}. Its state survives between {@link #scan} calls, so the result does not depend
 * on how the input is chunked.
 *
 * <p>This class is the driver: it runs the data, tag open and end tag open states, hands each other group of states
 * to its class, reports each tag that ended and decides what a start tag switches to (raw text, foreign content).
 * The groups of states, numbered below with the rest: {@link TagStates} (tag names and attributes in all three
 * quotings, recorded when the sink captures the tag), {@link CommentStates} (comments with their abrupt and
 * {@code --!>} endings, bogus comments) and {@link RawTextStates} (RAWTEXT/RCDATA and script data with its escaped
 * and double-escaped states, up to the appropriate end tag). {@link OrdinaryTags} skips a whole tag nobody is told
 * about in one stateless pass.
 *
 * <p>Known simplifications (see the package documentation): foreign content is tracked only as far as raw text
 * goes ({@link ForeignContent}; inside svg or math, style, title... are not raw text, script still is), and
 * {@code <plaintext>} is not special. {@link CdataStates} reads CDATA sections in foreign content (and everywhere
 * when asked).
 */
final class HtmlTokenizer {

    /** What the tokenizer reports. Offsets are absolute positions in the whole stream. */
    interface Sink {
        /** The name of a start tag is known; return true to record its attributes and raw bytes. */
        boolean captureTag(TagToken tag);

        /** A captured tag grew past the size limit before its end; its attributes so far are readable. */
        void tagOverflow(TagToken tag);

        /** A complete start tag; return true to receive the raw text that follows (for script, style...). */
        boolean startTag(TagToken tag);

        void endTag(TagToken tag);

        /** Raw text of the element opened by the last start tag, as it is read (when asked for). */
        void rawText(byte[] a, int from, int to);

        /** The raw text asked for ended: its end tag (or a CDATA section's ]]>) starts at {@code endTagStart}. */
        void rawTextEnd(long endTagStart);

        /**
         * A CDATA section opened (in foreign content, or anywhere after {@link #readCdataEverywhere}), its text
         * starting at {@code contentAbs}; return true to have that text as raw text, ended by {@link #rawTextEnd}.
         */
        default boolean cdataStart(long contentAbs) {
            return false;
        }

        /**
         * The start tag at {@code tagStart}, past the size limit, has an event handler whose name starts at
         * {@code nameStart} that was not read whole (its code cannot be judged): a handler named after the limit, or
         * one whose value the limit cut. Told in the order of the names.
         */
        default void handlerPastLimit(long tagStart, long nameStart) {
        }

        /** A comment, bogus comment or declaration; data is what a browser would keep as its text. */
        default void comment(long start, long end, long dataStart, long dataEnd, boolean bogus) {
        }

        /** Markup that produces no token at all ({@code </>}, a tag cut off by the end of input). */
        default void ignored(long start, long end) {
        }
    }

    // The states, numbered so that each group is one range. Read by this class: data, tag open, end tag open.
    static final int DATA = 0;
    static final int TAG_OPEN = 1;
    static final int END_TAG_OPEN = 2;
    // read by TagStates, from the name to the '>'
    static final int TAG_NAME = 3;
    static final int BEFORE_ATTR_NAME = 4;
    static final int ATTR_NAME = 5;
    static final int AFTER_ATTR_NAME = 6;
    static final int BEFORE_ATTR_VALUE = 7;
    static final int ATTR_VALUE_DQ = 8;
    static final int ATTR_VALUE_SQ = 9;
    static final int ATTR_VALUE_UNQ = 10;
    static final int AFTER_ATTR_VALUE_QUOTED = 11;
    static final int SELF_CLOSING = 12;
    // read by CommentStates
    static final int MARKUP_DECL = 13;
    static final int MARKUP_DECL_DASH = 14;
    static final int COMMENT_START = 15;
    static final int COMMENT_START_DASH = 16;
    static final int COMMENT = 17;
    static final int COMMENT_END_DASH = 18;
    static final int COMMENT_END = 19;
    static final int COMMENT_END_BANG = 20;
    static final int BOGUS_COMMENT = 21;
    // read by RawTextStates
    static final int RAW = 22;
    static final int RAW_LT = 23;
    static final int RAW_END_NAME = 24;
    static final int SCRIPT = 25;
    static final int SCRIPT_LT = 26;
    static final int SCRIPT_END_NAME = 27;
    static final int SCRIPT_ESC_START = 28;
    static final int SCRIPT_ESC_START_DASH = 29;
    static final int SCRIPT_ESC = 30;
    static final int SCRIPT_ESC_DASH = 31;
    static final int SCRIPT_ESC_DASH_DASH = 32;
    static final int SCRIPT_ESC_LT = 33;
    static final int SCRIPT_ESC_END_NAME = 34;
    static final int SCRIPT_DBL_ESC_START = 35;
    static final int SCRIPT_DBL_ESC = 36;
    static final int SCRIPT_DBL_ESC_DASH = 37;
    static final int SCRIPT_DBL_ESC_DASH_DASH = 38;
    static final int SCRIPT_DBL_ESC_LT = 39;
    static final int SCRIPT_DBL_ESC_END = 40;
    // read by CdataStates
    static final int CDATA_OPEN = 41;
    static final int CDATA_SECTION = 42;

    private final Sink sink;
    private final TagToken tag = new TagToken();
    private final TagStates tags;
    private final CommentStates comments;
    private final RawTextStates rawText;
    private final CdataStates cdata;
    /** CDATA sections are read wherever a markup declaration opens one, not only in foreign content. */
    private boolean cdataEverywhere;

    /** The state the last scan stopped in; {@link #readTag} also leaves the state it stops in here. */
    private int state = DATA;

    /** Whether a browser is in HTML, in SVG/MathML, or in an integration point inside them (or may be anywhere). */
    private final ForeignContent foreign = new ForeignContent();
    /**
     * {@code foreign.isEmpty()}, kept in a field of its own for the data state's loop, which skips ordinary tags
     * there; never while every tag is to be seen.
     */
    private boolean inHtml = true;
    /** Every tag goes through {@link #tagEnded}, ordinary ones too (in content read as markup: {@link #markupSeen}). */
    private boolean everyTag;
    private boolean tagSeen;
    /** A tag naming an element of SVG's or MathML's structure (see {@link ForeignContent#isStructural}). */
    private boolean structuralTagSeen;
    /** Switch to raw text after script, style, title... as the tree builder makes browsers do. */
    private boolean treeAware = true;
    /**
     * The page is parsed as XML: names have prefixes (see {@link TagStates#xmlNames()}), and a self-closing tag is
     * a whole element, with no content.
     */
    private boolean xml;

    /** Bytes of one tag kept for judging (see {@link TagStates}). */
    private final int maxTagBytes;

    /** Tags' values are decoded from {@code encoding}, the page's (UTF-8 unless set). */
    void readAs(Charset encoding) {
        tag.encoding = encoding;
    }

    HtmlTokenizer(Sink sink, int maxTagBytes) {
        this.sink = sink;
        this.maxTagBytes = maxTagBytes;
        this.tags = new TagStates(sink, tag, maxTagBytes);
        this.comments = new CommentStates(sink);
        this.rawText = new RawTextStates(sink, tag);
        this.cdata = new CdataStates(sink, comments);
    }

    /** Sends every tag through the states that report it, so that {@link #markupSeen} knows of ordinary ones too. */
    void seeEveryTag() {
        everyTag = true;
        inHtml = false;
    }

    /**
     * What markup the input so far held (with {@link #seeEveryTag}, counting every tag), which, read where a browser
     * reads it as markup, may have moved it into or out of SVG: {@link ForeignContent#NO_MARKUP}, HTML_MARKUP (tags
     * of HTML elements only) or STRUCTURAL_MARKUP (a tag of SVG's or MathML's structure, or input that stops inside a
     * construct).
     */
    int markupSeen() {
        if (structuralTagSeen || state != DATA) {
            return ForeignContent.STRUCTURAL_MARKUP;
        }
        return tagSeen ? ForeignContent.HTML_MARKUP : ForeignContent.NO_MARKUP;
    }

    /** The page is parsed as XML (see {@link #xml}). */
    void parsedAsXml() {
        xml = true;
        tags.xmlNames();
    }

    /** The entities the page's DOCTYPE declares: values are read with them expanded (see DeclaredEntities). */
    void declaredEntities(DeclaredEntities entities) {
        tag.entities = entities;
    }

    /**
     * Whether a self-closing start tag here is a whole element, which has no content: in SVG or MathML, and anywhere
     * in a page parsed as XML (XML 1.0, 3.1: an empty-element tag).
     */
    boolean selfClosingHasNoContent() {
        return xml || foreign.inForeignContent();
    }

    /** Reads {@code <![CDATA[} as a CDATA section everywhere: for content read as markup that may be SVG's. */
    void readCdataEverywhere() {
        cdataEverywhere = true;
    }

    /**
     * For conformance tests of the tokenizer alone: start tags never switch the content state, and the tokenizer
     * starts in {@code initialState} as if {@code lastStartTag} had just been opened.
     */
    void standalone(int initialState, String lastStartTag) {
        treeAware = false;
        state = initialState;
        if (initialState == CDATA_SECTION) {
            cdata.startInSection();
        }
        rawText.expectEndTag(lastStartTag == null ? new byte[0]
                : lastStartTag.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Inside svg or math and not in an integration point: where a browser reads SVG or MathML. */
    boolean inForeignContent() {
        return foreign.inForeignContent();
    }

    /**
     * Whether content read both ways inside this input must report every tag it holds ({@link #markupSeen}): where a
     * browser may read SVG here, or where this tokenizer reports every tag to an outer reader itself.
     */
    boolean innerMarkupCounts() {
        return everyTag || foreign.mayBeInForeignContent();
    }

    /** Where a browser may read SVG or MathML (see {@link ForeignContent#mayBeInForeignContent}). */
    boolean mayBeInForeignContent() {
        return foreign.mayBeInForeignContent();
    }

    /**
     * Content read both ways in SVG held markup (see {@link #markupSeen}) that a browser read there and this
     * tokenizer read as text (see {@link ForeignContent#hiddenMarkup}).
     */
    void hiddenMarkup(int markup) {
        foreign.hiddenMarkup(markup);
        followedForeignContent();
        // the content this tokenizer reads held it too, whatever this tokenizer takes its own place to be
        structuralTagSeen |= markup == ForeignContent.STRUCTURAL_MARKUP;
        tagSeen |= markup != ForeignContent.NO_MARKUP;
    }

    /** Where SVG and MathML stand now, for {@link #restoreForeignContent}. */
    ForeignContent.State foreignContentState() {
        return foreign.state();
    }

    /**
     * The sink dropped the markup read since {@code before} (the content of an element it removed): a browser reading
     * the output is where it was then. Null: nothing to restore.
     */
    void restoreForeignContent(ForeignContent.State before) {
        if (before != null) {
            foreign.restore(before);
            followedForeignContent();
        }
    }

    /** Inside svg or math, integration points included (see {@link ByteStreamRewriter} for what follows from it). */
    boolean inSvgOrMath() {
        return !foreign.isEmpty();
    }

    /**
     * Start of the unfinished captured tag whose bytes must not be released yet, or of a {@code <} that may yet open
     * one; -1 when there is none.
     */
    long openTagStart() {
        return (isTagState(state) && tag.captured) || state == TAG_OPEN ? tag.start : -1;
    }

    /**
     * Where an attribute name that may be a handler's starts, at the end of the last chunk, in a start tag past the
     * size limit: its next byte decides (see {@link Sink#handlerPastLimit}), so it is held; -1 when none.
     */
    long handlerNameHeldFrom() {
        return tags.handlerNameHeldFrom();
    }

    /** Start of the unfinished tag that passed the size limit, whose bytes are no longer held; -1 when none. */
    long overflowedTagStart() {
        return isTagState(state) && tag.overflowed ? tag.start : -1;
    }

    /** Start of the unfinished tag, captured or not (or of a {@code <} that may yet open one); -1 when none. */
    long anyOpenTagStart() {
        return isTagState(state) || state == TAG_OPEN || state == END_TAG_OPEN ? tag.start : -1;
    }

    /**
     * Start of the unfinished tag that the end of a fragment cuts and that must go: one stopped inside a quoted
     * attribute value (only such a tag runs on past the next {@code >}), or a captured one past its name (whose
     * attributes would run on unjudged; of an ordinary element, only one with a handler); -1 otherwise. A name cut at the end goes on into the end tag's {@code <} or
     * {@code ]]}, so it can name nothing judged.
     */
    long cutTagStart() {
        if (state == ATTR_VALUE_DQ || state == ATTR_VALUE_SQ) {
            return tag.start;
        }
        if (!isTagState(state) || state == TAG_NAME || !tag.captured) {
            return -1;
        }
        // an ordinary element's attributes matter only as handlers: one with none read whole, not cut inside an
        // unquoted value (which may be a handler's code running on), stays ("if(a<b) {}" in a script)
        return tag.nameId != ElementNames.OTHER || state == ATTR_VALUE_UNQ || tag.overflowed || tag.hasHandlerSoFar()
                ? tag.start : -1;
    }

    /** The states of a tag from its name to its end, run by {@link TagStates}. */
    static boolean isTagState(int st) {
        return st >= TAG_NAME && st <= SELF_CLOSING;
    }

    private static boolean isCommentState(int st) {
        return st >= MARKUP_DECL && st <= BOGUS_COMMENT;
    }

    /** Tokenizes {@code a[from, to)}, whose first byte is at absolute offset {@code absFrom}. */
    void scan(byte[] a, int from, int to, long absFrom) {
        final long delta = absFrom - from;
        int i = from;
        int st = state;
        rawText.chunkStart(from, delta);
        tags.chunkStart(a, from, to, delta);
        while (i < to) {
            switch (st) {
                case DATA:
                {
                    int lt = ByteScan.indexOf(a, i, to, (byte) '<');
                    if (treeAware && inHtml && !xml) {
                        // whole tags nobody is told about: nothing to record, go on after each (in XML a prefixed
                        // name may be a special one's)
                        lt = OrdinaryTags.skip(a, lt, to, maxTagBytes);
                    }
                    if (lt == to) {
                        i = to;
                        break;
                    }
                    tag.reset(lt + delta, false, true);
                    i = lt + 1;
                    if (i < to && isAlpha(a[i])) {
                        // the common cases, a start or an end tag, go straight to the name
                        i = readTag(a, i, to, delta, from, TAG_NAME);
                        st = state;
                    } else if (i + 1 < to && a[i] == '/' && isAlpha(a[i + 1])) {
                        tag.reset(lt + delta, true, false);
                        i = readTag(a, i + 1, to, delta, from, TAG_NAME);
                        st = state;
                    } else {
                        st = TAG_OPEN;
                    }
                    break;
                }
                case TAG_OPEN:
                {
                    byte c = a[i];
                    if (isAlpha(c)) {
                        st = TAG_NAME;
                    } else if (c == '!') {
                        i++;
                        st = comments.openDeclaration(tag.start);
                    } else if (c == '/') {
                        i++;
                        st = END_TAG_OPEN;
                    } else if (c == '?') {
                        st = comments.openBogus(tag.start, i + delta);
                    } else {
                        st = DATA;
                    }
                    break;
                }
                case END_TAG_OPEN:
                {
                    byte c = a[i];
                    if (isAlpha(c)) {
                        tag.reset(tag.start, true, false);
                        st = TAG_NAME;
                    } else if (c == '>') {
                        i++;
                        sink.ignored(tag.start, i + delta);
                        st = DATA;
                    } else {
                        st = comments.openBogus(tag.start, i + delta);
                    }
                    break;
                }
                default:
                    // each group of states in its own method, so that the JIT compiles each tight loop well
                    if (isTagState(st)) {
                        i = readTag(a, i, to, delta, from, st);
                        st = state;
                    } else if (st == MARKUP_DECL && a[i] == '[' && treeAware
                            && (!foreign.isEmpty() || cdataEverywhere)) {
                        foreign.cdataSection();
                        followedForeignContent();
                        st = cdata.open(tag.start, i + delta);
                    } else if (isCommentState(st)) {
                        i = comments.scan(a, i, to, delta, st);
                        st = comments.state;
                    } else if (st >= CDATA_OPEN) {
                        i = cdata.scan(a, i, to, delta, st);
                        st = cdata.state;
                    } else {
                        i = rawText.scan(a, i, to, delta, st);
                        st = rawText.state;
                    }
                    break;
            }
        }
        state = st;
        rawText.chunkEnd(a, to);
        tags.chunkEnd(to, st);
    }

    /**
     * Runs the tag states from state {@code st} on {@code a[begin, to)}; returns where they stopped (after the tag or
     * at {@code to}), with {@link #state}: the state that follows the tag when it ended, else the tag state.
     */
    private int readTag(byte[] a, int begin, int to, long delta, int from, int st) {
        int i = tags.scan(a, begin, to, delta, from, st);
        state = tags.state == DATA ? tagEnded(i) : tags.state;
        return i;
    }

    /** End of input: reports what an unterminated construct becomes. */
    void end(long endAbs) {
        if (isTagState(state)) {
            sink.ignored(tag.start, endAbs);
        } else if (isCommentState(state)) {
            comments.inputEnd(state, endAbs);
        } else if (state >= CDATA_OPEN) {
            cdata.inputEnd(state, endAbs);
        }
        rawText.inputEnd(endAbs);
        state = DATA;
    }

    /** {@link #foreign} changed: the data state's loop may skip ordinary tags only in HTML (see {@link #inHtml}). */
    private void followedForeignContent() {
        inHtml = foreign.isEmpty() && !everyTag;
    }

    /** Tells {@link #foreign} of the tag that just ended. */
    private void followForeignContent() {
        if (tag.nameLen >= TagToken.MAX_NAME) {
            // a name too long to read whole
            foreign.markUnsure();
            structuralTagSeen = true;
        } else if (tag.endTag) {
            String name = tag.nameString();
            structuralTagSeen |= ForeignContent.isStructural(name);
            foreign.endTag(name);
        } else {
            String name = tag.nameString();
            structuralTagSeen |= ForeignContent.isStructural(name);
            // annotation-xml is an integration point, and font ends SVG, only with attributes read when captured
            Boolean htmlByAttributes = false;
            if (tag.nameId == ElementNames.ANNOTATION_XML) {
                htmlByAttributes = tag.captured && !tag.overflowed
                        ? ForeignContent.htmlEncoding(tag.value("encoding")) : null;
            } else if (tag.nameId == ElementNames.FONT && foreign.mayBeInForeignContent()) {
                htmlByAttributes = tag.captured && !tag.overflowed ? ForeignContent.fontBreaksOut(tag) : null;
            }
            if (htmlByAttributes == null) {
                foreign.markUnsure();
            } else {
                foreign.startTag(name, tag.nameId, tag.selfClosing, htmlByAttributes);
            }
        }
        followedForeignContent();
    }

    /** The tag read by the tag states ended just before {@code a[endLocal]}: reports it, returns the state after it. */
    private int tagEnded(int endLocal) {
        tagSeen = true;
        if (tag.endTag) {
            if (treeAware && !inHtml) {
                followForeignContent();
            }
            // a row's or cell's end tag is ordinary: only its start tag may load something (see OrdinaryTags)
            if (!treeAware || tag.nameId != ElementNames.OTHER && !ElementNames.isRowOrCell(tag.nameId)) {
                sink.endTag(tag);
            }
            return DATA;
        }
        int id = tag.nameId;
        // an ordinary element matters to the rewriter only through its handlers, when it captured them (see
        // OrdinaryTags: one with none is skipped whole)
        boolean wantsContent = (id != ElementNames.OTHER || !treeAware || tag.captured) && sink.startTag(tag);
        if (!treeAware) {
            return DATA;
        }
        if (id == ElementNames.SVG || id == ElementNames.MATH || !inHtml) {
            followForeignContent();
        }
        // noscript too, as a browser that runs scripts reads it
        if (id == ElementNames.OTHER || id > ElementNames.NOSCRIPT) {
            return DATA;
        }
        if (xml && tag.selfClosing || !foreign.isEmpty() && (tag.selfClosing && foreign.inForeignContent()
                || id != ElementNames.SCRIPT && !wantsContent)) {
            // in SVG/MathML these are ordinary elements (and may be self-closing), unless the sink reads their
            // content both ways: then it is raw text here, and markup to the sink's second reader
            if (wantsContent) {
                sink.rawTextEnd(tag.end);
            }
            return DATA;
        }
        // in XML the end tag repeats the prefix: </h:script>
        rawText.expectEndTag(tag.localStart > 0 ? tag.qualifiedName() : ElementNames.rawEndName(id));
        if (wantsContent) {
            rawText.passTextFrom(endLocal);
        }
        return id == ElementNames.SCRIPT ? SCRIPT : RAW;
    }
}
