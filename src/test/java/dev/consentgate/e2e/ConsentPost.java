package dev.consentgate.e2e;

/**
 * The form a site's own consent UI posts to the gateway's consent endpoint (issue 4): POST /.consentgate/consent
 * with {@code categories=...} (empty for essential only) and {@code return=/}, submitted by the page itself so the
 * browser sends it as a same-origin navigation and follows the 303 back to the page.
 */
final class ConsentPost {

    static final String ENDPOINT = "/.consentgate/consent";

    private ConsentPost() {
    }

    /** Script for {@link Tab#evaluateAndWaitForNavigation}; {@code categories} is the form value, e.g. "analytics". */
    static String submitting(String categories) {
        return "(() => { const f = document.createElement('form');"
                + " f.method = 'post'; f.action = '" + ENDPOINT + "';"
                + " for (const [name, value] of [['categories', '" + categories + "'], ['return', '/']]) {"
                + " const i = document.createElement('input'); i.type = 'hidden'; i.name = name; i.value = value;"
                + " f.appendChild(i); }"
                + " document.body.appendChild(f); f.submit(); return true; })()";
    }
}
