package dev.consentgate.html;

import dev.consentgate.config.TagAction;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.html.ElementJudge.Verdict;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The rewriter for an ASCII-compatible byte stream: drives the tokenizer over each chunk, holds the bytes of an
 * element until it is judged, and sends everything else on as slices of the input.
 *
 * <p>Content that two readings of the page take differently (a noscript's, raw text inside SVG, an inline script's
 * inside SVG, CDATA there) is read as raw text here and as markup by a second rewriter of this class, for that
 * fragment alone, whose output replaces it: see the package documentation ("Content read both ways", "Known
 * simplifications").
 */
final class ByteStreamRewriter implements HtmlTokenizer.Sink {

    private static final Logger LOG = LoggerFactory.getLogger(ByteStreamRewriter.class);
    private final TagPolicy policy;
    private final ConsentDecision consent;
    private final EventReporter events;
    private final ElementJudge elements;
    private final HtmlTokenizer tokenizer;
    /** Carries out the verdicts on start tags. */
    private final ElementActions actions;
    /** The encoding of the bytes read. */
    private final Charset encoding;
    private final PendingOutput pending = new PendingOutput();
    /** What markup a fragment's content held (set by {@link #finish}, see {@link HtmlTokenizer#markupSeen}). */
    private int markupSeen;
    /** The content read both ways is an SVG title's, an integration point's. */
    private boolean bothWaysInSvgTitle;
    /** A frameset start tag was seen: a browser may be in a frameset from there on (see ElementNames.FRAMESET). */
    private boolean afterFrameset;
    /**
     * The page is parsed as XML: there no element's content is raw text, and a self-closing one has none, so what
     * the tokenizer reads as raw text (HTML's reading) is read as markup too.
     */
    private boolean xmlDocument;
    /** An XML page's prolog and stylesheet instructions (see XmlPageReading); null in HTML, and in a fragment. */
    private XmlPageReading xmlPage;
    /** The entities an XML page's DOCTYPE declares (see DeclaredEntities); null when none. */
    private DeclaredEntities entities;
    /** Template elements open (their content may be a column group or table: see ElementNames.TEMPLATE). */
    private int templateDepth;
    private final LineCounter lines;
    private final boolean inspectInline;

    private long absPos;
    private byte[] scratch = new byte[0];

    /** Where content read both ways, held until its markup reading ends, goes on from; -1 when none. */
    private long holdStart = -1;
    private final DroppedContent dropped = new DroppedContent();
    /** 0 for the page; n for a fragment read as markup inside n levels of content read both ways. */
    private final int fragmentDepth;
    /** This fragment is a noscript's content in HTML (see {@link MarkupReading#NOSCRIPT_IN_HTML}): never SVG's. */
    private final boolean noscriptInHtml;
    /** Elements here count as pixels: this rewriter reads content read both ways (noscript's...) as markup. */
    private final boolean inNoscript;
    /** The content being read both ways, if any. */
    private final ContentReadBothWays bothWays;

    /**
     * The inline script being read, and its judge; both made with the first inline script, since most fragments (a
     * noscript's pixel) hold none, and the judge's buffers are most of what a fragment would allocate.
     */
    private InlineScriptInspection inlineScript;
    private InlineScriptJudge scriptJudge;
    /** The style element being read, made with the first one. */
    private InlineStyleInspection inlineStyle;

    /** Where the stand-ins for blocked vendors' globals go (see TagSurrogates). */
    private final SurrogatePlacement surrogates;

    /** The rule id reported for a tag whose handlers past the size limit were renamed. */
    static final String HANDLER_PAST_LIMIT_RULE = "handler-past-tag-limit";
    /** Start of the last tag a handler past the size limit was reported for. */
    private long lastHandlerPastLimitTag = -1;
    /** Decision taken when a tag overflowed, applied when it ends: a rule that already matched, or null. */
    private Verdict overflowVerdict;
    /** The tag being read is removed (it overflowed after a rule matched): its bytes are dropped as they come. */
    private boolean droppingTag;

    /**
     * {@code encoding}: the encoding of the bytes read, with which the values judged are decoded (a host written in
     * windows-1252's 'ª' is an 'a' to a browser reading the page so, and nothing in UTF-8).
     */
    ByteStreamRewriter(TagPolicy policy, ConsentDecision consent, PageSite site, RewriteListener listener,
                       Predicate<String> cookieNameAllowed, Charset encoding) {
        this.policy = policy;
        this.surrogates = new SurrogatePlacement(policy);
        this.consent = consent;
        this.elements = new ElementJudge(policy, consent, site, cookieNameAllowed, encoding);
        this.tokenizer = new HtmlTokenizer(this, policy.settings().maxTagBytes());
        this.encoding = encoding;
        tokenizer.readAs(encoding);
        this.lines = listener == RewriteListener.NONE ? null : new LineCounter();
        this.events = new EventReporter(listener, lines);
        this.actions = new ElementActions(pending, policy.rewrites(), events, elements, tokenizer, dropped, surrogates,
                this::standInsRunHere);
        this.inspectInline = policy.blocksAnyRule(consent);
        this.fragmentDepth = 0;
        this.noscriptInHtml = false;
        this.inNoscript = false;
        this.bothWays = new ContentReadBothWays(pending, this::fragment, 0);
    }

    /**
     * The rewriter of content read both ways, starting at {@code contentAbs}, as markup, everything in it judged as
     * a pixel; with the outer rewriter's judge (a base element counts for the whole page) and line numbers.
     */
    private ByteStreamRewriter(ByteStreamRewriter outer, long contentAbs, MarkupReading reading) {
        this.policy = outer.policy;
        // none go into content read as a fragment
        this.surrogates = new SurrogatePlacement(policy);
        this.consent = outer.consent;
        this.events = outer.events;
        this.elements = outer.elements;
        this.tokenizer = new HtmlTokenizer(this, policy.settings().maxTagBytes());
        this.actions = new ElementActions(pending, policy.rewrites(), events, elements, tokenizer, dropped, surrogates,
                this::standInsRunHere);
        this.encoding = outer.encoding;
        tokenizer.readAs(encoding);
        this.lines = outer.lines;
        this.inspectInline = outer.inspectInline;
        this.fragmentDepth = outer.fragmentDepth + 1;
        this.noscriptInHtml = reading == MarkupReading.NOSCRIPT_IN_HTML;
        this.inNoscript = true;
        this.bothWays = new ContentReadBothWays(pending, this::fragment, fragmentDepth);
        if (outer.tokenizer.innerMarkupCounts()) {
            // its markup may move a browser into or out of SVG: see afterContentReadBothWays
            tokenizer.seeEveryTag();
        }
        if (reading == MarkupReading.EITHER) {
            // SVG's <![CDATA[ opens a section, up to "]]>"
            tokenizer.readCdataEverywhere();
        }
        if (outer.xmlDocument) {
            xmlDocument = true;
            tokenizer.parsedAsXml();
            useEntities(outer.entities);
        }
        this.absPos = contentAbs;
        pending.startsAt(contentAbs);
    }

    void feed(ByteBuf chunk, Consumer<ByteBuf> out) {
        int len = chunk.readableBytes();
        pending.sink(out);
        byte[] a;
        int from;
        if (chunk.hasArray()) {
            a = chunk.array();
            from = chunk.arrayOffset() + chunk.readerIndex();
        } else {
            if (scratch.length < len) {
                scratch = new byte[Math.max(len, 8192)];
            }
            chunk.getBytes(chunk.readerIndex(), scratch, 0, len);
            a = scratch;
            from = 0;
        }
        pending.append(chunk);
        long chunkAbs = absPos;
        // a fragment's lines are the outer rewriter's, counted on its chunks
        boolean countLines = lines != null && fragmentDepth == 0;
        if (countLines) {
            lines.chunk(a, from, chunkAbs);
        }
        if (xmlPage != null) {
            xmlPage.scan(a, from, from + len, chunkAbs);
        } else {
            tokenizer.scan(a, from, from + len, chunkAbs);
        }
        absPos += len;
        if (inlineScript != null) {
            inlineScript.chunkEnded();
        }
        if (countLines) {
            lines.chunkEnd(a, from, from + len, chunkAbs, lineMarkFrom());
        }
        if (dropped.active() || droppingTag) {
            pending.dropUpTo(absPos);
        } else {
            long held = heldFrom();
            pending.emitUpTo(held >= 0 ? held : absPos);
        }
    }

    void finish(Consumer<ByteBuf> out) {
        pending.sink(out);
        if (xmlPage != null) {
            xmlPage.finish();
        }
        long openTag = fragmentDepth > 0 ? tokenizer.cutTagStart() : tokenizer.openTagStart();
        markupSeen = tokenizer.markupSeen();
        tokenizer.end(absPos);
        if (dropped.active() || droppingTag) {
            pending.dropUpTo(absPos);
        } else if (fragmentDepth > 0 && openTag >= 0) {
            // a tag the end of the content cut: the markup reading goes on past that end into it, as attributes of
            // a tag nobody judged, or inside a quoted value past the next '>', where what the outer reading takes
            // for a comment may be markup; it goes (a tag cut elsewhere ends at the end tag's '>', as the outer
            // reading resumes, and one cut in its name can name nothing judged: both stay, "if(a<b)" in a script)
            pending.emitUpTo(openTag);
            pending.dropUpTo(absPos);
        } else {
            pending.emitUpTo(absPos);
        }
        pending.release();
    }

    void release() {
        pending.release();
        bothWays.release();
    }

    /** How many elements a limit let through unjudged so far (see {@link BodyRewriter#elementsPassedOverLimit}). */
    long passedOverLimit() {
        return events.passedOverLimit();
    }

    /** After {@link #finish}: what markup the content held (see {@link HtmlTokenizer#markupSeen}). */
    int markupSeen() {
        return markupSeen;
    }

    /**
     * Content read both ways ended, whose markup reading held {@code markup}: in SVG a browser read it as markup where
     * the tokenizer read text, and may be somewhere else than the tokenizer takes it to be.
     */
    private void afterContentReadBothWays(int markup) {
        if (markup != ForeignContent.NO_MARKUP) {
            tokenizer.hiddenMarkup(markup);
        }
    }

    private ByteStreamRewriter fragment(long contentAbs, MarkupReading reading) {
        return new ByteStreamRewriter(this, contentAbs, reading);
    }

    /** The inspection of inline scripts, made when the first one starts. */
    private InlineScriptInspection inlineScript() {
        if (inlineScript == null) {
            scriptJudge = new InlineScriptJudge(policy, consent, elements.site(), encoding);
            if (entities != null) {
                scriptJudge.declaredEntities(entities);
            }
            inlineScript = new InlineScriptInspection(policy, scriptJudge, pending, events, this::readScriptAsMarkup,
                    actions, inNoscript, elements.urls());
        }
        return inlineScript;
    }

    /** The inspection of style elements' content, made when the first one starts. */
    private InlineStyleInspection inlineStyle() {
        if (inlineStyle == null) {
            inlineStyle = new InlineStyleInspection(pending, events, elements.urls(), this::styleAsMarkup,
                    text -> entities == null ? text : entities.expand(text), encoding,
                    policy.settings().inlineScriptInspectLimit());
        }
        return inlineStyle;
    }

    private boolean inInlineStyle() {
        return inlineStyle != null && inlineStyle.active();
    }

    /** An inline script is being read. */
    private boolean inInlineScript() {
        return inlineScript != null && inlineScript.active();
    }

    /** An inline script's content in SVG or MathML, as the markup a browser reads there (every element a pixel). */
    private void readScriptAsMarkup(long contentAbs, byte[] code, int length) {
        // a copy: what the markup reader passes on as slices outlives the kept code, which the next script reuses
        ByteStreamRewriter markup = fragment(contentAbs, MarkupReading.EITHER);
        markup.feed(Unpooled.copiedBuffer(code, 0, length), pending::insert);
        markup.finish(pending::insert);
        afterContentReadBothWays(markup.markupSeen());
    }

    /**
     * A style element's content that may be markup, read as markup: what that reading passes on, which the style's
     * inspection then judges as CSS. Nothing past the depth that content read both ways nests to (a style's markup
     * may hold a style), failing closed.
     */
    private byte[] styleAsMarkup(long contentAbs, byte[] content, int length) {
        if (fragmentDepth + 1 > ContentReadBothWays.MAX_DEPTH) {
            return new byte[0];
        }
        ByteArrayOutputStream read = new ByteArrayOutputStream(length);
        Consumer<ByteBuf> collect = b -> {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            read.writeBytes(bytes);
        };
        ByteStreamRewriter markup = fragment(contentAbs, MarkupReading.EITHER);
        markup.feed(Unpooled.copiedBuffer(content, 0, length), collect);
        markup.finish(collect);
        afterContentReadBothWays(markup.markupSeen());
        return read.toByteArray();
    }

    /**
     * Start of the unfinished tag whose bytes are held: a captured one; in a fragment any one, since a tag its end
     * cuts inside a quoted value goes (see {@link #finish}), whatever its name.
     */
    private long openTagStart() {
        return fragmentDepth > 0 ? tokenizer.anyOpenTagStart() : tokenizer.openTagStart();
    }

    long heldFrom() {
        if (xmlPage != null && xmlPage.inProlog()) {
            return 0;
        }
        long t = openTagStart();
        if (holdStart >= 0 && (t < 0 || holdStart < t)) {
            t = holdStart;
        }
        long script = inlineScript == null ? -1 : inlineScript.heldFrom();
        if (script >= 0 && (t < 0 || script < t)) {
            t = script;
        }
        long style = inlineStyle == null ? -1 : inlineStyle.heldFrom();
        if (style >= 0 && (t < 0 || style < t)) {
            t = style;
        }
        long name = tokenizer.handlerNameHeldFrom();
        if (name >= 0 && (t < 0 || name < t)) {
            t = name;
        }
        long instruction = xmlPage == null ? -1 : xmlPage.instructionHeldFrom();
        if (instruction >= 0 && (t < 0 || instruction < t)) {
            t = instruction;
        }
        // a tag the fragment holds keeps its line known
        long inner = bothWays.fragmentHeldFrom();
        return inner >= 0 && (t < 0 || inner < t) ? inner : t;
    }

    /**
     * Where the element a later event may name starts: the held bytes', or an overflowed tag's, reported when it
     * ends (its bytes are gone, its line must not be: else the line would depend on how the input was cut).
     */
    private long lineMarkFrom() {
        long held = heldFrom();
        long overflowed = tokenizer.overflowedTagStart();
        return overflowed >= 0 && (held < 0 || overflowed < held) ? overflowed : held;
    }

    // ---- tokenizer sink ----

    @Override
    public boolean captureTag(TagToken tag) {
        if (dropped.active()) {
            return false;
        }
        return switch (tag.nameId) {
            case ElementNames.SCRIPT, ElementNames.IMG, ElementNames.LINK, ElementNames.META, ElementNames.IFRAME,
                 ElementNames.FRAME, ElementNames.EMBED, ElementNames.OBJECT, ElementNames.SOURCE,
                 ElementNames.AMP_PIXEL, ElementNames.AMP_IFRAME, ElementNames.IMAGE, ElementNames.BASE,
                 ElementNames.SET, ElementNames.ANIMATE, ElementNames.INPUT, ElementNames.VIDEO, ElementNames.AUDIO,
                 ElementNames.TRACK, ElementNames.BODY, ElementNames.FE_IMAGE, ElementNames.TABLE, ElementNames.TR,
                 ElementNames.TD, ElementNames.TH, ElementNames.A, ElementNames.AREA, ElementNames.TBODY,
                 ElementNames.THEAD, ElementNames.TFOOT, ElementNames.COLGROUP, ElementNames.COL,
                 // their handlers fire with the page, no one acting (an svg's and a style's load, an open details'
                 // toggle); an input's too, when it has autofocus
                 ElementNames.SVG, ElementNames.STYLE, ElementNames.DETAILS,
                 // its encoding decides whether MathML holds HTML there (see ForeignContent)
                 ElementNames.ANNOTATION_XML -> true;
            // XSLT's instructions, which write elements and attributes into the page a stylesheet makes
            case ElementNames.XSL_ELEMENT, ElementNames.XSL_ATTRIBUTE, ElementNames.XSL_TEXT, ElementNames.XSL_VALUE_OF,
                 ElementNames.XSL_COPY_OF -> xmlDocument;
            // its attributes decide whether it ends SVG or MathML content
            case ElementNames.FONT -> tokenizer.mayBeInForeignContent() || inspectInline;
            // every other element, for its event handlers (OrdinaryTags passes only tags without one), when a rule
            // may block one
            default -> inspectInline;
        };
    }

    @Override
    public void tagOverflow(TagToken tag) {
        if (dropped.active()) {
            return;
        }
        Verdict v = tag.nameId == ElementNames.SCRIPT && scriptMayBeSvgs() ? ElementJudge.SCRIPT_READ_BOTH_WAYS
                : elements.judgeOverflowed(tag, inNoscript);
        if (v != null) {
            // a rule already matched, or the limit cut what the element loads: fail closed, the element goes; its
            // bytes are dropped as they come
            overflowVerdict = new Verdict(v.rule(), v.host(), v.kind(), TagAction.REMOVE);
            pending.emitUpTo(tag.start);
            droppingTag = true;
        } else {
            overflowVerdict = null;
            if (tag.nameId == ElementNames.INPUT && !ElementJudge.isImageInput(tag)
                    || tag.nameId == ElementNames.OTHER) {
                // an input that loads nothing (ASP.NET's long view state), or an ordinary element (an SVG path's
                // long drawing): only a handler could follow the limit, and it is renamed as it streams past (see
                // handlerPastLimit)
                return;
            }
            LOG.debug("tag at offset {} longer than {} bytes passed unjudged", tag.start,
                    policy.settings().maxTagBytes());
            events.report(tag.start, tag.nameId, "", "", "", RewriteEvent.Action.PASSED_OVER_LIMIT);
        }
    }

    /**
     * A handler the size limit left unread (or cut) in a start tag that passes: renamed as it streams past, failing
     * closed, as its code cannot be judged; the tag is reported once. (Until 2026-12-01 it passed: Chromium 156 ran
     * an animation's handler after 17,000 bytes of a div's data attribute; found by a review.)
     */
    @Override
    public void handlerPastLimit(long tagStart, long nameStart) {
        if (dropped.active() || droppingTag) {
            return;
        }
        pending.emitUpTo(nameStart);
        pending.insert(ElementRewrites.BLOCKED_PREFIX);
        if (tagStart != lastHandlerPastLimitTag) {
            lastHandlerPastLimitTag = tagStart;
            events.report(tagStart, ElementNames.OTHER, "", "", HANDLER_PAST_LIMIT_RULE,
                    RewriteEvent.Action.NEUTRALIZED);
        }
    }

    @Override
    public boolean startTag(TagToken tag) {
        if (dropped.active()) {
            // a self-closing element in SVG or MathML (or XML) has no content and no end tag to wait for
            if (!(tag.selfClosing && tokenizer.selfClosingHasNoContent())) {
                dropped.startTag(tag.nameId);
            }
            return false;
        }
        if (tag.nameId == ElementNames.FRAMESET) {
            afterFrameset = true;
            judgeHandlersOnly(tag);
            return false;
        }
        if (tag.nameId == ElementNames.TEMPLATE) {
            templateDepth++;
            judgeHandlersOnly(tag);
            return false;
        }
        if (tag.nameId == ElementNames.NOSCRIPT) {
            judgeHandlersOnly(tag);
            return !(tag.selfClosing && tokenizer.selfClosingHasNoContent()) && readBothWays(tag);
        }
        if (tag.nameId == ElementNames.STYLE && !(tag.selfClosing && tokenizer.selfClosingHasNoContent())) {
            // its content is a stylesheet, whose addresses are judged at its end (and, where it may be markup, which
            // is read as such then)
            judgeHandlersOnly(tag);
            if (!inspectInline) {
                return uncertainContext() && readBothWays(tag);
            }
            inlineStyle().start(tag, uncertainContext(), xmlDocument);
            return true;
        }
        if (mayBeRawTextOrMarkup(tag.nameId) && !(tag.selfClosing && tokenizer.selfClosingHasNoContent())) {
            // (a self-closing one in SVG, MathML or XML is closed: its content is what follows, read as markup)
            judgeHandlersOnly(tag);
            return readBothWays(tag);
        }
        if (tag.overflowed) {
            Verdict v = overflowVerdict;
            overflowVerdict = null;
            droppingTag = false;
            if (v != null) {
                actions.apply(tag, v);
            } else if ((tag.nameId == ElementNames.IFRAME || tag.nameId == ElementNames.SCRIPT)
                    && uncertainContext()) {
                return readBothWays(tag);
            } else if (tag.nameId == ElementNames.BASE) {
                // its href was read whole (else it was removed, see AddressAttributes#cutByLimit)
                Verdict base = elements.baseElement(tag, baseInDocument());
                if (base != null) {
                    actions.apply(tag, base);
                }
            }
            return false;
        }
        if (!tag.captured || tag.nameId == ElementNames.OTHER && !EventHandlers.any(tag)
                && !StyleAttributes.any(tag)) {
            return false;
        }
        if (tag.nameId == ElementNames.BASE) {
            Verdict base = elements.baseElement(tag, baseInDocument());
            if (base == null) {
                base = elements.baseStyle(tag);
            }
            if (base != null) {
                actions.apply(tag, base);
            }
            return false;
        }
        if (tag.nameId == ElementNames.SCRIPT && scriptMayBeSvgs()) {
            // content read both ways may be SVG, where this script runs its text (SVG ignores src) and its content is
            // markup: code is not inspected here, so the script goes whole; one of a data type, inert to both, stays,
            // its content read both ways again
            if (!ScriptTypes.mayRun(tag) && !ScriptTypes.isImportMap(tag)) {
                return readBothWays(tag);
            }
            actions.apply(tag, ElementJudge.SCRIPT_READ_BOTH_WAYS);
            return false;
        }
        Verdict v = elements.judge(tag, inNoscript);
        if (v == null && tag.nameId == ElementNames.SCRIPT && uncertainContext() && ScriptTypes.mayRun(tag)
                && !AddressAttributes.hasSvgScriptAddress(tag)) {
            // SVG ignores src and runs the script's own text: inspect it as inline code
            v = Verdict.INLINE;
        }
        if (v == null) {
            // a script in SVG may hold markup that loads (its content is markup there); an iframe's content too
            return (tag.nameId == ElementNames.IFRAME || tag.nameId == ElementNames.SCRIPT) && uncertainContext()
                    && readBothWays(tag);
        }
        if (v == Verdict.INLINE) {
            if (!inspectInline) {
                return false;
            }
            // in XML, as in SVG, the content is markup: the code run is its text (see ForeignScriptText); after a
            // frameset a browser may ignore the script, its content then markup (Chromium 156 loaded a frame in it)
            inlineScript().start(tag, tokenizer.inSvgOrMath() || xmlDocument, uncertainContext());
            return true;
        }
        actions.apply(tag, v);
        // a neutralized script's content passes; in SVG it is markup, where a tag in it loads
        return v.action() == TagAction.NEUTRALIZE && tag.nameId == ElementNames.SCRIPT && uncertainContext()
                && readBothWays(tag);
    }

    @Override
    public void endTag(TagToken tag) {
        if (dropped.active()) {
            if (dropped.endTag(tag.nameId)) {
                pending.dropUpTo(tag.end);
                tokenizer.restoreForeignContent(dropped.foreignBefore());
            }
            return;
        }
        if (tag.nameId == ElementNames.TEMPLATE && templateDepth > 0) {
            templateDepth--;
        }
        if (tag.nameId == ElementNames.SCRIPT) {
            surrogates.scriptEnded(tag.end, pending);
        }
    }

    @Override
    public void rawText(byte[] a, int from, int to) {
        if (bothWays.active()) {
            bothWays.content(a, from, to);
            holdStart = bothWays.nextAbs();
            return;
        }
        if (inInlineScript()) {
            inlineScript.read(a, from, to);
        } else if (inInlineStyle()) {
            inlineStyle.read(a, from, to);
        }
    }

    /**
     * An element that stays whatever its handlers, and whose content is read on after its start tag as it would be
     * anyway: a blocked handler is made inert (for a tag past the size limit, by the verdict tagOverflow took).
     */
    private void judgeHandlersOnly(TagToken tag) {
        Verdict v;
        if (tag.overflowed) {
            v = overflowVerdict;
            overflowVerdict = null;
            droppingTag = false;
        } else {
            v = tag.captured ? elements.judge(tag, inNoscript) : null;
        }
        if (v != null) {
            actions.apply(tag, v);
        }
    }

    /**
     * Whether the content of an element of this name may be raw text to one reading and markup to another: an
     * element the tokenizer reads as raw text in HTML, inside SVG or MathML (whose ways back to HTML it follows only
     * roughly), or inside content already read both ways. Script is judged as a script instead.
     */
    private boolean mayBeRawTextOrMarkup(int nameId) {
        return switch (nameId) {
            case ElementNames.XMP, ElementNames.NOEMBED, ElementNames.NOFRAMES, ElementNames.TITLE,
                 ElementNames.TEXTAREA -> uncertainContext();
            default -> false;
        };
    }

    /** Whether a base element here is certainly the document's (see PageBases). */
    private boolean baseInDocument() {
        return !inNoscript && templateDepth == 0 && fragmentDepth == 0 && !tokenizer.mayBeInForeignContent();
    }

    /**
     * Where a start tag the tokenizer switches on may be one the browser's tree builder ignores: in content read both
     * ways, in SVG or MathML, after a frameset, in a template's content (a column group or table there).
     */
    private boolean uncertainContext() {
        return fragmentDepth > 0 && !noscriptInHtml || tokenizer.inSvgOrMath() || afterFrameset || templateDepth > 0
                || xmlDocument;
    }

    /** The page is parsed as XML (see {@link #xmlDocument}). */
    void parsedAsXml() {
        xmlDocument = true;
        tokenizer.parsedAsXml();
        xmlPage = new XmlPageReading(tokenizer, pending, events, elements.urls(),
                abs -> fragment(abs, MarkupReading.EITHER), this::useEntities);
    }

    /** A bogus comment: in a page parsed as XML, a processing instruction (see XmlPageReading#bogusComment). */
    @Override
    public void comment(long start, long end, long dataStart, long dataEnd, boolean bogus) {
        if (bogus && xmlPage != null && !dropped.active() && !droppingTag) {
            xmlPage.bogusComment(start, end);
        }
    }

    /** The entities an XML page declares, expanded where values and scripts' text are judged (null: none). */
    private void useEntities(DeclaredEntities declared) {
        entities = declared;
        tokenizer.declaredEntities(declared);
        if (scriptJudge != null) {
            scriptJudge.declaredEntities(declared);
        }
    }

    /**
     * A script in this fragment may be SVG's, which runs its own text (see ContentReadBothWays' callers): not in a
     * noscript's content in HTML, until that content opens an svg.
     */
    private boolean scriptMayBeSvgs() {
        return fragmentDepth > 0 && uncertainContext();
    }

    /** The content of this element comes as raw text, for a fragment's rewriter (or dropped, too deep). */
    private boolean readBothWays(TagToken tag) {
        if (tag.selfClosing && tokenizer.selfClosingHasNoContent()) {
            return false;
        }
        bothWays.start(tag.end, tag.nameId == ElementNames.NOSCRIPT && !uncertainContext()
                ? MarkupReading.NOSCRIPT_IN_HTML : MarkupReading.EITHER, false);
        holdStart = tag.end;
        // SVG's title is an integration point: HTML elements in it may hold back the end tags that leave
        bothWaysInSvgTitle = tag.nameId == ElementNames.TITLE && tokenizer.mayBeInForeignContent();
        return true;
    }

    /**
     * A CDATA section in SVG or MathML (or in content read both ways): its text is read both ways too, since HTML
     * makes {@code <![CDATA[} a bogus comment ending at the first {@code >}, after which the text is markup.
     */
    @Override
    public boolean cdataStart(long contentAbs) {
        if (dropped.active()) {
            return false;
        }
        bothWays.start(contentAbs, MarkupReading.HTML, true);
        holdStart = contentAbs;
        bothWaysInSvgTitle = false;
        return true;
    }

    @Override
    public void rawTextEnd(long endTagStart) {
        if (bothWays.active()) {
            int markup = bothWays.end(endTagStart);
            afterContentReadBothWays(bothWaysInSvgTitle && markup != ForeignContent.NO_MARKUP
                    ? ForeignContent.STRUCTURAL_MARKUP : markup);
            holdStart = -1;
            return;
        }
        if (inInlineScript()) {
            inlineScript.end(endTagStart);
        } else if (inInlineStyle()) {
            inlineStyle.end(endTagStart);
        }
    }

    /** Stand-ins for a blocked script's globals run here as the page's own script would (see ElementActions). */
    private boolean standInsRunHere() {
        return fragmentDepth == 0 && !uncertainContext();
    }
}
