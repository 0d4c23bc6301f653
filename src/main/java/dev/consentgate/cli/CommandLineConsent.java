package dev.consentgate.cli;

import dev.consentgate.config.Category;
import dev.consentgate.config.ConsentSettings.DefaultMode;
import dev.consentgate.config.Ruleset;
import dev.consentgate.consent.ConsentDecision;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The visitor a command pretends to be: one who answered ({@code --consent}), or one who has not answered yet
 * ({@code rewrite --unanswered}), to whom the proxy shows the banner.
 */
final class CommandLineConsent {

    private CommandLineConsent() {
    }

    /** A visitor who answered: "essential" (nothing but essential), "all", or categories joined by '+'. */
    static ConsentDecision answered(Ruleset ruleset, String text) {
        return new ConsentDecision(granted(ruleset, text), "command line", Optional.empty(), false, Optional.empty());
    }

    /**
     * A visitor who has not answered: what {@code text} grants, as the default of a region would (or an older
     * answer narrowing it); without one, the ruleset's default where the region is unknown (essential only unless
     * consent.regions' fallback is opt-out), since a saved page says nothing of its visitor's region.
     */
    static ConsentDecision unanswered(Ruleset ruleset, Optional<String> text) {
        Set<String> granted = text.map(t -> granted(ruleset, t)).orElseGet(() ->
                ruleset.consent().regions().fallback() == DefaultMode.OPT_OUT
                        ? ruleset.categories().keySet() : ruleset.essentialCategories());
        return new ConsentDecision(granted, ConsentDecision.DEFAULT_SOURCE, Optional.empty(), false,
                Optional.empty());
    }

    private static Set<String> granted(Ruleset ruleset, String text) {
        Set<String> granted = new HashSet<>(ruleset.essentialCategories());
        if (text.equals("all")) {
            granted.addAll(ruleset.categories().keySet());
        } else if (!text.equals("essential")) {
            for (String category : text.split("\\+", -1)) {
                if (!ruleset.categories().containsKey(category)) {
                    throw new Args.UsageException("--consent: unknown category '" + category + "'; "
                            + Category.declared(ruleset.categories().keySet()) + " (or essential, all)");
                }
                granted.add(category);
            }
        }
        return granted;
    }
}
