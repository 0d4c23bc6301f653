package dev.consentgate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the gateway reads and records consent.
 *
 * @param cookieName the gateway's own consent cookie ({@code cg_consent})
 * @param revision   the current policy revision; consent given under an older material one counts as none
 * @param retention  lifetime of the consent cookie the gateway sets
 * @param sources    consent sources in the order they are asked; the first present one decides
 * @param revisions  policy revision history, oldest first, ending with {@link #revision()}; each flagged material
 *                   or not. Normalized so it always ends with the current revision
 * @param maps       how each CMP's own categories, groups, services and purposes map to the ruleset's categories
 * @param tcf        IAB TCF purpose and vendor requirements per category
 * @param regions    where the visitor's region comes from and what applies there before they answer
 * @param secretEnv  name of the environment variable holding the cg_consent signing secret; empty means unsigned
 * @param endpoint   path of the consent endpoint the gateway answers itself
 * @param banner     the gateway's own banner
 * @param recordLog  proof-of-consent log
 * @param consentMode inject a Google Consent Mode v2 default call into HTML
 * @param gpcJson    serve {@code /.well-known/gpc.json}
 */
public record ConsentSettings(String cookieName, String revision, Duration retention, List<String> sources,
                              List<PolicyRevision> revisions, SourceMaps maps, Tcf tcf, Regions regions,
                              Optional<String> secretEnv, String endpoint, Banner banner, RecordLog recordLog,
                              boolean consentMode, boolean gpcJson) {

    public static final String NATIVE_SOURCE = "cg_consent";

    /** Every source id {@link #sources()} may name. */
    public static final Set<String> KNOWN_SOURCES = Set.of(NATIVE_SOURCE, "onetrust", "cookiebot", "cc_cookie",
            "cookieyes", "complianz", "klaro", "tarteaucitron", "didomi", "tcf");

    public ConsentSettings {
        sources = List.copyOf(sources);
        revisions = normalizedHistory(revisions, revision);
    }

    /** The settings the skeleton loader knows; everything else at its default. */
    public ConsentSettings(String cookieName, String revision, Duration retention, List<String> sources) {
        this(cookieName, revision, retention, sources, List.of(), SourceMaps.defaults(), Tcf.defaults(),
                Regions.defaults(), Optional.empty(), "/.consentgate/consent", Banner.defaults(),
                RecordLog.defaults(), false, false);
    }

    public static ConsentSettings defaults() {
        return new ConsentSettings("cg_consent", "2025-12-16", Duration.ofDays(182), List.of(NATIVE_SOURCE));
    }

    /** A revision of the cookie policy; consent given before the latest material one must be asked again. */
    public record PolicyRevision(String id, boolean material) {
    }

    /** The history must end with the current revision; the first revision ever is material by nature. */
    private static List<PolicyRevision> normalizedHistory(List<PolicyRevision> history, String current) {
        if (history.isEmpty()) {
            return List.of(new PolicyRevision(current, true));
        }
        if (!history.get(history.size() - 1).id().equals(current)) {
            throw new IllegalArgumentException("consent.revisions must end with the current revision '" + current
                    + "', but ends with '" + history.get(history.size() - 1).id() + "'");
        }
        if (history.stream().map(PolicyRevision::id).distinct().count() != history.size()) {
            throw new IllegalArgumentException("consent.revisions lists a revision twice");
        }
        return List.copyOf(history);
    }

    /** What applies before the visitor answers. */
    public enum DefaultMode {
        /** Essential only until the visitor grants more (the default everywhere). */
        OPT_IN,
        /** Every non-essential category granted until the visitor refuses (GPC still applies). */
        OPT_OUT
    }

    /** What Cookiebot's {@code -1} value (no consent required in the visitor's region) means here. */
    public enum CookiebotNoConsent {
        /** As if there were no Cookiebot cookie: the next source or the region default decides. */
        ABSENT,
        /** Every non-essential category granted. */
        ALL,
        /** Essential only. */
        NONE
    }

    /**
     * Per-CMP maps from the CMP's own names to the ruleset's category ids. A CMP name that is not in its map is
     * ignored (grants nothing). When several names map to one category, the category is granted only when every
     * one of them the cookie mentions is granted.
     *
     * @param ccCookieRevision the {@code revision} option the site runs cookieconsent with, when it uses one: a
     *                         cc_cookie of another revision (or of none) is an answer to an older policy
     */
    public record SourceMaps(Map<String, String> onetrustGroups, Map<String, String> cookiebot,
                             CookiebotNoConsent cookiebotNoConsent, Map<String, String> ccCookie,
                             OptionalLong ccCookieRevision, Map<String, String> cookieyes, Map<String, String> complianz,
                             Map<String, String> klaroServices, Map<String, String> tarteaucitronServices,
                             Map<String, String> didomiPurposes) {

        public SourceMaps {
            onetrustGroups = copy(onetrustGroups);
            cookiebot = copy(cookiebot);
            ccCookie = copy(ccCookie);
            cookieyes = copy(cookieyes);
            complianz = copy(complianz);
            klaroServices = copy(klaroServices);
            tarteaucitronServices = copy(tarteaucitronServices);
            didomiPurposes = copy(didomiPurposes);
        }

        public static SourceMaps defaults() {
            Map<String, String> onetrust = new LinkedHashMap<>();
            // C0001 (strictly necessary) is essential and needs no mapping; old numeric ids mean the same groups.
            onetrust.put("C0002", "analytics");
            onetrust.put("C0003", "functionality");
            onetrust.put("C0004", "advertising");
            onetrust.put("C0005", "advertising");
            onetrust.put("2", "analytics");
            onetrust.put("3", "functionality");
            onetrust.put("4", "advertising");
            onetrust.put("5", "advertising");
            return new SourceMaps(onetrust,
                    Map.of("preferences", "functionality", "statistics", "analytics", "marketing", "advertising"),
                    CookiebotNoConsent.ABSENT,
                    Map.of("functionality", "functionality", "analytics", "analytics", "advertising", "advertising",
                            "marketing", "advertising"),
                    OptionalLong.empty(),
                    Map.of("functional", "functionality", "analytics", "analytics", "advertisement", "advertising"),
                    Map.of("cmplz_preferences", "functionality", "cmplz_statistics", "analytics",
                            "cmplz_marketing", "advertising"),
                    Map.of(), Map.of(), Map.of());
        }

        private static Map<String, String> copy(Map<String, String> map) {
            return Map.copyOf(map);
        }
    }

    /**
     * IAB TCF v2.2 requirements.
     *
     * @param purposes        per category, alternatives of purpose sets: the category is granted when every purpose
     *                        of at least one alternative has consent
     * @param requiredVendors per category, vendor ids that must all have consent as well
     */
    public record Tcf(Map<String, List<Set<Integer>>> purposes, Map<String, Set<Integer>> requiredVendors) {

        public Tcf {
            purposes = Map.copyOf(purposes);
            requiredVendors = Map.copyOf(requiredVendors);
        }

        /** Advertising needs purposes 1, 3 and 4; analytics needs 1 and 8, or 1 and 9. */
        public static Tcf defaults() {
            return new Tcf(Map.of("advertising", List.of(Set.of(1, 3, 4)),
                    "analytics", List.of(Set.of(1, 8), Set.of(1, 9))), Map.of());
        }
    }

    /**
     * Regions.
     *
     * @param header   request header carrying the region (CF-IPCountry), empty when none
     * @param cookie   cookie carrying the region, asked when the header gives none; empty when none
     * @param fallback what applies in a region no group lists, or when the region is unknown
     * @param groups   region groups in order; the first listing the region applies
     */
    public record Regions(Optional<String> header, Optional<String> cookie, DefaultMode fallback,
                          List<RegionGroup> groups) {

        public Regions {
            groups = List.copyOf(groups);
        }

        public static Regions defaults() {
            return new Regions(Optional.empty(), Optional.empty(), DefaultMode.OPT_IN, List.of());
        }
    }

    /** A named set of region codes ("DE", "US-CA"; stored upper case) and what applies there before an answer. */
    public record RegionGroup(String name, Set<String> regions, DefaultMode mode) {
        public RegionGroup {
            regions = regions.stream().map(r -> r.strip().toUpperCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    /**
     * The gateway's own banner.
     *
     * @param enabled         inject it into HTML responses of visitors without consent
     * @param title           heading
     * @param text            explanation
     * @param declarationPath link to the cookie declaration, empty when none
     * @param stylesheetPath  path the gateway serves the banner stylesheet at
     */
    public record Banner(boolean enabled, String title, String text, Optional<String> declarationPath,
                         String stylesheetPath) {

        public static Banner defaults() {
            return new Banner(false, "Cookies on this site",
                    "We use essential cookies to run this site. With your consent we also use cookies for the "
                            + "purposes below. You can change your choice at any time.",
                    Optional.empty(), "/.consentgate/banner.css");
        }
    }

    /**
     * Proof of consent.
     *
     * @param path     base path of the JSON Lines file; the date is inserted before the extension. Empty: no log
     * @param recordIp also record the client address
     */
    public record RecordLog(Optional<Path> path, boolean recordIp) {

        public static RecordLog defaults() {
            return new RecordLog(Optional.empty(), false);
        }
    }

    public ConsentSettings withSources(List<String> newSources) {
        return new ConsentSettings(cookieName, revision, retention, newSources, revisions, maps, tcf, regions,
                secretEnv, endpoint, banner, recordLog, consentMode, gpcJson);
    }

    public ConsentSettings withRevisions(String current, List<PolicyRevision> history) {
        return new ConsentSettings(cookieName, current, retention, sources, history, maps, tcf, regions,
                secretEnv, endpoint, banner, recordLog, consentMode, gpcJson);
    }

    public ConsentSettings withMaps(SourceMaps newMaps) {
        return new ConsentSettings(cookieName, revision, retention, sources, revisions, newMaps, tcf, regions,
                secretEnv, endpoint, banner, recordLog, consentMode, gpcJson);
    }

    public ConsentSettings withTcf(Tcf newTcf) {
        return new ConsentSettings(cookieName, revision, retention, sources, revisions, maps, newTcf, regions,
                secretEnv, endpoint, banner, recordLog, consentMode, gpcJson);
    }

    public ConsentSettings withRegions(Regions newRegions) {
        return new ConsentSettings(cookieName, revision, retention, sources, revisions, maps, tcf, newRegions,
                secretEnv, endpoint, banner, recordLog, consentMode, gpcJson);
    }

    public ConsentSettings withSecretEnv(Optional<String> newSecretEnv) {
        return new ConsentSettings(cookieName, revision, retention, sources, revisions, maps, tcf, regions,
                newSecretEnv, endpoint, banner, recordLog, consentMode, gpcJson);
    }

    public ConsentSettings withBanner(Banner newBanner) {
        return new ConsentSettings(cookieName, revision, retention, sources, revisions, maps, tcf, regions,
                secretEnv, endpoint, newBanner, recordLog, consentMode, gpcJson);
    }
}
