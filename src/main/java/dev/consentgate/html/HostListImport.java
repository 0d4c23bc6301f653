package dev.consentgate.html;

import dev.consentgate.config.TagAction;
import dev.consentgate.config.TagRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a user-supplied Adblock-style host list ({@code ||tracker.example^}, one per line) into tag rules of one
 * category, so an operator can add a list they are licensed to use at load time. Lines that are not plain host
 * rules (comments, exceptions, cosmetic filters, paths, wildcards) are skipped, never guessed at.
 */
public final class HostListImport {

    private static final Pattern HOST = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");

    private HostListImport() {
    }

    /**
     * @param text     the list's content
     * @param source   file name, for the rules' origin ("FILE:LINE:COLUMN")
     * @param category category of every rule
     * @param action   action of every rule, empty for the category default
     */
    public static List<TagRule> parse(String text, String source, String category, Optional<TagAction> action) {
        List<TagRule> rules = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (!line.startsWith("||")) {
                continue;
            }
            int end = line.indexOf('^');
            if (end < 0) {
                continue;
            }
            String rest = line.substring(end + 1);
            if (!rest.isEmpty() && !rest.startsWith("$") && !rest.equals("|")) {
                continue;
            }
            String host = line.substring(2, end).toLowerCase(Locale.ROOT);
            if (!HOST.matcher(host).matches()) {
                continue;
            }
            rules.add(new TagRule("hostlist:" + host, Optional.of(host), Optional.empty(), Optional.empty(),
                    category, action, source + ":" + (n + 1) + ":1"));
        }
        return rules;
    }
}
