package dev.consentgate.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole loaded configuration, immutable. Built by {@link RulesetLoader}; everything that decides reads it.
 *
 * @param source      the file it was read from (for messages)
 * @param listeners   addresses to accept connections on
 * @param routes      upstream routes, first match wins
 * @param limits      sizes and timeouts
 * @param categories  categories by id, in declaration order
 * @param cookieRules declared cookies, in declaration order (first match wins)
 * @param undeclared  treatment of undeclared cookies
 * @param consent     consent cookie and sources
 * @param tagRules    third-party tags, in declaration order, then those of the tag lists
 * @param html        how the HTML rewriter treats tags whose category is not granted
 * @param tagLists    what each imported tag list gave
 * @param fingerprint digest of the ruleset's text and its tag lists': pages rewritten under another ruleset are
 *                    other variants (see the proxy's PageVariants)
 */
public record Ruleset(String source, List<Listener> listeners, List<Route> routes, Limits limits,
                      Map<String, Category> categories, List<CookieRule> cookieRules,
                      UndeclaredCookies undeclared, ConsentSettings consent, List<TagRule> tagRules,
                      HtmlSettings html, List<TagListImport> tagLists, String fingerprint) {

    /** The ruleset's own tag rules, in declaration order: {@link #tagRules} without those its tag lists gave. */
    public List<TagRule> ownTagRules() {
        int imported = tagLists.stream().mapToInt(TagListImport::rules).sum();
        return tagRules.subList(0, tagRules.size() - imported);
    }

    /** Ids of the categories granted without consent. */
    public Set<String> essentialCategories() {
        return categories.values().stream().filter(Category::essential).map(Category::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Ruleset withRoutes(List<Route> newRoutes) {
        return new Ruleset(source, listeners, newRoutes, limits, categories, cookieRules, undeclared, consent,
                tagRules, html, tagLists, fingerprint);
    }

    public Ruleset withListeners(List<Listener> newListeners) {
        return new Ruleset(source, newListeners, routes, limits, categories, cookieRules, undeclared, consent,
                tagRules, html, tagLists, fingerprint);
    }

    public Ruleset withLimits(Limits newLimits) {
        return new Ruleset(source, listeners, routes, newLimits, categories, cookieRules, undeclared, consent,
                tagRules, html, tagLists, fingerprint);
    }

    public Ruleset withConsent(ConsentSettings newConsent) {
        return new Ruleset(source, listeners, routes, limits, categories, cookieRules, undeclared, newConsent,
                tagRules, html, tagLists, fingerprint);
    }
}
