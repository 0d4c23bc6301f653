package dev.consentgate.html;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of an XML page's prolog goes, judged once the prolog was read (see {@link XmlProlog}), before the tokenizer
 * reads the root element. An {@code xml-stylesheet} processing instruction whose address a rule blocks goes, as a
 * stylesheet link would (Chromium loads its href with the page). An ATTLIST declaration that defaults an attribute
 * goes (it could give any element an address, which no tag shows); an entity whose replacement text holds markup that
 * the rewriter would change (a pixel, a script) gets an empty value, so that where the page uses it, nothing is
 * inserted and the page stays well-formed.
 */
final class XmlPrologCuts {

    /** The rule id reported for an ATTLIST declaration taken out. */
    private static final String ATTRIBUTE_DEFAULTS_RULE = "xml-attribute-defaults";
    /** The rule id reported for a parameter entity reference taken out (the declarations it holds are never made). */
    private static final String PARAMETER_ENTITY_RULE = "xml-parameter-entity";

    private XmlPrologCuts() {
    }

    /**
     * The ranges {from, to} of the page's offsets that go, in order; each ATTLIST declaration, parameter entity
     * reference and stylesheet instruction taken out is reported to {@code events}. {@code declared}: the prolog's
     * entities, expanded in an entity's value; {@code markupReader}: a rewriter that reads markup as content at a
     * given offset, with those entities (a fragment of the page's); {@code urls}: judges a stylesheet instruction's
     * address.
     */
    static List<long[]> of(XmlProlog prolog, DeclaredEntities declared, EventReporter events,
                           LongFunction<ByteStreamRewriter> markupReader, UrlJudge urls) {
        List<long[]> cuts = new ArrayList<>();
        for (int[] instruction : prolog.instructions()) {
            String text = new String(prolog.held(), instruction[0], instruction[1] - instruction[0],
                    StandardCharsets.UTF_8);
            for (String href : stylesheetAddresses(text)) {
                ElementJudge.Verdict v = urls.url(href, ElementKind.HINT);
                if (v != null) {
                    cuts.add(new long[] {instruction[0], instruction[1]});
                    events.report(instruction[0], ElementNames.OTHER, v.host(), v.rule().category(), v.rule().id(),
                            RewriteEvent.Action.REMOVED);
                    break;
                }
            }
        }
        for (int[] declaration : prolog.attributeDefaults()) {
            cuts.add(new long[] {declaration[0], declaration[1]});
            events.report(declaration[0], ElementNames.OTHER, "", "", ATTRIBUTE_DEFAULTS_RULE,
                    RewriteEvent.Action.REMOVED);
        }
        for (int[] reference : prolog.parameterReferences()) {
            cuts.add(new long[] {reference[0], reference[1]});
            events.report(reference[0], ElementNames.OTHER, "", "", PARAMETER_ENTITY_RULE,
                    RewriteEvent.Action.REMOVED);
        }
        for (XmlProlog.Entity entity : prolog.entities()) {
            if (entity.value().indexOf('<') >= 0 || entity.value().indexOf('&') >= 0) {
                String markup = CharRefs.decode(declared.expand(entity.value()), false);
                if (markup.indexOf('<') >= 0 && changedAsMarkup(markupReader.apply(entity.from()), markup)) {
                    cuts.add(new long[] {entity.from(), entity.to()});
                }
            }
        }
        cuts.sort(Comparator.comparingLong(c -> c[0]));
        return cuts;
    }

    /**
     * A pseudo-attribute {@code href} of a processing instruction, quoted either way; a value the text's end leaves
     * open (an instruction after the prolog as the tokenizer reads it, to a {@code >} inside the value) to that end.
     */
    private static final Pattern HREF =
            Pattern.compile("(?<![^\\s?])href\\s*=\\s*(?:\"([^\"]*)(?:\"|$)|'([^']*)(?:'|$))");

    /**
     * The addresses an {@code <?xml-stylesheet ...?>} instruction makes Chromium load (its {@code href}, whatever its
     * {@code type}: Chromium 150 loaded one without a type as a style sheet), character references decoded as its
     * pseudo-attributes are; none for another instruction. Every {@code href} found counts, even one a browser would
     * take for part of another pseudo-attribute's value: failing closed.
     */
    static List<String> stylesheetAddresses(String instruction) {
        String target = "<?xml-stylesheet";
        if (!instruction.regionMatches(true, 0, target, 0, target.length()) || instruction.length() == target.length()
                || !(Character.isWhitespace(instruction.charAt(target.length()))
                        || instruction.charAt(target.length()) == '?')) {
            return List.of();
        }
        List<String> hrefs = new ArrayList<>();
        Matcher m = HREF.matcher(instruction.substring(target.length()));
        while (m.find()) {
            hrefs.add(CharRefs.decode(m.group(1) != null ? m.group(1) : m.group(2), true).strip());
        }
        return hrefs;
    }

    /** Whether {@code reader} changes {@code markup}, an entity's replacement text read as content. */
    private static boolean changedAsMarkup(ByteStreamRewriter reader, String markup) {
        byte[] in = markup.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        Consumer<ByteBuf> collect = b -> {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            out.writeBytes(bytes);
        };
        reader.feed(Unpooled.wrappedBuffer(in), collect);
        reader.finish(collect);
        return !Arrays.equals(in, out.toByteArray());
    }
}
