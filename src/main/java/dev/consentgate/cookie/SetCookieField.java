package dev.consentgate.cookie;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One Set-Cookie field value, parsed the way browsers read it (RFC 6265bis section 5.6) while remembering where
 * every attribute value sits, so that a rewrite can replace those characters and leave all others alone.
 *
 * <p>A field is never split. Because a broken upstream may have comma-joined several cookies into one field
 * ("a=1; Path=/, b=2; Path=/") and something downstream may split it again, {@link #joinedNames()} lists every name
 * such a splitter could see: the text after a ',' up to the next ',' or ';' that contains '=' names a cookie. An
 * Expires date ("Thu, 01 Jan 2026 ...") contains no '=' after its comma, so it is not mistaken for one. Attribute
 * values end at such a joining comma, so that "Max-Age=99, b=2" has the value "99".
 */
final class SetCookieField {

    /**
     * One {@code name[=value]} attribute after the cookie's name-value pair.
     *
     * @param name       attribute name, whitespace-trimmed, case preserved
     * @param hasValue   whether the attribute carries '='
     * @param valueStart start of the whitespace-trimmed value in the field
     * @param valueEnd   end of that value (exclusive); it stops before a joining comma
     */
    record Attribute(String name, boolean hasValue, int valueStart, int valueEnd) {

        boolean is(String attributeName) {
            return name.equalsIgnoreCase(attributeName);
        }
    }

    private final String text;
    private final String name;
    private final String value;
    private final List<Attribute> attributes;
    private final Set<String> joinedNames;

    private SetCookieField(String text, String name, String value, List<Attribute> attributes,
                           Set<String> joinedNames) {
        this.text = text;
        this.name = name;
        this.value = value;
        this.attributes = attributes;
        this.joinedNames = joinedNames;
    }

    static SetCookieField parse(String text) {
        int length = text.length();
        int pairEnd = firstOrEnd(text, ';', 0);
        int eq = CookieSyntax.indexOf(text, '=', 0, pairEnd);
        String name = eq < 0 ? "" : CookieSyntax.trimmed(text, 0, eq);
        String value = CookieSyntax.trimmed(text, eq < 0 ? 0 : eq + 1, pairEnd);
        List<Attribute> attributes = new ArrayList<>();
        int start = pairEnd + 1;
        while (start <= length) {
            int end = firstOrEnd(text, ';', start);
            attributes.add(attribute(text, start, end));
            start = end + 1;
        }
        return new SetCookieField(text, name, value, Collections.unmodifiableList(attributes), joinedNames(text));
    }

    /** The name as classification sees it, "" when the name-value pair has no '='. */
    static String nameOf(String text) {
        int pairEnd = firstOrEnd(text, ';', 0);
        int eq = CookieSyntax.indexOf(text, '=', 0, pairEnd);
        return eq < 0 ? "" : CookieSyntax.trimmed(text, 0, eq);
    }

    String text() {
        return text;
    }

    String name() {
        return name;
    }

    /**
     * For a field without a name ({@code =_ga=GA1.2.3}), the name before the '=' inside its value: a browser sends
     * such a cookie back as its bare value, so every later reader sees {@code _ga=GA1.2.3}. Empty otherwise.
     */
    Optional<String> nameInsideValue() {
        int eq = name.isEmpty() ? value.indexOf('=') : -1;
        return eq > 0 ? Optional.of(CookieSyntax.trimmed(value, 0, eq)).filter(n -> !n.isEmpty()) : Optional.empty();
    }

    /** The value as a browser stores it: trimmed, quotes kept; the whole pair when it has no '='. */
    String value() {
        return value;
    }

    List<Attribute> attributes() {
        return attributes;
    }

    /** Names a comma-splitting reader would find after the first cookie, in order of appearance. */
    Set<String> joinedNames() {
        return joinedNames;
    }

    String valueOf(Attribute attribute) {
        return text.substring(attribute.valueStart(), attribute.valueEnd());
    }

    /**
     * The domain of the last Domain attribute with a non-empty value, as Chromium stores it ({@link CookieDomain}):
     * without a leading '.', lower-case. Empty, as for an unknown scope, when there is none, when the gateway cannot
     * read it as Chromium does, and when the last Domain attribute is itself empty: RFC 6265 ignores it, but Chromium
     * takes it and makes a host-only cookie, so the readers disagree on the scope.
     */
    Optional<String> domain() {
        String value = lastDomainValue();
        return value == null || value.isEmpty() ? Optional.empty() : CookieDomain.read(value);
    }

    /**
     * Where Chromium keeps the cookie set by a response to {@code requestHost}: "" host-only (no Domain, the last one
     * empty, or one naming an IP address or single-label host it was sent from, see {@link CookieDomain#storedFor}),
     * else the domain of {@link #domain()}. Empty when the gateway cannot read the Domain as Chromium does: it cannot
     * name the scope.
     */
    Optional<String> storedDomain(Optional<String> requestHost) {
        String value = lastDomainValue();
        return value == null || value.isEmpty() ? Optional.of("") : CookieDomain.storedFor(value, requestHost);
    }

    /** The value of the last Domain attribute, "" when it is empty; null when there is none. */
    private String lastDomainValue() {
        String value = null;
        for (Attribute attribute : attributes) {
            // RFC 6265bis 5.6: a value over 1024 octets is ignored, attribute and all (Chromium drops the pair), so
            // an earlier Domain, or none, is what the browser keeps
            if (attribute.is("Domain") && !tooLong(attribute)) {
                value = valueOf(attribute);
            }
        }
        return value;
    }

    /** The last Path attribute, when its value starts with '/' (others make the browser use the default path). */
    Optional<String> path() {
        String path = null;
        for (Attribute attribute : attributes) {
            if (attribute.is("Path") && !tooLong(attribute)) {
                String candidate = valueOf(attribute);
                path = candidate.startsWith("/") ? candidate : null;
            }
        }
        return Optional.ofNullable(path);
    }

    /**
     * Whether the browser keeps this cookie in the partition of the top-level site (CHIPS): a Partitioned attribute,
     * which Chromium honours only on a Secure cookie.
     */
    boolean partitioned() {
        return attributes.stream().anyMatch(a -> a.is("Partitioned"))
                && attributes.stream().anyMatch(a -> a.is("Secure"));
    }

    /** RFC 6265bis: an attribute value longer than this many octets is ignored. */
    private static final int MAX_ATTRIBUTE_VALUE = 1024;

    private static boolean tooLong(Attribute attribute) {
        return attribute.valueEnd() - attribute.valueStart() > MAX_ATTRIBUTE_VALUE;
    }

    private static Attribute attribute(String text, int from, int to) {
        int eq = CookieSyntax.indexOf(text, '=', from, to);
        if (eq < 0) {
            return new Attribute(CookieSyntax.trimmed(text, from, to), false, to, to);
        }
        int valueStart = CookieSyntax.skipWhitespace(text, eq + 1, to);
        int boundary = joiningComma(text, valueStart, to);
        int valueEnd = CookieSyntax.trimEnd(text, valueStart, boundary < 0 ? to : boundary);
        return new Attribute(CookieSyntax.trimmed(text, from, eq), true, valueStart, valueEnd);
    }

    /** First ',' in [from, to) after which, up to the next ',' or ';', an '=' follows; -1 when none. */
    private static int joiningComma(String text, int from, int to) {
        for (int comma = CookieSyntax.indexOf(text, ',', from, to); comma >= 0;
             comma = CookieSyntax.indexOf(text, ',', comma + 1, to)) {
            if (joinedPairEquals(text, comma) >= 0) {
                return comma;
            }
        }
        return -1;
    }

    /** For the ',' at {@code comma}: index of the '=' of the pair it would start, or -1. */
    private static int joinedPairEquals(String text, int comma) {
        for (int i = comma + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                return i;
            }
            if (c == ',' || c == ';') {
                return -1;
            }
        }
        return -1;
    }

    private static Set<String> joinedNames(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (int comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', comma + 1)) {
            int eq = joinedPairEquals(text, comma);
            if (eq >= 0) {
                names.add(CookieSyntax.trimmed(text, comma + 1, eq));
            }
        }
        return Collections.unmodifiableSet(names);
    }

    private static int firstOrEnd(String text, char c, int from) {
        int i = text.indexOf(c, from);
        return i < 0 ? text.length() : i;
    }
}
