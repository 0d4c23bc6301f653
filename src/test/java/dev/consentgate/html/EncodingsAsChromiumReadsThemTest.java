package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Pages whose encoding must be read as Chromium reads it, or a tracker tag the browser runs passes unjudged; found
 * by a second review of the encoding decision (each case was checked against Chromium 150 by the reviewer), after
 * EncodingsAsBrowsersDecodeThemTest. "Before" in each comment says what happened then.
 */
class EncodingsAsChromiumReadsThemTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();
    private static final String GTM = "https://www.googletagmanager.com/gtm.js?id=GTM-XXXX";
    /** ESC $ B, the JIS X 0208 pairs 0x3C21 0x2D2D (bytes "<!--"), ESC ( B. */
    private static final byte[] JIS_PAIRS = {0x1b, '$', 'B', 0x3c, 0x21, 0x2d, 0x2d, 0x1b, '(', 'B'};
    /**
     * A GTM script tag of 50 bytes, each two of them a JIS X 0208 kanji ("<S" "CR" "IP" "T/" "SR" ... "?>"); a
     * browser takes the backslashes for slashes in an https URL.
     */
    private static final String KANJI_SPELLED_TAG = "<SCRIPT/SRC=HTTPS:\\\\\\GOOGLETAGMANAGER.COM\\gtm.js?>";

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

    /** {@code head}, then ESC $ B, the kanji-spelled tag, ESC ( B: a browser reading windows-1252 runs the tag. */
    private static byte[] kanjiTagPage(String head) {
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        page.writeBytes(ascii(head + "<p>\u001b$B" + KANJI_SPELLED_TAG + "\u001b(B</SCRIPT><p>end</p>"));
        return page.toByteArray();
    }

    /**
     * A title long enough that the JIS pairs come after the first 1024 bytes, where PageEncoding.designatesJis does
     * not look (with ESC $ B in the first 1024 bytes the page would be converted whatever its meta says).
     */
    private static final String LONG_TITLE = "<title>" + "t".repeat(1100) + "</title>";

    private static String rewrite(byte[] page, Optional<String> contentTypeCharset) {
        byte[] out = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, page, List.of(1 << 20), contentTypeCharset,
                new ArrayList<>());
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static boolean gtmNeutralized(String out) {
        return out.contains("data-cg-src=\"" + GTM + "\"") && !out.contains("<script src=\"" + GTM);
    }

    private static void assertKanjiTagJudged(String head) {
        // control: the same tag in ASCII, in a page read as bytes, is judged
        String plain = rewrite(ascii(head + "<p>" + KANJI_SPELLED_TAG + "</SCRIPT><p>end</p>"), Optional.empty());
        assertFalse(plain.contains(KANJI_SPELLED_TAG), "control: the tag in ASCII is judged: " + plain);
        String out = rewrite(kanjiTagPage(head), Optional.empty());
        assertFalse(out.contains(KANJI_SPELLED_TAG), "the tag a browser reading windows-1252 runs passed: "
                + out.replace("\u001b", "ESC"));
    }

    private static String rewriteXml(byte[] page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlRewriter rewriter = new HtmlRewriter(POLICY, TestRules.ESSENTIAL_ONLY, PageSite.NONE, Optional.empty(),
                true, null, null, null);
        Consumer<ByteBuf> collect = b -> {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            out.writeBytes(bytes);
        };
        rewriter.feed(Unpooled.wrappedBuffer(page), collect);
        rewriter.finish(collect);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Input: an HTML page (text/html, no charset) starting {@code <?xml version="1.0" encoding="iso-2022-jp"?>}, no
     * meta, a long title, then (past byte 1024) the JIS pairs and a GTM script. Before (found by a review): PageEncoding.decide looks at the XML declaration only for
     * pages parsed as XML; for HTML it runs the meta scan, finds nothing, reads bytes, and the "<!--" spelled by the
     * pairs hides the script: it passes. Expected: Chromium's TextResourceDecoder.CheckForXMLCharset runs for HTML
     * content too and takes the declaration's encoding (a meta may still override it); Chromium 150 decoded this page
     * as ISO-2022-JP (document.characterSet) and requested the tracker. Same with {@code <?xmlencoding="..."?>} (no
     * blank after "xml"). Fail-open.
     */
    @Test
    void anHtmlPageStartingWithAnXmlDeclarationIsDecodedInItsEncoding() {
        String out = rewrite(jisPage("<?xml version=\"1.0\" encoding=\"iso-2022-jp\"?><!DOCTYPE html><html><head>"
                + LONG_TITLE + "</head><body>"), Optional.empty());
        assertTrue(gtmNeutralized(out), out);
    }

    /**
     * Input: an HTML page (text/html, no charset) starting with an XML declaration whose first "encoding" is not
     * followed by '=' and a quoted label ({@code encodingx encoding="iso-2022-jp"}, {@code standalone="encoding"
     * encoding="iso-2022-jp"}), then JIS escapes around a quote and Meta's pixel in an img. Before (found by a review,
     * 2026-12-02): a pattern found the later label, the page was read as ISO-2022-JP, the img hid in two-byte
     * characters and passed; Chromium 156 takes no label from such a declaration, read the img and fetched the pixel.
     */
    @Test
    void onlyTheFirstEncodingOfAnXmlDeclarationCounts() {
        for (String declaration : List.of("<?xml version=\"1.0\" encodingx encoding=\"iso-2022-jp\"?>",
                "<?xml version=\"1.0\" standalone=\"encoding\" encoding=\"iso-2022-jp\"?>")) {
            String page = declaration + "<!DOCTYPE html><html><head><title>t</title></head><body><p>\u001b$Ba<img/ab=\""
                    + "\u001b(B\" src=\"https://www.facebook.com/tr?id=1\"></p></body></html>";
            String out = rewrite(page.getBytes(StandardCharsets.ISO_8859_1), Optional.empty());
            assertFalse(out.contains("facebook"), declaration + ": " + out.replace("\u001b", "ESC"));
        }
        // the declaration read as Chromium reads it still decides (control)
        String out = rewrite(jisPage("<?xml version=\"1.0\" encoding = 'iso-2022-jp'?><!DOCTYPE html><html><head>"
                + LONG_TITLE + "</head><body>"), Optional.empty());
        assertTrue(gtmNeutralized(out), out);
    }

    /**
     * Input: an HTML page (no charset, no BOM) in UTF-16LE starting {@code <?xml version="1.0"?>}, with a GTM script.
     * Before (found by a review): no BOM, no label, no meta (the markup has a 0x00 after every ASCII byte), so the page is read as bytes
     * and the script, "<\0s\0c\0r\0..." to a byte tokenizer, passes. Expected: Chromium's CheckForXMLCharset takes a
     * page starting with the bytes {@code < 00 ? 00 x 00} for UTF-16LE (and {@code 00 < 00 ? 00 x} for UTF-16BE)
     * without a BOM; Chromium 150 reported characterSet UTF-16LE (UTF-16BE) for these pages and requested the
     * tracker. Fail-open.
     */
    @Test
    void aUtf16PageWithoutBomStartingWithAnXmlDeclarationIsDecodedAsUtf16() {
        String markup = "<?xml version=\"1.0\"?><html><body><p>x</p><script src=\"" + GTM + "\"></script></body></html>";
        for (var charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] out = Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, markup.getBytes(charset), List.of(1 << 20),
                    Optional.empty(), new ArrayList<>());
            String asBrowserReadsIt = new String(out, charset);
            assertTrue(gtmNeutralized(asBrowserReadsIt), charset + ": " + asBrowserReadsIt);
        }
    }

    /**
     * Input: no charset in the Content-Type; {@code <meta charset="utf-8" charset="iso-2022-jp">}, then the JIS pairs
     * and a GTM script. Before (found by a review): MetaCharsetScan.readTag keeps the first of a duplicated attribute (putIfAbsent), takes
     * utf-8, the page is read as bytes and the "<!--" spelled by the pairs hides the script: it passes. Expected:
     * Chromium's meta charset parser sees the token's attributes with their duplicates (the tree builder drops
     * duplicates, the prescan's HTMLToken does not) and the last charset wins: Chromium 150 decoded this page as
     * ISO-2022-JP and requested the tracker; likewise for {@code charset="bogus" charset="iso-2022-jp"},
     * {@code charset charset="iso-2022-jp"} and {@code charset=" " charset="iso-2022-jp"}. Fail-open.
     */
    @Test
    void aDuplicatedCharsetAttributeIsReadAsChromiumReadsIt() {
        for (String head : List.of("<meta charset=\"utf-8\" charset=\"iso-2022-jp\">",
                "<meta charset=\"\" charset=\"iso-2022-jp\">")) {
            String out = rewrite(jisPage(head), Optional.empty());
            assertTrue(gtmNeutralized(out), head + " -> " + out);
        }
    }

    /**
     * Input: no charset in the Content-Type; {@code <meta http-equiv="content-type"
     * content="&#304;charset=iso-2022-jp">} (U+0130, capital I with dot, as a character reference), a long title,
     * then (past byte 1024) the JIS pairs and a GTM script. Before (found by a review): MetaCharsetScan.charsetInContent searches "charset" in
     * content.toLowerCase(Locale.ROOT), where U+0130 becomes two chars ("i" and U+0307), and uses that index in the
     * original string: it lands one character late, sees no '=', finds no charset; the page is read as bytes and the
     * script passes. Expected: Chromium's ExtractCharset searches ASCII case-insensitively in the value itself and
     * finds charset=iso-2022-jp; Chromium 150 decoded the page as ISO-2022-JP and requested the tracker. Fail-open.
     */
    @Test
    void aCharacterWhoseLowerCaseIsLongerDoesNotShiftTheCharsetInContent() {
        String out = rewrite(jisPage("<meta http-equiv=\"content-type\" content=\"&#304;charset=iso-2022-jp\">"
                + LONG_TITLE), Optional.empty());
        assertTrue(gtmNeutralized(out), out);
    }

    /**
     * Input: no charset in the Content-Type; {@code <meta charset="&#8490;oi8-r"><meta charset="iso-2022-jp">}
     * (U+212A KELVIN SIGN), then the JIS pairs and a GTM script. Before (found by a review): MetaCharsetScan.strip lower-cases with
     * String.toLowerCase(Locale.ROOT), which maps U+212A to ASCII 'k': the first meta gives the label koi8-r, the page
     * is read as bytes and the script passes. Expected: encoding labels are matched ASCII case-insensitively (WHATWG
     * Encoding, "get an encoding"; Chromium rejects a name with a non-ASCII character), so "\u212Aoi8-r" names no
     * encoding, the scan goes on to the second meta; Chromium 150 decoded ISO-2022-JP and requested the tracker.
     * Fail-open.
     */
    @Test
    void aKelvinSignIsNotTheLetterKInACharsetLabel() {
        String out = rewrite(jisPage("<meta charset=\"&#8490;oi8-r\"><meta charset=\"iso-2022-jp\">"),
                Optional.empty());
        assertTrue(gtmNeutralized(out), out);
    }

    /**
     * Input: no charset, no meta: {@code <!DOCTYPE html><html><head></head><body><p>}, ESC $ B, the 50 bytes of the
     * kanji-spelled GTM tag, ESC ( B, {@code </SCRIPT>}. Before (found by a review): PageEncoding.designatesJis sees ESC $ B in the first
     * 1024 bytes and decides ISO-2022-JP; the rewriter reads 25 kanji and passes them (and so the tag's bytes)
     * unchanged. Expected: Chromium 150 decoded this page as windows-1252 (document.characterSet) and requested the
     * tracker; it did so too for a page of 700 real Japanese characters in ISO-2022-JP without meta (its detector did
     * not pick ISO-2022-JP). When the browser's reading is not certain the tag must be judged in the reading that
     * shows it (fail closed). Fail-open.
     */
    @Test
    void jisEscapesWithoutAMetaDoNotHideATagFromABrowserThatReadsWindows1252() {
        assertKanjiTagJudged("<!DOCTYPE html><html><head></head><body>");
    }

    /**
     * Input: no charset; {@code <script><!--<script></script><meta charset="iso-2022-jp"></script>--></script>} in
     * the head, then the kanji-spelled GTM tag after ESC $ B. Before (found by a review): MetaCharsetScan.skipTextContent ends the script
     * at the first {@code </script>}, reads the meta that follows and decides ISO-2022-JP: the tag is 25 kanji to the
     * gateway and passes. Expected: after "<!--<script>" the tokenizer is in the script data double escaped state,
     * where {@code </script>} only leaves the double escape (WHATWG HTML 13.2.5.27-13.2.5.31); Chromium's prescan
     * tokenizes the same way, never sees the meta, decoded the page as windows-1252 and requested the tracker
     * (a control page with the meta after the script was decoded ISO-2022-JP). Fail-open.
     */
    @Test
    void aMetaInsideADoubleEscapedScriptIsNotACharsetDeclaration() {
        assertKanjiTagJudged("<!DOCTYPE html><html><head><script><!--<script></script><meta charset=\"iso-2022-jp\">"
                + "</script>--></script></head><body>");
    }

    /**
     * Input: no charset; {@code <meta http-equiv=" content-type" content="text/html; charset=iso-2022-jp">}, then the
     * kanji-spelled GTM tag after ESC $ B. Before (found by a review): MetaCharsetScan.charsetOf strips the http-equiv value before
     * comparing it with "content-type", takes the pragma and decides ISO-2022-JP; the tag passes as kanji. Expected:
     * Chromium compares the http-equiv value itself, ASCII case-insensitively, with "content-type" (as WHATWG's
     * prescan: 'If the attribute's value is "content-type"'), so this meta declares nothing; Chromium 150 decoded the
     * page as windows-1252 and requested the tracker (also with "content-type\t"). Fail-open.
     */
    @Test
    void anHttpEquivValueWithSpacesIsNotContentType() {
        assertKanjiTagJudged("<!DOCTYPE html><html><head><meta http-equiv=\" content-type\" content=\"text/html; "
                + "charset=iso-2022-jp\"></head><body>");
    }

    /**
     * Input: a page served with charset=iso-2022-jp: {@code <p><} 0x80 {@code <!-- ><script src=GTM></script>-->}.
     * Before (found by a review): the decoder reads 0x80 as U+FFFD, so the rewriter sees the text "<\uFFFD", then a comment holding the
     * script, and passes it; Iso2022Jp's encoder cannot write U+FFFD and writes '?'; the output starts
     * {@code <p><?<!-- ><script src=GTM>}: to the browser "<?" opens a bogus comment that ends at the first '>', and
     * the script after it runs (Chromium 150 requested the tracker loading the gateway's output, not when loading the
     * original). Expected: the output decodes in the browser to what the rewriter judged (the same structure), e.g.
     * U+FFFD written as a byte that decodes to U+FFFD again; here, the script is not to be run. The same happens for
     * any decoding error (ESC followed by an unknown escape, a second switch at once, SO/SI). Fail-open.
     */
    @Test
    void aReplacementCharacterIsNotWrittenBackAsAQuestionMark() {
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        page.writeBytes(ascii("<p><"));
        page.write(0x80);
        page.writeBytes(ascii("<!-- ><script src=\"" + GTM + "\"></script>--><p>end</p>"));
        String out = rewrite(page.toByteArray(), Optional.of("iso-2022-jp"));
        assertFalse(out.contains("<?<!-- ><script src=\"" + GTM + "\">"),
                "the output opens a bogus comment that ends before the script: " + out);
    }

    /**
     * Input: an XHTML page (parsed as XML, no charset) whose XML declaration has 1100 spaces between version and
     * encoding: {@code <?xml version="1.0"} + spaces + {@code encoding="ISO-2022-JP"?>}, then a meta utf-8, the JIS
     * pairs and a GTM script. Before (found by a review): PageEncoding.xmlDeclared matches the declaration in the first 1024 bytes only;
     * it is cut there, the regex finds no encoding and the page is read as bytes (UTF-8): the "<!--" the pairs spell
     * hides the script. Expected: the declaration's encoding is read wherever the declaration ends (Chromium's
     * CheckForXMLCharset waits for its '>'); Chromium 150 reported ISO-2022-JP for such an XHTML page. Fail-open.
     */
    @Test
    void aLongXmlDeclarationStillNamesTheEncoding() {
        String head = "<?xml version=\"1.0\"" + " ".repeat(1100) + "encoding=\"ISO-2022-JP\"?>"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"utf-8\"/></head><body>";
        String out = rewriteXml(jisPage(head));
        assertTrue(gtmNeutralized(out), out);
    }
}
