package dev.consentgate.html;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Inserts the gateway's own markup into an HTML stream: one snippet right after the {@code <head>} start tag (the
 * Consent Mode defaults must run before any tag), or before the {@code <body>} or first {@code <script>} when the
 * page has no head tag, one right before {@code </body>} (the banner). A small scanner finds those tags in data
 * state only, skipping comments (ended as browsers end them: {@code -->}, {@code --!>}, and {@code <!-->} and
 * {@code <!--->} at once) and raw-text elements, so a {@code "</body>"} inside a script string is not taken for
 * the end of the page. Bogus comments ({@code <!x>}, {@code <?x>}, {@code </1>}) end at their first {@code >}, as
 * in browsers. Chunk-independent: at most a few bytes are held back while a tag name is undecided; everything else
 * passes as slices of the input.
 *
 * <p>For a page parsed as XML (application/xhtml+xml) the scanner follows XML instead: no raw-text elements, CDATA
 * sections up to {@code ]]>}, comments only up to {@code -->}; and a banner whose {@code </body>} never came is
 * dropped, since anything after the root element makes the document an XML parse error. A DOCTYPE is read to its
 * end as XML ends it, past quoted literals and an internal subset's declarations, comments and processing
 * instructions, where {@code <head>} or {@code </body>} may be text ({@code <!ENTITY h "a>b<head>">}): injected
 * there, the snippet would be an entity's text or a comment's, never run, and the page's real head would get none.
 */
public final class HtmlInjector {

    private enum State { DATA, COMMENT, BOGUS_COMMENT, CDATA, RAW_TEXT, HEAD_TAG, DOCTYPE, SUBSET, SUBSET_COMMENT,
        SUBSET_PI }

    /** Longest lookahead needed after '<' to decide ("/textarea" plus the byte after it). */
    private static final int LOOKAHEAD = 10;
    private static final byte[][] RAW_TEXT_ELEMENTS = {
        bytes("script"), bytes("style"), bytes("textarea"), bytes("title"), bytes("xmp"), bytes("iframe"),
        bytes("noembed"), bytes("noframes"), bytes("plaintext")};

    private final Optional<byte[]> afterHeadStart;
    private final Optional<byte[]> beforeBodyEnd;
    private final boolean xml;
    private State state = State.DATA;
    private byte[] rawTextEnd;
    private byte quote;
    /** Consecutive '-' (in a comment) or ']' (in CDATA) just seen, so "-->" and "]]>" are found across chunks. */
    private int dashes;
    /**
     * In an XML DOCTYPE's internal subset: how much of "<!--" (1 to 3 bytes) or "<?" (1) was just read, outside a
     * quoted value, so that a comment or processing instruction there is skipped whole across chunks.
     */
    private int subsetMarkup;
    /** "--!" was just seen inside a comment: a '>' ends it. */
    private boolean bang;
    /** Bytes of the comment read so far: "<!-->" and "<!--->" end at once. */
    private int commentLength;
    /** In the head start tag, after '=' (and spaces): a quote starts a value; anywhere else it is part of a name. */
    private boolean afterEquals;
    /** The last held-back bytes are being scanned at the end of the stream: no more lookahead will come. */
    private boolean atEnd;
    private boolean headDone;
    private boolean bodyDone;
    private ByteBuf carry = Unpooled.EMPTY_BUFFER;

    /** An injector for a page parsed as HTML. */
    public HtmlInjector(Optional<byte[]> afterHeadStart, Optional<byte[]> beforeBodyEnd) {
        this(afterHeadStart, beforeBodyEnd, false);
    }

    /** @param xml the page is parsed as XML (XHTML served as application/xhtml+xml), not as HTML */
    public HtmlInjector(Optional<byte[]> afterHeadStart, Optional<byte[]> beforeBodyEnd, boolean xml) {
        this.afterHeadStart = afterHeadStart;
        this.beforeBodyEnd = beforeBodyEnd;
        this.xml = xml;
        this.headDone = afterHeadStart.isEmpty();
        this.bodyDone = beforeBodyEnd.isEmpty();
    }

    /**
     * The same injector (not yet fed) with every non-ASCII character of its markup written as a numeric character
     * reference, for a page in an encoding that cannot carry them as browsers read it (ISO-2022-JP: Java's encoder
     * writes accented letters in JIS X 0212, which browsers do not decode). The markup's scripts are ASCII.
     */
    HtmlInjector withNonAsciiAsReferences() {
        return new HtmlInjector(afterHeadStart.map(HtmlInjector::asciiOnly), beforeBodyEnd.map(HtmlInjector::asciiOnly),
                xml);
    }

    private static byte[] asciiOnly(byte[] utf8) {
        StringBuilder ascii = new StringBuilder();
        new String(utf8, StandardCharsets.UTF_8).codePoints().forEach(c -> {
            if (c < 0x80) {
                ascii.append((char) c);
            } else {
                ascii.append("&#x").append(Integer.toHexString(c).toUpperCase(Locale.ROOT)).append(';');
            }
        });
        return ascii.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Takes ownership of {@code chunk}; emits buffers owned by the consumer. */
    public void feed(ByteBuf chunk, Consumer<ByteBuf> out) {
        ByteBuf in = carry.isReadable() ? Unpooled.wrappedBuffer(carry, chunk) : chunk;
        if (!carry.isReadable()) {
            carry.release();
        }
        carry = Unpooled.EMPTY_BUFFER;
        if (headDone && bodyDone) {
            out.accept(in);
            return;
        }
        int end = in.writerIndex();
        int emitted = in.readerIndex();
        int i = emitted;
        while (i < end && !(headDone && bodyDone)) {
            byte b = in.getByte(i);
            switch (state) {
                case COMMENT -> {
                    if (b == '>' && (dashes >= 2 || !xml && (bang || commentLength == dashes && dashes <= 1))) {
                        state = State.DATA;
                    }
                    bang = b == '!' && dashes >= 2;
                    dashes = b == '-' ? dashes + 1 : 0;
                    commentLength++;
                    i++;
                }
                case BOGUS_COMMENT -> {
                    state = b == '>' ? State.DATA : State.BOGUS_COMMENT;
                    i++;
                }
                case CDATA -> {
                    if (b == '>' && dashes >= 2) {
                        state = State.DATA;
                    }
                    dashes = b == ']' ? dashes + 1 : 0;
                    i++;
                }
                case DOCTYPE -> {
                    // the DOCTYPE's name and external identifier, or what follows its internal subset
                    if (quote != 0) {
                        quote = b == quote ? 0 : quote;
                    } else if (b == '"' || b == '\'') {
                        quote = b;
                    } else if (b == '[') {
                        state = State.SUBSET;
                        subsetMarkup = 0;
                    } else if (b == '>') {
                        state = State.DATA;
                    }
                    i++;
                }
                case SUBSET -> {
                    if (quote != 0) {
                        quote = b == quote ? 0 : quote;
                    } else if (subsetMarkup == 1 && b == '?') {
                        state = State.SUBSET_PI;
                        dashes = 0;
                    } else if (subsetMarkup == 3 && b == '-') {
                        state = State.SUBSET_COMMENT;
                        dashes = 0;
                    } else if (b == '"' || b == '\'') {
                        quote = b;
                    } else if (b == ']') {
                        state = State.DOCTYPE;
                    }
                    subsetMarkup = quote != 0 ? 0 : b == '<' ? 1 : subsetMarkup == 1 && b == '!' ? 2
                            : subsetMarkup == 2 && b == '-' ? 3 : 0;
                    i++;
                }
                case SUBSET_COMMENT -> {
                    if (b == '>' && dashes >= 2) {
                        state = State.SUBSET;
                        subsetMarkup = 0;
                    }
                    dashes = b == '-' ? dashes + 1 : 0;
                    i++;
                }
                case SUBSET_PI -> {
                    // dashes counts a '?' just read here
                    if (b == '>' && dashes == 1) {
                        state = State.SUBSET;
                        subsetMarkup = 0;
                    }
                    dashes = b == '?' ? 1 : 0;
                    i++;
                }
                case RAW_TEXT -> {
                    if (b == '<' && end - i < rawTextEnd.length + 2 && !atEnd) {
                        holdBack(in, emitted, i, out);
                        return;
                    }
                    if (b == '<' && matchesIgnoreCase(in, i + 1, rawTextEnd)) {
                        state = State.DATA;
                    }
                    i++;
                }
                case HEAD_TAG -> {
                    if (quote != 0) {
                        quote = b == quote ? 0 : quote;
                    } else if ((b == '"' || b == '\'') && afterEquals) {
                        quote = b;
                        afterEquals = false;
                    } else if (b == '=') {
                        afterEquals = true;
                    } else if (b != ' ' && b != '\t' && b != '\n' && b != '\f' && b != '\r') {
                        afterEquals = false;
                    }
                    if (quote == 0 && b == '>') {
                        emit(in, emitted, i + 1, out);
                        emitted = i + 1;
                        out.accept(Unpooled.wrappedBuffer(afterHeadStart.orElseThrow()));
                        headDone = true;
                        state = State.DATA;
                    }
                    i++;
                }
                case DATA -> {
                    if (b != '<') {
                        i++;
                        continue;
                    }
                    if (end - i < LOOKAHEAD && !atEnd) {
                        holdBack(in, emitted, i, out);
                        return;
                    }
                    if (matches(in, i + 1, bytes("!--"))) {
                        state = State.COMMENT;
                        dashes = 0;
                        bang = false;
                        commentLength = 0;
                        i += 4;
                    } else if (xml && matches(in, i + 1, bytes("![CDATA["))) {
                        state = State.CDATA;
                        dashes = 0;
                        i += 9;
                    } else if (xml && matches(in, i + 1, bytes("!DOCTYPE"))) {
                        state = State.DOCTYPE;
                        quote = 0;
                        i += 9;
                    } else if (startsBogusComment(in, i + 1)) {
                        state = State.BOGUS_COMMENT;
                        i += 2;
                    } else if (!bodyDone && matchesTag(in, i + 1, bytes("/body"))) {
                        emit(in, emitted, i, out);
                        emitted = i;
                        out.accept(Unpooled.wrappedBuffer(beforeBodyEnd.orElseThrow()));
                        bodyDone = true;
                        i++;
                    } else if (!headDone && matchesTag(in, i + 1, bytes("head"))) {
                        state = State.HEAD_TAG;
                        quote = 0;
                        afterEquals = false;
                        i += 5;
                    } else if (!headDone && (matchesTag(in, i + 1, bytes("body"))
                            || matchesTag(in, i + 1, bytes("script")))) {
                        // No <head> start tag in the page: the snippet still goes before the body, or before the
                        // first script of the head the browser implies, which it must precede.
                        emit(in, emitted, i, out);
                        emitted = i;
                        out.accept(Unpooled.wrappedBuffer(afterHeadStart.orElseThrow()));
                        headDone = true;
                        rawTextEnd = rawTextElement(in, i + 1);
                        state = rawTextEnd != null ? State.RAW_TEXT : State.DATA;
                        i++;
                    } else {
                        rawTextEnd = rawTextElement(in, i + 1);
                        state = rawTextEnd != null ? State.RAW_TEXT : State.DATA;
                        i++;
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        emit(in, emitted, end, out);
        in.release();
    }

    /**
     * End of the page: a banner whose {@code </body>} never came goes at the end (browsers put it in the body); in
     * an XML page it is dropped (nothing may follow the root element).
     */
    public void finish(Consumer<ByteBuf> out) {
        if (carry.isReadable()) {
            atEnd = true;
            ByteBuf last = carry;
            carry = Unpooled.EMPTY_BUFFER;
            feed(last, out);
        }
        if (!bodyDone && !xml) {
            out.accept(Unpooled.wrappedBuffer(beforeBodyEnd.orElseThrow()));
            bodyDone = true;
        }
    }

    public void release() {
        carry.release();
        carry = Unpooled.EMPTY_BUFFER;
    }

    private void holdBack(ByteBuf in, int emitted, int from, Consumer<ByteBuf> out) {
        emit(in, emitted, from, out);
        carry = Unpooled.copiedBuffer(in.slice(from, in.writerIndex() - from));
        in.release();
    }

    private static void emit(ByteBuf in, int from, int to, Consumer<ByteBuf> out) {
        if (to > from) {
            out.accept(in.retainedSlice(from, to - from));
        }
    }

    /**
     * After '<': "!" (not a comment), "?" or "/" and no letter start a bogus comment in HTML, which ends at the next
     * '>'; in XML they are a declaration, a processing instruction or a malformed page, ended the same way here.
     */
    private static boolean startsBogusComment(ByteBuf in, int at) {
        if (at >= in.writerIndex()) {
            return false;
        }
        byte first = in.getByte(at);
        if (first == '!' || first == '?') {
            return true;
        }
        if (first != '/' || at + 1 >= in.writerIndex()) {
            return false;
        }
        byte next = in.getByte(at + 1);
        return !(next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z');
    }

    private byte[] rawTextElement(ByteBuf in, int at) {
        if (xml) {
            return null;
        }
        for (byte[] name : RAW_TEXT_ELEMENTS) {
            if (matchesTag(in, at, name)) {
                byte[] end = new byte[name.length + 1];
                end[0] = '/';
                System.arraycopy(name, 0, end, 1, name.length);
                return end;
            }
        }
        return null;
    }

    /** The name at {@code at} (case-insensitive) followed by whitespace, '/' or '>'. */
    private static boolean matchesTag(ByteBuf in, int at, byte[] name) {
        if (!matchesIgnoreCase(in, at, name) || at + name.length >= in.writerIndex()) {
            return false;
        }
        byte next = in.getByte(at + name.length);
        return next == '>' || next == '/' || next == ' ' || next == '\t' || next == '\n' || next == '\r'
                || next == '\f';
    }

    private static boolean matchesIgnoreCase(ByteBuf in, int at, byte[] lower) {
        if (at + lower.length > in.writerIndex()) {
            return false;
        }
        for (int k = 0; k < lower.length; k++) {
            int c = in.getByte(at + k);
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lower[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(ByteBuf in, int at, byte[] literal) {
        if (at + literal.length > in.writerIndex()) {
            return false;
        }
        for (int k = 0; k < literal.length; k++) {
            if (in.getByte(at + k) != literal[k]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
