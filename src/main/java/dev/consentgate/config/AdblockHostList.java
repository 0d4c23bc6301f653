package dev.consentgate.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an Adblock-style host list ({@code ||tracker.example^}, one per line) that an operator supplies into tag
 * rules of one category. Only rules that block a whole host are taken: a rule narrowed by a path, a wildcard, a
 * resource type or a site ({@code $script}, {@code $domain=...}) would block more than it says if read as a host, so
 * it is counted as skipped, never guessed at. Comments and exceptions are ignored.
 */
final class AdblockHostList {

    private static final Pattern HOST = Pattern.compile(
            "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");
    /** Options that leave a host rule blocking the whole host for a page's own elements. */
    private static final Set<String> WHOLE_HOST_OPTIONS = Set.of("third-party", "3p", "important", "all");

    private AdblockHostList() {
    }

    /** The rules read and the number of rule lines that were not whole-host rules. */
    record Parsed(List<TagRule> rules, int skipped) {
    }

    /**
     * @param text     the list's content
     * @param file     the list's path, for each rule's origin ("FILE:LINE:COLUMN")
     * @param category category of every rule
     * @param action   action of every rule, empty for the category default
     */
    static Parsed parse(String text, String file, String category, Optional<TagAction> action) {
        List<TagRule> rules = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        int skipped = 0;
        String[] lines = text.split("\r?\n|\r", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("!") || line.startsWith("[") || line.startsWith("@@")) {
                continue;
            }
            Optional<String> host = wholeHost(line);
            if (host.isEmpty()) {
                skipped++;
                continue;
            }
            if (!hosts.add(host.get())) {
                continue;
            }
            int column = lines[n].indexOf("||") + 3;
            rules.add(new TagRule("adblock:" + host.get(), host, Optional.empty(), Optional.empty(), category,
                    action, file + ":" + (n + 1) + ":" + column));
        }
        return new Parsed(List.copyOf(rules), skipped);
    }

    /** The host of {@code ||host^}, {@code ||host^|} or {@code ||host^$third-party}; empty for any other rule. */
    private static Optional<String> wholeHost(String line) {
        if (!line.startsWith("||")) {
            return Optional.empty();
        }
        int end = line.indexOf('^');
        if (end < 0) {
            return Optional.empty();
        }
        String rest = line.substring(end + 1);
        if (rest.startsWith("$")) {
            for (String option : rest.substring(1).split(",")) {
                if (!WHOLE_HOST_OPTIONS.contains(option.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.empty();
                }
            }
        } else if (!rest.isEmpty() && !rest.equals("|")) {
            return Optional.empty();
        }
        String host = line.substring(2, end).toLowerCase(Locale.ROOT);
        return HOST.matcher(host).matches() ? Optional.of(host) : Optional.empty();
    }
}
