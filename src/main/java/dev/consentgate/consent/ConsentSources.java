package dev.consentgate.consent;

import dev.consentgate.config.Category;
import dev.consentgate.config.ConsentSettings;
import dev.consentgate.config.ConsentSettings.SourceMaps;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything consent-related the gateway needs, built once from the ruleset: the readers in configured order, the
 * resolver, and the endpoint, banner and proof helpers. No I/O happens here (the record log opens its file on the
 * first append).
 */
public final class ConsentSources {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentSources.class);

    /** Source id of the gateway's own cookie, as decisions and records name it. */
    static final String NATIVE_SOURCE_ID = ConsentSettings.NATIVE_SOURCE;

    private final ConsentSettings settings;
    private final List<Category> categoriesInOrder;
    private final List<ConsentReader> readers;
    private final ConsentResolver resolver;
    private final ConsentCookieWriter cookieWriter;
    private final ConsentForm form;
    private final Set<String> essential;
    private final Optional<ConsentRecordLog> recordLog;
    private final ConsentEndpoint endpoint;

    private ConsentSources(ConsentSettings settings, Map<String, Category> categories, List<ConsentReader> readers,
                           Optional<ConsentSigner> signer) {
        this.settings = settings;
        this.categoriesInOrder = List.copyOf(categories.values());
        this.readers = List.copyOf(readers);
        this.resolver = new ConsentResolver(readers, categories, settings.revisions(), settings.regions());
        this.cookieWriter = new ConsentCookieWriter(settings.cookieName(), settings.revision(), settings.retention(),
                signer);
        this.form = new ConsentForm(categories);
        this.essential = categories.values().stream().filter(Category::essential).map(Category::id)
                .collect(Collectors.toUnmodifiableSet());
        this.recordLog = settings.recordLog().path()
                .map(path -> new ConsentRecordLog(path, settings.recordLog().recordIp(), Clock.systemUTC()));
        Set<String> gpcOptOut = categories.values().stream().filter(Category::gpcOptOut).map(Category::id)
                .collect(Collectors.toUnmodifiableSet());
        this.endpoint = new ConsentEndpoint(resolver, form, cookieWriter, recordLog, essential, gpcOptOut,
                settings.revision());
    }

    /**
     * @param categories the ruleset's categories by id, in declaration order (the banner lists them so)
     * @param env        environment lookup ({@code System::getenv}); only the secret's variable is read
     * @throws IllegalArgumentException naming the setting, when a source is unknown or listed twice, a TCF purpose
     *                                  is out of range, the signing secret's variable is unset or too short, or a
     *                                  revision or category id cannot be stored in the consent cookie
     */
    public static ConsentSources build(ConsentSettings settings, Map<String, Category> categories,
                                       Function<String, String> env) {
        checkCookieSafe(settings, categories.keySet());
        Optional<ConsentSigner> signer = signer(settings, env);
        warnAboutUnknownTargets(settings, categories.keySet());
        Set<String> nonEssential = categories.values().stream().filter(c -> !c.essential()).map(Category::id)
                .collect(Collectors.toUnmodifiableSet());
        PurposeRules purposes = purposeRules(settings);
        SourceMaps maps = settings.maps();
        List<ConsentReader> readers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String source : settings.sources()) {
            if (!seen.add(source)) {
                throw new IllegalArgumentException("consent.sources lists '" + source + "' twice");
            }
            readers.add(switch (source) {
                case ConsentSettings.NATIVE_SOURCE -> new NativeConsentReader(settings.cookieName(),
                        categories.keySet(), signer);
                case "onetrust" -> new OneTrustReader(maps.onetrustGroups());
                case "cookiebot" -> new CookiebotReader(maps.cookiebot(), maps.cookiebotNoConsent(), nonEssential);
                case "cc_cookie" -> new CcCookieReader(maps.ccCookie(), maps.ccCookieRevision());
                case "cookieyes" -> new CookieYesReader(maps.cookieyes());
                case "complianz" -> new ComplianzReader(maps.complianz());
                case "klaro" -> new KlaroReader(maps.klaroServices());
                case "tarteaucitron" -> new TarteaucitronReader(maps.tarteaucitronServices());
                case "didomi" -> new DidomiReader(purposes, maps.didomiPurposes());
                case "tcf" -> new TcfReader(purposes);
                default -> throw new IllegalArgumentException("consent.sources: unknown source '" + source
                        + "'; known: " + String.join(", ", ConsentSettings.KNOWN_SOURCES.stream().sorted().toList()));
            });
        }
        return new ConsentSources(settings, categories, readers, signer);
    }

    public ConsentResolver resolver() {
        return resolver;
    }

    /** Builds the gateway's consent cookie for a POST (signed when a secret is configured). */
    public ConsentCookieWriter cookieWriter() {
        return cookieWriter;
    }

    /** Reads consent POST bodies. */
    public ConsentForm form() {
        return form;
    }

    public Set<String> essentialCategories() {
        return essential;
    }

    /** The GET answer of the consent endpoint for a decision. */
    public String decisionJson(ConsentDecision decision) {
        return DecisionJson.render(decision, essential);
    }

    /** The banner and Consent Mode snippet, as enabled. */
    public PageMarkup pageMarkup() {
        return PageMarkup.of(settings, categoriesInOrder);
    }

    /** The banner when enabled. */
    public Optional<ConsentBanner> banner() {
        return pageMarkup().banner();
    }

    /** The proof-of-consent log (UTC system clock) when a path is configured; the endpoint appends to it. */
    public Optional<ConsentRecordLog> recordLog() {
        return recordLog;
    }

    /** GET and POST of the consent endpoint (at {@link #endpointPath()}). */
    public ConsentEndpoint endpoint() {
        return endpoint;
    }

    public String endpointPath() {
        return settings.endpoint();
    }

    /** The Consent Mode v2 snippet builder when enabled. */
    public Optional<ConsentModeSnippet> consentMode() {
        return pageMarkup().consentMode();
    }

    /** The body of /.well-known/gpc.json when enabled (lastUpdate from the revision when it is a date). */
    public Optional<String> gpcJson() {
        return settings.gpcJson() ? Optional.of(GpcJson.body(GpcJson.dateOf(settings.revision()))) : Optional.empty();
    }

    /** Ids of the sources in the order they are asked. */
    public List<String> sourceIds() {
        return readers.stream().map(ConsentReader::id).toList();
    }

    /**
     * The revision and category ids end up in the consent cookie ({@code REVISION:CAT+CAT.SIG}); characters outside
     * letters, digits, '.', '_' and '-' would break the cookie or its parsing.
     */
    private static void checkCookieSafe(ConsentSettings settings, Set<String> categoryIds) {
        for (var revision : settings.revisions()) {
            if (!cookieSafe(revision.id())) {
                throw new IllegalArgumentException("consent.revision '" + revision.id() + "' may only use letters,"
                        + " digits, '.', '_' and '-' (it is stored in the " + settings.cookieName() + " cookie)");
            }
        }
        for (String id : categoryIds) {
            if (!cookieSafe(id) || id.indexOf('.') >= 0) {
                throw new IllegalArgumentException("category id '" + id + "' may only use letters, digits, '_' and"
                        + " '-' (it is stored in the " + settings.cookieName() + " cookie)");
            }
        }
    }

    private static boolean cookieSafe(String s) {
        if (s.isEmpty() || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static Optional<ConsentSigner> signer(ConsentSettings settings, Function<String, String> env) {
        if (settings.secretEnv().isEmpty()) {
            return Optional.empty();
        }
        String name = settings.secretEnv().get();
        String secret = env.apply(name);
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("consent.secret-env names the environment variable " + name
                    + ", which is not set: set it or remove the setting");
        }
        if (secret.length() < ConsentSigner.MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the environment variable " + name + " (consent.secret-env) must hold"
                    + " at least " + ConsentSigner.MIN_SECRET_LENGTH + " characters");
        }
        return Optional.of(new ConsentSigner(secret));
    }

    private static PurposeRules purposeRules(ConsentSettings settings) {
        settings.tcf().purposes().forEach((category, alternatives) -> alternatives.forEach(set -> set.forEach(p -> {
            if (p < 1 || p > 24) {
                throw new IllegalArgumentException("consent.tcf.purposes." + category + ": purpose " + p
                        + " is not between 1 and 24");
            }
        })));
        settings.tcf().requiredVendors().forEach((category, vendors) -> vendors.forEach(v -> {
            if (v < 1 || v > 65535) {
                throw new IllegalArgumentException("consent.tcf.vendors." + category + ": vendor id " + v
                        + " is not between 1 and 65535");
            }
        }));
        return new PurposeRules(settings.tcf());
    }

    /**
     * Map targets that are not categories of the ruleset grant nothing (the resolver only grants known
     * categories); the default maps name the usual four, so a ruleset without one of them is not an error.
     */
    private static void warnAboutUnknownTargets(ConsentSettings settings, Set<String> known) {
        List<String> unknown = unknownTargets(settings, known);
        if (!unknown.isEmpty()) {
            LOG.info("consent maps name categories the ruleset does not declare; they grant nothing: {}", unknown);
        }
    }

    /** "consent.onetrust.groups.C0003 -> functionality" for every map target the ruleset does not declare. */
    public static List<String> unknownTargets(ConsentSettings settings, Set<String> known) {
        SourceMaps maps = settings.maps();
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        all.put("consent.onetrust.groups", maps.onetrustGroups());
        all.put("consent.cookiebot.categories", maps.cookiebot());
        all.put("consent.cc_cookie.categories", maps.ccCookie());
        all.put("consent.cookieyes.categories", maps.cookieyes());
        all.put("consent.complianz.cookies", maps.complianz());
        all.put("consent.klaro.services", maps.klaroServices());
        all.put("consent.tarteaucitron.services", maps.tarteaucitronServices());
        all.put("consent.didomi.purposes", maps.didomiPurposes());
        List<String> unknown = new ArrayList<>();
        all.forEach((key, map) -> map.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> !known.contains(e.getValue()))
                .forEach(e -> unknown.add(key + "." + e.getKey() + " -> " + e.getValue())));
        settings.tcf().purposes().keySet().stream().filter(c -> !known.contains(c)).sorted()
                .forEach(c -> unknown.add("consent.tcf.purposes." + c));
        return unknown;
    }
}
