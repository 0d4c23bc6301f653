package dev.consentgate.consent;

import java.util.Set;

/**
 * The consent endpoint's GET answer: {@code {"granted":["essential","analytics"],"source":"onetrust",
 * "revision":"2025-12-16","gpc":false,"region":"DE"}}; granted sorted with essential ones first; revision and
 * region are null when unknown.
 */
public final class DecisionJson {

    private DecisionJson() {
    }

    public static String render(ConsentDecision decision, Set<String> essential) {
        return "{\"granted\":" + Json.stringArray(decision.grantedInOrder(essential))
                + ",\"source\":" + Json.quote(decision.source())
                + ",\"revision\":" + decision.revision().map(Json::quote).orElse("null")
                + ",\"gpc\":" + decision.gpc()
                + ",\"region\":" + decision.region().map(Json::quote).orElse("null")
                + "}";
    }
}
