package dev.consentgate.consent;

import java.util.Optional;

/**
 * Google Consent Mode v2: a script for the start of {@code <head>} that sets the consent defaults from the
 * visitor's actual decision before any Google tag runs. ad_storage, ad_user_data and ad_personalization follow the
 * advertising category, analytics_storage the analytics category.
 */
public final class ConsentModeSnippet {

    private final String advertising;
    private final String analytics;

    public ConsentModeSnippet(String advertisingCategory, String analyticsCategory) {
        this.advertising = advertisingCategory;
        this.analytics = analyticsCategory;
    }

    /** @param nonce the response's Content-Security-Policy script nonce, when there is one */
    public String script(ConsentDecision decision, Optional<String> nonce) {
        String ads = state(decision.grants(advertising));
        return "<script" + nonce.map(n -> " nonce=\"" + Html.escape(n) + "\"").orElse("") + ">"
                + "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
                + "gtag('consent','default',{ad_storage:" + ads
                + ",analytics_storage:" + state(decision.grants(analytics))
                + ",ad_user_data:" + ads
                + ",ad_personalization:" + ads + "});</script>";
    }

    private static String state(boolean granted) {
        return granted ? "'granted'" : "'denied'";
    }
}
