package dev.consentgate.html;

import dev.consentgate.config.TagAction;
import dev.consentgate.config.TagRule;
import dev.consentgate.consent.ConsentDecision;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Judges a start tag under a tag policy and a visitor's consent, by element: which of its addresses count (see
 * {@link AddressAttributes}; inside noscript scripts and frames count as pixels), whether a script may run at all
 * ({@link ScriptTypes}), what a srcdoc or an event handler carries, a meta element's cookie, and a tag past the size
 * limit. {@link UrlJudge} judges each URL. Knows nothing of bytes in flight; {@link ByteStreamRewriter} acts on its
 * verdicts.
 */
final class ElementJudge {

    static final Set<String> HINT_RELS = Set.of("preconnect", "dns-prefetch", "preload", "prefetch",
            "modulepreload", "prerender");
    private static final Set<String> STYLESHEET_REL = Set.of("stylesheet");
    /** Other links a browser fetches on its own: icons, the web app manifest, a compression dictionary. */
    private static final Set<String> FETCHED_RELS = Set.of("icon", "apple-touch-icon", "apple-touch-icon-precomposed",
            "mask-icon", "manifest", "compression-dictionary");
    private static final TagRule META_COOKIE_RULE = TagRule.builtinRemoval("meta-set-cookie");
    /** A script in content read both ways (see ByteStreamRewriter): it may run, and hold markup, in SVG. */
    static final Verdict SCRIPT_READ_BOTH_WAYS = Verdict.builtinRemoval("script-in-content-read-both-ways",
            ElementKind.PIXEL);
    /**
     * An inline script in SVG or MathML longer than the inspect limit: its content is markup to a browser there,
     * where a tag breaks out into HTML and loads, and the rest would pass unread.
     */
    static final Verdict SVG_SCRIPT_PAST_INSPECT_LIMIT = Verdict.builtinRemoval(
            "svg-or-math-script-past-inspect-limit", ElementKind.SCRIPT);
    /**
     * An inline script a browser may ignore (after a frameset, in a template's content) longer than the inspect
     * limit: its content may then be markup, which would pass unread.
     */
    static final Verdict MAYBE_MARKUP_SCRIPT_PAST_INSPECT_LIMIT = Verdict.builtinRemoval(
            "maybe-markup-script-past-inspect-limit", ElementKind.SCRIPT);
    /** An element past the tag size limit whose address or code the limit cut: it cannot be judged. */
    private static final TagRule UNREAD_PAST_LIMIT_RULE = TagRule.builtinRemoval("unread-past-limit");
    /** A base naming a host past the number of bases the page's list holds (see {@link PageBases}). */
    private static final TagRule BASES_PAST_LIMIT_RULE = TagRule.builtinRemoval("bases-past-limit");
    /** A base after more links' pings naming no host than {@link PingsBeforeBase} keeps: what they ping is unknown. */
    private static final TagRule PINGS_PAST_LIMIT_RULE = TagRule.builtinRemoval("pings-before-base-past-limit");

    private final TagPolicy policy;
    private final PageSite site;
    private final Predicate<String> cookieNameAllowed;
    private final EmbeddedContentJudge embedded;
    private final PageBases bases = new PageBases();
    private final PingsBeforeBase pingsBeforeBase = new PingsBeforeBase();
    private final UrlJudge urls;
    /** The encodings a browser may read the page's values in besides its own (see {@link ValueReadings}). */
    private final List<Charset> otherReadings;

    /** {@code encoding}: the encoding of the page's bytes (see {@link EmbeddedContentJudge}). */
    ElementJudge(TagPolicy policy, ConsentDecision consent, PageSite site, Predicate<String> cookieNameAllowed,
                 Charset encoding) {
        this.policy = policy;
        this.site = site;
        this.cookieNameAllowed = cookieNameAllowed;
        this.embedded = new EmbeddedContentJudge(policy, consent, site, encoding);
        this.urls = new UrlJudge(policy, consent, site, bases, embedded, encoding);
        this.otherReadings = ValueReadings.besides(encoding);
    }

    /**
     * A judge of response header values (Link, Refresh, Speculation-Rules, a prefetch's Location): a header's value is
     * already text, so the page's encoding plays no part, and no header sets a cookie a meta element would.
     */
    static ElementJudge forHeaderValues(TagPolicy policy, ConsentDecision consent, PageSite site) {
        return new ElementJudge(policy, consent, site, name -> false, StandardCharsets.UTF_8);
    }

    PageSite site() {
        return site;
    }

    /** Judges URLs against the page's bases, as this judge judges elements' addresses. */
    UrlJudge urls() {
        return urls;
    }

    /** The base URLs the page has set so far. */
    PageBases bases() {
        return bases;
    }

    /** What a resource hint to {@code url} (in a Link header) gets, as a link element's would: null to keep it. */
    Verdict judgeHint(String url) {
        return urls.url(url, ElementKind.HINT);
    }

    /**
     * What a refresh with this content ({@code 0;url=...}, in a meta element or a Refresh header) gets: it loads its
     * URL in the page's place, which is judged like a pixel's. Null to keep it.
     */
    Verdict judgeRefresh(String content) {
        String url = MetaRefresh.url(content);
        return url == null ? null : urls.url(url, ElementKind.PIXEL);
    }

    /** What to do with an element: its rule, the host it was found by, its kind and the action. */
    record Verdict(TagRule rule, String host, ElementKind kind, TagAction action) {
        static final Verdict INLINE = new Verdict(null, "", ElementKind.SCRIPT, null);

        /** One of the gateway's own rules ({@link TagRule#builtinRemoval}): an element of {@code kind} removed. */
        static Verdict builtinRemoval(String id, ElementKind kind) {
            return new Verdict(TagRule.builtinRemoval(id), "", kind, TagAction.REMOVE);
        }

        /** Rule {@code ruleIndex} of the policy, acting on an element of {@code kind} as the policy says. */
        static Verdict of(TagPolicy policy, int ruleIndex, String host, ElementKind kind) {
            TagRule rule = policy.rule(ruleIndex);
            return new Verdict(rule, host, kind, policy.action(rule, kind));
        }

        /** The verdict for what embedded content matched, or null when nothing did. */
        static Verdict of(TagPolicy policy, EmbeddedContentJudge.Match match, ElementKind kind) {
            return match == null ? null
                    : new Verdict(match.rule(), match.host(), kind, policy.action(match.rule(), kind));
        }
    }

    /**
     * What to do with a start tag ({@code inNoscript}: inside a noscript element, where scripts and frames count as
     * pixels): null to pass it, {@link Verdict#INLINE} to inspect the script text.
     */
    Verdict judge(TagToken tag, boolean inNoscript) {
        Verdict v = judgeAsRead(tag, inNoscript);
        if (v != null && v != Verdict.INLINE || otherReadings.isEmpty()
                || !tag.hasJudgedValuePastAscii(policy.rulesAreAscii())) {
            return v;
        }
        // a page that declares no encoding, read by a browser in what its detector guesses: the tag blocked when
        // any reading blocks it
        Charset pageReading = tag.encoding;
        try {
            for (Charset reading : otherReadings) {
                tag.encoding = reading;
                Verdict other = judgeAsRead(tag, inNoscript);
                if (other != null && other != Verdict.INLINE) {
                    return other;
                }
            }
        } finally {
            tag.encoding = pageReading;
        }
        return v;
    }

    /** {@link #judge} with the tag's values read in its {@link TagToken#encoding}. */
    private Verdict judgeAsRead(TagToken tag, boolean inNoscript) {
        if (tag.xmlNames && XsltJudge.decidedByTemplate(tag)) {
            return XsltJudge.VALUE_TEMPLATE;
        }
        Verdict v = judgeElement(tag, inNoscript);
        if (v == null || v == Verdict.INLINE && AddressAttributes.scriptLoadsAnAddress(tag)) {
            // judged in noscript too: a lazy loader may insert a noscript's text as markup, whose handlers then run
            Verdict handlers = judgeHandlers(tag, inNoscript);
            v = handlers != null ? handlers : v;
        } else if (v == Verdict.INLINE && tag.nameId == ElementNames.SCRIPT) {
            // an inline script's handlers never fire, but its style applies once the page displays it
            Verdict style = styleOfAScript(tag);
            v = style != null ? style : v;
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
                if (!ScriptTypes.mayRun(tag)) {
                    return ScriptTypes.isImportMap(tag) ? Verdict.INLINE : null;
                }
                ElementKind kind = inNoscript ? ElementKind.PIXEL : ElementKind.SCRIPT;
                // an SVG script loads its href, an HTML one its src: the element does not say which it is here
                Verdict svg = urls.firstBlocked(tag, kind, AddressAttributes.SVG_SCRIPT);
                if (svg != null) {
                    return svg;
                }
                // requested beside what it loads or runs
                Verdict attribution = urls.firstBlocked(tag, kind, AddressAttributes.ATTRIBUTION_SRC);
                if (attribution != null) {
                    return attribution;
                }
                if (tag.findAddress("src", 0) >= 0) {
                    return urls.firstBlocked(tag, kind, AddressAttributes.SRC);
                }
                Verdict lazy = urls.firstBlocked(tag, kind, AddressAttributes.DELAYED_SCRIPT);
                return lazy != null || tag.overflowed ? lazy : Verdict.INLINE;
            }
            case ElementNames.IMG:
            case ElementNames.SOURCE:
                return urls.firstBlocked(tag, ElementKind.PIXEL, AddressAttributes.IMAGE);
            case ElementNames.IMAGE:
                return urls.firstBlocked(tag, ElementKind.PIXEL, AddressAttributes.IMAGE_ELEMENT);
            case ElementNames.IFRAME: {
                Verdict v = urls.firstBlocked(tag, embedKind(inNoscript), AddressAttributes.FRAME);
                return v != null ? v : judgeSrcdoc(tag, embedKind(inNoscript));
            }
            case ElementNames.FRAME:
                return urls.firstBlocked(tag, embedKind(inNoscript), AddressAttributes.FRAME);
            case ElementNames.EMBED:
                return urls.firstBlocked(tag, embedKind(inNoscript), AddressAttributes.SRC);
            case ElementNames.AMP_PIXEL:
                return urls.firstBlocked(tag, ElementKind.PIXEL, AddressAttributes.SRC);
            case ElementNames.AMP_IFRAME:
                return urls.firstBlocked(tag, embedKind(inNoscript), AddressAttributes.SRC);
            case ElementNames.OBJECT:
                return urls.firstBlocked(tag, embedKind(inNoscript), AddressAttributes.DATA);
            case ElementNames.LINK: {
                String rel = tag.value("rel");
                if (rel == null) {
                    return null;
                }
                if (AttributeSyntax.anyToken(rel, HINT_RELS) || AttributeSyntax.anyToken(rel, FETCHED_RELS)) {
                    return urls.firstBlocked(tag, ElementKind.HINT, AddressAttributes.HINT);
                }
                // a stylesheet is fetched with the page, sending its host the visitor's cookies: judged like a hint
                // (in noscript, etracker's cnt_css.php counts visitors without JavaScript, like a pixel there); the
                // site's own and a host no rule names pass
                return AttributeSyntax.anyToken(rel, STYLESHEET_REL) ? urls.firstBlocked(tag,
                        inNoscript ? ElementKind.PIXEL : ElementKind.HINT, AddressAttributes.HREF) : null;
            }
            case ElementNames.INPUT:
                return isImageInput(tag) ? urls.firstBlocked(tag, ElementKind.PIXEL, AddressAttributes.SRC) : null;
            case ElementNames.VIDEO:
                return urls.firstBlocked(tag, ElementKind.PIXEL, AddressAttributes.VIDEO);
            case ElementNames.AUDIO:
                return urls.firstBlocked(tag, ElementKind.PIXEL, AddressAttributes.AUDIO);
            case ElementNames.TRACK:
                return urls.firstBlocked(tag, ElementKind.PIXEL, AddressAttributes.SRC);
            case ElementNames.BODY:
            case ElementNames.TABLE:
            case ElementNames.TR:
            case ElementNames.TD:
            case ElementNames.TH:
            case ElementNames.TBODY:
            case ElementNames.THEAD:
            case ElementNames.TFOOT:
            case ElementNames.COLGROUP:
            case ElementNames.COL:
                return urls.firstBlocked(tag, ElementKind.PIXEL, AddressAttributes.BACKGROUND);
            case ElementNames.FE_IMAGE:
                return urls.firstBlocked(tag, ElementKind.PIXEL, AddressAttributes.FE_IMAGE);
            case ElementNames.A:
            case ElementNames.AREA:
                return judgePings(tag);
            case ElementNames.META:
                return judgeMeta(tag);
            case ElementNames.SET:
            case ElementNames.ANIMATE:
                return judgeAnimation(tag);
            case ElementNames.XSL_ELEMENT:
            case ElementNames.XSL_ATTRIBUTE:
                return XsltJudge.instruction(tag);
            case ElementNames.XSL_TEXT:
            case ElementNames.XSL_VALUE_OF:
            case ElementNames.XSL_COPY_OF:
                return XsltJudge.output(tag);
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
        return AddressAttributes.cutByLimit(tag)
                ? new Verdict(UNREAD_PAST_LIMIT_RULE, "", ElementKind.PIXEL, TagAction.REMOVE) : null;
    }

    /**
     * A base element ({@code inDocument}: certainly the document's, see {@link PageBases}): a relative URL after it
     * may load from the base's host, so it is judged there too. Null to keep it; a removal when the page's bases
     * cannot hold its host.
     */
    Verdict baseElement(TagToken tag, boolean inDocument) {
        String href = tag.value("href");
        List<String> readings = new ArrayList<>();
        if (href != null && !otherReadings.isEmpty() && tag.hasJudgedValuePastAscii(false)) {
            // a page that declares no encoding: its href in each encoding a browser's detector may choose
            Charset pageReading = tag.encoding;
            try {
                for (Charset reading : otherReadings) {
                    tag.encoding = reading;
                    readings.add(tag.value("href"));
                }
            } finally {
                tag.encoding = pageReading;
            }
        }
        boolean documentsFirst = href != null && !bases.documentBaseSeen();
        if (!bases.element(href, readings, inDocument)) {
            bases.documentBaseRemoved();
            return new Verdict(BASES_PAST_LIMIT_RULE, UrlParts.parse(href).host(), ElementKind.PIXEL,
                    TagAction.REMOVE);
        }
        Verdict pinged = documentsFirst ? pingsAgainstBase(href) : null;
        if (pinged != null) {
            // gone, it leaves the links' pings on the page's host; a later base becomes the document's
            bases.documentBaseRemoved();
        }
        return pinged;
    }

    /**
     * The pings of links before this base (the first of the document, for all anyone knows), read against it as a
     * browser reads them when the visitor follows a link: a removal of the base when a rule not granted blocks one,
     * or when they were too many to keep and the base names a host.
     */
    private Verdict pingsAgainstBase(String href) {
        for (String url : pingsBeforeBase.urls()) {
            Verdict v = urls.url(url, ElementKind.PIXEL);
            if (v != null) {
                return new Verdict(v.rule(), v.host(), ElementKind.PIXEL, TagAction.REMOVE);
            }
        }
        String host = UrlParts.parse(href).host();
        return pingsBeforeBase.overflowed() && !host.isEmpty()
                ? new Verdict(PINGS_PAST_LIMIT_RULE, host, ElementKind.PIXEL, TagAction.REMOVE) : null;
    }

    /**
     * A link's pings (a beacon sent as the visitor follows the link). Passing ones naming no host are kept until the
     * document's base, which a browser reads them against when the link is followed, wherever the base comes.
     */
    private Verdict judgePings(TagToken tag) {
        Verdict v = urls.firstBlocked(tag, ElementKind.PIXEL, AddressAttributes.LINK_BEACONS);
        if (v == null && !bases.documentBaseSeen()) {
            for (String name : AddressAttributes.LINK_BEACONS) {
                for (int k = tag.findAddress(name, 0); k >= 0; k = tag.findAddress(name, k + 1)) {
                    pingsBeforeBase.ping(tag.value(k));
                }
            }
        }
        return v;
    }

    /** Whether a rule blocks the code of handler {@code k} of {@code tag} (see {@link EventHandlers#judge}). */
    boolean blocksHandler(TagToken tag, int k) {
        return EventHandlers.judge(tag, k, embedded) != null;
    }

    /** An element that passed on its addresses, judged on its event handlers' code and its style attributes. */
    private Verdict judgeHandlers(TagToken tag, boolean inNoscript) {
        ElementKind kind = switch (tag.nameId) {
            case ElementNames.SCRIPT -> ScriptTypes.mayRun(tag) ? ElementKind.SCRIPT : null;
            case ElementNames.IMG, ElementNames.SOURCE, ElementNames.IMAGE, ElementNames.AMP_PIXEL, ElementNames.VIDEO,
                 ElementNames.AUDIO, ElementNames.TRACK, ElementNames.BODY, ElementNames.FE_IMAGE -> ElementKind.PIXEL;
            // an image button is removed; another input, an svg, a style or a details element stays, its handlers
            // made inert (see ElementActions), as their handlers may fire with no one acting
            case ElementNames.INPUT, ElementNames.SVG, ElementNames.STYLE, ElementNames.DETAILS -> ElementKind.PIXEL;
            case ElementNames.IFRAME, ElementNames.FRAME, ElementNames.EMBED, ElementNames.OBJECT,
                 ElementNames.AMP_IFRAME -> ElementKind.EMBED;
            case ElementNames.LINK -> ElementKind.HINT;
            // every other element stays, its handlers made inert (see ElementActions): a handler may fire with no one
            // acting (a focus handler with autofocus, an animation's, an SVG animation's begin, a frameset's load)
            default -> ElementKind.PIXEL;
        };
        if (kind == null) {
            // a script of a data type runs no handler, but shows a style's background once the page displays it
            return styleOfAScript(tag);
        }
        ElementKind judgedAs = inNoscript ? ElementKind.PIXEL : kind;
        Verdict handler = Verdict.of(policy, EventHandlers.firstBlocked(tag, embedded), judgedAs);
        if (handler != null) {
            return handler;
        }
        return tag.nameId == ElementNames.SCRIPT ? styleOfAScript(tag)
                : StyleAttributes.firstBlocked(tag, urls, judgedAs);
    }

    /**
     * A script with a blocked style attribute goes whole: a neutralized one keeps its other attributes, the style
     * among them, which loads once the page displays the script (found by a review, 2026-12-02).
     */
    private Verdict styleOfAScript(TagToken tag) {
        Verdict style = StyleAttributes.firstBlocked(tag, urls, ElementKind.SCRIPT);
        return style == null ? null : new Verdict(style.rule(), style.host(), ElementKind.SCRIPT, TagAction.REMOVE);
    }

    /** A base element goes when a style attribute of its names a blocked address (a page may display a base). */
    Verdict baseStyle(TagToken tag) {
        Verdict style = StyleAttributes.firstBlocked(tag, urls, ElementKind.PIXEL);
        return style == null ? null : new Verdict(style.rule(), style.host(), ElementKind.PIXEL, TagAction.REMOVE);
    }

    /** Whether a rule blocks an address in style attribute {@code k} of {@code tag} (see {@link StyleAttributes}). */
    boolean blocksStyle(TagToken tag, int k) {
        return StyleAttributes.judge(tag, k, urls, ElementKind.PIXEL) != null;
    }

    private static ElementKind embedKind(boolean inNoscript) {
        return inNoscript ? ElementKind.PIXEL : ElementKind.EMBED;
    }

    /**
     * An iframe's srcdoc is a document the browser renders in place of src: a tracker URL or loader snippet anywhere
     * in it blocks the frame as its src would. Its relative URLs are read against the page's bases, as a browser
     * reads a srcdoc document's without a base of its own (until 2026-12-01 against none, and Chromium 150 loaded
     * {@code <img src='/tr'>} in a srcdoc under the page's base on www.facebook.com: found by a review).
     */
    private Verdict judgeSrcdoc(TagToken tag, ElementKind kind) {
        String doc = tag.value("srcdoc");
        return doc == null || doc.isEmpty() ? null : Verdict.of(policy, embedded.document(doc, bases.asMarkup()), kind);
    }

    /**
     * SVG's set or animate giving an attribute the values it holds: an address attribute (an image's href) loads each
     * like the attribute's own, so each is judged as a pixel's address; and a presentation attribute that takes CSS
     * ({@code mask}, {@code clip-path}, {@code marker-start}...) loads a {@code url()} in one, so each value is read
     * as CSS too, whatever the attribute (failing closed). Until 2026-12-02 only addresses were judged, and Chromium
     * fetched Meta's pixel named in a {@code <set attributeName="mask" to="url(...)">} (found by a review).
     */
    private Verdict judgeAnimation(TagToken tag) {
        String target = tag.value("attributename");
        if (target == null) {
            return null;
        }
        boolean address = animatesAnAddress(target);
        for (String name : new String[] {"to", "from", "by", "values"}) {
            String value = tag.value(name);
            if (value == null) {
                continue;
            }
            if (address) {
                for (String url : name.equals("values") ? value.split(";") : new String[] {value}) {
                    Verdict v = url.isBlank() ? null : urls.url(url.strip(), ElementKind.PIXEL);
                    if (v != null) {
                        return v;
                    }
                }
            }
            Verdict css = StyleAttributes.firstBlockedIn(value, urls, ElementKind.PIXEL);
            if (css != null) {
                return css;
            }
        }
        return null;
    }

    /**
     * Whether an input is an image button, which loads its src: type {@code image} in ASCII case (spaces around it
     * ignored, though a browser would make such an input a text field: failing closed).
     */
    static boolean isImageInput(TagToken tag) {
        String type = tag.value("type");
        return type != null && AttributeSyntax.asciiEqualsIgnoreCase(type.strip(), "image");
    }

    private static final Set<String> ANIMATED_ADDRESSES = Set.of("href", "src");

    /**
     * Whether an animation's {@code attributeName} value names an attribute that holds an address: href or src
     * under any prefix, as which namespace a prefix is bound to is not followed ({@code l:href} with {@code l} bound
     * to XLink's namespace animated an image's address in an XHTML page in Chromium 155; until 2026-12-01 only
     * {@code xlink:href} counted, found by a review), failing closed.
     */
    static boolean animatesAnAddress(String attributeName) {
        String name = attributeName.strip().toLowerCase(Locale.ROOT);
        return ANIMATED_ADDRESSES.contains(name.substring(name.lastIndexOf(':') + 1));
    }

    /** A meta element that sets a cookie (judged by the cookie rules) or navigates (judged by its URL). */
    private Verdict judgeMeta(TagToken tag) {
        String equiv = tag.value("http-equiv");
        if (equiv == null) {
            return null;
        }
        if (AttributeSyntax.asciiEqualsIgnoreCase(equiv.trim(), "refresh")) {
            // a refresh loads its URL in the page's place, or in a frame's when the page is a srcdoc document
            return judgeRefresh(tag.value("content"));
        }
        return AttributeSyntax.asciiEqualsIgnoreCase(equiv.trim(), "set-cookie") ? judgeMetaCookie(tag) : null;
    }

    private Verdict judgeMetaCookie(TagToken tag) {
        String content = tag.value("content");
        String cookie = content == null ? "" : content;
        int eq = cookie.indexOf('=');
        String name = (eq >= 0 ? cookie.substring(0, eq) : "").trim();
        if (!name.isEmpty() && cookieNameAllowed.test(name)) {
            return null;
        }
        return new Verdict(META_COOKIE_RULE, "", ElementKind.META_COOKIE, TagAction.REMOVE);
    }
}
