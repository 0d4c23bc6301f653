package dev.consentgate.html;

import dev.consentgate.config.TagRule;
import dev.consentgate.html.ElementJudge.Verdict;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What an XSLT stylesheet (a page parsed as XML) computes rather than writes, which the rewriter cannot read and so
 * blocks, failing closed: XSLT's element and attribute instructions that make what the rewriter judges, its text
 * written unescaped or copied from a loaded document, and attribute value templates in the attributes that decide
 * what an element loads or runs. {@link ElementJudge} asks it for the elements of such a page.
 */
final class XsltJudge {

    /**
     * In a page parsed as XML, an address with an attribute value template ({@code src="https://{$host}/t.js"}): in
     * an XSLT stylesheet the expression between braces is evaluated into the page it makes, so the address cannot be
     * read.
     */
    static final Verdict ADDRESS_TEMPLATE = Verdict.builtinRemoval("xslt-address-template",
            ElementKind.PIXEL);
    /**
     * XSLT's element or attribute instruction writing an element the rewriter judges ({@code <xsl:element
     * name="script">}), or an attribute it reads ({@code <xsl:attribute name="src">}), or one whose name is computed:
     * what the stylesheet makes of it cannot be judged here.
     */
    private static final Verdict XSLT_INSTRUCTION = Verdict.builtinRemoval("xslt-judged-name",
            ElementKind.PIXEL);
    /**
     * In a page parsed as XML, an element the rewriter judges with an attribute value template in an event handler
     * ({@code onload="fb{''}q('track')"}) or in another attribute its judging reads (a meta refresh's
     * {@code content}, a script's {@code type}, a link's {@code rel}): in an XSLT stylesheet the expression is
     * evaluated into the page it makes, so what the element runs or loads cannot be read.
     */
    static final Verdict VALUE_TEMPLATE = Verdict.builtinRemoval("xslt-value-template",
            ElementKind.PIXEL);
    /** XSLT writing markup unescaped, or copying a loaded document: see {@link #output}. */
    private static final Verdict XSLT_OUTPUT = Verdict.builtinRemoval("xslt-unread-output",
            ElementKind.PIXEL);
    /** Attributes whose value decides what an element loads or runs, besides addresses and handlers. */
    private static final Set<String> DECIDING_ATTRIBUTES = Set.of("type", "rel", "as", "content", "http-equiv",
            "attributename", "to", "from", "by", "values", "encoding", "srcdoc", "language");

    /**
     * XSLT's element or attribute instruction (captured in pages parsed as XML only): blocked when the name it is given
     * is computed (an attribute value template) or, by its local name, an element the rewriter judges or an attribute
     * its judging reads (an address, a handler, a type or rel...). Failing closed: a stylesheet making the site's own
     * images or scripts this way loses them; literal result elements ({@code <img src="...">}) are judged as they are.
     */
    static Verdict instruction(TagToken tag) {
        String name = tag.value("name");
        if (name == null) {
            return null;
        }
        if (UrlJudge.isValueTemplate(name)) {
            return XSLT_INSTRUCTION;
        }
        String local = name.strip().substring(name.strip().indexOf(':') + 1).toLowerCase(Locale.ROOT);
        if (tag.nameId == ElementNames.XSL_ELEMENT) {
            byte[] bytes = local.getBytes(StandardCharsets.UTF_8);
            int id = ElementNames.lookup(bytes, bytes.length);
            return id != ElementNames.OTHER && id != ElementNames.SVG && id != ElementNames.MATH
                    && id != ElementNames.XSL_TEXT && id != ElementNames.XSL_VALUE_OF && id != ElementNames.XSL_COPY_OF
                    ? XSLT_INSTRUCTION : null;
        }
        return AddressAttributes.isAddress(local) || AddressAttributes.isHandler(local)
                || DECIDING_ATTRIBUTES.contains(local) || local.startsWith("data-") ? XSLT_INSTRUCTION : null;
    }

    /**
     * XSLT's text, value-of or copy-of instruction (captured in pages parsed as XML only): blocked with its content
     * when it writes its text or value unescaped ({@code disable-output-escaping="yes"}: Chromium parses
     * {@code &lt;script&gt;} written so as a script and runs it), or copies what {@code document()} loads (a document
     * the gateway may never see, copied in whole). Failing closed: a stylesheet writing its own markup or a DOCTYPE
     * this way loses it.
     */
    static Verdict output(TagToken tag) {
        String escaping = tag.value("disable-output-escaping");
        if (escaping != null && !escaping.strip().equals("no")) {
            return XSLT_OUTPUT;
        }
        String select = tag.value("select");
        return tag.nameId == ElementNames.XSL_COPY_OF && select != null && select.contains("document")
                ? XSLT_OUTPUT : null;
    }

    /**
     * Whether an attribute whose value decides what the element loads or runs (an address, a handler, one of
     * {@link #DECIDING_ATTRIBUTES}, by its local name) holds an attribute value template. Not for XSLT's own
     * instructions, whose name is judged by {@link #instruction}, nor for the elements captured for their place only.
     * Failing closed: an XHTML page's own element with braces in a handler ({@code onload="if (a) { b(); }"}) goes.
     */
    static boolean decidedByTemplate(TagToken tag) {
        switch (tag.nameId) {
            case ElementNames.XSL_ELEMENT, ElementNames.XSL_ATTRIBUTE, ElementNames.XSL_TEXT,
                 ElementNames.XSL_VALUE_OF, ElementNames.XSL_COPY_OF, ElementNames.ANNOTATION_XML,
                 ElementNames.FONT, ElementNames.BASE -> {
                return false;
            }
            default -> {
                // a meta's content decides something only beside http-equiv: a description's may be a template
                boolean contentDecides = tag.nameId != ElementNames.META || tag.value("http-equiv") != null;
                for (int k = 0; k < tag.attrCount; k++) {
                    String name = tag.attributeName(k);
                    String local = name.substring(name.indexOf(':') + 1);
                    if ((AddressAttributes.isAddress(local) || AddressAttributes.isHandler(local)
                            || DECIDING_ATTRIBUTES.contains(local) && (contentDecides || !local.equals("content")))
                            && UrlJudge.isValueTemplate(tag.value(k))) {
                        return true;
                    }
                }
                return false;
            }
        }
    }

    private XsltJudge() {
    }
}
