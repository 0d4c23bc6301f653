package dev.consentgate.html;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a script element may run, by its type: data, templates and scripts a consent tool blocked never do; every
 * other type may, now or when a loader in the page runs it.
 */
final class ScriptTypes {

    /**
     * Script types that hold data, templates or a script a consent tool blocked: a browser never runs them and no
     * loader in the page turns them into code on its own. Every other type may run (see {@link #mayRun}).
     */
    private static final Set<String> INERT_TYPES = Set.of("text/plain", "text/html", "text/css", "text/xml",
            "application/xml", "text/markdown", "text/x-markdown", "importmap", "text/x-magento-init",
            // blocked until consent by consent tools that do not use text/plain (Yett's, Didomi's, Real Cookie
            // Banner's, and others'): each tool looks for its own type to run the script once the visitor agrees
            "javascript/blocked", "didomi/javascript", "application/consent", "text/blocked", "text/x-cookie-consent");
    /**
     * Parts of a type's name that mark data or templates (application/ld+json, text/x-handlebars-template...), or the
     * settings a consent tool reads (OIL.js's application/configuration).
     */
    private static final List<String> INERT_TYPE_PARTS = List.of("json", "template", "tmpl", "handlebars",
            "mustache", "shader", "x-glsl", "configuration");

    private ScriptTypes() {
    }

    /**
     * Whether the script may run. JavaScript does, and so may any type not known to hold data or a blocked script:
     * loaders in the page run scripts of their own types later (WP Rocket's rocketlazyloadscript, LiteSpeed's
     * litespeed/javascript, Cloudflare Rocket Loader's "hash-text/javascript", Partytown's text/partytown), and a
     * type nobody knows is read the same way, so that a tracker cannot pass under a renamed type (fail closed).
     */
    static boolean mayRun(TagToken tag) {
        String type = tag.value("type");
        if (type == null) {
            String language = tag.value("language");
            if (language == null || language.isEmpty()) {
                return true;
            }
            type = "text/" + language;
        }
        String essence = type.strip().toLowerCase(Locale.ROOT);
        int semicolon = essence.indexOf(';');
        if (semicolon >= 0) {
            essence = essence.substring(0, semicolon).strip();
        }
        if (INERT_TYPES.contains(essence)) {
            return false;
        }
        for (String part : INERT_TYPE_PARTS) {
            if (essence.contains(part)) {
                return false;
            }
        }
        return true;
    }

    /**
     * An import map runs nothing, but maps the names modules import to URLs: a bare "analytics" in a module can load
     * a tracker the map names, so the map is judged by the URLs it names.
     */
    static boolean isImportMap(TagToken tag) {
        String type = tag.value("type");
        return type != null && AttributeSyntax.asciiEqualsIgnoreCase(type.strip(), "importmap");
    }

    /**
     * Speculation rules run nothing either, but make Chromium prefetch or prerender the URLs they name or the links
     * they match (see {@link SpeculationRules}); being of no data type, they are judged as a script is, and then as
     * the rule set they are.
     */
    static boolean isSpeculationRules(TagToken tag) {
        String type = tag.value("type");
        return type != null && AttributeSyntax.asciiEqualsIgnoreCase(type.strip(), "speculationrules");
    }
}
