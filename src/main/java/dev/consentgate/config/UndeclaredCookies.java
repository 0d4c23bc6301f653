package dev.consentgate.config;

import java.util.Optional;

/**
 * What happens to cookies no rule declares.
 *
 * @param category the category they are treated as; empty (the default) means "non-essential of unknown purpose":
 *                 they pass only when every non-essential category is granted
 * @param log      log each undeclared name once, so operators can declare it
 */
public record UndeclaredCookies(Optional<String> category, boolean log) {

    public static UndeclaredCookies defaults() {
        return new UndeclaredCookies(Optional.empty(), true);
    }
}
