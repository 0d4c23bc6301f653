package dev.consentgate.e2e;

import dev.consentgate.config.Category;
import dev.consentgate.config.CookieRule;
import dev.consentgate.config.Ruleset;
import dev.consentgate.cookie.CookieClassifier;
import java.util.List;
import java.util.Optional;

/** Judges the cookies in a browser's jar by the ruleset's declarations: which purpose each one serves. */
final class CookieVerdicts {

    private final Ruleset ruleset;
    private final CookieClassifier classifier;

    CookieVerdicts(Ruleset ruleset) {
        this.ruleset = ruleset;
        this.classifier = new CookieClassifier(ruleset.cookieRules(), ruleset.undeclared(), ruleset.categories());
    }

    /** The declared category of a cookie name; undeclared names have the undeclared category, if one is set. */
    Optional<String> category(String name) {
        return classifier.ruleFor(name).map(CookieRule::category).or(() -> ruleset.undeclared().category());
    }

    /** Essential means declared (or defaulted) into a category the ruleset grants without consent. */
    boolean essential(String name) {
        return category(name).map(ruleset.categories()::get).map(Category::essential).orElse(false);
    }

    List<Tab.Cookie> nonEssential(List<Tab.Cookie> jar) {
        return jar.stream().filter(c -> !essential(c.name())).toList();
    }

    List<Tab.Cookie> inCategory(List<Tab.Cookie> jar, String category) {
        return jar.stream().filter(c -> category(c.name()).filter(category::equals).isPresent()).toList();
    }
}
