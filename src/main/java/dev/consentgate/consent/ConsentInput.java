package dev.consentgate.consent;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a consent source may look at: the request's cookies and headers, already parsed, free of any HTTP library.
 *
 * @param cookies every cookie value the request carried, by name, in the order they appeared
 * @param headers all values of a request header (case-insensitive name), empty list when absent
 */
public record ConsentInput(Map<String, List<String>> cookies, Function<String, List<String>> headers) {

    public List<String> cookie(String name) {
        return cookies.getOrDefault(name, List.of());
    }

    public List<String> header(String name) {
        return headers.apply(name);
    }
}
