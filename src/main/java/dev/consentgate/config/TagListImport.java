package dev.consentgate.config;

/**
 * What one list under {@code tag_lists:} gave, for {@code check} to show.
 *
 * @param file   the list's path as resolved
 * @param format "adblock" or "third_party_web"
 * @param rules  host rules read from it
 * @param note   what was left out, in words ("3 rule lines not blocking a whole host skipped")
 * @param digest fingerprint of the list's text, part of the ruleset's (a list edited in place changes it)
 */
public record TagListImport(String file, String format, int rules, String note, String digest) {
}
