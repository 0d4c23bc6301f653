package dev.consentgate.consent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds {@link ConsentInput}s for tests: cookies and headers in the order given. */
final class Inputs {

    private final Map<String, List<String>> cookies = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    static Inputs request() {
        return new Inputs();
    }

    static ConsentInput cookie(String name, String value) {
        return request().withCookie(name, value).build();
    }

    static ConsentInput none() {
        return request().build();
    }

    Inputs withCookie(String name, String value) {
        cookies.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    Inputs withHeader(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
        return this;
    }

    ConsentInput build() {
        Map<String, List<String>> c = Map.copyOf(cookies);
        Map<String, List<String>> h = Map.copyOf(headers);
        return new ConsentInput(c, name -> h.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }
}
