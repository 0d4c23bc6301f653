package dev.consentgate.proxy;

import dev.consentgate.config.ConsentSettings;
import dev.consentgate.config.Limits;
import dev.consentgate.config.Route;
import dev.consentgate.config.Ruleset;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.consent.ConsentInput;
import dev.consentgate.consent.ConsentSources;
import dev.consentgate.consent.PageMarkup;
import dev.consentgate.cookie.CookieClassifier;
import dev.consentgate.cookie.CookiePolicy;
import dev.consentgate.html.PageSite;
import dev.consentgate.html.TagPolicy;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.net.URI;
import java.time.Clock;
import java.util.function.Function;
import java.util.List;
import java.util.Optional;

/** Everything the proxy derives from one ruleset, built once at start: routes, consent, cookie policy, pools. */
public final class Gateway {

    /** A browser opens about six connections to a site; a few more leave room for pages in several tabs. */
    static final int BROWSE_CONNECTIONS_PER_SITE = 16;

    private final Ruleset ruleset;
    private final RequestRules rules;
    private final ConsentSources consent;
    private final CookieEnforcer cookieEnforcer;
    private final LocalEndpoints localEndpoints;
    private final HtmlEnforcement html;
    private final PageVariants variants;
    /** The request headers a page depends on, for Vary. */
    private final String varyBy;
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final UpstreamPools pools;
    private final Optional<BrowseMode> browse;
    private volatile boolean draining;

    /**
     * @param env environment lookup (System::getenv); the consent signing secret is read from it
     * @throws IllegalArgumentException naming the setting when the consent configuration cannot be used
     */
    public Gateway(Ruleset ruleset, Clock clock, Function<String, String> env) {
        this(ruleset, clock, env, FaultPoints.NONE);
    }

    /** With fault points that tests make throw, to prove the gateway fails closed. */
    Gateway(Ruleset ruleset, Clock clock, Function<String, String> env, FaultPoints faults) {
        this(ruleset, clock, env, faults, Optional.empty());
    }

    /** The browser proxy: every site, one fixed consent, no banner of its own (see {@link BrowseMode}). */
    public Gateway(Ruleset ruleset, Clock clock, BrowseMode browse) {
        this(ruleset, clock, Gateway::browseEnvironment, FaultPoints.NONE, Optional.of(browse));
    }

    /**
     * The environment for the browser proxy: it serves no consent endpoint, so it signs no consent cookie, and a
     * signing secret the ruleset names need not be set for it; a random one stands in when it is not.
     */
    private static String browseEnvironment(String name) {
        String value = System.getenv(name);
        if (value != null) {
            return value;
        }
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        return java.util.Base64.getEncoder().encodeToString(secret);
    }

    private Gateway(Ruleset ruleset, Clock clock, Function<String, String> env, FaultPoints faults,
                    Optional<BrowseMode> browse) {
        this.ruleset = ruleset;
        this.browse = browse;
        this.rules = new RequestRules(ruleset.limits());
        this.consent = ConsentSources.build(ruleset.consent(), ruleset.categories(), env);
        CookieClassifier classifier = new CookieClassifier(ruleset.cookieRules(), ruleset.undeclared(),
                ruleset.categories());
        CookiePolicy cookies = new CookiePolicy(classifier, clock);
        this.cookieEnforcer = new CookieEnforcer(browse.<Function<ConsentInput, ConsentDecision>>map(
                b -> input -> b.consent()).orElse(consent.resolver()::resolve), cookies, faults);
        this.varyBy = varyBy(ruleset.consent().regions());
        // the settings that change pages besides the ruleset's text (--demo turns the banner on from the command line)
        this.variants = new PageVariants(ruleset.fingerprint() + "|" + BuildId.VALUE + "|banner="
                + consent.banner().isPresent() + "|consent_mode=" + consent.consentMode().isPresent(),
                consent.banner().isPresent());
        // the browser proxy shows sites as they are for its fixed consent: no banner or Consent Mode of its own
        this.html = new HtmlEnforcement(new TagPolicy(ruleset.tagRules(), ruleset.categories(), ruleset.html()),
                classifier, ruleset.limits(), browse.isPresent() ? PageMarkup.NONE : consent.pageMarkup(), faults);
        this.localEndpoints = new LocalEndpoints(consent, ruleset.consent(),
                List.copyOf(ruleset.categories().values()), cookies, this::renderMetrics);
        this.pools = new UpstreamPools(ruleset.limits(), browse.map(BrowseMode::upstreamTls));
    }

    /**
     * The request headers a page depends on: the cookies, Sec-GPC, and the region's header when regions differ in
     * what applies before the visitor answers.
     */
    static String varyBy(ConsentSettings.Regions regions) {
        boolean regionsDiffer = regions.groups().stream().anyMatch(g -> g.mode() != regions.fallback());
        return "Cookie, Sec-GPC" + (regionsDiffer ? regions.header().map(h -> ", " + h).orElse("") : "");
    }

    public Gateway(Ruleset ruleset, Clock clock) {
        this(ruleset, clock, System::getenv);
    }

    public Ruleset ruleset() {
        return ruleset;
    }

    Limits limits() {
        return ruleset.limits();
    }

    GatewayMetrics metrics() {
        return metrics;
    }

    /** The metrics page: the gateway's counters plus the consent core's. */
    String renderMetrics() {
        return metrics.render(consent.resolver().malformedCounts(),
                consent.recordLog().map(log -> log.failures()).orElse(0L));
    }

    LocalEndpoints localEndpoints() {
        return localEndpoints;
    }

    ConsentSources consent() {
        return consent;
    }

    RequestRules rules() {
        return rules;
    }

    UpstreamPools pools() {
        return pools;
    }

    boolean draining() {
        return draining;
    }

    void startDraining() {
        draining = true;
        pools.closeIdle();
    }

    Optional<BrowseMode> browse() {
        return browse;
    }

    /** The browser proxy's route to one site, e.g. {@code https://shop.example:443}. */
    Route routeTo(URI origin) {
        return new Route("*", "/", origin, BROWSE_CONNECTIONS_PER_SITE, "browser proxy");
    }

    TagPolicy tagPolicy() {
        return html.policy();
    }

    Optional<Route> route(String host, String target) {
        String path = pathOf(target);
        return ruleset.routes().stream().filter(r -> r.matches(host, path)).findFirst();
    }

    /** Filters the request's cookies in place; returns what the response needs to be enforced the same way. */
    ResponseEnforcement enforceRequest(HttpRequest request, RequestAudit audit) {
        List<String> acceptLines = request.headers().getAll(HttpHeaderNames.ACCEPT_ENCODING);
        String clientAccepts = acceptLines.isEmpty() ? null : String.join(", ", acceptLines);
        if (clientAccepts != null) {
            // Ask only for codings the gateway can decode (an HTML body never passes unjudged) and the client reads.
            request.headers().set(HttpHeaderNames.ACCEPT_ENCODING, BodyCodec.upstreamOffer(clientAccepts));
        }
        CookieEnforcer.ExchangeConsent consent = cookieEnforcer.onRequest(request.headers(),
                Optional.of(request.uri()));
        audit.requestCookiesRemoved(consent.removed());
        boolean revalidatesVariant = PageVariants.forwardConditions(request.headers(),
                html.changesPages(consent.decision()), () -> variants.key(consent.decision()));
        String host = request.headers().get(HttpHeaderNames.HOST);
        return new ResponseEnforcement(cookieEnforcer, consent, html, variants, revalidatesVariant, clientAccepts,
                varyBy, host == null ? PageSite.NONE : PageSite.ofAuthority(host), audit,
                PageVariants.isSpeculative(request.headers()));
    }

    /**
     * The path of a normalised request target (origin-form, or {@code *} for OPTIONS, which routes as "/"), without
     * its query; {@link RequestNormalisation} has already turned an absolute-form target into origin-form.
     */
    static String pathOf(String target) {
        if (target.equals("*")) {
            return "/";
        }
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
