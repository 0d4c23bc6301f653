package dev.consentgate.html;

import dev.consentgate.config.TagAction;
import dev.consentgate.config.TagRule;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.html.ElementJudge.Verdict;
import dev.consentgate.html.UrlMatchCache.UrlMatch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges the URLs an element loads under the tag rules and the visitor's consent: each URL as written and against
 * the page's base URLs, a tracker's URL carried inside another one, a data: URL by what it carries, and a
 * javascript: URL by its code.
 */
final class UrlJudge {

    /** Data: stylesheets are read inside one another at most this deep (see dataStylesheet). */
    private static final int MAX_STYLESHEET_DEPTH = 3;
    /** At most this much of a data: stylesheet is read, as of an inline style element by default. */
    private static final int DATA_STYLESHEET_LIMIT = 256 * 1024;
    /** A data: stylesheet nested past {@link #MAX_STYLESHEET_DEPTH}: what it loads is unread. */
    private static final TagRule DATA_STYLESHEETS_TOO_DEEP = TagRule.builtinRemoval("data-stylesheets-past-depth");

    private final TagPolicy policy;
    private final ConsentDecision consent;
    /** The page's own site, whose resources rules naming the whole site do not block. */
    private final PageSite site;
    private final PageBases bases;
    private final EmbeddedContentJudge embedded;
    /** How deep in data: stylesheets the URL being judged is named. */
    private int stylesheetDepth;
    /** The page's encoding, a data: stylesheet's when it names none. */
    private final Charset pageEncoding;

    UrlJudge(TagPolicy policy, ConsentDecision consent, PageSite site, PageBases bases,
             EmbeddedContentJudge embedded, Charset pageEncoding) {
        this.pageEncoding = pageEncoding;
        this.policy = policy;
        this.consent = consent;
        this.site = site;
        this.bases = bases;
        this.embedded = embedded;
    }

    /**
     * Whether an attribute's value in a page parsed as XML holds an XSLT attribute value template: an expression in
     * braces ({@code {$u}}), evaluated where a stylesheet writes the element ({@code {{} and {@code }}} are braces).
     */
    static boolean isValueTemplate(String value) {
        return value.replace("{{", "").indexOf('{') >= 0;
    }

    /** The first of the tag's {@code attributes} (each URL of a srcset) that a rule not granted blocks, or null. */
    Verdict firstBlocked(TagToken tag, ElementKind kind, String[] attributes) {
        for (String name : attributes) {
            // in a page parsed as XML, each attribute of that local name (see TagToken#findAddress)
            for (int k = tag.findAddress(name, 0); k >= 0; k = tag.findAddress(name, k + 1)) {
                if (tag.xmlNames && isValueTemplate(tag.value(k))) {
                    return XsltJudge.ADDRESS_TEMPLATE;
                }
                if (name.endsWith("srcset") || AddressAttributes.isUrlList(name)) {
                    String value = tag.value(k);
                    for (String candidate : AddressAttributes.isUrlList(name) ? AttributeSyntax.tokens(value)
                            : AttributeSyntax.srcsetUrls(value)) {
                        Verdict v = url(candidate, kind);
                        if (v != null) {
                            return v;
                        }
                    }
                } else {
                    Verdict v = attribute(tag, k, kind);
                    if (v != null) {
                        return v;
                    }
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
    Verdict attribute(TagToken tag, int k, ElementKind kind) {
        if (tag.valueStart[k] >= 0) {
            byte[] raw = tag.bytes();
            int from = tag.offset() + tag.valueStart[k];
            int to = tag.offset() + tag.valueEnd[k];
            if (!bases.any() && UrlParts.isPlainRelative(raw, from, to)
                    && !policy.pathOnlyRuleMayMatch(raw, from, to)) {
                return null;
            }
        }
        String url = tag.value(k);
        // a data: script without a charset of its own may be read in its element's
        return url(url, kind, kind == ElementKind.SCRIPT && DataUrls.isDataUrl(url) ? tag.value("charset") : null);
    }

    /** What an element of {@code kind} loading {@code url} gets: null when no rule blocks it for this consent. */
    Verdict url(String url, ElementKind kind) {
        return url(url, kind, null);
    }

    /** {@link #url(String, ElementKind)} for a script whose charset attribute is {@code scriptCharset} (or null). */
    private Verdict url(String url, ElementKind kind, String scriptCharset) {
        if ((kind == ElementKind.SCRIPT || kind == ElementKind.EMBED) && DataUrls.isDataUrl(url)) {
            // a script runs what the URL carries, a frame shows it
            return Verdict.of(policy, embedded.dataUrl(url, kind == ElementKind.EMBED, scriptCharset), kind);
        }
        if (JavascriptUrls.isJavascriptUrl(url)) {
            // a frame runs the URL's code (an element of another kind, never: judged alike, failing closed), and the
            // URLs it names are read below too
            Verdict code = Verdict.of(policy, embedded.javascriptUrl(url), kind);
            if (code != null) {
                return code;
            }
        }
        // what the URL matches depends on the page's base URLs only when it is relative, and they are rare
        UrlMatch match = bases.any() ? read(url) : policy.urlMatches().get(site.domain(), url, this::read);
        Verdict v = verdict(match.rule(), match.parts(), kind);
        return v != null || kind == ElementKind.SCRIPT || kind == ElementKind.EMBED ? v
                : dataStylesheet(url, kind, kind == ElementKind.HINT);
    }

    /**
     * What an {@code @import} of {@code url} gets: judged as an image's address, and a data: URL of any type as a
     * stylesheet (a page in quirks mode applies one whatever its type).
     */
    Verdict imported(String url) {
        Verdict v = url(url, ElementKind.PIXEL);
        return v != null || DataUrls.mayBeStylesheet(url) ? v : dataStylesheet(url, ElementKind.PIXEL, true);
    }

    /**
     * A data: URL an image, a stylesheet link or CSS names, that may be a stylesheet (see
     * {@link DataUrls#mayBeStylesheet}; {@code anyType}: of whatever type, as a link's or an import's, which a page
     * in quirks mode applies whatever its type): judged by the addresses its CSS loads ({@code @import
     * "data:text/css;base64,..."} imports a stylesheet the page carries, written so that no tracker's host shows).
     * Its CSS is read in the encoding its byte order mark or charset names, else in UTF-8 and in the page's. Null
     * when it passes or is no such URL; such URLs are read inside one another at most {@link #MAX_STYLESHEET_DEPTH}
     * deep, and one past that goes, failing closed.
     */
    private Verdict dataStylesheet(String url, ElementKind kind, boolean anyType) {
        if (!DataUrls.isDataUrl(url) || !anyType && !DataUrls.mayBeStylesheet(url)) {
            return null;
        }
        if (stylesheetDepth >= MAX_STYLESHEET_DEPTH) {
            return new Verdict(DATA_STYLESHEETS_TOO_DEEP, "", kind, TagAction.REMOVE);
        }
        byte[] body = DataUrls.body(url, DATA_STYLESHEET_LIMIT);
        if (body == null) {
            return null;
        }
        for (Charset encoding : stylesheetEncodings(body, DataUrls.charsetLabel(url))) {
            Verdict v = stylesheet(BrowserDecoding.decode(body, encoding), kind);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * The encodings a data: stylesheet's CSS may be read in: its BOM's, its charset's, its {@code @charset} rule's,
     * else UTF-8's and the page's (each a detector may choose, for a page that declares none).
     */
    private List<Charset> stylesheetEncodings(byte[] body, String label) {
        if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
            return List.of(StandardCharsets.UTF_16LE);
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
            return List.of(StandardCharsets.UTF_16BE);
        }
        Charset named = label.isEmpty() ? null : EncodingLabels.charset(label);
        if (named != null) {
            return List.of(named == EncodingLabels.charset("iso-2022-jp") ? Iso2022Jp.INSTANCE : named);
        }
        // CSS Syntax 3: without a charset, an @charset rule the text starts with names its encoding (found by a
        // review, 2026-12-02: one naming ISO-2022-JP, whose escapes are no characters, split a tracker's host)
        String rule = CssBytes.charsetRuleLabel(body, body.length);
        if (rule != null && EncodingLabels.isLabel(rule)) {
            Charset byRule = EncodingLabels.charset(rule);
            return List.of(byRule == EncodingLabels.charset("iso-2022-jp") ? Iso2022Jp.INSTANCE
                    : byRule == StandardCharsets.UTF_16LE || byRule == StandardCharsets.UTF_16BE
                    ? StandardCharsets.UTF_8 : byRule);
        }
        List<Charset> readings = new java.util.ArrayList<>(List.of(StandardCharsets.UTF_8));
        // plain ASCII reads alike in each; a stylesheet inside another is read in the page's first reading only,
        // which keeps three levels from multiplying the detector's 36 readings
        boolean every = stylesheetDepth == 0 && !ValueReadings.isAscii(body, 0, body.length);
        for (Charset page : every ? ValueReadings.of(pageEncoding) : List.of(pageEncoding)) {
            if (!readings.contains(page)) {
                readings.add(page);
            }
        }
        return readings;
    }


    /** The first blocked address {@code css} loads, judged as {@code kind}'s, or null. */
    private Verdict stylesheet(String css, ElementKind kind) {
        if (!CssUrls.mayLoad(css)) {
            return null;
        }
        Verdict[] first = {null};
        stylesheetDepth++;
        try {
            CssUrls.find(css, null, (start, end, inner, imported) -> {
                if (first[0] == null) {
                    first[0] = imported ? imported(inner) : url(inner, kind);
                }
            });
        } finally {
            stylesheetDepth--;
        }
        return first[0];
    }

    /**
     * The first rule the URL matches as written, against the page's base URLs, and as any URL it carries inside
     * it; -1 when none does.
     */
    private UrlMatch read(String url) {
        UrlParts parts = UrlParts.parse(url);
        int k = policy.matchUrl(parts, site);
        UrlParts relative = parts.isRelative() ? parts : null;
        String sameScheme = relative == null ? UrlParts.sameSchemeRelative(url) : null;
        if (sameScheme != null) {
            // "https:gtm.js" loads gtm.js from the page's host, or its base's, on a page of that scheme: read both ways
            relative = UrlParts.parse(sameScheme);
            int r = policy.matchUrl(relative, site);
            if (r >= 0 && (k < 0 || r < k)) {
                k = r;
                parts = relative;
            }
        }
        if (relative != null && bases.any()) {
            // what the URL loads against each base counts too; the first rule matching any reading decides
            for (UrlParts base : bases.all()) {
                UrlParts viaBase = relative.resolvedAgainst(base);
                int r = policy.matchUrl(viaBase, site);
                if (r >= 0 && (k < 0 || r < k)) {
                    k = r;
                    parts = viaBase;
                }
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
        return new UrlMatch(k, parts);
    }

    /**
     * What an element of {@code kind} gets for loading some URL that begins with {@code start} (a URL pattern's
     * literal part, anything may follow): the start judged as a URL, then each longer path a rule names that such a
     * URL may have, on the start's host, or for a relative start on the page's and each base's (see
     * {@link TagPolicy#pathsContinuing}); null when none is blocked.
     */
    Verdict urlBeginningWith(String start, ElementKind kind) {
        Verdict v = url(start, kind);
        if (v != null) {
            return v;
        }
        UrlParts parts = UrlParts.parse(start);
        List<UrlParts> readings = new ArrayList<>();
        if (parts.isRelative()) {
            readings.add(parts);
            for (UrlParts base : bases.all()) {
                readings.add(parts.resolvedAgainst(base));
            }
        } else if (!parts.host().isEmpty()) {
            readings.add(parts);
        }
        for (UrlParts reading : readings) {
            for (String path : policy.pathsContinuing(reading.host(), reading.path())) {
                UrlParts longer = new UrlParts(reading.host(), path);
                v = verdict(policy.matchUrl(longer, site), longer, kind);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** The verdict of rule {@code k} (-1: none) on {@code parts}: null when none matched or it is granted. */
    private Verdict verdict(int k, UrlParts parts, ElementKind kind) {
        if (k < 0) {
            return null;
        }
        if (policy.granted(policy.rule(k).category(), consent)) {
            return null;
        }
        return Verdict.of(policy, k, parts.host(), kind);
    }
}
