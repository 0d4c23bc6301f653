package dev.consentgate.proxy;

import dev.consentgate.config.Limits;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.html.HtmlInjector;
import dev.consentgate.html.BodyRewriter;
import dev.consentgate.html.StylesheetRewriter;
import dev.consentgate.html.HtmlRewriter;
import dev.consentgate.html.SpeculationRuleSetRewriter;
import dev.consentgate.html.PageSite;
import dev.consentgate.html.RewriteListener;
import dev.consentgate.html.TagPolicy;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The body side of HTML enforcement for one response: decode the content codings, stream the HTML through the
 * rewriter (or hold a speculation rule set to judge it whole), re-encode to a coding the client accepts. Bounded
 * memory: every stage streams. A failure anywhere is
 * thrown, and the exchange aborts the response rather than send raw bytes (fail closed).
 */
final class HtmlBodyRewrite {

    /**
     * An HTML body the gateway cannot judge whole (a coding it cannot decode, a part of a page), so it must not be
     * sent.
     */
    static final class UnfilterableBody extends Exception {
        UnfilterableBody(String message) {
            super(message);
        }
    }

    /**
     * The gateway's own markup for this page: Consent Mode defaults after {@code <head>}, the banner; {@code xml}
     * when the browser parses the page as XML, so the markup goes in by XML's syntax.
     */
    record Injections(Optional<byte[]> afterHeadStart, Optional<byte[]> beforeBodyEnd, boolean xml) {
        static final Injections NONE = new Injections(Optional.empty(), Optional.empty(), false);

        boolean any() {
            return afterHeadStart.isPresent() || beforeBodyEnd.isPresent();
        }
    }

    private final BodyCodec decoder;
    private final BodyRewriter rewriter;
    private final BodyCodec encoder;
    private final DecompressionBudget budget;
    private final FaultPoints faults;
    private int pieces;

    private HtmlBodyRewrite(BodyCodec decoder, BodyRewriter rewriter, BodyCodec encoder, DecompressionBudget budget,
                            FaultPoints faults) {
        this.faults = faults;
        this.decoder = decoder;
        this.rewriter = rewriter;
        this.encoder = encoder;
        this.budget = budget;
    }

    /**
     * True for a final response that is, or (to a HEAD) describes, HTML that a browser would render. A missing type
     * counts (browsers sniff).
     */
    static boolean isHtml(HttpResponse response) {
        if (!carriesDocument(response)) {
            return false;
        }
        // without a type a browser takes, it sniffs the body, and may find HTML
        return mediaType(response).map(type -> HTML_OR_SNIFFED.contains(type.essence())).orElse(true);
    }

    /**
     * True for a final response of an XML MIME type (WHATWG MIME Sniffing: text/xml, application/xml, any +xml).
     * Loaded as a document, a browser renders it, and its elements in the XHTML or SVG namespace are live, scripts
     * included; loaded as an image or data, nothing in it runs.
     */
    static boolean isXml(HttpResponse response) {
        if (!carriesDocument(response)) {
            return false;
        }
        // text/xsl too: Chromium parses a document of that type as XML, and an XSLT stylesheet's templates write
        // their elements (scripts included) into the page it transforms
        return mediaType(response).map(ContentTypeHeader.MediaType::essence)
                .filter(e -> e.equals("text/xml") || e.equals("application/xml") || e.endsWith("+xml")
                        || e.equals("text/xsl")).isPresent();
    }

    /**
     * True for an XSLT stylesheet (text/xsl, application/xslt+xml): whoever fetches it, it is only ever used to write
     * a page, with the elements its templates hold (scripts included).
     */
    static boolean isXsl(HttpResponse response) {
        if (!carriesDocument(response)) {
            return false;
        }
        return mediaType(response).map(ContentTypeHeader.MediaType::essence)
                .filter(e -> e.equals("text/xsl") || e.equals("application/xslt+xml")).isPresent();
    }

    /**
     * True for a final response that is a speculation rule set (application/speculationrules+json), which Chromium
     * acts on as on the rule set of a page's script (see SpeculationRuleSetRewriter).
     */
    static boolean isSpeculationRuleSet(HttpResponse response) {
        return carriesDocument(response) && mediaType(response).map(ContentTypeHeader.MediaType::essence)
                .filter(e -> e.equals("application/speculationrules+json")).isPresent();
    }

    /**
     * True for a final response that is a stylesheet ({@code text/css}), or that a browser fetched as one
     * ({@code Sec-Fetch-Dest: style}: a page in quirks mode applies a stylesheet of its own site whatever its type;
     * without Sec-Fetch-Dest, which browsers send only to secure origins, by asking for {@code text/css}).
     */
    static boolean isStylesheet(HttpRequest request, HttpResponse response) {
        if (!carriesDocument(response)) {
            return false;
        }
        if (PageVariants.mayLoadStylesheet(request.headers())) {
            return true;
        }
        return mediaType(response).map(ContentTypeHeader.MediaType::essence).filter("text/css"::equals).isPresent();
    }

    /** A final response with a body (or, to a HEAD, one it describes): not 1xx, 204 or 304. */
    private static boolean carriesDocument(HttpResponse response) {
        int code = response.status().code();
        return code >= 200 && code != 204 && code != 304;
    }

    /** HTML types, and the types for which a browser sniffs the body as if there were none (WHATWG MIME Sniffing). */
    private static final Set<String> HTML_OR_SNIFFED = Set.of("text/html", "application/xhtml+xml",
            "unknown/unknown", "application/unknown");

    /** The MIME type a browser takes from the response's Content-Type lines, if any. */
    private static Optional<ContentTypeHeader.MediaType> mediaType(HttpResponse response) {
        return ContentTypeHeader.extract(response.headers().getAll(HttpHeaderNames.CONTENT_TYPE));
    }

    /** A 206 whose body is several parts, each with its own head (RFC 9110, 14.6): their type is only inside. */
    static boolean isMultipartRanges(HttpResponse response) {
        if (response.status().code() != 206) {
            return false;
        }
        return mediaType(response).map(type -> type.essence().equals("multipart/byteranges")).orElse(false);
    }

    /**
     * Prepares the rewrite of an HTML response whose page the consent changes, and adjusts its head (framing,
     * coding; the validators are {@link PageVariants}').
     */
    static HtmlBodyRewrite begin(HttpRequest request, HttpResponse response, String clientAccepts, TagPolicy policy,
                                 ConsentDecision consent, Predicate<String> cookieAllowed, Limits limits,
                                 Injections injections, RewriteListener listener, FaultPoints faults)
            throws UnfilterableBody {
        Codings codings = rewriteHead(response, clientAccepts);
        if (request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
            response.headers().set("Transfer-Encoding", HttpHeaderValues.CHUNKED);
        }
        BodyCodec encoder = codings.sent().equals("identity") ? null : BodyCodec.encoder(codings.sent());
        HtmlInjector injector = injections.any()
                ? new HtmlInjector(injections.afterHeadStart(), injections.beforeBodyEnd(), injections.xml()) : null;
        BodyRewriter rewriter = isStylesheet(request, response)
                ? new StylesheetRewriter(policy, consent, site(request), Gateway.pathOf(request.uri()),
                        mediaType(response).map(ContentTypeHeader.MediaType::charset), listener)
                : isSpeculationRuleSet(response)
                ? new SpeculationRuleSetRewriter(policy, consent, site(request), listener)
                : new HtmlRewriter(policy, consent, site(request),
                        mediaType(response).map(ContentTypeHeader.MediaType::charset), isXml(response), listener,
                        cookieAllowed, injector);
        if (codings.received().isEmpty()) {
            return new HtmlBodyRewrite(null, rewriter, encoder, null, faults);
        }
        // one budget for the whole chain: a bomb nested in two layers is as much a bomb as one in one
        DecompressionBudget budget = new DecompressionBudget(limits.maxDecompressedBytes(),
                limits.maxCompressionRatio());
        return new HtmlBodyRewrite(new DecodingChain(codings.received(), budget::produced), rewriter, encoder, budget,
                faults);
    }

    /**
     * The codings the upstream's body came in, in the order it applied them (none: empty), and the one the client
     * gets.
     */
    record Codings(List<String> received, String sent) {
    }

    /**
     * The head of the page the consent changes, for a GET and (without a body) a HEAD alike: refused when its body
     * cannot be judged; no Content-Length, Accept-Ranges or digests of the upstream's bytes; the coding the client
     * gets. Framing is the caller's.
     */
    static Codings rewriteHead(HttpResponse response, String clientAccepts) throws UnfilterableBody {
        HttpHeaders headers = response.headers();
        if (response.status().code() == 206) {
            throw new UnfilterableBody("the upstream sent part of an HTML page (206 Partial Content), which the"
                    + " gateway cannot judge without the rest");
        }
        // every line counts: a second line adds a coding as much as a comma does
        List<String> codings = ContentCodings.applied(headers.getAll(HttpHeaderNames.CONTENT_ENCODING));
        String outCoding = outputCoding(codings, clientAccepts);
        headers.remove(HttpHeaderNames.CONTENT_LENGTH);
        // a range of the rewritten page cannot be served: tell clients not to ask (they would get a 502)
        headers.remove(HttpHeaderNames.ACCEPT_RANGES);
        // digests of the upstream's bytes (RFC 9530, and the older Digest and Content-MD5) no longer match
        for (String digest : BODY_DIGESTS) {
            headers.remove(digest);
        }
        if (outCoding.equals("identity")) {
            headers.remove(HttpHeaderNames.CONTENT_ENCODING);
        } else {
            headers.set(HttpHeaderNames.CONTENT_ENCODING, outCoding);
        }
        return new Codings(codings, outCoding);
    }

    private static final List<String> BODY_DIGESTS = List.of("Content-Digest", "Repr-Digest", "Digest",
            "Content-MD5");

    /**
     * The one coding the client gets, whatever the upstream's chain was: br when the upstream applied br last and the
     * client accepts it, else the client's gzip, else none.
     */
    private static String outputCoding(List<String> upstreamCodings, String acceptEncoding) {
        if (upstreamCodings.isEmpty() || acceptEncoding == null) {
            return "identity";
        }
        String accept = acceptEncoding.toLowerCase(Locale.ROOT);
        if (upstreamCodings.get(upstreamCodings.size() - 1).equals("br") && accepts(accept, "br")) {
            return "br";
        }
        return accepts(accept, "gzip") ? "gzip" : "identity";
    }

    /** An Accept-Encoding quality of zero: the coding is refused. */
    private static final java.util.regex.Pattern REFUSED = java.util.regex.Pattern.compile("q=0(\\.0*)?");

    private static boolean accepts(String accept, String coding) {
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            if (pieces[0].trim().equals(coding)) {
                return !(pieces.length > 1 && REFUSED.matcher(pieces[1].replace(" ", "")).matches());
            }
        }
        return false;
    }

    /** The site the page was requested from, by its Host header (a page of no known site without one). */
    private static PageSite site(HttpRequest request) {
        String host = request.headers().get(HttpHeaderNames.HOST);
        return host == null ? PageSite.NONE : PageSite.ofAuthority(host);
    }

    /**
     * Rewrites one piece of the body; what comes out goes to {@code out} as one piece (none when the rewriter holds
     * it all back), then the end of the body after the last.
     */
    void content(HttpContent in, Consumer<HttpContent> out) {
        try {
            faults.beforeRewriting(pieces++);
        } catch (RuntimeException e) {
            in.release();
            throw e;
        }
        boolean last = in instanceof LastHttpContent;
        ByteBuf data = in.content().retain();
        in.release();
        BodyPieces output = new BodyPieces();
        Consumer<ByteBuf> toClient = output::add;
        Consumer<ByteBuf> encode = encoder == null ? toClient : buf -> encoder.write(buf, toClient);
        Consumer<ByteBuf> rewrite = buf -> rewriter.feed(buf, encode);
        try {
            if (decoder == null) {
                rewrite.accept(data);
            } else {
                // every piece the decoders make is counted by the budget (see begin)
                budget.consumed(data.readableBytes());
                decoder.write(data, rewrite);
            }
            if (last) {
                if (decoder != null) {
                    decoder.finish(rewrite);
                }
                rewriter.finish(encode);
                if (encoder != null) {
                    encoder.finish(toClient);
                }
            }
        } catch (RuntimeException e) {
            // nothing of a piece whose rewrite failed goes out
            output.release();
            throw e;
        }
        ByteBuf rewritten = output.take();
        if (rewritten != null) {
            out.accept(new DefaultHttpContent(rewritten));
        }
        if (last) {
            out.accept(LastHttpContent.EMPTY_LAST_CONTENT);
        }
    }

    /** How many elements of the page a limit let through unjudged so far. */
    long elementsPassedOverLimit() {
        return rewriter.elementsPassedOverLimit();
    }

    /** Drops whatever the stages still hold (on abort). */
    void release() {
        rewriter.release();
        if (decoder != null) {
            decoder.release();
        }
        if (encoder != null) {
            encoder.release();
        }
    }

    /** Catches decompression bombs: a total size limit, and an expansion ratio limit past the first MiB. */
    static final class DecompressionBudget {
        private static final long RATIO_GRACE = 1 << 20;
        private final long maxBytes;
        private final int maxRatio;
        private long in;
        private long out;

        DecompressionBudget(long maxBytes, int maxRatio) {
            this.maxBytes = maxBytes;
            this.maxRatio = maxRatio;
        }

        void consumed(long bytes) {
            in += bytes;
        }

        /** Counts a decoded buffer; over budget, the buffer is released and the response must be aborted. */
        void produced(ByteBuf decoded) {
            out += decoded.readableBytes();
            String problem = out > maxBytes ? "decompressed body larger than " + maxBytes + " bytes"
                    : out > RATIO_GRACE && out > in * maxRatio
                    ? "body expands more than " + maxRatio + ":1 (decompression bomb)" : null;
            if (problem != null) {
                decoded.release();
                throw new IllegalStateException(problem);
            }
        }
    }
}
