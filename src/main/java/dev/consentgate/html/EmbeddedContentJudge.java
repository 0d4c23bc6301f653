package dev.consentgate.html;

import dev.consentgate.config.TagAction;
import dev.consentgate.config.TagRule;
import dev.consentgate.consent.ConsentDecision;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Judges what an element carries besides its addresses: the content of a data: URL (a script's code, a frame's
 * document), a frame's srcdoc document, or an event handler attribute's code. Code is judged as an inline script's
 * (signatures, then the URLs it loads or names); a document blocks its frame when a tracker URL or loader snippet is
 * anywhere in it, or when the rewriter, reading it as the markup it is, blocks anything in it (a URL written with
 * backslashes, character references or no slashes at all, a base it sets). What lies past the inline inspection
 * limit in a data URL is not read, as for an inline script.
 */
final class EmbeddedContentJudge {

    /**
     * The rule that blocks the element (one of the policy's, or a built-in one the rewriter acted on inside a
     * document), and the host of the URL that matched it ("" for a signature).
     */
    record Match(TagRule rule, String host) {
    }

    private final TagPolicy policy;
    private final ConsentDecision consent;
    private final PageSite site;
    private final int inspectLimit;
    /**
     * The encoding of the page's bytes: a data: URL's script without a charset of its own is read in it (in each a
     * detector may choose, for a page that declares none: see {@link ValueReadings}).
     */
    private final Charset pageEncoding;

    EmbeddedContentJudge(TagPolicy policy, ConsentDecision consent, PageSite site, Charset pageEncoding) {
        this.policy = policy;
        this.pageEncoding = pageEncoding;
        this.consent = consent;
        this.site = site;
        this.inspectLimit = policy.settings().inlineScriptInspectLimit();
    }

    /** A data URL's content, a frame's document when {@code document}, else a script's code; null when it passes. */
    Match dataUrl(String url, boolean document) {
        byte[] body = DataUrls.body(url, inspectLimit);
        if (body == null) {
            return null;
        }
        // a browser decodes the content in its type's charset, else a script in the page's encoding and a document
        // as a page that declares none (or as its own meta says)
        String label = DataUrls.charsetLabel(url);
        boolean labelled = EncodingLabels.isLabel(label);
        if (document) {
            // without a charset, a document that declares none: its text in each reading a detector may choose
            List<Charset> readings = labelled ? List.of(EncodingLabels.charset(label))
                    : ValueReadings.isAscii(body, 0, body.length) ? List.of(Utf8OrWindows1252.INSTANCE)
                    : ValueReadings.of(Utf8OrWindows1252.INSTANCE);
            return document(readings.stream().map(reading -> new String(body, reading)).toList(), body,
                    labelled ? Optional.of(label) : Optional.empty());
        }
        return code(body, labelled ? EncodingLabels.charset(label) : pageEncoding);
    }

    /** An event handler attribute's code; null when it passes. */
    Match handler(String code) {
        return code.isEmpty() ? null : code(code.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** Script code: its signatures, then the URLs it loads or names; null when it passes. */
    private Match code(byte[] body, Charset encoding) {
        int signature = firstBlockedSignature(body);
        if (signature >= 0) {
            return new Match(policy.rule(signature), "");
        }
        MentionedUrlVerdict urls = new MentionedUrlVerdict(policy, consent, site);
        new ScriptUrlMentions(encoding).scan(body, 0, body.length, urls);
        return urls.rule() < 0 ? null : new Match(policy.rule(urls.rule()), urls.host());
    }

    /** A srcdoc document (characters, which no meta charset re-reads); null when it passes. */
    Match document(String doc) {
        return document(List.of(doc), doc.getBytes(StandardCharsets.UTF_8), Optional.of("utf-8"));
    }

    /**
     * A document, as each of {@code readings} (its text in each encoding a browser may read it in) and as the
     * {@code bytes} a browser parses in the encoding {@code label} names (or, without one, the document's start
     * decides); null when it passes.
     */
    private Match document(List<String> readings, byte[] bytes, Optional<String> label) {
        for (String doc : readings) {
            for (int slashes = doc.indexOf("//"); slashes >= 0; slashes = doc.indexOf("//", slashes + 2)) {
                UrlParts parts = UrlParts.parse(doc, slashes);
                int k = policy.matchUrl(parts, site);
                if (k >= 0 && !policy.granted(policy.rule(k).category(), consent)) {
                    return new Match(policy.rule(k), parts.host());
                }
            }
        }
        int signature = firstBlockedSignature(bytes);
        if (signature >= 0) {
            return new Match(policy.rule(signature), "");
        }
        return firstBlockedElement(bytes, label);
    }

    /** The first element of the document the rewriter blocks, as a browser parses it; null when none. */
    private Match firstBlockedElement(byte[] doc, Optional<String> label) {
        Match[] first = new Match[1];
        HtmlRewriter.rewriteAll(policy, consent, site, doc, event -> {
            if (first[0] == null && event.action() != RewriteEvent.Action.PASSED_OVER_LIMIT
                    && event.action() != RewriteEvent.Action.KEPT) {
                // a built-in rule (a script read both ways, a tag the size limit cut) counts too: what the rewriter
                // would take out of the document, the frame must not show
                int k = policy.indexOf(event.ruleId());
                first[0] = new Match(k >= 0 ? policy.rule(k) : new TagRule(event.ruleId(), Optional.empty(),
                        Optional.empty(), Optional.empty(), event.category(), Optional.of(TagAction.REMOVE),
                        "builtin"), event.host());
            }
        }, label, null);
        return first[0];
    }

    /** The rule whose signature blocks the whole text (see {@link SignatureVerdict}); -1 for none. */
    private int firstBlockedSignature(byte[] text) {
        SignatureVerdict verdict = new SignatureVerdict(policy, consent);
        policy.signatures().scan(text, 0, text.length, 0, verdict);
        return verdict.blockingAtEnd();
    }
}
