package dev.consentgate.config;

/**
 * A purpose of cookies and tags as the cookie policy names it ("analytics", "advertising").
 *
 * @param id          short identifier used in rules and in the consent cookie
 * @param description text shown in the cookie declaration and the banner
 * @param essential   granted without consent (strictly necessary)
 * @param gpcOptOut   denied when the request carries {@code Sec-GPC: 1}
 */
public record Category(String id, String description, boolean essential, boolean gpcOptOut) {
}
