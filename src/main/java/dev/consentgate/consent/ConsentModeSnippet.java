package dev.consentgate.consent;

import java.util.Optional;

/**
 * Google Consent Mode v2: a script for the start of {@code <head>} that sets the consent defaults from the
 * visitor's actual decision before any Google tag runs. ad_storage, ad_user_data and ad_personalization follow the
 * advertising category, analytics_storage the analytics category, functionality_storage and personalization_storage
 * (language settings, video recommendations) the functionality category; security_storage is granted, being what
 * essential cookies do. All seven are set: Tag Manager's additional consent checks read the last three, and a type
 * left unset is not a refusal to every tag that reads it.
 */
public final class ConsentModeSnippet {

    private final String advertising;
    private final String analytics;
    private final String functionality;

    public ConsentModeSnippet(String advertisingCategory, String analyticsCategory, String functionalityCategory) {
        this.advertising = advertisingCategory;
        this.analytics = analyticsCategory;
        this.functionality = functionalityCategory;
    }

    /** @param nonce the response's Content-Security-Policy script nonce, when there is one */
    public String script(ConsentDecision decision, Optional<String> nonce) {
        String ads = state(decision.grants(advertising));
        String functions = state(decision.grants(functionality));
        return "<script" + nonce.map(n -> " nonce=\"" + Html.escape(n) + "\"").orElse("") + ">"
                + "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
                + "gtag('consent','default',{ad_storage:" + ads
                + ",analytics_storage:" + state(decision.grants(analytics))
                + ",ad_user_data:" + ads
                + ",ad_personalization:" + ads
                + ",functionality_storage:" + functions
                + ",personalization_storage:" + functions
                + ",security_storage:'granted'});</script>";
    }

    private static String state(boolean granted) {
        return granted ? "'granted'" : "'denied'";
    }
}
