package dev.consentgate.consent;

import dev.consentgate.config.Category;
import java.util.LinkedHashMap;
import java.util.Map;

/** The categories of the default ruleset, as the cookie policy names them. */
final class Fixtures {

    private Fixtures() {
    }

    static Map<String, Category> categories() {
        Map<String, Category> map = new LinkedHashMap<>();
        map.put("essential", new Category("essential", "Needed to run the site.", true, false));
        map.put("functionality", new Category("functionality", "Remembers your choices.", false, false));
        map.put("analytics", new Category("analytics", "Measures how the site is used.", false, false));
        map.put("advertising", new Category("advertising", "Shows relevant ads & measures them.", false, true));
        return map;
    }
}
