package dev.consentgate.proxy;

import dev.consentgate.config.Limits;
import dev.consentgate.config.Route;
import dev.consentgate.config.Ruleset;
import dev.consentgate.consent.ConsentResolver;
import dev.consentgate.consent.NativeConsentReader;
import dev.consentgate.cookie.CookieClassifier;
import dev.consentgate.cookie.CookiePolicy;
import io.netty.handler.codec.http.HttpRequest;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Everything the proxy derives from one ruleset, built once at start: routes, consent, cookie policy, pools. */
public final class Gateway {

    private final Ruleset ruleset;
    private final RequestRules rules;
    private final CookieEnforcer cookieEnforcer;
    private final UpstreamPools pools;
    private volatile boolean draining;

    public Gateway(Ruleset ruleset, Clock clock) {
        this.ruleset = ruleset;
        this.rules = new RequestRules(ruleset.limits());
        ConsentResolver resolver = new ConsentResolver(
                List.of(new NativeConsentReader(ruleset.consent().cookieName(), ruleset.categories().keySet())),
                ruleset.essentialCategories(), ruleset.consent().revision());
        CookieClassifier classifier = new CookieClassifier(ruleset.cookieRules(), ruleset.undeclared(),
                ruleset.categories());
        this.cookieEnforcer = new CookieEnforcer(resolver, new CookiePolicy(classifier, clock));
        this.pools = new UpstreamPools(ruleset.limits());
    }

    public Ruleset ruleset() {
        return ruleset;
    }

    Limits limits() {
        return ruleset.limits();
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

    Optional<Route> route(String host, String target) {
        String path = pathOf(target);
        return ruleset.routes().stream().filter(r -> r.matches(host, path)).findFirst();
    }

    /** Filters the request's cookies in place; returns what the response needs to be enforced the same way. */
    ResponseEnforcement enforceRequest(HttpRequest request) {
        return new ResponseEnforcement(cookieEnforcer, cookieEnforcer.onRequest(request.headers()));
    }

    private static String pathOf(String target) {
        if (target.startsWith("/")) {
            return target;
        }
        try {
            String path = URI.create(target).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
