package dev.consentgate.html;

import dev.consentgate.consent.ConsentDecision;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Rewrites one HTML response body as it streams: third-party tags whose category the visitor has not granted are
 * removed, neutralized or replaced by a placeholder; every other byte passes unchanged. One instance per response,
 * not thread-safe. Memory is bounded by the tag size and inline-script inspection limits, whatever the body size.
 *
 * <p>ASCII-compatible charsets are rewritten on the bytes; UTF-16 and ISO-2022-JP pages are converted to UTF-8
 * around the rewriter and back ({@link PageEncoding} decides from the page's start). When the visitor granted every
 * category the body passes through untouched, byte for byte.
 */
public final class HtmlRewriter implements BodyRewriter {

    private enum Mode { UNDECIDED, PASS, BYTES, TRANSCODED }

    private final TagPolicy policy;
    private final ConsentDecision consent;
    private final PageSite site;
    /** The charset of the response's Content-Type, lower case, "" when it names none. */
    private final String label;
    /** The page is parsed as XML (its encoding is in its XML declaration, not in a meta element). */
    private final boolean xml;
    private final RewriteListener listener;
    private final Predicate<String> cookieNameAllowed;
    /** Every category is granted: nothing is judged. */
    private final boolean everything;
    /** Inserts the gateway's own markup into the page as rewritten, before it is converted back; null for none. */
    private HtmlInjector injector;

    private Mode mode;
    /** The page's start, held until it decides the encoding; and how much to hold before trying again. */
    private ByteBuf head;
    private int nextAttempt = 3;
    /** The page declares no encoding: its ESC bytes are replaced (see PageEncoding.Decision#UNDECLARED). */
    private boolean defuseEscapes;
    private ByteStreamRewriter bytes;
    private Transcoder toUtf8;
    private Transcoder back;
    private boolean done;

    /**
     * Whether {@code charset}, as a Content-Type's charset parameter, names an encoding a browser knows; one that
     * does not is ignored, by a browser and by the rewriter, and the page's encoding is found as if none were given.
     */
    public static boolean knowsCharset(String charset) {
        return EncodingLabels.isLabel(charset.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * A page of no known site (a saved page). Meta {@code http-equiv=set-cookie} elements pass only when every
     * category is granted (undeclared cookies are treated as of unknown purpose); use the other constructor to judge
     * them by the cookie rules.
     */
    public HtmlRewriter(TagPolicy policy, ConsentDecision consent, Optional<String> charset,
                        RewriteListener listener) {
        this(policy, consent, PageSite.NONE, charset, listener, null);
    }

    /**
     * @param site              the site the page was requested from: rules naming that whole site spare its own URLs
     * @param charset           the charset parameter of the response's Content-Type, when there is one
     * @param cookieNameAllowed whether a cookie of this name may be set under this consent (for meta set-cookie);
     *                          null means "only when every category is granted"
     */
    public HtmlRewriter(TagPolicy policy, ConsentDecision consent, PageSite site, Optional<String> charset,
                        RewriteListener listener, Predicate<String> cookieNameAllowed) {
        this(policy, consent, site, charset, listener, cookieNameAllowed, null);
    }

    /**
     * @param injector inserts the gateway's own markup (banner, Consent Mode defaults) into the rewritten page, in
     *                 the page's encoding as the rest: on a converted page it sees the UTF-8 text; null for none
     */
    public HtmlRewriter(TagPolicy policy, ConsentDecision consent, PageSite site, Optional<String> charset,
                        RewriteListener listener, Predicate<String> cookieNameAllowed, HtmlInjector injector) {
        this(policy, consent, site, charset, false, listener, cookieNameAllowed, injector);
    }

    /** @param xml the page is parsed as XML (served with an XML type): its encoding is in its XML declaration */
    public HtmlRewriter(TagPolicy policy, ConsentDecision consent, PageSite site, Optional<String> charset,
                        boolean xml, RewriteListener listener, Predicate<String> cookieNameAllowed,
                        HtmlInjector injector) {
        this.policy = policy;
        this.xml = xml;
        this.consent = consent;
        this.site = site;
        this.label = charset.map(c -> c.trim().toLowerCase(Locale.ROOT)).orElse("");
        this.listener = listener == null ? RewriteListener.NONE : listener;
        this.everything = policy.grantsEverything(consent);
        this.cookieNameAllowed = cookieNameAllowed != null ? cookieNameAllowed : name -> everything;
        this.injector = injector;
        // with an injector, even a page passed whole needs its encoding known: the markup is inserted in it
        this.mode = everything && injector == null ? Mode.PASS : Mode.UNDECIDED;
    }

    /**
     * Takes ownership of {@code chunk} (releases it); emits output buffers, each owned by the consumer. Bytes
     * outside rewritten elements are emitted as the input buffers or retained slices of them, never copied
     * (except for UTF-16 and ISO-2022-JP bodies, which are converted).
     */
    @Override
    public void feed(ByteBuf chunk, Consumer<ByteBuf> out) {
        if (done) {
            chunk.release();
            throw new IllegalStateException("feed after finish or release");
        }
        switch (mode) {
            case PASS -> injecting(out).accept(chunk);
            case BYTES -> bytes.feed(defuseEscapes ? withoutEscapes(chunk) : chunk, injecting(out));
            case TRANSCODED -> feedTranscoded(chunk, out, false);
            default -> {
                // the page's start is held (copied) until it decides the encoding; a first piece that decides at
                // once is not copied
                if (head == null && chunk.readableBytes() >= nextAttempt) {
                    PageEncoding.Decision decision = PageEncoding.decide(chunk, label, xml, false);
                    if (decision.made()) {
                        apply(decision);
                        feed(chunk, out);
                        return;
                    }
                }
                if (head == null) {
                    head = Unpooled.buffer(Math.min(PageEncoding.MAX_HELD_BYTES, chunk.readableBytes() + 1024));
                }
                head.writeBytes(chunk);
                chunk.release();
                if (head.readableBytes() < nextAttempt) {
                    return;
                }
                PageEncoding.Decision decision = PageEncoding.decide(head, label, xml, false);
                if (!decision.made()) {
                    // tried again when twice as much is held: a few scans of the start, however it is cut
                    nextAttempt = Math.min(PageEncoding.MAX_HELD_BYTES, 2 * head.readableBytes());
                    return;
                }
                ByteBuf first = head;
                head = null;
                apply(decision);
                feed(first, out);
            }
        }
    }

    /** End of input: flushes what is held (an unterminated tag or script passes as it is). */
    @Override
    public void finish(Consumer<ByteBuf> out) {
        if (done) {
            return;
        }
        if (mode == Mode.UNDECIDED) {
            ByteBuf rest = head == null ? Unpooled.EMPTY_BUFFER : head;
            head = null;
            apply(PageEncoding.decide(rest, label, xml, true));
            feed(rest, out);
        }
        done = true;
        switch (mode) {
            case BYTES -> bytes.finish(injecting(out));
            case TRANSCODED -> feedTranscoded(Unpooled.EMPTY_BUFFER, out, true);
            default -> {
            }
        }
        if (injector != null && mode != Mode.TRANSCODED) {
            injector.finish(out);
        }
    }

    /** {@code out}, behind the injector when there is one. */
    private Consumer<ByteBuf> injecting(Consumer<ByteBuf> out) {
        return injector == null ? out : b -> injector.feed(b, out);
    }

    /**
     * {@code chunk} with each ESC byte written as '?': without ESC no browser can read ISO-2022-JP's two-byte
     * characters in it, so every browser reads the markup the rewriter judges. A chunk without ESC passes as it is.
     */
    private static ByteBuf withoutEscapes(ByteBuf chunk) {
        int at = chunk.indexOf(chunk.readerIndex(), chunk.writerIndex(), ESC);
        if (at < 0) {
            return chunk;
        }
        int first = at - chunk.readerIndex();
        ByteBuf copy = Unpooled.buffer(chunk.readableBytes());
        copy.writeBytes(chunk);
        chunk.release();
        for (int i = first; i >= 0; i = copy.indexOf(i + 1, copy.writerIndex(), ESC)) {
            copy.setByte(i, '?');
        }
        return copy;
    }

    private static final byte ESC = 0x1b;

    /** Discards held state (aborted response). */
    @Override
    public void release() {
        done = true;
        if (head != null) {
            head.release();
            head = null;
        }
        if (bytes != null) {
            bytes.release();
        }
        if (injector != null) {
            injector.release();
        }
    }

    @Override
    public long elementsPassedOverLimit() {
        return bytes == null ? 0 : bytes.passedOverLimit();
    }

    /** The whole rewrite of a page held in memory (the CLI and tests). */
    public static byte[] rewriteAll(TagPolicy p, ConsentDecision c, byte[] page, RewriteListener l) {
        return rewriteAll(p, c, PageSite.NONE, page, l, Optional.empty(), null);
    }

    public static byte[] rewriteAll(TagPolicy p, ConsentDecision c, PageSite site, byte[] page, RewriteListener l,
                                    Optional<String> charset, Predicate<String> cookieNameAllowed) {
        ByteArrayOutputStream result = new ByteArrayOutputStream(page.length + 256);
        Consumer<ByteBuf> collect = b -> {
            try {
                b.readBytes(result, b.readableBytes());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            } finally {
                b.release();
            }
        };
        HtmlRewriter rewriter = new HtmlRewriter(p, c, site, charset, l, cookieNameAllowed);
        rewriter.feed(Unpooled.wrappedBuffer(page), collect);
        rewriter.finish(collect);
        return result.toByteArray();
    }

    /** Reads the page as bytes, or converted to UTF-8 and back when its encoding needs it (see PageEncoding). */
    private void apply(PageEncoding.Decision decision) {
        Charset transcoded = decision.transcodedFrom();
        defuseEscapes = decision.undeclared();
        if (!everything) {
            bytes = new ByteStreamRewriter(policy, consent, site, listener, cookieNameAllowed, decision.readAs());
            if (xml) {
                bytes.parsedAsXml();
            }
        }
        if (transcoded == null) {
            mode = everything ? Mode.PASS : Mode.BYTES;
        } else {
            mode = Mode.TRANSCODED;
            if (injector != null && !transcoded.name().startsWith("UTF-16")) {
                injector = injector.withNonAsciiAsReferences();
            }
            toUtf8 = new Transcoder(transcoded, StandardCharsets.UTF_8);
            back = new Transcoder(StandardCharsets.UTF_8, transcoded);
        }
    }

    private void feedTranscoded(ByteBuf chunk, Consumer<ByteBuf> out, boolean end) {
        byte[] in = new byte[chunk.readableBytes()];
        chunk.readBytes(in);
        chunk.release();
        byte[] utf8 = toUtf8.convert(in, 0, in.length, end);
        Consumer<ByteBuf> reencode = back.converting(out);
        // nothing is judged when everything is granted: the page is converted only for the injector
        Consumer<ByteBuf> next = injecting(reencode);
        if (utf8.length > 0) {
            if (bytes != null) {
                bytes.feed(Unpooled.wrappedBuffer(utf8), next);
            } else {
                next.accept(Unpooled.wrappedBuffer(utf8));
            }
        }
        if (end) {
            if (bytes != null) {
                bytes.finish(next);
            }
            if (injector != null) {
                injector.finish(reencode);
            }
            byte[] tail = back.convert(new byte[0], 0, 0, true);
            if (tail.length > 0) {
                out.accept(Unpooled.wrappedBuffer(tail));
            }
        }
    }
}
