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
 * <p>ASCII-compatible charsets are rewritten on the bytes. UTF-16 (by byte order mark, or by the charset of the
 * Content-Type when there is none) is converted to UTF-8 around the rewriter and back, and so is ISO-2022-JP (by the
 * Content-Type, or by the first meta charset of the first 1024 bytes when the Content-Type names none, as browsers
 * prescan, or, with neither, by a switch to two-byte JIS in those bytes): its two-byte characters are made of ASCII
 * bytes, so a {@code <!} or {@code "} inside one is no markup.
 * When the visitor granted every category the body passes through untouched, byte for byte.
 */
public final class HtmlRewriter {

    private enum Mode { UNDECIDED, PASS, BYTES, TRANSCODED }

    /** How much of the start of a page a browser prescans for a meta charset (WHATWG HTML, 13.2.3.2). */
    private static final int PRESCAN_BYTES = 1024;
    /** A comment as the tokenizer ends it: {@code <!-->} and {@code <!--->} at once, else at --> or --!>. */
    private static final java.util.regex.Pattern COMMENT = java.util.regex.Pattern.compile(
            "(?s)<!--(?:-?>|.*?--!?>|.*$)");
    /** The first meta element's charset, as the prescan finds it (in either of its two forms). */
    private static final java.util.regex.Pattern META_CHARSET = java.util.regex.Pattern.compile(
            "(?is)<meta[\\s/][^>]*?charset\\s*=\\s*[\"']?\\s*([^\\s\"';/>]+)");

    private final TagPolicy policy;
    private final ConsentDecision consent;
    private final PageSite site;
    private final Optional<String> charset;
    private final RewriteListener listener;
    private final Predicate<String> cookieNameAllowed;

    private Mode mode;
    private ByteBuf head;
    private ByteStreamRewriter bytes;
    private Transcoder toUtf8;
    private Transcoder back;
    private boolean done;

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
        this.policy = policy;
        this.consent = consent;
        this.site = site;
        this.charset = charset;
        this.listener = listener == null ? RewriteListener.NONE : listener;
        boolean everything = policy.grantsEverything(consent);
        this.cookieNameAllowed = cookieNameAllowed != null ? cookieNameAllowed : name -> everything;
        this.mode = everything ? Mode.PASS : Mode.UNDECIDED;
    }

    /**
     * Takes ownership of {@code chunk} (releases it); emits output buffers, each owned by the consumer. Bytes
     * outside rewritten elements are emitted as the input buffers or retained slices of them, never copied
     * (except for UTF-16 and ISO-2022-JP bodies, which are converted).
     */
    public void feed(ByteBuf chunk, Consumer<ByteBuf> out) {
        if (done) {
            chunk.release();
            throw new IllegalStateException("feed after finish or release");
        }
        switch (mode) {
            case PASS -> out.accept(chunk);
            case BYTES -> bytes.feed(chunk, out);
            case TRANSCODED -> feedTranscoded(chunk, out, false);
            default -> {
                // the start a decision needs: a byte order mark, or a prescan when the Content-Type names no charset;
                // pieces shorter than that are copied until it is there, the rest is not
                int needed = label().isEmpty() ? PRESCAN_BYTES : 2;
                int held = head == null ? 0 : head.readableBytes();
                if (held + chunk.readableBytes() < needed) {
                    if (head == null) {
                        head = Unpooled.buffer(needed);
                    }
                    head.writeBytes(chunk);
                    chunk.release();
                    return;
                }
                ByteBuf first = head == null ? chunk : Unpooled.wrappedBuffer(head, chunk);
                head = null;
                decide(first);
                feed(first, out);
            }
        }
    }

    /** End of input: flushes what is held (an unterminated tag or script passes as it is). */
    public void finish(Consumer<ByteBuf> out) {
        if (done) {
            return;
        }
        if (mode == Mode.UNDECIDED) {
            ByteBuf rest = head == null ? Unpooled.EMPTY_BUFFER : head;
            head = null;
            decide(rest);
            feed(rest, out);
        }
        done = true;
        switch (mode) {
            case BYTES -> bytes.finish(out);
            case TRANSCODED -> feedTranscoded(Unpooled.EMPTY_BUFFER, out, true);
            default -> {
            }
        }
    }

    /** Discards held state (aborted response). */
    public void release() {
        done = true;
        if (head != null) {
            head.release();
            head = null;
        }
        if (bytes != null) {
            bytes.release();
        }
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

    /**
     * The page's encoding from its start ({@code start}, not consumed): a byte order mark first, then the
     * Content-Type's charset, then (without one) the first meta charset of the prescanned bytes.
     */
    private void decide(ByteBuf start) {
        bytes = new ByteStreamRewriter(policy, consent, site, listener, cookieNameAllowed);
        int n = start.readableBytes();
        int b0 = n > 0 ? start.getUnsignedByte(start.readerIndex()) : -1;
        int b1 = n > 1 ? start.getUnsignedByte(start.readerIndex() + 1) : -1;
        Charset transcoded = null;
        if (b0 == 0xFF && b1 == 0xFE) {
            transcoded = StandardCharsets.UTF_16LE;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            transcoded = StandardCharsets.UTF_16BE;
        } else if (!(b0 == 0xEF && b1 == 0xBB)) {
            String declared = label().isEmpty() ? prescannedLabel(start) : label();
            if (declared.isEmpty() && designatesJis(start)) {
                // undeclared, and switching to two-byte JIS: what an encoding detector takes for ISO-2022-JP
                declared = "iso-2022-jp";
            }
            if (isUtf16Label(declared) && !label().isEmpty()) {
                // a meta that names UTF-16 means UTF-8 (the prescan's rule): only the Content-Type's counts
                transcoded = utf16FromLabel(declared);
            } else if (isIso2022JpLabel(declared)) {
                transcoded = iso2022Jp();
            }
        }
        if (transcoded == null) {
            mode = Mode.BYTES;
        } else {
            mode = Mode.TRANSCODED;
            toUtf8 = new Transcoder(transcoded, StandardCharsets.UTF_8);
            back = new Transcoder(StandardCharsets.UTF_8, transcoded);
        }
    }

    /** The charset label of the first meta element that has one in the first 1024 bytes, or "". */
    private static String prescannedLabel(ByteBuf start) {
        int n = Math.min(start.readableBytes(), PRESCAN_BYTES);
        // comments are skipped (an unterminated one hides the rest), as the prescan skips them
        String text = COMMENT.matcher(start.toString(start.readerIndex(), n, StandardCharsets.ISO_8859_1))
                .replaceAll(" ");
        java.util.regex.Matcher meta = META_CHARSET.matcher(text);
        return meta.find() ? meta.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /** Whether the first 1024 bytes hold ESC $ B or ESC $ @, which switch ISO-2022-JP to JIS X 0208. */
    private static boolean designatesJis(ByteBuf start) {
        int end = start.readerIndex() + Math.min(start.readableBytes(), PRESCAN_BYTES) - 2;
        for (int i = start.readerIndex(); i < end; i++) {
            if (start.getByte(i) == 0x1b && start.getByte(i + 1) == '$'
                    && (start.getByte(i + 2) == 'B' || start.getByte(i + 2) == '@')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIso2022JpLabel(String label) {
        return label.equals("iso-2022-jp") || label.equals("csiso2022jp");
    }

    /**
     * ISO-2022-JP as browsers decode it (WHATWG Encoding), whose two-byte table includes NEC's row 13 (circled
     * numbers...): Java's Windows variant has it, and writes those characters back as they came.
     */
    private static Charset iso2022Jp() {
        return Charset.isSupported("x-windows-50221") ? Charset.forName("x-windows-50221")
                : Charset.forName("ISO-2022-JP");
    }

    private static boolean isUtf16Label(String label) {
        return label.startsWith("utf-16") || label.equals("ucs-2") || label.equals("unicode")
                || label.equals("unicodefeff") || label.equals("iso-10646-ucs-2") || label.equals("csunicode")
                || label.equals("unicodefffe");
    }

    /** WHATWG Encoding: every UTF-16 label but utf-16be and unicodefffe means little-endian. */
    private static Charset utf16FromLabel(String label) {
        return label.equals("utf-16be") || label.equals("unicodefffe")
                ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
    }

    private String label() {
        return charset.map(s -> s.trim().replace("\"", "").toLowerCase(Locale.ROOT)).orElse("");
    }

    private void feedTranscoded(ByteBuf chunk, Consumer<ByteBuf> out, boolean end) {
        byte[] in = new byte[chunk.readableBytes()];
        chunk.readBytes(in);
        chunk.release();
        byte[] utf8 = toUtf8.convert(in, 0, in.length, end);
        Consumer<ByteBuf> reencode = b -> {
            byte[] u = new byte[b.readableBytes()];
            b.readBytes(u);
            b.release();
            byte[] encoded = back.convert(u, 0, u.length, false);
            if (encoded.length > 0) {
                out.accept(Unpooled.wrappedBuffer(encoded));
            }
        };
        if (utf8.length > 0) {
            bytes.feed(Unpooled.wrappedBuffer(utf8), reencode);
        }
        if (end) {
            bytes.finish(reencode);
            byte[] tail = back.convert(new byte[0], 0, 0, true);
            if (tail.length > 0) {
                out.accept(Unpooled.wrappedBuffer(tail));
            }
        }
    }
}
