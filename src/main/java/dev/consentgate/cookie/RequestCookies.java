package dev.consentgate.cookie;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits Cookie header values (RFC 6265 section 4.2, read leniently as browsers write it).
 *
 * <p>Choices: pieces are separated by ';' only (a ',' belongs to the value, as in "z=y, a=b"); SP and HTAB around
 * a piece, a name and a value are dropped; empty pieces (";;") are no cookies; a piece without '=' is a nameless
 * cookie (name ""), which classification treats as undeclared. Quotes are not interpreted. Nothing here throws.
 * Since other readers do split on ',' and spaces, {@link #hiddenPairs} finds the cookies they would see in a value.
 */
public final class RequestCookies {

    private RequestCookies() {
    }

    /** Splits Cookie header values into cookies, in order, never throwing; pieces without '=' get name "". */
    public static List<RequestCookie> parse(List<String> cookieHeaderValues) {
        List<RequestCookie> cookies = new ArrayList<>();
        for (String header : cookieHeaderValues) {
            parseHeader(header, cookies);
        }
        return Collections.unmodifiableList(cookies);
    }

    /** name -> values in order of appearance, for dev.consentgate.consent.ConsentInput. */
    public static Map<String, List<String>> byName(List<RequestCookie> cookies) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (RequestCookie cookie : cookies) {
            byName.computeIfAbsent(cookie.name(), name -> new ArrayList<>()).add(cookie.value());
        }
        byName.replaceAll((name, values) -> Collections.unmodifiableList(values));
        return Collections.unmodifiableMap(byName);
    }

    /** Appends the cookies of one header value to {@code out}. */
    static void parseHeader(String header, List<RequestCookie> out) {
        if (header == null) {
            return;
        }
        int length = header.length();
        int start = 0;
        while (start <= length) {
            int semicolon = header.indexOf(';', start);
            int end = semicolon < 0 ? length : semicolon;
            RequestCookie cookie = piece(header, start, end);
            if (cookie != null) {
                out.add(cookie);
            }
            start = end + 1;
        }
    }

    /**
     * Where a cookie's value seems to hold further cookies for a reader that also splits on ',' or spaces (RFC 2965
     * readers, Python's SimpleCookie): {@code JSESSIONID=abc, _ga=GA1.2.3}. Browsers never write such values, but a
     * script can. Returns, in order, each hidden name and the index in {@code raw} of the separator before it.
     */
    static List<Map.Entry<String, Integer>> hiddenPairs(RequestCookie cookie) {
        String raw = cookie.raw();
        int eq = raw.indexOf('=');
        if (eq < 0) {
            return List.of();
        }
        List<Map.Entry<String, Integer>> hidden = new ArrayList<>(0);
        // spaces before the value are no separator between cookies
        int i = CookieSyntax.skipWhitespace(raw, eq + 1, raw.length());
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != ',' && c != ' ' && c != '\t') {
                i++;
                continue;
            }
            int separator = i;
            while (i < raw.length() && (raw.charAt(i) == ',' || raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) {
                i++;
            }
            int nameStart = i;
            while (i < raw.length() && "=, \t".indexOf(raw.charAt(i)) < 0) {
                i++;
            }
            int nameEnd = i;
            // Python's SimpleCookie, among others, allows spaces around '=' ("_ga =GA1.2.3")
            int equals = i;
            while (equals < raw.length() && (raw.charAt(equals) == ' ' || raw.charAt(equals) == '\t')) {
                equals++;
            }
            if (nameEnd > nameStart && equals < raw.length() && raw.charAt(equals) == '=') {
                hidden.add(Map.entry(raw.substring(nameStart, nameEnd), separator));
            }
        }
        return hidden;
    }

    private static RequestCookie piece(String header, int from, int to) {
        int start = CookieSyntax.skipWhitespace(header, from, to);
        int end = CookieSyntax.trimEnd(header, start, to);
        if (start == end) {
            return null;
        }
        String raw = header.substring(start, end);
        int eq = raw.indexOf('=');
        if (eq < 0) {
            return new RequestCookie("", raw, raw);
        }
        return new RequestCookie(CookieSyntax.trimmed(raw, 0, eq), CookieSyntax.trimmed(raw, eq + 1, raw.length()),
                raw);
    }
}
