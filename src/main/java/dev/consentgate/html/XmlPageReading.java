package dev.consentgate.html;

import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * What the rewriter of a page parsed as XML reads besides its elements: the prolog, held from the first byte until the
 * root element starts, then cut where it must be ({@link XmlProlog}, {@link XmlPrologCuts}) and its declared entities
 * handed on; and after it the stylesheet instructions, read ahead of the tokenizer ({@link XmlStylesheetInstructions})
 * and each judged when the tokenizer reaches it.
 */
final class XmlPageReading {

    private final HtmlTokenizer tokenizer;
    private final PendingOutput pending;
    private final EventReporter events;
    private final UrlJudge urls;
    private final LongFunction<ByteStreamRewriter> markupReader;
    private final Consumer<DeclaredEntities> entitiesDeclared;
    /** The prolog while it is read, before the root element; null after. */
    private XmlProlog prolog = new XmlProlog();
    private final XmlStylesheetInstructions instructions = new XmlStylesheetInstructions();

    /**
     * {@code markupReader}: a rewriter of markup starting at an offset (for what the prolog declares);
     * {@code entitiesDeclared}: told the entities the DOCTYPE declares once the prolog is read (null: none).
     */
    XmlPageReading(HtmlTokenizer tokenizer, PendingOutput pending, EventReporter events, UrlJudge urls,
                   LongFunction<ByteStreamRewriter> markupReader, Consumer<DeclaredEntities> entitiesDeclared) {
        this.tokenizer = tokenizer;
        this.pending = pending;
        this.events = events;
        this.urls = urls;
        this.markupReader = markupReader;
        this.entitiesDeclared = entitiesDeclared;
    }

    /** Reads {@code a[from, to)}, at offset {@code abs}: into the prolog while it lasts, else through the tokenizer. */
    void scan(byte[] a, int from, int to, long abs) {
        if (prolog == null) {
            instructions.read(a, from, to, abs);
            tokenizer.scan(a, from, to, abs);
            instructions.tokenized();
            return;
        }
        int root = prolog.read(a, from, to);
        if (root >= 0) {
            // the tokenizer reads from the root element on, in the prolog's copy of the page (from offset 0)
            XmlProlog read = prolog;
            prologEnded();
            instructions.read(read.held(), root, read.length(), root);
            tokenizer.scan(read.held(), root, read.length(), root);
            instructions.tokenized();
        }
    }

    /** The page ended: one that is all prolog has nothing for the tokenizer to read, and no element. */
    void finish() {
        if (prolog != null) {
            prologEnded();
        }
    }

    /** The prolog is being read: the page is held from its start until the DOCTYPE's declarations are judged. */
    boolean inProlog() {
        return prolog != null;
    }

    /** Where a stylesheet instruction read ahead and not yet judged starts; -1 when none. */
    long instructionHeldFrom() {
        return instructions.heldFrom();
    }

    /**
     * A bogus comment at {@code [start, end)}: in XML, a processing instruction, which after the prolog may be an
     * {@code xml-stylesheet} one (after the root element, the document's, whose address Chromium loads): it goes when a
     * rule blocks that address, as in the prolog.
     */
    void bogusComment(long start, long end) {
        String instruction = instructions.take(start);
        if (instruction == null) {
            return;
        }
        for (String href : XmlPrologCuts.stylesheetAddresses(instruction)) {
            ElementJudge.Verdict v = urls.url(href, ElementKind.HINT);
            if (v != null) {
                pending.emitUpTo(start);
                pending.dropUpTo(end);
                events.report(start, ElementNames.OTHER, v.host(), v.rule().category(), v.rule().id(),
                        RewriteEvent.Action.REMOVED);
                return;
            }
        }
    }

    /**
     * Every entity the DOCTYPE declares is handed on, to be expanded where values and scripts' text are judged, and
     * what of the prolog goes (see XmlPrologCuts) is taken out of it.
     */
    private void prologEnded() {
        XmlProlog read = prolog;
        prolog = null;
        DeclaredEntities declared = new DeclaredEntities(read.entities());
        entitiesDeclared.accept(declared.isEmpty() ? null : declared);
        for (long[] cut : XmlPrologCuts.of(read, declared, events, markupReader, urls)) {
            pending.emitUpTo(cut[0]);
            pending.dropUpTo(cut[1]);
        }
    }
}
