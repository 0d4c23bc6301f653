package dev.consentgate.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Checks the parsers against the IETF http-state vectors in ../shared/corpus/cookie-parsing (read in place; the
 * JSON is tough-cookie's BSD-licensed copy, the raw files are the original suite's).
 *
 * <p>Which vectors apply, and why:
 * <ul>
 *   <li>Every vector except the DISABLED_ ones (upstream marks them as not expected to pass): each cookie the user
 *       agent ends up sending ({@code sent}) must come from a received Set-Cookie field whose name
 *       ({@link CookiePolicy#setCookieName}) and value we read exactly so. Vectors where the browser rejects a
 *       cookie for its Domain, Path, Secure or expiry send less; that only removes expectations.</li>
 *   <li>The vectors about the name-value pair itself (groups NAME, VALUE, CHARSET, CHROMIUM, COMMA and the
 *       numbered and MOZILLA ones listed in {@link #PAIR_VECTORS}): additionally, the non-empty names we read
 *       are exactly the names sent. This covers fields without '=' or with an empty name: we read them as the
 *       nameless cookie "", which browsers following RFC 6265 ignore and those following RFC 6265bis keep
 *       under the empty name; either way no named cookie may appear.</li>
 *   <li>Request side: each raw {@code *-expected} file holds the Cookie header the user agent sends back; our
 *       split of it must give the {@code sent} pairs in order. 0028-expected is skipped: upstream it holds two
 *       Set-Cookie lines instead of a Cookie header (a known slip of the suite).</li>
 *   <li>dates/*.json: the cookie-date algorithm reads each date as expected (null: ignored).</li>
 * </ul>
 * Strings are compared as they reach the gateway: UTF-8 bytes seen as ISO-8859-1 chars.
 */
class CookieParsingCorpusTest {

    private static final Set<String> PAIR_GROUPS = Set.of("NAME", "VALUE", "CHARSET", "CHROMIUM", "COMMA");
    private static final Set<String> PAIR_VECTORS = Set.of("0001", "0002", "0004", "0005", "0007", "0008", "0009",
            "0011", "0012", "0013", "0014", "0015", "0016", "0017", "0018", "0019", "0020", "0021", "0022", "0023",
            "0024", "0025", "0026", "0027", "0028", "MOZILLA0012", "MOZILLA0014", "MOZILLA0015", "MOZILLA0016",
            "MOZILLA0017");

    record Cookie(String name, String value) {
    }

    record Vector(String id, List<String> received, List<Cookie> sent) {

        boolean aboutThePair() {
            return PAIR_VECTORS.contains(id) || PAIR_GROUPS.contains(id.replaceAll("[0-9]+$", ""));
        }
    }

    @TestFactory
    Stream<DynamicTest> everySentCookieIsReadFromSomeReceivedField() throws IOException {
        return vectors().stream().filter(v -> !v.id().startsWith("DISABLED")).map(vector -> DynamicTest.dynamicTest(
                vector.id(), () -> {
                    List<Cookie> read = new ArrayList<>();
                    for (String field : vector.received()) {
                        read.add(new Cookie(CookiePolicy.setCookieName(field), SetCookieField.parse(field).value()));
                    }
                    for (Cookie sent : vector.sent()) {
                        assertTrue(read.contains(sent), () -> sent + " not among " + read);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> pairVectorsNameExactlyTheSentCookies() throws IOException {
        List<Vector> applicable = vectors().stream().filter(Vector::aboutThePair).toList();
        assertTrue(applicable.size() >= 100, "expected the pair vectors, found " + applicable.size());
        return applicable.stream().map(vector -> DynamicTest.dynamicTest(vector.id(), () -> {
            Set<String> named = new LinkedHashSet<>();
            for (String field : vector.received()) {
                String name = CookiePolicy.setCookieName(field);
                if (!name.isEmpty()) {
                    named.add(name);
                }
            }
            Set<String> sent = new LinkedHashSet<>();
            vector.sent().forEach(c -> sent.add(c.name()));
            assertEquals(sent, named);
        }));
    }

    @TestFactory
    Stream<DynamicTest> cookieHeaderSentBackSplitsIntoTheSentPairs() throws IOException {
        Path parser = Fixtures.corpus("cookie-parsing").resolve("http-state").resolve("parser");
        Map<String, Vector> byId = new java.util.HashMap<>();
        vectors().forEach(v -> byId.put(v.id(), v));
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(parser)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-expected")).sorted().toList()) {
                String base = file.getFileName().toString().replace("-expected", "");
                String id = base.toUpperCase(Locale.ROOT).replace('-', '_');
                if (id.equals("0028")) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(id, () -> {
                    Vector vector = byId.get(id);
                    assertTrue(vector != null, "no JSON vector " + id);
                    List<Cookie> split = new ArrayList<>();
                    for (RequestCookie c : RequestCookies.parse(cookieHeaders(file))) {
                        split.add(new Cookie(c.name(), c.value()));
                    }
                    assertEquals(vector.sent(), split);
                }));
            }
        }
        assertTrue(tests.size() > 200, "expected the raw http-state files, found " + tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> cookieDatesAreReadAsTheSuiteExpects() throws IOException {
        Path dates = Fixtures.corpus("cookie-parsing").resolve("tough-cookie-ietf_data").resolve("dates");
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : List.of("examples.json", "bsd-examples.json")) {
            for (Object entry : (List<?>) json(dates.resolve(file))) {
                Map<?, ?> example = (Map<?, ?>) entry;
                String date = (String) example.get("test");
                Optional<String> expected = Optional.ofNullable((String) example.get("expected"));
                tests.add(DynamicTest.dynamicTest(file + ": " + date,
                        () -> assertEquals(expected, CookieDate.parse(date).map(CookieDate::format))));
            }
        }
        assertTrue(tests.size() > 20, "expected the date examples, found " + tests.size());
        return tests.stream();
    }

    private static List<String> cookieHeaders(Path expectedFile) throws IOException {
        List<String> headers = new ArrayList<>();
        for (String line : new String(Files.readAllBytes(expectedFile), StandardCharsets.ISO_8859_1).split("\n")) {
            if (line.startsWith("Cookie:")) {
                headers.add(line.substring("Cookie:".length()).strip());
            }
        }
        return headers;
    }

    private static List<Vector> vectors() throws IOException {
        Path json = Fixtures.corpus("cookie-parsing").resolve("tough-cookie-ietf_data").resolve("parser.json");
        List<Vector> vectors = new ArrayList<>();
        for (Object entry : (List<?>) json(json)) {
            Map<?, ?> vector = (Map<?, ?>) entry;
            List<String> received = new ArrayList<>();
            for (Object field : (List<?>) vector.get("received")) {
                received.add(wire((String) field));
            }
            List<Cookie> sent = new ArrayList<>();
            for (Object cookie : (List<?>) vector.get("sent")) {
                Map<?, ?> pair = (Map<?, ?>) cookie;
                sent.add(new Cookie(wire((String) pair.get("name")), wire((String) pair.get("value"))));
            }
            vectors.add(new Vector((String) vector.get("test"), received, sent));
        }
        return vectors;
    }

    /** JSON is a subset of YAML 1.2: SnakeYAML Engine (already a dependency) reads it. */
    private static Object json(Path file) throws IOException {
        return new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The text as the gateway sees it: UTF-8 bytes, one ISO-8859-1 char each. */
    private static String wire(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
