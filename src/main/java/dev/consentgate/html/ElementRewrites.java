package dev.consentgate.html;

import dev.consentgate.config.HtmlSettings;
import dev.consentgate.config.HtmlSettings.NeutralizeStyle;
import dev.consentgate.config.TagRule;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * Builds the bytes that replace a judged start tag: the neutralized tag or the placeholder box. Shared by all
 * responses of a policy (thread-safe); the attributes added per rule and the placeholders are built once.
 */
final class ElementRewrites {

    /** What an inert attribute's name is prefixed with: a handler renamed stays in the page, and runs nowhere. */
    static final byte[] BLOCKED_PREFIX = "data-cg-blocked-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final String[] LAZY_URL_ATTRIBUTES = {"data-src", "data-lazy-src", "data-original", "srcset",
        "data-srcset", "data-lazy-srcset"};
    private static final int MAX_CACHED_PLACEHOLDERS = 4096;

    private final HtmlSettings settings;
    /**
     * Attributes added per rule, for scripts and for other elements (no key built per tag). Keyed by the rule itself,
     * not its id: rules of imported lists may share an id across categories, and the category is in the bytes.
     */
    private final Map<TagRule, byte[]> addedToScripts = new ConcurrentHashMap<>();
    private final Map<TagRule, byte[]> addedToElements = new ConcurrentHashMap<>();
    private final Map<PlaceholderKey, byte[]> placeholders = new ConcurrentHashMap<>();
    /** {@code " <typeAttribute>"} to rename a script's type, or null when the style keeps it. */
    private final byte[] movedTypeName;
    /** {@code " <typeAttribute>=\"text/javascript\""} for a script without a type, or null. */
    private final byte[] movedDefaultType;

    ElementRewrites(HtmlSettings settings) {
        this.settings = settings;
        this.movedTypeName = settings.neutralize().typeAttribute().map(t -> (" " + t)
                .getBytes(StandardCharsets.UTF_8)).orElse(null);
        this.movedDefaultType = settings.neutralize().typeAttribute().map(t -> (" " + t + "=\"text/javascript\"")
                .getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    /**
     * The start tag made inert. Our attributes come first so that they win over duplicates in the original
     * (browsers keep the first of duplicated attributes); the original's attributes follow byte for byte, except
     * that {@code type} is moved away and the URL attributes are renamed so nothing loads.
     */
    ByteBuf neutralize(TagToken tag, TagRule rule) {
        NeutralizeStyle style = settings.neutralize();
        boolean script = tag.nameId == ElementNames.SCRIPT;
        byte[] raw = tag.bytes();
        int off = tag.offset();
        Bytes out = new Bytes(tag.length() + 160);
        int nameEnd = 1 + Math.min(tag.nameLen, tag.length() - 1);
        out.write(raw, off, nameEnd);
        out.write((script ? addedToScripts : addedToElements).computeIfAbsent(rule,
                k -> addedAttributes(style, rule, script)));
        if (script && movedTypeName != null) {
            int typeIndex = tag.find("type");
            if (typeIndex >= 0 && tag.valueStart[typeIndex] >= 0) {
                out.write(movedTypeName);
                out.write(raw, off + tag.nameEnd[typeIndex], tag.attrEnd[typeIndex] - tag.nameEnd[typeIndex]);
            } else {
                out.write(movedDefaultType);
            }
        }
        int lazyFrameUrl = script ? -1 : lazyFrameUrl(tag);
        Set<String> written = tag.xmlNames ? writtenFirst(style, script) : null;
        int prev = nameEnd;
        for (int k = 0; k < tag.attrCount; k++) {
            int sepStart = prev;
            prev = tag.attrEnd[k];
            if (script && tag.attributeNameIs(k, "type") || addedBefore(tag, k, style)) {
                continue;
            }
            String renamed = renamedAttribute(tag, k, script, style, lazyFrameUrl);
            if (written != null && !written.add(renamed != null ? renamed
                    : new String(raw, off + tag.nameStart[k], tag.nameEnd[k] - tag.nameStart[k],
                            StandardCharsets.UTF_8))) {
                // in XML a repeated attribute stops the page: the first of the name stays, as HTML would keep it
                continue;
            }
            out.write(raw, off + sepStart, tag.nameStart[k] - sepStart);
            if (renamed == null) {
                out.write(raw, off + tag.nameStart[k], tag.attrEnd[k] - tag.nameStart[k]);
            } else {
                out.ascii(renamed);
                out.write(raw, off + tag.nameEnd[k], tag.attrEnd[k] - tag.nameEnd[k]);
            }
        }
        out.write(raw, off + prev, tag.length() - prev);
        return out.toBuffer();
    }

    /**
     * A start tag of the page's structure or content (a body, a table, a div...) whose background image or a
     * handler's code a rule blocks, kept with that made inert: each {@code background} and each handler
     * {@code inertHandler} names renamed {@code data-cg-blocked-NAME}, every other byte as it was. The element stays,
     * as removing it would unmake the page's structure (until 2026-11-30 a body start tag went whole, its class and
     * other attributes with it).
     */
    static ByteBuf withBackgroundAndHandlersInert(TagToken tag, IntPredicate inertHandler) {
        return withAttributesInert(tag, k -> inertHandler.test(k) || tag.attributeNameIs(k, "background"));
    }

    /**
     * A link ({@code a}, {@code area}) whose ping, attributionsrc or event handler a rule blocks, kept with each
     * {@code ping}, {@code attributionsrc} and each handler {@code inertHandler} names renamed
     * {@code data-cg-blocked-NAME}, every other byte as it was: the link is the site's, only its beacons and code go.
     */
    static ByteBuf withPingsAndHandlersInert(TagToken tag, IntPredicate inertHandler) {
        return withAttributesInert(tag, k -> tag.attributeNameIs(k, "ping")
                || tag.attributeNameIs(k, "attributionsrc") || inertHandler.test(k));
    }

    /**
     * The start tag with each attribute {@code inert} names renamed {@code data-cg-blocked-NAME}. Of a tag past the
     * size limit only what was read whole is written, closed: the attributes the limit left unread (a background or
     * a ping among them, for all anyone knows) go, where passing them on as they came would let them load.
     */
    private static ByteBuf withAttributesInert(TagToken tag, IntPredicate inert) {
        byte[] raw = tag.bytes();
        int off = tag.offset();
        int end = tag.overflowed ? tag.wholeAttributesEnd() : tag.length();
        Bytes out = new Bytes(end + 32);
        Set<String> renamed = tag.xmlNames ? renamedNames(tag, end, inert) : Set.of();
        int written = 0;
        for (int k = 0; k < tag.attrCount && tag.nameStart[k] < end; k++) {
            if (inert.test(k)) {
                out.write(raw, off + written, tag.nameStart[k] - written);
                out.ascii("data-cg-blocked-");
                written = tag.nameStart[k];
            } else if (!renamed.isEmpty() && renamed.contains(rawName(tag, k))) {
                // in XML a repeated attribute stops the page: the element's own of the name a renaming gives goes
                int separator = k == 0 ? 1 + tag.nameLen : tag.attrEnd[k - 1];
                out.write(raw, off + written, separator - written);
                written = Math.min(tag.attrEnd[k], end);
            }
        }
        out.write(raw, off + written, end - written);
        if (tag.overflowed) {
            out.ascii(tag.selfClosing ? "/>" : ">");
        }
        return out.toBuffer();
    }

    /** The names {@link #withAttributesInert} gives the attributes it renames, as written (XML's names are exact). */
    private static Set<String> renamedNames(TagToken tag, int end, IntPredicate inert) {
        Set<String> names = new HashSet<>();
        for (int k = 0; k < tag.attrCount && tag.nameStart[k] < end; k++) {
            if (inert.test(k)) {
                names.add("data-cg-blocked-" + rawName(tag, k));
            }
        }
        return names;
    }

    /** Attribute k's name as written, each byte a char. */
    private static String rawName(TagToken tag, int k) {
        return new String(tag.bytes(), tag.offset() + tag.nameStart[k], tag.nameEnd[k] - tag.nameStart[k],
                StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether the element's attribute k repeats one of the attributes written first ({@link #addedAttributes}): a
     * browser reading HTML keeps the first of the two anyway, and in XML a repeated attribute is an error that stops
     * the page (a script marked {@code data-cookieconsent="ignore"} neutralized for Cookiebot, or one with a
     * {@code class} for OneTrust), so the element's own goes.
     */
    private static boolean addedBefore(TagToken tag, int k, NeutralizeStyle style) {
        return style.categoryAttribute().filter(a -> tag.attributeNameIs(k, a)).isPresent()
                || style.serviceAttribute().filter(a -> tag.attributeNameIs(k, a)).isPresent();
    }

    /**
     * The names written before the element's own attributes in a page parsed as XML, where an own attribute that a
     * renaming gives one of them ({@code data-src} already beside a {@code src} moved there, {@code data-cg-type} beside
     * a moved type) or two renamings give the same name would repeat it.
     */
    private Set<String> writtenFirst(NeutralizeStyle style, boolean script) {
        Set<String> names = new HashSet<>();
        style.categoryAttribute().ifPresent(names::add);
        style.serviceAttribute().ifPresent(names::add);
        if (script) {
            names.add("type");
            style.typeAttribute().ifPresent(names::add);
        }
        return names;
    }

    /** {@code type="text/plain"} (scripts) and the consent tool's category and service attributes. */
    private static byte[] addedAttributes(NeutralizeStyle style, TagRule rule, boolean script) {
        StringBuilder sb = new StringBuilder(96);
        if (script) {
            sb.append(" type=\"text/plain\"");
        }
        style.categoryAttribute().ifPresent(a -> sb.append(' ').append(a).append("=\"")
                .append(escape(style.categoryValue(rule.category()))).append('"'));
        style.serviceAttribute().ifPresent(a -> sb.append(' ').append(a).append("=\"").append(escape(rule.id()))
                .append('"'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A growable byte array without the locking of ByteArrayOutputStream. */
    private static final class Bytes {
        private byte[] buf;
        private int len;

        Bytes(int capacity) {
            buf = new byte[capacity];
        }

        void write(byte[] b) {
            write(b, 0, b.length);
        }

        void write(byte[] b, int off, int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
            System.arraycopy(b, off, buf, len, n);
            len += n;
        }

        void ascii(String s) {
            write(s.getBytes(StandardCharsets.UTF_8));
        }

        /** The bytes written, without copying them. */
        ByteBuf toBuffer() {
            return Unpooled.wrappedBuffer(buf, 0, len);
        }
    }

    /** URL attributes a lazy loader copies into a frame's src, in the order it looks for them. */
    private static final String[] LAZY_FRAME_URLS = {"data-src", "data-lazy-src", "data-original"};

    /**
     * The attribute holding the URL a lazily loaded element will load, when its src is missing or a blank stand-in
     * (about:blank): the consent tool's restore attribute must hold that URL, not the stand-in. -1 otherwise.
     */
    private static int lazyFrameUrl(TagToken tag) {
        int src = tag.find("src");
        if (src >= 0) {
            String value = tag.value(src);
            if (value != null && !value.isBlank() && !value.trim().equalsIgnoreCase("about:blank")) {
                return -1;
            }
        }
        for (String lazy : LAZY_FRAME_URLS) {
            int k = tag.find(lazy);
            if (k >= 0) {
                return k;
            }
        }
        return -1;
    }

    /** New name for attribute k, or null to keep it. */
    private static String renamedAttribute(TagToken tag, int k, boolean script, NeutralizeStyle style,
                                           int lazyFrameUrl) {
        if (k == lazyFrameUrl) {
            // the URL the element was going to load: where the consent tool restores it from
            return tag.attributeNameIs(k, style.frameSrcAttribute()) ? null : style.frameSrcAttribute();
        }
        if (tag.attributeNameIs(k, "src")) {
            if (script) {
                return style.scriptSrcAttribute().orElse(null);
            }
            return lazyFrameUrl >= 0 ? "data-cg-blocked-src" : style.frameSrcAttribute();
        }
        if (script && tag.attributeLocalNameIs(k, "href")) {
            // an SVG script loads its href (xlink:href in SVG 1.1), and Chromium 156.0.8078.114 requested it from one
            // of type text/plain (150 did not): an inert script names no address a browser reads
            return "data-cg-blocked-href";
        }
        if (tag.attributeNameIs(k, "attributionsrc")) {
            // Chromium 150 requested it from a script of type text/plain too: an inert element keeps no beacon
            return "data-cg-blocked-attributionsrc";
        }
        if (script && tag.attributeNameIs(k, "data-rocketlazyloadscript")) {
            // older WP Rocket finds delayed scripts by this attribute, not by their type, and sets src from it
            return "data-cg-blocked-data-rocketlazyloadscript";
        }
        if (!script) {
            if (tag.nameId == ElementNames.OBJECT && tag.attributeNameIs(k, "data")) {
                return "data-cg-data";
            }
            if (tag.attributeNameIs(k, "srcdoc")) {
                // a frame renders its srcdoc rather than its src: kept, it would load what made the frame inert
                return "data-cg-srcdoc";
            }
            String name = tag.attributeName(k);
            if (name.length() > 2 && (name.charAt(0) | 0x20) == 'o' && (name.charAt(1) | 0x20) == 'n') {
                // a frame without src still loads about:blank and fires its handlers, which may be what blocked it
                return "data-cg-blocked-" + name;
            }
            for (String lazy : LAZY_URL_ATTRIBUTES) {
                if (tag.attributeNameIs(k, lazy) && !lazy.equals(style.frameSrcAttribute())) {
                    return "data-cg-blocked-" + lazy;
                }
            }
        }
        return null;
    }

    /**
     * What takes the place of a removed tag that ended SVG or MathML content for a browser (an img, embed or meta
     * there): a tag that ends it the same way and shows nothing, so that what follows is read where the model of
     * {@code ForeignContent} says it is, not as SVG, where a script runs its own text.
     */
    static final byte[] FOREIGN_CONTENT_END = "<span hidden></span>".getBytes(StandardCharsets.US_ASCII);

    /** A small accessible box saying what was blocked and which consent it needs, with a link to give it. */
    byte[] placeholder(TagToken tag, TagRule rule, String host, String origin) {
        String size = dimension("width", tag.value("width")) + dimension("height", tag.value("height"));
        PlaceholderKey key = new PlaceholderKey(rule, host, size, origin);
        byte[] cached = placeholders.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] built = buildPlaceholder(rule, host, size, origin);
        if (placeholders.size() < MAX_CACHED_PLACEHOLDERS) {
            placeholders.put(key, built);
        }
        return built;
    }

    private record PlaceholderKey(TagRule rule, String host, String size, String origin) {
    }

    /**
     * @param origin written before a consent URL that is a path ("//host" when the page's base names another host,
     *               against which the path would resolve), or ""
     */
    private byte[] buildPlaceholder(TagRule rule, String host, String size, String origin) {
        String what = host.isEmpty() ? "This embedded content" : "Embedded content from " + host;
        String link = (settings.consentUrl().startsWith("/") && !settings.consentUrl().startsWith("//") ? origin : "")
                + settings.consentUrl() + (settings.consentUrl().contains("?") ? "&" : "?") + "category="
                + URLEncoder.encode(rule.category(), StandardCharsets.UTF_8);
        String html = "<div class=\"consentgate-placeholder\" role=\"note\" data-cg-category=\""
                + escape(rule.category()) + "\" data-cg-rule=\"" + escape(rule.id()) + "\" style=\""
                + "box-sizing:border-box;max-width:100%;" + size + "padding:1em;border:1px dashed #767676;"
                + "background:#f5f5f5;color:#1a1a1a;font:14px/1.4 system-ui,sans-serif;overflow:auto\">"
                + "<p style=\"margin:0 0 .5em\">" + escape(what) + " is blocked: it needs your consent to "
                + "<strong>" + escape(rule.category()) + "</strong> cookies.</p>"
                + "<a href=\"" + escape(link) + "\">Allow " + escape(rule.category()) + "</a></div>";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static String dimension(String property, String value) {
        if (value == null) {
            return "";
        }
        String v = value.trim();
        int digits = 0;
        while (digits < v.length() && digits < 5 && Character.isDigit(v.charAt(digits))) {
            digits++;
        }
        if (digits == 0) {
            return "";
        }
        boolean percent = digits < v.length() && v.charAt(digits) == '%';
        return property + ":" + v.substring(0, digits) + (percent ? "%" : "px") + ";";
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
