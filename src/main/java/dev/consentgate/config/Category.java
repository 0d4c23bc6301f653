package dev.consentgate.config;

import java.util.Collection;

/**
 * A purpose of cookies and tags as the cookie policy names it ("analytics", "advertising").
 *
 * @param id          short identifier used in rules and in the consent cookie
 * @param description text shown in the cookie declaration and the banner
 * @param essential   granted without consent (strictly necessary)
 * @param gpcOptOut   denied when the request carries {@code Sec-GPC: 1}
 */
public record Category(String id, String description, boolean essential, boolean gpcOptOut) {

    /**
     * The end of a message about a category the ruleset does not declare: which ones it does, or that it declares
     * none (its 'categories' section is missing or broken, reported on its own).
     */
    public static String declared(Collection<String> ids) {
        return ids.isEmpty() ? "no categories are declared" : "declared: " + String.join(", ", ids);
    }
}
