package dev.consentgate.html;

import dev.consentgate.config.TagAction;
import dev.consentgate.config.TagRule;
import dev.consentgate.consent.ConsentDecision;
import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The rewriter for an ASCII-compatible byte stream: drives the tokenizer over each chunk, holds the bytes of an
 * element until it is judged, and sends everything else on as slices of the input.
 */
final class ByteStreamRewriter implements HtmlTokenizer.Sink {

    private static final Logger LOG = LoggerFactory.getLogger(ByteStreamRewriter.class);
    private static final Set<String> HINT_RELS = Set.of("preconnect", "dns-prefetch", "preload", "prefetch",
            "modulepreload", "prerender");
    private static final Set<String> STYLESHEET_REL = Set.of("stylesheet");
    /**
     * Script types that hold data, templates or a script a consent tool blocked: a browser never runs them and no
     * loader in the page turns them into code on its own. Every other type may run (see {@link #mayRun}).
     */
    private static final Set<String> INERT_TYPES = Set.of("text/plain", "text/html", "text/css", "text/xml",
            "application/xml", "text/markdown", "text/x-markdown", "importmap", "text/x-magento-init",
            // blocked until consent by consent tools that do not use text/plain
            "javascript/blocked");
    /**
     * Parts of a type's name that mark data or templates (application/ld+json, text/x-handlebars-template...), or the
     * settings a consent tool reads (OIL.js's application/configuration).
     */
    private static final List<String> INERT_TYPE_PARTS = List.of("json", "template", "tmpl", "handlebars",
            "mustache", "shader", "x-glsl", "configuration");
    /**
     * Where loaders that delay scripts keep the URL of a script whose type they renamed: lazy-loading libraries
     * (data-src, data-lazy-src), WP Rocket (data-rocket-src), Perfmatters (data-pmdelayedscript).
     */
    private static final String[] DELAYED_SCRIPT_URL_ATTRIBUTES = {"data-src", "data-rocket-src", "data-lazy-src",
            "data-pmdelayedscript"};
    private static final TagRule META_COOKIE_RULE = new TagRule("meta-set-cookie", Optional.empty(),
            Optional.empty(), Optional.empty(), "", Optional.of(TagAction.REMOVE), "builtin");
    /** An element past the tag size limit whose address or code the limit cut: it cannot be judged. */
    private static final TagRule UNREAD_PAST_LIMIT_RULE = new TagRule("unread-past-limit", Optional.empty(),
            Optional.empty(), Optional.empty(), "", Optional.of(TagAction.REMOVE), "builtin");

    private final TagPolicy policy;
    private final ConsentDecision consent;
    private final RewriteListener listener;
    private final Predicate<String> cookieNameAllowed;
    private final ElementRewrites rewrites;
    private final HtmlTokenizer tokenizer;
    private final PendingOutput pending = new PendingOutput();
    private final LineCounter lines;
    private final int inspectLimit;
    private final boolean inspectInline;

    private long absPos;
    private byte[] scratch = new byte[0];

    /** Start of the element whose bytes are held until it is judged, -1 when none. */
    private long holdStart = -1;
    private boolean suppressing;
    private int suppressId;
    private int suppressDepth;
    private boolean inNoscript;

    private boolean inspecting;
    private TagToken inlineScript;
    private int matcherState;
    private long inspected;
    /** What the signatures in the inline script being inspected decide. */
    private final SignatureVerdict signed;
    /** Finds the URLs the inline script being inspected loads or names. */
    private final ScriptUrlMentions mentions = new ScriptUrlMentions();
    /** What the URLs the inline script being inspected loads or names decide. */
    private final MentionedUrlVerdict mentioned;

    /** Decision taken when a tag overflowed, applied when it ends: a rule that already matched, or null. */
    private Verdict overflowVerdict;
    /** The tag being read is removed (it overflowed after a rule matched): its bytes are dropped as they come. */
    private boolean droppingTag;

    ByteStreamRewriter(TagPolicy policy, ConsentDecision consent, RewriteListener listener,
                       Predicate<String> cookieNameAllowed) {
        this.policy = policy;
        this.consent = consent;
        this.listener = listener;
        this.cookieNameAllowed = cookieNameAllowed;
        this.rewrites = policy.rewrites();
        this.tokenizer = new HtmlTokenizer(this, policy.settings().maxTagBytes());
        this.lines = listener == RewriteListener.NONE ? null : new LineCounter();
        this.inspectLimit = policy.settings().inlineScriptInspectLimit();
        this.inspectInline = policy.blocksAnyRule(consent);
        this.mentioned = new MentionedUrlVerdict(policy, consent);
        this.signed = new SignatureVerdict(policy, consent);
    }

    void feed(ByteBuf chunk, Consumer<ByteBuf> out) {
        int len = chunk.readableBytes();
        pending.sink(out);
        byte[] a;
        int from;
        if (chunk.hasArray()) {
            a = chunk.array();
            from = chunk.arrayOffset() + chunk.readerIndex();
        } else {
            if (scratch.length < len) {
                scratch = new byte[Math.max(len, 8192)];
            }
            chunk.getBytes(chunk.readerIndex(), scratch, 0, len);
            a = scratch;
            from = 0;
        }
        pending.append(chunk);
        long chunkAbs = absPos;
        if (lines != null) {
            lines.chunk(a, from, chunkAbs);
        }
        tokenizer.scan(a, from, from + len, chunkAbs);
        absPos += len;
        if (inspecting) {
            inlineScript.materialize();
        }
        if (lines != null) {
            lines.chunkEnd(a, from, from + len, chunkAbs, heldFrom());
        }
        if (suppressing || droppingTag) {
            pending.dropUpTo(absPos);
        } else {
            long held = heldFrom();
            pending.emitUpTo(held >= 0 ? held : absPos);
        }
    }

    void finish(Consumer<ByteBuf> out) {
        pending.sink(out);
        tokenizer.end(absPos);
        if (suppressing || droppingTag) {
            pending.dropUpTo(absPos);
        } else {
            pending.emitUpTo(absPos);
        }
        pending.release();
    }

    void release() {
        pending.release();
    }

    private long heldFrom() {
        long t = tokenizer.openTagStart();
        if (holdStart >= 0 && (t < 0 || holdStart < t)) {
            return holdStart;
        }
        return t;
    }

    // ---- tokenizer sink ----

    @Override
    public boolean captureTag(TagToken tag) {
        if (suppressing) {
            return false;
        }
        return switch (tag.nameId) {
            case ElementNames.SCRIPT, ElementNames.IMG, ElementNames.LINK, ElementNames.META, ElementNames.IFRAME,
                 ElementNames.FRAME, ElementNames.EMBED, ElementNames.OBJECT, ElementNames.SOURCE,
                 ElementNames.AMP_PIXEL, ElementNames.AMP_IFRAME -> true;
            default -> false;
        };
    }

    @Override
    public void tagOverflow(TagToken tag) {
        if (suppressing) {
            return;
        }
        Verdict v = judge(tag);
        if ((v == null || v.rule == null) && addressUnread(tag)) {
            // a URL cut by the limit may match a stricter rule than its start does, or none: fail closed
            v = new Verdict(UNREAD_PAST_LIMIT_RULE, "", ElementKind.PIXEL, TagAction.REMOVE);
        }
        if (v != null && v.rule != null) {
            // a rule already matched: fail closed, the element goes; its bytes are dropped as they come
            overflowVerdict = new Verdict(v.rule, v.host, v.kind, TagAction.REMOVE);
            pending.emitUpTo(tag.start);
            droppingTag = true;
        } else {
            overflowVerdict = null;
            LOG.debug("tag at offset {} longer than {} bytes passed unjudged", tag.start,
                    policy.settings().maxTagBytes());
            event(tag.start, tag.nameId, "", "", "", RewriteEvent.Action.PASSED_OVER_LIMIT);
        }
    }

    @Override
    public boolean startTag(TagToken tag) {
        if (suppressing) {
            if (tag.nameId == suppressId) {
                suppressDepth++;
            }
            return false;
        }
        if (tag.nameId == ElementNames.NOSCRIPT) {
            inNoscript = true;
            return false;
        }
        if (tag.overflowed) {
            Verdict v = overflowVerdict;
            overflowVerdict = null;
            droppingTag = false;
            if (v != null) {
                apply(tag, v);
            }
            return false;
        }
        if (!tag.captured) {
            return false;
        }
        Verdict v = judge(tag);
        if (v == null) {
            return false;
        }
        if (v == Verdict.INLINE) {
            if (!inspectInline) {
                return false;
            }
            inspecting = true;
            // the tokenizer reuses this token only after the script's end, when the decision is made
            inlineScript = tag;
            holdStart = tag.start;
            matcherState = 0;
            signed.reset();
            mentions.reset();
            mentioned.reset();
            inspected = 0;
            return true;
        }
        apply(tag, v);
        return false;
    }

    @Override
    public void endTag(TagToken tag) {
        if (suppressing) {
            if (tag.nameId == suppressId && --suppressDepth == 0) {
                suppressing = false;
                pending.dropUpTo(tag.end);
            }
            return;
        }
        if (tag.nameId == ElementNames.NOSCRIPT) {
            inNoscript = false;
        }
    }

    @Override
    public void rawText(byte[] a, int from, int to) {
        if (!inspecting) {
            return;
        }
        long room = inspectLimit - inspected;
        int scanTo = (int) Math.min(to, from + room);
        int next = policy.signatures().scan(a, from, scanTo, matcherState, signed);
        if (next < 0) {
            blockInlineScript(policy.rule(signed.blockingNow()), "");
            return;
        }
        matcherState = next;
        // a URL's verdict waits for the script's end, where a signature found later still decides first: acting at
        // once would make the verdict depend on chunking
        if (mentioned.rule() < 0) {
            mentions.scan(a, from, scanTo, mentioned);
        }
        inspected += scanTo - from;
        if (scanTo < to) {
            if (signed.blockingAtEnd() >= 0) {
                blockInlineScript(policy.rule(signed.blockingAtEnd()), "");
                return;
            }
            if (mentioned.rule() >= 0) {
                blockInlineScript(policy.rule(mentioned.rule()), mentioned.host());
                return;
            }
            inspecting = false;
            holdStart = -1;
            LOG.debug("inline script at offset {} longer than {} bytes passed unjudged past the limit",
                    inlineScript.start, inspectLimit);
            event(inlineScript.start, ElementNames.SCRIPT, "", "", "", RewriteEvent.Action.PASSED_OVER_LIMIT);
            inlineScript = null;
        }
    }

    @Override
    public void rawTextEnd(long endTagStart) {
        if (!inspecting) {
            return;
        }
        if (signed.blockingAtEnd() >= 0) {
            blockInlineScript(policy.rule(signed.blockingAtEnd()), "");
            return;
        }
        if (mentioned.rule() < 0) {
            mentions.end(mentioned);
        }
        if (mentioned.rule() >= 0) {
            blockInlineScript(policy.rule(mentioned.rule()), mentioned.host());
            return;
        }
        inspecting = false;
        holdStart = -1;
        inlineScript = null;
    }

    // ---- judging ----

    private record Verdict(TagRule rule, String host, ElementKind kind, TagAction action) {
        static final Verdict INLINE = new Verdict(null, "", ElementKind.SCRIPT, null);
    }

    /** What to do with a start tag: null to pass it, {@link Verdict#INLINE} to inspect the script text. */
    private Verdict judge(TagToken tag) {
        switch (tag.nameId) {
            case ElementNames.SCRIPT: {
                if (!mayRun(tag)) {
                    return null;
                }
                ElementKind kind = inNoscript ? ElementKind.PIXEL : ElementKind.SCRIPT;
                String src = tag.value("src");
                if (src != null) {
                    return judgeUrl(src, kind);
                }
                Verdict lazy = judgeUrls(tag, kind, DELAYED_SCRIPT_URL_ATTRIBUTES);
                return lazy != null || tag.overflowed ? lazy : Verdict.INLINE;
            }
            case ElementNames.IMG:
            case ElementNames.SOURCE:
                return judgeUrls(tag, ElementKind.PIXEL, "src", "data-src", "data-lazy-src", "srcset", "data-srcset");
            case ElementNames.IFRAME: {
                Verdict v = judgeUrls(tag, embedKind(), "src", "data-src", "data-lazy-src");
                return v != null ? v : judgeSrcdoc(tag, embedKind());
            }
            case ElementNames.FRAME:
                return judgeUrls(tag, embedKind(), "src", "data-src", "data-lazy-src");
            case ElementNames.EMBED:
                return judgeUrls(tag, embedKind(), "src");
            case ElementNames.AMP_PIXEL:
                return judgeUrls(tag, ElementKind.PIXEL, "src");
            case ElementNames.AMP_IFRAME:
                return judgeUrls(tag, embedKind(), "src");
            case ElementNames.OBJECT:
                return judgeUrls(tag, embedKind(), "data");
            case ElementNames.LINK: {
                String rel = tag.value("rel");
                if (rel == null) {
                    return null;
                }
                if (AttributeSyntax.anyToken(rel, HINT_RELS)) {
                    return judgeUrls(tag, ElementKind.HINT, "href", "imagesrcset");
                }
                // a stylesheet in noscript is a counting fallback for visitors without JavaScript (etracker's
                // cnt_css.php), like the pixels there; elsewhere a stylesheet is the page's own styling
                return inNoscript && AttributeSyntax.anyToken(rel, STYLESHEET_REL)
                        ? judgeUrls(tag, ElementKind.PIXEL, "href") : null;
            }
            case ElementNames.META:
                return judgeMetaCookie(tag);
            default:
                return null;
        }
    }

    /**
     * Whether the size limit may have cut the address or code of an overflowed element that loads or runs
     * something: the limit falls inside a value that can hold a URL or code (a picture's data: URL loads nothing,
     * cut or not), or outside any value, in a name or between attributes, where what follows is unread. Inside any
     * other value (a text, a style, a data attribute) the element is judged on what came before the limit.
     */
    private static boolean addressUnread(TagToken tag) {
        switch (tag.nameId) {
            case ElementNames.SCRIPT, ElementNames.IMG, ElementNames.SOURCE, ElementNames.AMP_PIXEL,
                 ElementNames.IFRAME, ElementNames.FRAME, ElementNames.AMP_IFRAME, ElementNames.EMBED,
                 ElementNames.OBJECT, ElementNames.LINK -> {
            }
            // a meta is judged by the cookie it sets; a tag whose name the limit cut is no element that loads
            default -> {
                return false;
            }
        }
        if (tag.cutValue < 0) {
            return true;
        }
        String name = tag.attributeName(tag.cutValue);
        boolean address = name.endsWith("src") || name.endsWith("srcset") || name.equals("srcdoc")
                || name.equals("data") || name.equals("href")
                || Arrays.asList(DELAYED_SCRIPT_URL_ATTRIBUTES).contains(name);
        boolean picture = tag.nameId == ElementNames.IMG || tag.nameId == ElementNames.SOURCE
                || tag.nameId == ElementNames.AMP_PIXEL;
        return address && !(picture && DataUrls.isDataUrl(tag.value(tag.cutValue)));
    }

    private ElementKind embedKind() {
        return inNoscript ? ElementKind.PIXEL : ElementKind.EMBED;
    }

    private Verdict judgeUrls(TagToken tag, ElementKind kind, String... attributes) {
        for (String name : attributes) {
            String value = tag.value(name);
            if (value == null) {
                continue;
            }
            if (name.endsWith("srcset")) {
                for (String candidate : AttributeSyntax.srcsetUrls(value)) {
                    Verdict v = judgeUrl(candidate, kind);
                    if (v != null) {
                        return v;
                    }
                }
            } else {
                Verdict v = judgeUrl(value, kind);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private Verdict judgeUrl(String url, ElementKind kind) {
        if ((kind == ElementKind.SCRIPT || kind == ElementKind.EMBED) && DataUrls.isDataUrl(url)) {
            return judgeDataUrl(url, kind);
        }
        UrlParts parts = UrlParts.parse(url);
        int k = policy.matchUrl(parts);
        // a tracker URL carried inside another one (redirects, proxies, a mistyped scheme) counts too; base64 data
        // has "//" by chance but no readable URL in it
        int slashes = DataUrls.isBase64(url) ? -1 : url.indexOf("//");
        if (slashes >= 0 && !parts.host().isEmpty() && slashes == UrlParts.literalAuthorityStart(url)) {
            // the URL's own authority, whose host was just read
            slashes = url.indexOf("//", slashes + 2);
        }
        for (int n = 0; k < 0 && slashes >= 0 && n < 4; n++) {
            parts = UrlParts.parse(url, slashes);
            k = policy.matchUrl(parts);
            slashes = url.indexOf("//", slashes + 2);
        }
        if (k < 0) {
            return null;
        }
        if (policy.granted(policy.rule(k).category(), consent)) {
            return null;
        }
        return verdict(k, parts.host(), kind);
    }

    /**
     * An iframe's srcdoc is a document the browser renders in place of src: a tracker URL or loader snippet anywhere
     * in it blocks the frame as its src would.
     */
    private Verdict judgeSrcdoc(TagToken tag, ElementKind kind) {
        String doc = tag.value("srcdoc");
        return doc == null || doc.isEmpty() ? null : judgeDocument(doc, kind);
    }

    /**
     * A script or frame whose source is a data URL runs what the URL carries: a script is judged as if its text were
     * inline (signatures, and the URLs it loads or names), a frame as a srcdoc document. What lies past the inline
     * inspection limit is not read, as for an inline script.
     */
    private Verdict judgeDataUrl(String url, ElementKind kind) {
        byte[] body = DataUrls.body(url, inspectLimit);
        if (body == null) {
            return null;
        }
        if (kind == ElementKind.EMBED) {
            return judgeDocument(new String(body, StandardCharsets.UTF_8), kind);
        }
        int signature = firstBlockedSignature(body);
        if (signature >= 0) {
            return verdict(signature, "", kind);
        }
        MentionedUrlVerdict urls = new MentionedUrlVerdict(policy, consent);
        new ScriptUrlMentions().scan(body, 0, body.length, urls);
        return urls.rule() < 0 ? null : verdict(urls.rule(), urls.host(), kind);
    }

    /** A srcdoc or data-URL document: a tracker URL or loader snippet anywhere in it blocks its frame. */
    private Verdict judgeDocument(String doc, ElementKind kind) {
        for (int slashes = doc.indexOf("//"); slashes >= 0; slashes = doc.indexOf("//", slashes + 2)) {
            UrlParts parts = UrlParts.parse(doc, slashes);
            int k = policy.matchUrl(parts);
            if (k >= 0 && !policy.granted(policy.rule(k).category(), consent)) {
                return verdict(k, parts.host(), kind);
            }
        }
        int signature = firstBlockedSignature(doc.getBytes(StandardCharsets.UTF_8));
        return signature < 0 ? null : verdict(signature, "", kind);
    }

    /** The rule whose signature blocks the whole text (see {@link SignatureVerdict}); -1 for none. */
    private int firstBlockedSignature(byte[] text) {
        SignatureVerdict verdict = new SignatureVerdict(policy, consent);
        policy.signatures().scan(text, 0, text.length, 0, verdict);
        return verdict.blockingAtEnd();
    }

    private Verdict verdict(int ruleIndex, String host, ElementKind kind) {
        TagRule rule = policy.rule(ruleIndex);
        return new Verdict(rule, host, kind, policy.action(rule, kind));
    }

    private Verdict judgeMetaCookie(TagToken tag) {
        String equiv = tag.value("http-equiv");
        if (equiv == null || !equiv.trim().equalsIgnoreCase("set-cookie")) {
            return null;
        }
        String content = tag.value("content");
        String cookie = content == null ? "" : content;
        int eq = cookie.indexOf('=');
        String name = (eq >= 0 ? cookie.substring(0, eq) : "").trim();
        if (!name.isEmpty() && cookieNameAllowed.test(name)) {
            return null;
        }
        return new Verdict(META_COOKIE_RULE, "", ElementKind.META_COOKIE, TagAction.REMOVE);
    }

    /**
     * Whether the script may run. JavaScript does, and so may any type not known to hold data or a blocked script:
     * loaders in the page run scripts of their own types later (WP Rocket's rocketlazyloadscript, LiteSpeed's
     * litespeed/javascript, Cloudflare Rocket Loader's "hash-text/javascript", Partytown's text/partytown), and a
     * type nobody knows is read the same way, so that a tracker cannot pass under a renamed type (fail closed).
     */
    private static boolean mayRun(TagToken tag) {
        String type = tag.value("type");
        if (type == null) {
            String language = tag.value("language");
            if (language == null || language.isEmpty()) {
                return true;
            }
            type = "text/" + language;
        }
        String essence = type.strip().toLowerCase(Locale.ROOT);
        int semicolon = essence.indexOf(';');
        if (semicolon >= 0) {
            essence = essence.substring(0, semicolon).strip();
        }
        if (INERT_TYPES.contains(essence)) {
            return false;
        }
        for (String part : INERT_TYPE_PARTS) {
            if (essence.contains(part)) {
                return false;
            }
        }
        return true;
    }

    // ---- acting ----

    private void apply(TagToken tag, Verdict v) {
        pending.emitUpTo(tag.start);
        pending.dropUpTo(tag.end);
        boolean hasContent = tag.nameId == ElementNames.SCRIPT || tag.nameId == ElementNames.IFRAME
                || tag.nameId == ElementNames.OBJECT;
        RewriteEvent.Action done;
        switch (v.action) {
            case NEUTRALIZE -> {
                pending.insert(rewrites.neutralize(tag, v.rule));
                done = RewriteEvent.Action.NEUTRALIZED;
            }
            case PLACEHOLDER -> {
                pending.insert(rewrites.placeholder(tag, v.rule, v.host));
                suppressContent(tag, hasContent);
                done = RewriteEvent.Action.PLACEHOLDER;
            }
            default -> {
                suppressContent(tag, hasContent);
                done = RewriteEvent.Action.REMOVED;
            }
        }
        event(tag.start, tag.nameId, v.host, v.rule.category(), v.rule.id(), done);
    }

    private void suppressContent(TagToken tag, boolean hasContent) {
        if (hasContent) {
            suppressing = true;
            suppressId = tag.nameId;
            suppressDepth = 1;
        }
    }

    private void blockInlineScript(TagRule rule, String host) {
        TagToken tag = inlineScript;
        inspecting = false;
        inlineScript = null;
        holdStart = -1;
        TagAction action = policy.action(rule, inNoscript ? ElementKind.PIXEL : ElementKind.SCRIPT);
        pending.emitUpTo(tag.start);
        if (action == TagAction.NEUTRALIZE) {
            pending.dropUpTo(tag.end);
            pending.insert(rewrites.neutralize(tag, rule));
            event(tag.start, ElementNames.SCRIPT, host, rule.category(), rule.id(), RewriteEvent.Action.NEUTRALIZED);
        } else {
            suppressing = true;
            suppressId = ElementNames.SCRIPT;
            suppressDepth = 1;
            event(tag.start, ElementNames.SCRIPT, host, rule.category(), rule.id(), RewriteEvent.Action.REMOVED);
        }
    }

    private void event(long at, int nameId, String host, String category, String ruleId,
                       RewriteEvent.Action action) {
        if (lines == null) {
            return;
        }
        listener.onAction(new RewriteEvent(lines.lineAt(at), ElementNames.name(nameId), host, category, ruleId,
                action));
    }
}
