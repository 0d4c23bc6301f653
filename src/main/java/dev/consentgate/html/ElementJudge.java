package dev.consentgate.html;

import dev.consentgate.config.TagAction;
import dev.consentgate.config.TagRule;
import dev.consentgate.consent.ConsentDecision;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Judges a start tag under a tag policy and a visitor's consent: which URLs of the element count (by element, and
 * inside noscript), whether a script may run at all, what a data: URL or srcdoc carries, a meta element's cookie,
 * and a tag past the size limit. Knows nothing of bytes in flight; {@link ByteStreamRewriter} acts on its verdicts.
 */
final class ElementJudge {

    static final Set<String> HINT_RELS = Set.of("preconnect", "dns-prefetch", "preload", "prefetch",
            "modulepreload", "prerender");
    private static final Set<String> STYLESHEET_REL = Set.of("stylesheet");
    /**
     * Script types that hold data, templates or a script a consent tool blocked: a browser never runs them and no
     * loader in the page turns them into code on its own. Every other type may run (see {@link #mayRun}).
     */
    private static final Set<String> INERT_TYPES = Set.of("text/plain", "text/html", "text/css", "text/xml",
            "application/xml", "text/markdown", "text/x-markdown", "importmap", "text/x-magento-init",
            // blocked until consent by consent tools that do not use text/plain (Yett's, Didomi's, Real Cookie
            // Banner's, and others'): each tool looks for its own type to run the script once the visitor agrees
            "javascript/blocked", "didomi/javascript", "application/consent", "text/blocked", "text/x-cookie-consent");
    /**
     * Parts of a type's name that mark data or templates (application/ld+json, text/x-handlebars-template...), or the
     * settings a consent tool reads (OIL.js's application/configuration).
     */
    private static final List<String> INERT_TYPE_PARTS = List.of("json", "template", "tmpl", "handlebars",
            "mustache", "shader", "x-glsl", "configuration");
    /**
     * Where loaders that delay scripts keep the URL of a script whose type they renamed: lazy-loading libraries
     * (data-src, data-lazy-src), WP Rocket (data-rocket-src, and data-rocketlazyloadscript in its older versions,
     * which left the type alone), Perfmatters (data-pmdelayedscript), Cloudflare's first Rocket Loader
     * (text/rocketscript with data-rocketsrc).
     */
    private static final String[] DELAYED_SCRIPT_URL_ATTRIBUTES = {"data-src", "data-rocket-src", "data-lazy-src",
            "data-pmdelayedscript", "data-rocketlazyloadscript", "data-rocketsrc"};
    /**
     * Where images keep their URLs, in the order they are judged: lazy-loading scripts copy a URL from data-src
     * (lazysizes and most others), data-lazy-src (WP Rocket, Jetpack) or data-original (jQuery Lazy Load) into src.
     */
    private static final String[] IMAGE_URL_ATTRIBUTES = {"src", "data-src", "data-lazy-src", "data-original",
        "srcset", "data-srcset"};
    /**
     * An image element: SVG's loads its href (xlink:href in SVG 1.1); in HTML the tree builder turns it into an img,
     * which loads its src.
     */
    private static final String[] IMAGE_ELEMENT_URL_ATTRIBUTES = {"src", "href", "xlink:href", "data-src",
        "data-lazy-src", "data-original", "srcset", "data-srcset"};
    /** Where an SVG script names the script it loads (src is HTML's). */
    private static final String[] SVG_SCRIPT_URL_ATTRIBUTES = {"href", "xlink:href"};
    private static final String[] FRAME_URL_ATTRIBUTES = {"src", "data-src", "data-lazy-src", "data-original"};
    private static final String[] HINT_URL_ATTRIBUTES = {"href", "imagesrcset"};
    private static final String[] SRC = {"src"};
    private static final String[] HREF = {"href"};
    private static final String[] DATA = {"data"};
    /** Every attribute judging reads a URL or code from: a size limit that cuts one of them leaves it unread. */
    private static final Set<String> ADDRESS_ATTRIBUTES = addressAttributes();
    private static final TagRule META_COOKIE_RULE = new TagRule("meta-set-cookie", Optional.empty(),
            Optional.empty(), Optional.empty(), "", Optional.of(TagAction.REMOVE), "builtin");
    /** A script in content read both ways (see ByteStreamRewriter): it may run, and hold markup, in SVG. */
    static final Verdict SCRIPT_READ_BOTH_WAYS = new Verdict(new TagRule("script-in-content-read-both-ways",
            Optional.empty(), Optional.empty(), Optional.empty(), "", Optional.of(TagAction.REMOVE), "builtin"), "",
            ElementKind.PIXEL, TagAction.REMOVE);
    /**
     * An inline script in SVG or MathML longer than the inspect limit: its content is markup to a browser there,
     * where a tag breaks out into HTML and loads, and the rest would pass unread.
     */
    static final Verdict SVG_SCRIPT_PAST_INSPECT_LIMIT = new Verdict(new TagRule(
            "svg-or-math-script-past-inspect-limit", Optional.empty(), Optional.empty(), Optional.empty(), "",
            Optional.of(TagAction.REMOVE), "builtin"), "", ElementKind.SCRIPT, TagAction.REMOVE);
    /** An element past the tag size limit whose address or code the limit cut: it cannot be judged. */
    private static final TagRule UNREAD_PAST_LIMIT_RULE = new TagRule("unread-past-limit", Optional.empty(),
            Optional.empty(), Optional.empty(), "", Optional.of(TagAction.REMOVE), "builtin");

    private final TagPolicy policy;
    private final ConsentDecision consent;
    /** The page's own site, whose resources rules naming the whole site do not block. */
    private final PageSite site;
    private final Predicate<String> cookieNameAllowed;
    private final EmbeddedContentJudge embedded;
    private final PageBases bases = new PageBases();

    ElementJudge(TagPolicy policy, ConsentDecision consent, PageSite site, Predicate<String> cookieNameAllowed) {
        this.policy = policy;
        this.consent = consent;
        this.site = site;
        this.cookieNameAllowed = cookieNameAllowed;
        this.embedded = new EmbeddedContentJudge(policy, consent, site);
    }

    PageSite site() {
        return site;
    }

    /** The base URLs the page has set so far. */
    PageBases bases() {
        return bases;
    }

    /** Whether a resource hint to {@code url} (in a Link header) is blocked, as a link element's would be. */
    boolean blocksHint(String url) {
        return judgeUrl(url, ElementKind.HINT) != null;
    }

    /** What to do with an element: its rule, the host it was found by, its kind and the action. */
    record Verdict(TagRule rule, String host, ElementKind kind, TagAction action) {
        static final Verdict INLINE = new Verdict(null, "", ElementKind.SCRIPT, null);
    }

    /**
     * What to do with a start tag ({@code inNoscript}: inside a noscript element, where scripts and frames count as
     * pixels): null to pass it, {@link Verdict#INLINE} to inspect the script text.
     */
    Verdict judge(TagToken tag, boolean inNoscript) {
        Verdict v = judgeElement(tag, inNoscript);
        if (v == null || v == Verdict.INLINE && loadsAnAddress(tag)) {
            // judged in noscript too: a lazy loader may insert a noscript's text as markup, whose handlers then run
            Verdict handlers = judgeHandlers(tag, inNoscript);
            v = handlers != null ? handlers : v;
        }
        // a frame that shows nothing is a pixel: a placeholder box would show what the page never showed (a frame
        // neutralized for the site's consent tool to restore stays so)
        return v != null && v.kind() == ElementKind.EMBED && v.action() == TagAction.PLACEHOLDER
                && HiddenElement.isHidden(tag)
                ? new Verdict(v.rule(), v.host(), ElementKind.PIXEL, TagAction.REMOVE) : v;
    }

    private Verdict judgeElement(TagToken tag, boolean inNoscript) {
        switch (tag.nameId) {
            case ElementNames.SCRIPT: {
                if (!mayRunScript(tag)) {
                    // an import map runs nothing, but maps the names modules import to URLs: a bare "analytics" in
                    // a module can load a tracker the map names, so the map is judged by the URLs it names
                    return isImportMap(tag) ? Verdict.INLINE : null;
                }
                ElementKind kind = inNoscript ? ElementKind.PIXEL : ElementKind.SCRIPT;
                // an SVG script loads its href, an HTML one its src: the element does not say which it is here
                Verdict svg = judgeUrls(tag, kind, SVG_SCRIPT_URL_ATTRIBUTES);
                if (svg != null) {
                    return svg;
                }
                int src = tag.find("src");
                if (src >= 0) {
                    return judgeUrlAttribute(tag, src, kind);
                }
                Verdict lazy = judgeUrls(tag, kind, DELAYED_SCRIPT_URL_ATTRIBUTES);
                return lazy != null || tag.overflowed ? lazy : Verdict.INLINE;
            }
            case ElementNames.IMG:
            case ElementNames.SOURCE:
                return judgeUrls(tag, ElementKind.PIXEL, IMAGE_URL_ATTRIBUTES);
            case ElementNames.IMAGE:
                return judgeUrls(tag, ElementKind.PIXEL, IMAGE_ELEMENT_URL_ATTRIBUTES);
            case ElementNames.IFRAME: {
                Verdict v = judgeUrls(tag, embedKind(inNoscript), FRAME_URL_ATTRIBUTES);
                return v != null ? v : judgeSrcdoc(tag, embedKind(inNoscript));
            }
            case ElementNames.FRAME:
                return judgeUrls(tag, embedKind(inNoscript), FRAME_URL_ATTRIBUTES);
            case ElementNames.EMBED:
                return judgeUrls(tag, embedKind(inNoscript), SRC);
            case ElementNames.AMP_PIXEL:
                return judgeUrls(tag, ElementKind.PIXEL, SRC);
            case ElementNames.AMP_IFRAME:
                return judgeUrls(tag, embedKind(inNoscript), SRC);
            case ElementNames.OBJECT:
                return judgeUrls(tag, embedKind(inNoscript), DATA);
            case ElementNames.LINK: {
                String rel = tag.value("rel");
                if (rel == null) {
                    return null;
                }
                if (AttributeSyntax.anyToken(rel, HINT_RELS)) {
                    return judgeUrls(tag, ElementKind.HINT, HINT_URL_ATTRIBUTES);
                }
                // a stylesheet in noscript is a counting fallback for visitors without JavaScript (etracker's
                // cnt_css.php), like the pixels there; elsewhere a stylesheet is the page's own styling
                return inNoscript && AttributeSyntax.anyToken(rel, STYLESHEET_REL)
                        ? judgeUrls(tag, ElementKind.PIXEL, HREF) : null;
            }
            case ElementNames.META:
                return judgeMetaCookie(tag);
            default:
                return null;
        }
    }

    /**
     * What to do with a tag that passed the size limit, judged on its first max_tag_bytes bytes: a rule that matched
     * them, {@code unread-past-limit} where the limit may have cut what the element loads, or null to pass it.
     */
    Verdict judgeOverflowed(TagToken tag, boolean inNoscript) {
        Verdict v = judge(tag, inNoscript);
        if (v != null && v.rule() != null) {
            return v;
        }
        // a URL cut by the limit may match a stricter rule than its start does, or none: fail closed
        return addressUnread(tag) ? new Verdict(UNREAD_PAST_LIMIT_RULE, "", ElementKind.PIXEL, TagAction.REMOVE) : null;
    }

    /**
     * Whether the size limit may have cut the address or code of an overflowed element that loads or runs
     * something: the limit falls inside a value that can hold a URL or code (a picture's data: URL loads nothing,
     * cut or not), or outside any value, in a name or between attributes, where what follows is unread, or inside
     * any other value (a text, a style, a data attribute), even when an address came before: an attribute read after
     * it may take precedence over the one read (srcset over src, srcdoc over src, a lazy loader's data-src). Only a
     * picture cut inside its data: URL is judged on what came before the limit.
     */
    private static boolean addressUnread(TagToken tag) {
        switch (tag.nameId) {
            case ElementNames.SCRIPT, ElementNames.IMG, ElementNames.SOURCE, ElementNames.AMP_PIXEL,
                 ElementNames.IMAGE, ElementNames.BASE, ElementNames.IFRAME, ElementNames.FRAME,
                 ElementNames.AMP_IFRAME, ElementNames.EMBED, ElementNames.OBJECT, ElementNames.LINK -> {
            }
            // a meta is judged by the cookie it sets; a tag whose name the limit cut is no element that loads
            default -> {
                return false;
            }
        }
        if (tag.nameId == ElementNames.BASE) {
            // the first href decides, wherever it is: unless it was read whole, what follows the limit may hold it
            int href = tag.find("href");
            return href < 0 || href == tag.cutValue;
        }
        if (tag.cutValue < 0) {
            return true;
        }
        boolean picture = tag.nameId == ElementNames.IMG || tag.nameId == ElementNames.SOURCE
                || tag.nameId == ElementNames.AMP_PIXEL || tag.nameId == ElementNames.IMAGE;
        String cut = tag.attributeName(tag.cutValue);
        if (isAddress(cut) || isHandler(cut)) {
            return !(picture && DataUrls.isDataUrl(tag.value(tag.cutValue)));
        }
        // cut inside another value: an address that overrides the one read may follow it, unread
        return true;
    }

    private static boolean isAddress(String attributeName) {
        return attributeName.endsWith("src") || attributeName.endsWith("srcset")
                || ADDRESS_ATTRIBUTES.contains(attributeName);
    }

    /** An event handler's code: unread when cut, but no address, whose reading lets the element be judged. */
    private static boolean isHandler(String attributeName) {
        return attributeName.length() > 2 && attributeName.startsWith("on");
    }

    private static Set<String> addressAttributes() {
        Set<String> names = new HashSet<>(List.of("srcdoc"));
        for (String[] list : List.of(DELAYED_SCRIPT_URL_ATTRIBUTES, IMAGE_URL_ATTRIBUTES, FRAME_URL_ATTRIBUTES,
                HINT_URL_ATTRIBUTES, IMAGE_ELEMENT_URL_ATTRIBUTES, SVG_SCRIPT_URL_ATTRIBUTES, SRC, HREF, DATA)) {
            names.addAll(Arrays.asList(list));
        }
        return Set.copyOf(names);
    }

    /**
     * A base element: the first with an href sets the base URL of what follows (browsers ignore later ones). A
     * relative URL then loads from the base's host, so it is judged there too.
     */
    void baseElement(TagToken tag, boolean inNoscript) {
        bases.element(tag.value("href"), inNoscript);
    }

    /** An element that passed on its addresses, judged on its event handlers' code. */
    private Verdict judgeHandlers(TagToken tag, boolean inNoscript) {
        ElementKind kind = switch (tag.nameId) {
            case ElementNames.SCRIPT -> mayRunScript(tag) ? ElementKind.SCRIPT : null;
            case ElementNames.IMG, ElementNames.SOURCE, ElementNames.IMAGE, ElementNames.AMP_PIXEL -> ElementKind.PIXEL;
            case ElementNames.IFRAME, ElementNames.FRAME, ElementNames.EMBED, ElementNames.OBJECT,
                 ElementNames.AMP_IFRAME -> ElementKind.EMBED;
            case ElementNames.LINK -> ElementKind.HINT;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        return verdict(EventHandlers.firstBlocked(tag, embedded), inNoscript ? ElementKind.PIXEL : kind);
    }

    /**
     * Whether a script whose text is inspected also loads an address (an SVG script's href, a delayed loader's
     * data-rocket-src...), and so fires load and error events.
     */
    private static boolean loadsAnAddress(TagToken tag) {
        for (String name : SVG_SCRIPT_URL_ATTRIBUTES) {
            if (tag.find(name) >= 0) {
                return true;
            }
        }
        for (String name : DELAYED_SCRIPT_URL_ATTRIBUTES) {
            if (tag.find(name) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static ElementKind embedKind(boolean inNoscript) {
        return inNoscript ? ElementKind.PIXEL : ElementKind.EMBED;
    }

    private Verdict judgeUrls(TagToken tag, ElementKind kind, String[] attributes) {
        for (String name : attributes) {
            int k = tag.find(name);
            if (k < 0) {
                continue;
            }
            if (name.endsWith("srcset")) {
                for (String candidate : AttributeSyntax.srcsetUrls(tag.value(k))) {
                    Verdict v = judgeUrl(candidate, kind);
                    if (v != null) {
                        return v;
                    }
                }
            } else {
                Verdict v = judgeUrlAttribute(tag, k, kind);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /**
     * Judges the URL in attribute {@code k}. A relative URL written plainly (most of a page's own images and
     * scripts) can match only a path-only rule; when none can start in it, it passes on its raw bytes, without
     * decoding a string or parsing it.
     */
    private Verdict judgeUrlAttribute(TagToken tag, int k, ElementKind kind) {
        if (tag.valueStart[k] >= 0) {
            byte[] raw = tag.bytes();
            int from = tag.offset() + tag.valueStart[k];
            int to = tag.offset() + tag.valueEnd[k];
            if (!bases.any() && UrlParts.isPlainRelative(raw, from, to)
                    && !policy.pathOnlyRuleMayMatch(raw, from, to)) {
                return null;
            }
        }
        return judgeUrl(tag.value(k), kind);
    }

    private Verdict judgeUrl(String url, ElementKind kind) {
        if ((kind == ElementKind.SCRIPT || kind == ElementKind.EMBED) && DataUrls.isDataUrl(url)) {
            // a script runs what the URL carries, a frame shows it
            return verdict(embedded.dataUrl(url, kind == ElementKind.EMBED), kind);
        }
        UrlParts parts = UrlParts.parse(url);
        int k = policy.matchUrl(parts, site);
        if (parts.isRelative() && bases.any()) {
            // what the URL loads against each base counts too; the first rule matching any reading decides
            UrlParts viaBase = bases.base() == null ? null : parts.resolvedAgainst(bases.base());
            UrlParts viaNoscriptBase = bases.noscriptBase() == null ? null
                    : parts.resolvedAgainst(bases.noscriptBase());
            int r = viaBase == null ? -1 : policy.matchUrl(viaBase, site);
            if (r >= 0 && (k < 0 || r < k)) {
                k = r;
                parts = viaBase;
            }
            r = viaNoscriptBase == null ? -1 : policy.matchUrl(viaNoscriptBase, site);
            if (r >= 0 && (k < 0 || r < k)) {
                k = r;
                parts = viaNoscriptBase;
            }
        }
        // a tracker URL carried inside another one (redirects, proxies, a mistyped scheme) counts too; base64 data
        // has "//" by chance but no readable URL in it
        int slashes = DataUrls.isBase64(url) ? -1 : url.indexOf("//");
        if (slashes >= 0 && !parts.host().isEmpty() && slashes == UrlParts.literalAuthorityStart(url)) {
            // the URL's own authority, whose host was just read
            slashes = url.indexOf("//", slashes + 2);
        }
        for (int n = 0; k < 0 && slashes >= 0 && n < 4; n++) {
            parts = UrlParts.parse(url, slashes);
            k = policy.matchUrl(parts, site);
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
        return doc == null || doc.isEmpty() ? null : verdict(embedded.document(doc), kind);
    }

    private Verdict verdict(EmbeddedContentJudge.Match match, ElementKind kind) {
        return match == null ? null : verdict(match.rule(), match.host(), kind);
    }

    private Verdict verdict(int ruleIndex, String host, ElementKind kind) {
        TagRule rule = policy.rule(ruleIndex);
        return new Verdict(rule, host, kind, policy.action(rule, kind));
    }

    private Verdict judgeMetaCookie(TagToken tag) {
        String equiv = tag.value("http-equiv");
        if (equiv == null || !AttributeSyntax.asciiEqualsIgnoreCase(equiv.trim(), "set-cookie")) {
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

    /** Whether a script names an address the way SVG loads one ({@code href}, {@code xlink:href}). */
    static boolean hasSvgScriptAddress(TagToken tag) {
        for (String name : SVG_SCRIPT_URL_ATTRIBUTES) {
            if (tag.find(name) >= 0) {
                return true;
            }
        }
        return false;
    }

    static boolean isImportMap(TagToken tag) {
        String type = tag.value("type");
        return type != null && AttributeSyntax.asciiEqualsIgnoreCase(type.strip(), "importmap");
    }

    /**
     * Whether the script may run. JavaScript does, and so may any type not known to hold data or a blocked script:
     * loaders in the page run scripts of their own types later (WP Rocket's rocketlazyloadscript, LiteSpeed's
     * litespeed/javascript, Cloudflare Rocket Loader's "hash-text/javascript", Partytown's text/partytown), and a
     * type nobody knows is read the same way, so that a tracker cannot pass under a renamed type (fail closed).
     */
    static boolean mayRunScript(TagToken tag) {
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
}
