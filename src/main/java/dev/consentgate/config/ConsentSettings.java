package dev.consentgate.config;

import java.time.Duration;
import java.util.List;

/**
 * How the gateway reads and records consent.
 *
 * @param cookieName the gateway's own consent cookie ({@code cg_consent})
 * @param revision   the current policy revision; consent given under an older one counts as none
 * @param retention  lifetime of the consent cookie the gateway sets
 * @param sources    consent sources in the order they are asked; the first present one decides
 */
public record ConsentSettings(String cookieName, String revision, Duration retention, List<String> sources) {

    public static final String NATIVE_SOURCE = "cg_consent";

    public static ConsentSettings defaults() {
        return new ConsentSettings("cg_consent", "2025-12-16", Duration.ofDays(182), List.of(NATIVE_SOURCE));
    }
}
