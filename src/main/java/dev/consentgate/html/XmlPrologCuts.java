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

/**
 * What of an XML page's prolog goes, judged once the prolog was read (see {@link XmlProlog}), before the tokenizer
 * reads the root element. An ATTLIST declaration that defaults an attribute goes (it could give any element an
 * address, which no tag shows); an entity whose replacement text holds markup that the rewriter would change (a
 * pixel, a script) gets an empty value, so that where the page uses it, nothing is inserted and the page stays
 * well-formed.
 */
final class XmlPrologCuts {

    /** The rule id reported for an ATTLIST declaration taken out. */
    private static final String ATTRIBUTE_DEFAULTS_RULE = "xml-attribute-defaults";

    private XmlPrologCuts() {
    }

    /**
     * The ranges {from, to} of the page's offsets that go, in order; each ATTLIST declaration taken out is reported to
     * {@code events}. {@code declared}: the prolog's entities, expanded in an entity's value; {@code markupReader}: a
     * rewriter that reads markup as content at a given offset, with those entities (a fragment of the page's).
     */
    static List<long[]> of(XmlProlog prolog, DeclaredEntities declared, EventReporter events,
                           LongFunction<ByteStreamRewriter> markupReader) {
        List<long[]> cuts = new ArrayList<>();
        for (int[] declaration : prolog.attributeDefaults()) {
            cuts.add(new long[] {declaration[0], declaration[1]});
            events.report(declaration[0], ElementNames.OTHER, "", "", ATTRIBUTE_DEFAULTS_RULE,
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
