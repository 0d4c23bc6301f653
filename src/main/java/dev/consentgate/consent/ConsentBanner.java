package dev.consentgate.consent;

import dev.consentgate.config.Category;
import dev.consentgate.config.ConsentSettings.Banner;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The gateway's own consent banner, for sites without one: a plain HTML form posting to the consent endpoint, so
 * it works without JavaScript. Buttons: "Save choices" (first, so pressing Enter in the form saves exactly what is
 * ticked and nothing more), "Essential only" and "Accept all"; one unticked checkbox per non-essential category,
 * essential ones shown ticked and disabled. Styles come from {@link #stylesheet()}, served by the gateway, so no
 * inline style is needed and a strict Content-Security-Policy allows it. All text is HTML-escaped.
 *
 * <p>The markup is also well-formed XML in the XHTML namespace (void elements closed with {@code />}, attributes
 * written out, {@code xmlns} on the outer elements), so the same banner goes into pages parsed as HTML and pages
 * served as application/xhtml+xml.
 */
public final class ConsentBanner {

    private static final String XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";

    private final Banner settings;
    private final List<Category> categories;
    private final String endpointPath;

    /** @param categories the ruleset's categories in declaration order */
    public ConsentBanner(Banner settings, List<Category> categories, String endpointPath) {
        this.settings = settings;
        this.categories = List.copyOf(categories);
        this.endpointPath = endpointPath;
    }

    /**
     * The banner markup, to be inserted before {@code </body>}.
     *
     * @param requestPath path (and query) of the page shown; the endpoint redirects back to it; an unsafe one
     *                    becomes "/"
     */
    public String html(String requestPath) {
        return html(requestPath, Set.of());
    }

    /**
     * The same form with the categories of the visitor's own answer ticked, for the choices page a visitor opens
     * after answering: saving it after ticking one more category keeps the others.
     *
     * @param ticked non-essential categories to show ticked (a region's default is no answer: pass none)
     */
    public String html(String requestPath, Set<String> ticked) {
        String back = ReturnPath.check(requestPath).orElse("/");
        StringBuilder out = new StringBuilder(2048);
        out.append("<link rel=\"stylesheet\" href=\"").append(Html.escape(settings.stylesheetPath()))
                .append("\" xmlns=\"").append(XHTML_NAMESPACE).append("\"/>\n")
                .append("<section class=\"cg-banner\" xmlns=\"").append(XHTML_NAMESPACE)
                .append("\" role=\"region\" aria-label=\"")
                .append(Html.escape(settings.title())).append("\">\n")
                .append("<form class=\"cg-form\" method=\"post\" action=\"").append(Html.escape(endpointPath))
                .append("\">\n")
                .append("<h2 class=\"cg-title\">").append(Html.escape(settings.title())).append("</h2>\n")
                .append("<p class=\"cg-text\">").append(Html.escape(settings.text()));
        settings.declarationPath().ifPresent(path -> out.append(" <a class=\"cg-link\" href=\"")
                .append(Html.escape(path)).append("\">Cookie declaration</a>"));
        out.append("</p>\n")
                .append("<input type=\"hidden\" name=\"return\" value=\"").append(Html.escape(back)).append("\"/>\n")
                .append("<fieldset class=\"cg-categories\">\n<legend>Categories</legend>\n");
        for (Category category : categories) {
            appendCategory(out, category, ticked.contains(category.id()));
        }
        out.append("</fieldset>\n<div class=\"cg-actions\">\n")
                .append("<button class=\"cg-button\" type=\"submit\" name=\"choice\" value=\"custom\">"
                        + "Save choices</button>\n")
                .append("<button class=\"cg-button\" type=\"submit\" name=\"choice\" value=\"essential\">"
                        + "Essential only</button>\n")
                .append("<button class=\"cg-button\" type=\"submit\" name=\"choice\" value=\"all\">"
                        + "Accept all</button>\n")
                .append("</div>\n</form>\n</section>\n");
        return out.toString();
    }

    private static void appendCategory(StringBuilder out, Category category, boolean ticked) {
        String id = "cg-category-" + elementIdPart(category.id());
        String label = category.id().isEmpty() ? ""
                : category.id().substring(0, 1).toUpperCase(Locale.ROOT) + category.id().substring(1);
        out.append("<div class=\"cg-category\">\n<input type=\"checkbox\" id=\"").append(id).append('"');
        if (category.essential()) {
            out.append(" checked=\"checked\" disabled=\"disabled\"");
        } else {
            out.append(" name=\"categories\" value=\"").append(Html.escape(category.id())).append('"');
            if (ticked) {
                out.append(" checked=\"checked\"");
            }
        }
        if (!category.description().isEmpty()) {
            out.append(" aria-describedby=\"").append(id).append("-description\"");
        }
        out.append("/>\n<label for=\"").append(id).append("\">").append(Html.escape(label));
        if (category.essential()) {
            out.append(" (always on)");
        }
        out.append("</label>\n");
        if (!category.description().isEmpty()) {
            out.append("<p class=\"cg-description\" id=\"").append(id).append("-description\">")
                    .append(Html.escape(category.description())).append("</p>\n");
        }
        out.append("</div>\n");
    }

    /** Category ids are config words; anything else is replaced so the id attribute stays well-formed. */
    private static String elementIdPart(String categoryId) {
        StringBuilder out = new StringBuilder(categoryId.length());
        for (int i = 0; i < categoryId.length(); i++) {
            char c = categoryId.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            out.append(ok ? c : '_');
        }
        return out.toString();
    }

    /** The banner's stylesheet, served by the gateway at the banner's stylesheet path as text/css. */
    public static String stylesheet() {
        return """
                .cg-banner{position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:90vh;overflow:auto;\
                background:#fff;color:#111;border-top:2px solid #111;box-shadow:0 -2px 8px rgba(0,0,0,.2);\
                font:16px/1.5 system-ui,sans-serif}
                .cg-form{max-width:60rem;margin:0 auto;padding:1rem}
                .cg-title{font-size:1.25rem;margin:0 0 .5rem}
                .cg-text{margin:0 0 .75rem}
                .cg-link{color:#0645ad;text-decoration:underline}
                .cg-categories{border:1px solid #888;margin:0 0 .75rem;padding:.5rem .75rem}
                .cg-category{margin:.25rem 0}
                .cg-category input{width:1.25rem;height:1.25rem;vertical-align:middle;margin-right:.5rem}
                .cg-description{margin:0 0 .25rem 1.75rem;font-size:.9rem;color:#333}
                .cg-actions{display:flex;flex-wrap:wrap;gap:.5rem}
                .cg-button{font:inherit;padding:.5rem 1rem;border:2px solid #111;border-radius:4px;background:#fff;\
                color:#111;cursor:pointer}
                .cg-button:hover{background:#eee}
                .cg-banner :focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
                @media (prefers-color-scheme:dark){.cg-banner,.cg-button{background:#111;color:#eee;border-color:#eee}\
                .cg-description{color:#ccc}.cg-link{color:#8ab4f8}.cg-button:hover{background:#333}}
                """;
    }
}
