package dev.consentgate.config;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the HTML rewriter treats elements whose category is not granted.
 *
 * <p>The action for an element is, in this order: the tag rule's own action, the action configured for the rule's
 * category, the default for the element kind. An action the element cannot take is narrowed (a pixel or a resource
 * hint can only be removed; a script cannot become a placeholder and is neutralized instead).
 *
 * @param neutralize              attribute names written when a script or embed is made inert
 * @param scriptAction            default for {@code <script>}
 * @param pixelAction             default for {@code <img>} and what loads like one ({@code <video>}, {@code <audio>},
 *                                {@code <input type=image>}...), and anything inside {@code <noscript>}
 * @param hintAction              default for {@code <link rel=preconnect|dns-prefetch|preload|prefetch|...>} and a
 *                                stylesheet
 * @param embedAction             default for {@code <iframe>}, {@code <frame>}, {@code <embed>}, {@code <object>}
 * @param categoryActions         per category id, overrides the element-kind defaults
 * @param inlineScriptInspectLimit bytes of inline script text searched for signatures; past it the script passes
 *                                unchanged unless a rule already matched
 * @param maxTagBytes             bytes of one tag kept for judging; past it the tag passes unchanged unless a rule
 *                                already matched (then it is removed)
 * @param consentUrl              where the placeholder's link sends the visitor to give consent
 * @param namedUrlCategories      categories whose tag URLs block an inline script that only names them (a beacon
 *                                endpoint, a tracker's address in its settings); a URL a script loads blocks it
 *                                whatever its category
 * @param surrogates              after a blocked script of a known vendor, inert stand-ins for the globals it would
 *                                have defined ({@code gtag}, {@code fbq}...), so that the site's own calls to them
 *                                do not throw
 */
public record HtmlSettings(NeutralizeStyle neutralize, TagAction scriptAction, TagAction pixelAction,
                           TagAction hintAction, TagAction embedAction, Map<String, TagAction> categoryActions,
                           int inlineScriptInspectLimit, int maxTagBytes, String consentUrl,
                           Set<String> namedUrlCategories, boolean surrogates) {

    public static final String DEFAULT_CONSENT_URL = "/.consentgate/consent";
    /** The categories of trackers (not of embeds and widgets, whose hosts links name too). */
    public static final Set<String> DEFAULT_NAMED_URL_CATEGORIES = Set.of("analytics", "advertising");

    public HtmlSettings {
        Objects.requireNonNull(neutralize, "neutralize");
        categoryActions = Map.copyOf(categoryActions);
        namedUrlCategories = Set.copyOf(namedUrlCategories);
        if (inlineScriptInspectLimit < 0) {
            throw new IllegalArgumentException("html.inline-script-inspect-limit must be >= 0");
        }
        if (maxTagBytes < 64) {
            throw new IllegalArgumentException("html.max-tag-bytes must be >= 64");
        }
    }

    public static HtmlSettings defaults() {
        return new HtmlSettings(NeutralizeStyle.CONSENTGATE, TagAction.NEUTRALIZE, TagAction.REMOVE,
                TagAction.REMOVE, TagAction.PLACEHOLDER, Map.of(), 256 * 1024, 16 * 1024, DEFAULT_CONSENT_URL,
                DEFAULT_NAMED_URL_CATEGORIES, true);
    }

    public HtmlSettings withNeutralize(NeutralizeStyle style) {
        return new HtmlSettings(style, scriptAction, pixelAction, hintAction, embedAction, categoryActions,
                inlineScriptInspectLimit, maxTagBytes, consentUrl, namedUrlCategories, surrogates);
    }

    public HtmlSettings withLimits(int inspectLimit, int tagBytes) {
        return new HtmlSettings(neutralize, scriptAction, pixelAction, hintAction, embedAction, categoryActions,
                inspectLimit, tagBytes, consentUrl, namedUrlCategories, surrogates);
    }

    public HtmlSettings withActions(TagAction script, TagAction pixel, TagAction hint, TagAction embed,
                                    Map<String, TagAction> perCategory) {
        return new HtmlSettings(neutralize, script, pixel, hint, embed, perCategory, inlineScriptInspectLimit,
                maxTagBytes, consentUrl, namedUrlCategories, surrogates);
    }

    public HtmlSettings withNamedUrlCategories(Set<String> categories) {
        return new HtmlSettings(neutralize, scriptAction, pixelAction, hintAction, embedAction, categoryActions,
                inlineScriptInspectLimit, maxTagBytes, consentUrl, categories, surrogates);
    }

    public HtmlSettings withSurrogates(boolean on) {
        return new HtmlSettings(neutralize, scriptAction, pixelAction, hintAction, embedAction, categoryActions,
                inlineScriptInspectLimit, maxTagBytes, consentUrl, namedUrlCategories, on);
    }

    /**
     * The attributes a neutralized element carries, so that a consent tool in the page can re-activate it after
     * consent without a reload. A neutralized script always gets {@code type="text/plain"} first.
     *
     * @param name               preset name ("consentgate", "cookiebot", "onetrust", "klaro", "cookieconsent")
     * @param categoryAttribute  attribute naming the category, empty when the tool does not use one
     * @param categoryValuePrefix written before the category value ("optanon-category-" for OneTrust's class)
     * @param categoryValues     our category id to the tool's name for it; ids not listed are written as they are
     * @param serviceAttribute   attribute naming the rule (the tool's "service"), empty when unused
     * @param scriptSrcAttribute where a script's {@code src} moves; empty keeps {@code src} (inert under text/plain)
     * @param typeAttribute      where the original {@code type} moves (text/javascript when there was none); empty
     *                           drops it
     * @param frameSrcAttribute  where an iframe's {@code src} moves when an embed is neutralized
     */
    public record NeutralizeStyle(String name, Optional<String> categoryAttribute, String categoryValuePrefix,
                                  Map<String, String> categoryValues, Optional<String> serviceAttribute,
                                  Optional<String> scriptSrcAttribute, Optional<String> typeAttribute,
                                  String frameSrcAttribute) {

        public NeutralizeStyle {
            categoryValues = Map.copyOf(categoryValues);
        }

        /** ConsentGate's own attributes; nothing in the page re-activates them unless the site wires it. */
        public static final NeutralizeStyle CONSENTGATE = new NeutralizeStyle("consentgate",
                Optional.of("data-cg-category"), "", Map.of(), Optional.of("data-cg-rule"),
                Optional.of("data-cg-src"), Optional.of("data-cg-type"), "data-cg-src");

        /** Cookiebot manual blocking: {@code type="text/plain" data-cookieconsent="statistics"}. */
        public static final NeutralizeStyle COOKIEBOT = new NeutralizeStyle("cookiebot",
                Optional.of("data-cookieconsent"), "",
                Map.of("analytics", "statistics", "advertising", "marketing", "functionality", "preferences"),
                Optional.empty(), Optional.empty(), Optional.empty(), "data-cookieblock-src");

        /** OneTrust script type re-writing: {@code type="text/plain" class="optanon-category-C0002"}. */
        public static final NeutralizeStyle ONETRUST = new NeutralizeStyle("onetrust", Optional.of("class"),
                "optanon-category-",
                Map.of("essential", "C0001", "analytics", "C0002", "functionality", "C0003", "advertising", "C0004"),
                Optional.empty(), Optional.empty(), Optional.empty(), "data-src");

        /** Klaro: {@code type="text/plain" data-type="text/javascript" data-name="service" data-src="..."}. */
        public static final NeutralizeStyle KLARO = new NeutralizeStyle("klaro", Optional.empty(), "", Map.of(),
                Optional.of("data-name"), Optional.of("data-src"), Optional.of("data-type"), "data-src");

        /** orestbida/cookieconsent v3: {@code type="text/plain" data-category="analytics" data-service="..."}. */
        public static final NeutralizeStyle COOKIECONSENT = new NeutralizeStyle("cookieconsent",
                Optional.of("data-category"), "", Map.of(), Optional.of("data-service"), Optional.of("data-src"),
                Optional.of("data-type"), "data-src");

        /** A preset by name, case-insensitive. */
        public static Optional<NeutralizeStyle> preset(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "consentgate" -> Optional.of(CONSENTGATE);
                case "cookiebot" -> Optional.of(COOKIEBOT);
                case "onetrust" -> Optional.of(ONETRUST);
                case "klaro" -> Optional.of(KLARO);
                case "cookieconsent", "orestbida" -> Optional.of(COOKIECONSENT);
                default -> Optional.empty();
            };
        }

        /** The value written into {@link #categoryAttribute()} for one of our category ids. */
        public String categoryValue(String categoryId) {
            return categoryValuePrefix + categoryValues.getOrDefault(categoryId, categoryId);
        }
    }
}
