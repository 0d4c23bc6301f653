package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages whose encoding the gateway must decide as a browser does, or a tracker tag the browser runs reaches it
 * unjudged. Before (found by a review), each of these passed its tag: the cases are written as the reviewer found
 * them, with what happened then.
 *
 * <p>Most use the trick PageEncoding's own comment describes: in ISO-2022-JP, after ESC $ B the bytes 0x3C 0x21 0x2D
 * 0x2D are two JIS X 0208 characters, but read as bytes they spell {@code <!--} and hide the tag after them.
 */
class EncodingsAsBrowsersDecodeThemTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();
    private static final String GTM = "https://www.googletagmanager.com/gtm.js?id=GTM-XXXX";
    /** ESC $ B, the JIS X 0208 pairs 0x3C21 0x2D2D (bytes "<!--"), ESC ( B. */
    private static final byte[] JIS_PAIRS = {0x1b, '$', 'B', 0x3c, 0x21, 0x2d, 0x2d, 0x1b, '(', 'B'};

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code head}, then the JIS pairs, then a GTM script a browser reading ISO-2022-JP runs. */
    private static byte[] jisPage(String head) {
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        page.writeBytes(ascii(head + "<p>"));
        page.writeBytes(JIS_PAIRS);
        page.writeBytes(ascii("</p><script src=\"" + GTM + "\"></script><p>end</p>"));
        return page.toByteArray();
    }

    private static String rewrite(byte[] page, Optional<String> contentTypeCharset) {
        byte[] out = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, page, List.of(1 << 20), contentTypeCharset,
                new ArrayList<>());
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static boolean gtmNeutralized(String out) {
        return out.contains("data-cg-src=\"" + GTM + "\"") && !out.contains("<script src=\"" + GTM);
    }

    /**
     * Input: a page whose first two bytes are EF BB but whose third is not BF (no UTF-8 BOM), (a) served with
     * Content-Type charset=utf-16 and its markup in UTF-16LE, (b) served without a charset and declaring
     * {@code <meta charset="iso-2022-jp">}. Before: PageEncoding.transcodedFrom returns null ("read as bytes") on the
     * two bytes EF BB alone, skipping both the Content-Type label and the prescan; the UTF-16 markup (every other byte
     * 0x00) and the ISO-2022-JP page are read as ASCII bytes, and the GTM script passes untouched. Expected: the UTF-8
     * BOM is the three bytes EF BB BF (WHATWG Encoding, "BOM sniff"; HTML "encoding sniffing algorithm" step 1); without
     * the third byte there is no BOM, so the browser takes UTF-16LE from the header in (a), ISO-2022-JP from the meta
     * in (b), and runs the script. Fail-open.
     */
    @Test
    void twoBytesEfBbAreNotAUtf8BomAndMustNotOverrideTheCharset() {
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.write(0xEF);
        utf16.write(0xBB);
        utf16.writeBytes(("<p>x</p><script src=\"" + GTM + "\"></script>").getBytes(StandardCharsets.UTF_16LE));
        byte[] out = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, utf16.toByteArray(), List.of(1 << 20),
                Optional.of("utf-16"), new ArrayList<>());
        String asBrowserReadsIt = new String(out, 2, out.length - 2, StandardCharsets.UTF_16LE);
        assertTrue(asBrowserReadsIt.contains("data-cg-src=\"" + GTM + "\""), "(a) UTF-16 page passed: " + asBrowserReadsIt);

        ByteArrayOutputStream jis = new ByteArrayOutputStream();
        jis.write(0xEF);
        jis.write(0xBB);
        jis.writeBytes(jisPage("<meta charset=\"iso-2022-jp\">"));
        String jisOut = rewrite(jis.toByteArray(), Optional.empty());
        assertTrue(gtmNeutralized(jisOut), "(b) ISO-2022-JP page passed: " + jisOut);
    }

    /**
     * Input: no charset in the Content-Type; {@code <meta charset="x-unknown"><meta charset="iso-2022-jp">}, then the
     * JIS pairs and a GTM script. Before: PageEncoding.prescannedLabel takes the first meta's label "x-unknown", which
     * names no encoding, so the page is read as bytes and the "<!--" the pairs spell hides the script: it passes.
     * Expected: the browser's prescan skips a meta whose charset is not a valid label and goes on to the next one
     * (WHATWG HTML 13.2.3.2 "prescan a byte stream", step "Processing": "If charset is failure, then jump to ... next
     * byte"; Chromium's HTMLMetaCharsetParser likewise keeps looking until a meta gives a valid encoding), so it
     * decodes ISO-2022-JP and runs the script. Fail-open.
     */
    @Test
    void aMetaWithAnUnknownCharsetDoesNotEndThePrescan() {
        String out = rewrite(jisPage("<meta charset=\"x-unknown\"><meta charset=\"iso-2022-jp\">"), Optional.empty());
        assertTrue(gtmNeutralized(out), out);
    }

    /**
     * Input: no charset in the Content-Type; one meta element whose real charset attribute says iso-2022-jp, with
     * "charset" also appearing earlier in it as part of another attribute: {@code <meta data-charset="utf-8"
     * charset="iso-2022-jp">} or {@code <meta name=x content="charset=utf-8" charset="iso-2022-jp">}. Before: the
     * META_CHARSET regex matches the first text "charset=" inside the tag and takes "utf-8", so the page is read as
     * bytes and the script hidden by the JIS pairs passes. Expected: the prescan parses attributes ("get an
     * attribute"): data-charset is not charset, and a content attribute without http-equiv=content-type is ignored
     * ("need pragma" true, "got pragma" false), while a charset attribute sets the charset; the browser decodes
     * ISO-2022-JP and runs the script. Fail-open.
     */
    @Test
    void thePrescanReadsTheCharsetAttributeNotTheTextCharsetInsideAnotherAttribute() {
        for (String head : List.of("<meta data-charset=\"utf-8\" charset=\"iso-2022-jp\">",
                "<meta name=x content=\"charset=utf-8\" charset=\"iso-2022-jp\">")) {
            String out = rewrite(jisPage(head), Optional.empty());
            assertTrue(gtmNeutralized(out), head + " -> " + out);
        }
    }

    /**
     * Input: no charset in the Content-Type, a head whose title makes the first 1024 bytes hold no meta and no ESC,
     * then {@code <meta charset="iso-2022-jp">} still in the head, then the JIS pairs and a GTM script. Before: the
     * gateway decides on the first 1024 bytes only (PageEncoding.PRESCAN_BYTES), finds nothing, reads bytes, and the
     * script passes. Expected: with no BOM, header charset or prescan result the confidence is "tentative", and a
     * meta charset met in the head changes the encoding (WHATWG HTML 13.2.6.4.4 "in head", meta: "if ... the
     * confidence is currently tentative, then change the encoding"; 13.2.3.4 "change the encoding" reparses the
     * document in it; Chromium's meta charset parser keeps checking past 1024 bytes while in the head). The browser
     * renders the page as ISO-2022-JP and runs the script. Fail-open.
     */
    @Test
    void aMetaCharsetInTheHeadAfterTheFirst1024BytesStillChangesTheEncoding() {
        String head = "<!DOCTYPE html><html><head><title>" + "t".repeat(1100) + "</title><meta charset=\"iso-2022-jp\">"
                + "</head><body>";
        String out = rewrite(jisPage(head), Optional.empty());
        assertTrue(gtmNeutralized(out), out);
    }

    /**
     * The page's start is first read in part (its first 4 KiB, PageEncoding.FIRST_LOOK_BYTES) and only then whole:
     * a meta charset past that part, or cut by its end, must decide as when the whole start is read, in one 1 MiB
     * piece as here and in the pieces of {@link #aMetaCharsetInTheHeadAfterTheFirst1024BytesStillChangesTheEncoding}.
     */
    @ParameterizedTest
    @ValueSource(ints = {4000, 4040, 4060, 4070, 6000, 60_000})
    void aMetaCharsetPastThePartReadFirstStillChangesTheEncoding(int titleLength) {
        String head = "<!DOCTYPE html><html><head><title>" + "t".repeat(titleLength)
                + "</title><meta charset=\"iso-2022-jp\"></head><body>";
        String out = rewrite(jisPage(head), Optional.empty());
        assertTrue(gtmNeutralized(out), out.substring(0, 200));
    }

    /**
     * Input: a page served with Content-Type charset=iso-2022-jp whose body has the escape sequence ESC $ ( D, then
     * {@code <SCRIPT/SRC=HTTPS:\\\GOOGLETAGMANAGER.COM\gtm.js?>}, ESC ( B, {@code </SCRIPT>}. Before: the gateway
     * decodes with Java's x-windows-50221 (PageEncoding.iso2022Jp), which takes ESC $ ( D as a switch to JIS X 0212
     * and reads the tag's bytes as pairs of CJK characters; the rewriter sees no tag, and the encoder writes the very
     * same bytes back (ESC $ ( D and all). Expected: WHATWG ISO-2022-JP (what browsers decode) knows only ESC ( B,
     * ESC ( J, ESC ( I, ESC $ @ and ESC $ B; for ESC $ ( the decoder returns an error (U+FFFD) and reprocesses "$("
     * in the current (ASCII) state (Encoding Standard, ISO-2022-JP decoder, "escape" state), so the browser reads
     * "\uFFFD$(D" and then the script tag, with the backslashes taken as slashes (URL Standard, special schemes), and
     * loads https://googletagmanager.com/gtm.js. The same tag written in ASCII is neutralized (checked first).
     * Fail-open.
     */
    @Test
    void jisX0212EscapeSequencesAreNotIso2022JpAsBrowsersDecodeIt() {
        String tag = "<SCRIPT/SRC=HTTPS:\\\\\\GOOGLETAGMANAGER.COM\\gtm.js?>";
        // what a browser reads: an error, "$(D", the tag: the gateway judges that text when it gets it in ASCII
        String plain = rewrite(ascii("<p>?$(D" + tag + "</SCRIPT>"), Optional.of("iso-2022-jp"));
        assertFalse(plain.contains(tag), "control: the tag in ASCII is judged: " + plain);

        String page = "<p>\u001b$(D" + tag + "\u001b(B</SCRIPT><p>end</p>";
        String out = rewrite(ascii(page), Optional.of("iso-2022-jp"));
        assertFalse(out.contains(tag), "the tag a browser sees passed untouched: "
                + out.replace("\u001b", "ESC"));
    }

    /**
     * Input: an XHTML page (Content-Type application/xhtml+xml, no charset parameter; HtmlBodyRewrite.isHtml takes it
     * and HtmlBodyRewrite.begin passes the rewriter only the empty charset) starting
     * {@code <?xml version="1.0" encoding="ISO-2022-JP"?>} and carrying {@code <meta charset="utf-8"/>}, then the JIS
     * pairs and a GTM script. Before: PageEncoding applies the HTML prescan, takes utf-8 from the meta, reads bytes,
     * and the script hidden by the "<!--" the pairs spell passes. Expected: a document parsed as XML takes its
     * encoding from the BOM, the Content-Type charset, then the XML declaration (XML 1.0, 4.3.3 and Appendix F); a
     * meta charset means nothing to it (WHATWG HTML, 4.2.5.4: the charset declaration has no effect in XML
     * documents). The browser decodes ISO-2022-JP, and the script element in the XHTML namespace runs. Fail-open.
     */
    @Test
    void anXmlDocumentTakesItsEncodingFromTheXmlDeclarationNotFromAMeta() {
        String head = "<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<head><meta charset=\"utf-8\"/></head><body>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlRewriter rewriter = new HtmlRewriter(POLICY, TestRules.ESSENTIAL_ONLY, PageSite.NONE, Optional.empty(),
                true, null, null, null);
        java.util.function.Consumer<io.netty.buffer.ByteBuf> collect = b -> {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            out.writeBytes(bytes);
        };
        rewriter.feed(io.netty.buffer.Unpooled.wrappedBuffer(jisPage(head)), collect);
        rewriter.finish(collect);
        String text = out.toString(StandardCharsets.ISO_8859_1);
        assertTrue(gtmNeutralized(text), text);
    }

    // The same pages cut into pieces of every size from 1 byte: the decision waits for the bytes that make it, so
    // the result does not depend on where the page is cut.
    @Test
    void theDecisionDoesNotDependOnHowThePageIsCut() {
        String head = "<!DOCTYPE html><html><head><title>" + "t".repeat(1100) + "</title><meta charset=\"iso-2022-jp\">"
                + "</head><body>";
        byte[] page = jisPage(head);
        byte[] whole = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, page, List.of(1 << 20), Optional.empty(),
                new ArrayList<>());
        for (int size : List.of(1, 2, 3, 7, 100, 1023, 1024, 1200)) {
            byte[] cut = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, page, List.of(size), Optional.empty(),
                    new ArrayList<>());
            org.junit.jupiter.api.Assertions.assertArrayEquals(whole, cut, "pieces of " + size);
        }
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'p', '>'};
        org.junit.jupiter.api.Assertions.assertArrayEquals(bom, Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, bom,
                List.of(1), Optional.empty(), new ArrayList<>()));
    }
}
