package dev.consentgate.proxy;

import java.util.ArrayList;
import java.util.List;

/**
 * The codings a response's Content-Encoding lines list, read as RFC 9110 reads them: all its lines are one list, in
 * order (5.3), whose empty members are ignored (5.6.1), naming the codings in the order they were applied, identity
 * being none (8.4). Each coding by the name {@link BodyCodec#decodable} gives it.
 */
final class ContentCodings {

    /**
     * The most codings one body is decoded through. Each holds a decoder, whose window can be 8 MiB (zstd) or 16 MiB
     * (br): an unbounded list would let one response take any amount of memory. Real pages come in one coding, or
     * two when a server compresses what its application already did.
     */
    static final int MAX_CODINGS = 5;

    private ContentCodings() {
    }

    /**
     * The codings of these Content-Encoding lines in the order the upstream applied them (so they are decoded last
     * first); empty for none. Refused when one of them is a coding the gateway cannot decode, or there are too many.
     */
    static List<String> applied(List<String> lines) throws HtmlBodyRewrite.UnfilterableBody {
        String field = String.join(", ", lines);
        List<String> codings = new ArrayList<>();
        for (String line : lines) {
            for (String member : line.split(",", -1)) {
                String coding = BodyCodec.decodable(member).orElseThrow(() -> new HtmlBodyRewrite.UnfilterableBody(
                        "the upstream sent HTML with Content-Encoding '" + field + "', whose coding '"
                                + member.trim() + "' the gateway cannot decode"));
                if (!coding.equals("identity")) {
                    codings.add(coding);
                }
            }
        }
        if (codings.size() > MAX_CODINGS) {
            throw new HtmlBodyRewrite.UnfilterableBody("the upstream sent HTML with Content-Encoding '" + field
                    + "', " + codings.size() + " codings, more than the " + MAX_CODINGS
                    + " the gateway decodes one after another");
        }
        return codings;
    }
}
