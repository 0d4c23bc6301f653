package dev.consentgate.proxy;

/**
 * Places where the policy code runs inside an exchange, so that tests can make it fail there and prove the gateway
 * fails closed. Production uses {@link #NONE}; only tests (same package) pass anything else to {@link Gateway}.
 */
interface FaultPoints {

    FaultPoints NONE = new FaultPoints() {
    };

    /** Right after the consent decision of a request was made. */
    default void afterConsentResolved() {
    }

    /** Before the Set-Cookie fields of a response head are judged. */
    default void beforeSetCookieEnforcement() {
    }

    /** Before the HTML rewriter takes piece number {@code index} (0-based) of a body. */
    default void beforeRewriting(int index) {
    }
}
