package dev.consentgate.html;

import dev.consentgate.config.TagRule;
import dev.consentgate.consent.ConsentDecision;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges what an element carries besides its addresses: the content of a data: URL (a script's code, a frame's
 * document), a frame's srcdoc document, a javascript: URL's code, or an event handler attribute's code. Code is
 * judged as an inline script's (signatures, in the code as written and as {@link CompactedCode} reads it, then the
 * URLs it loads or names); a document blocks its frame when a tracker URL or loader snippet is anywhere in it, or
 * when the rewriter, reading it as the markup it is, blocks anything in it (a URL written with backslashes,
 * character references or no slashes at all, a base it sets, a script or a handler). What lies past the inline
 * inspection limit in a data: or javascript: URL is not read, as for an inline script.
 */
final class EmbeddedContentJudge {

    /**
     * The rule that blocks the element (one of the policy's, or a built-in one the rewriter acted on inside a
     * document), and the host of the URL that matched it ("" for a signature).
     */
    record Match(TagRule rule, String host) {
    }

    private static final Charset WINDOWS_1252 = EncodingLabels.charset("windows-1252");
    /**
     * How far past a rule's longest path a URL in a document is read: dot segments and escapes a browser takes out of
     * the path may stand before the part a rule names.
     */
    private static final int PATH_MARGIN = 256;

    private final TagPolicy policy;
    private final ConsentDecision consent;
    private final PageSite site;
    private final int inspectLimit;
    /**
     * The encoding of the page's bytes: a data: URL's script without a charset of its own may be read in it (in each
     * a detector may choose, for a page that declares none: see {@link ValueReadings}).
     */
    private final Charset pageEncoding;

    EmbeddedContentJudge(TagPolicy policy, ConsentDecision consent, PageSite site, Charset pageEncoding) {
        this.policy = policy;
        this.pageEncoding = pageEncoding;
        this.consent = consent;
        this.site = site;
        this.inspectLimit = policy.settings().inlineScriptInspectLimit();
    }

    /**
     * A data URL's content, a frame's document when {@code document}, else a script's code ({@code scriptCharset}:
     * the script element's charset attribute, null when it has none), in each browser's reading of the URL (see
     * {@link DataUrls#readings}); null when it passes.
     */
    Match dataUrl(String url, boolean document, String scriptCharset) {
        for (String reading : DataUrls.readings(url)) {
            Match match = dataUrlAsRead(reading, document, scriptCharset);
            if (match != null) {
                return match;
            }
        }
        return null;
    }

    /** {@link #dataUrl} in one reading of the URL. */
    private Match dataUrlAsRead(String url, boolean document, String scriptCharset) {
        byte[] body = DataUrls.body(url, inspectLimit);
        if (body == null) {
            return null;
        }
        // a browser decodes the content in its type's charset, else a script as scriptReadings says and a document
        // as a page that declares none (or as its own meta says)
        String label = DataUrls.charsetLabel(url);
        boolean labelled = EncodingLabels.isLabel(label);
        if (document) {
            // without a charset, a document that declares none: its text in each reading a detector may choose
            List<Charset> readings = labelled ? List.of(EncodingLabels.charset(label))
                    : ValueReadings.isAscii(body, 0, body.length) ? List.of(Utf8OrWindows1252.INSTANCE)
                    : ValueReadings.of(Utf8OrWindows1252.INSTANCE);
            return document(readings.stream().map(reading -> BrowserDecoding.decode(body, reading)).toList(), body,
                    labelled ? Optional.of(label) : Optional.empty());
        }
        return code(body, labelled ? List.of(EncodingLabels.charset(label), StandardCharsets.UTF_8)
                : scriptReadings(DataUrls.hasMediaType(url), scriptCharset));
    }

    /**
     * The encodings a browser may decode a data: script's code in when the URL names no charset (Chromium 150, by
     * hand): the script element's charset attribute (windows-1252 for one that names no encoding), else the page's
     * encoding; a URL without a media type ({@code data:,}) is text/plain;charset=US-ASCII to it, windows-1252
     * whatever the attribute says. A module script is UTF-8 whatever is said. Each is judged (fail closed).
     */
    private List<Charset> scriptReadings(boolean typed, String scriptCharset) {
        Set<Charset> readings = new LinkedHashSet<>(ValueReadings.of(pageEncoding));
        if (scriptCharset != null) {
            String attribute = MetaCharsetScan.asciiLower(scriptCharset.strip());
            readings.add(EncodingLabels.isLabel(attribute) ? EncodingLabels.charset(attribute) : WINDOWS_1252);
        }
        if (!typed) {
            readings.add(WINDOWS_1252);
        }
        readings.add(StandardCharsets.UTF_8);
        return List.copyOf(readings);
    }

    /** A javascript: URL's code, as a frame runs it (see {@link JavascriptUrls}); null when it passes. */
    Match javascriptUrl(String url) {
        byte[] code = JavascriptUrls.code(url, inspectLimit);
        return code == null || code.length == 0 ? null : code(code, List.of(StandardCharsets.UTF_8));
    }

    /** An event handler attribute's code; null when it passes. */
    Match handler(String code) {
        return code.isEmpty() ? null : code(code.getBytes(StandardCharsets.UTF_8), List.of(StandardCharsets.UTF_8));
    }

    /** An event handler attribute's code judged by the URLs it loads or names alone; null when it passes. */
    Match handlerUrls(String code) {
        return code.isEmpty() ? null : code(code.getBytes(StandardCharsets.UTF_8), List.of(StandardCharsets.UTF_8),
                false);
    }

    /**
     * Script code a browser may read in any of {@code readings}: its signatures, then the URLs it loads or names;
     * null when it passes. Read in an encoding whose bytes are not ASCII's where they look so (UTF-16, ISO-2022-JP),
     * the code is converted to UTF-8 first.
     */
    private Match code(byte[] body, List<Charset> readings) {
        return code(body, readings, true);
    }

    /** {@link #code(byte[], List)}, its signatures looked for only with {@code signatures}. */
    private Match code(byte[] body, List<Charset> readings, boolean signatures) {
        List<Charset> asBytes = new ArrayList<>();
        for (Charset reading : readings) {
            if (!readsAsBytes(reading)) {
                byte[] utf8 = new String(body, reading == EncodingLabels.charset("iso-2022-jp")
                        ? Iso2022Jp.INSTANCE : reading).getBytes(StandardCharsets.UTF_8);
                Match converted = code(utf8, List.of(StandardCharsets.UTF_8), signatures);
                if (converted != null) {
                    return converted;
                }
            } else {
                asBytes.add(reading);
            }
        }
        if (asBytes.isEmpty()) {
            return null;
        }
        int signature = signatures ? firstBlockedSignatureInCode(body) : -1;
        if (signature >= 0) {
            return new Match(policy.rule(signature), "");
        }
        // the URLs are looked for with the strings' escapes written out, as in an inline script: a handler's
        // 'www.googletagmanager\x2ecom' is the host it spells (until 2026-12-01 only the code as written was read,
        // and Chromium 156 loaded such a URL from an img's onerror and a body's onload; found by a review)
        MentionedUrlVerdict urls = new MentionedUrlVerdict(policy, consent, site);
        ScriptUrlMentions mentions = new ScriptUrlMentions(asBytes);
        StringEscapes escapes = StringEscapes.forUrls();
        escapes.decode(body, 0, body.length);
        mentions.scan(escapes.text(), escapes.offset(), escapes.offset() + escapes.length(), urls);
        if (urls.rule() < 0) {
            escapes.end();
            mentions.scan(escapes.text(), escapes.offset(), escapes.offset() + escapes.length(), urls);
        }
        if (urls.rule() < 0) {
            mentions.end(urls);
        }
        return urls.rule() < 0 ? null : new Match(policy.rule(urls.rule()), urls.host());
    }

    /** Whether a browser reading {@code encoding} reads every ASCII byte as that character (not UTF-16 nor JIS). */
    private static boolean readsAsBytes(Charset encoding) {
        return encoding != StandardCharsets.UTF_16LE && encoding != StandardCharsets.UTF_16BE
                && encoding != EncodingLabels.charset("iso-2022-jp");
    }

    /**
     * A srcdoc document (characters, which no meta charset re-reads), its elements read after {@code bases}, the
     * markup of the bases of the page that holds the frame (see {@link PageBases#asMarkup}); null when it passes.
     */
    Match document(String doc, String bases) {
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        return document(List.of(doc), bytes, bases.isEmpty() ? bytes : (bases + doc).getBytes(StandardCharsets.UTF_8),
                Optional.of("utf-8"));
    }

    /**
     * A document, as each of {@code readings} (its text in each encoding a browser may read it in) and as the
     * {@code bytes} a browser parses in the encoding {@code label} names (or, without one, the document's start
     * decides); null when it passes.
     */
    private Match document(List<String> readings, byte[] bytes, Optional<String> label) {
        return document(readings, bytes, bytes, label);
    }

    /** {@link #document(List, byte[], Optional)} whose elements are read in {@code elements}, markup first. */
    private Match document(List<String> readings, byte[] bytes, byte[] elements, Optional<String> label) {
        // whether a rule names the host of an authority written alike again, or in several readings (all of an ASCII
        // one), is decided once
        Map<String, Boolean> authorityNamed = new HashMap<>();
        for (String doc : readings) {
            int first = doc.indexOf("//");
            if (first < 0) {
                continue;
            }
            Match match = null;
            // each URL's host, once per run of slashes, and only where a rule names that host its path, as far as
            // a host rule's path reaches: so that a document of slashes costs what its length does, not its square
            // (until 2026-11-30 each "//" read all that followed: 1.7 KB took 180 ms, found by fuzzing)
            for (int slashes = first; match == null && slashes >= 0; ) {
                int afterSlashes = UrlParts.slashRunEnd(doc, slashes);
                String authority = doc.substring(slashes, UrlParts.readingEnd(doc, afterSlashes, 0));
                if (authorityNamed.computeIfAbsent(authority, a -> {
                    String host = UrlParts.parse(a).host();
                    return !host.isEmpty() && policy.matchHost(host, site) >= 0;
                })) {
                    match = blocking(UrlParts.parse(doc.substring(slashes,
                            UrlParts.readingEnd(doc, afterSlashes, policy.longestPath() + PATH_MARGIN))));
                }
                slashes = doc.indexOf("//", afterSlashes);
            }
            if (match == null) {
                // a URL's path may run to the document's end: the rules with a path and no host are looked for
                // once, in all that follows the first "//" (after the hosts, so that a report names the host)
                match = blocking(UrlParts.restAsPath(doc, first));
            }
            if (match != null) {
                return match;
            }
        }
        int signature = firstBlockedSignature(bytes);
        if (signature >= 0) {
            return new Match(policy.rule(signature), "");
        }
        return firstBlockedElement(elements, label);
    }

    /** The match of the first rule that blocks {@code url} for this consent, or null. */
    private Match blocking(UrlParts url) {
        int k = policy.matchUrl(url, site);
        return k >= 0 && !policy.granted(policy.rule(k).category(), consent) ? new Match(policy.rule(k), url.host())
                : null;
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
                first[0] = new Match(k >= 0 ? policy.rule(k)
                        : TagRule.builtinRemoval(event.ruleId(), event.category()), event.host());
            }
        }, label, null);
        return first[0];
    }

    /**
     * The rule whose signature blocks the code as written, as {@link CompactedCode} reads it, without the layout
     * between its tokens ({@code fbq ('init')}, a signature split by a comment), or in the code its strings hold
     * ({@link CodeInStrings}), as an inline script's code is read; -1 for none.
     */
    private int firstBlockedSignatureInCode(byte[] code) {
        SignatureVerdict verdict = new SignatureVerdict(policy, consent);
        if (policy.signatures().scan(code, 0, code.length, 0, verdict) >= 0) {
            // named as in an inline script: the lowest rule of the later readings (see SignatureVerdict)
            verdict.laterReading(true);
            CodeInStrings codeInStrings = new CodeInStrings(policy.signatures());
            CompactedCode compacted = new CompactedCode(codeInStrings);
            compacted.compact(code, 0, code.length);
            compacted.end();
            if (compacted.wasVerbatim()
                    || policy.signatures().scan(compacted.bytes(), 0, compacted.length(), 0, verdict) >= 0) {
                codeInStrings.scan(verdict.blockingOnly);
            }
        }
        return verdict.blockingAtEnd();
    }

    /** The rule whose signature blocks the whole text (see {@link SignatureVerdict}); -1 for none. */
    private int firstBlockedSignature(byte[] text) {
        SignatureVerdict verdict = new SignatureVerdict(policy, consent);
        policy.signatures().scan(text, 0, text.length, 0, verdict);
        return verdict.blockingAtEnd();
    }
}
