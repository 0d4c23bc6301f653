package dev.consentgate.cookie;

import static dev.consentgate.cookie.Fixtures.essentialOnly;
import static dev.consentgate.cookie.Fixtures.everything;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.NamePattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runs every line of ../shared/corpus/set-cookie/real-set-cookie.txt (705 Set-Cookie values recorded from real
 * sites, 2010-2017) through {@link CookiePolicy#enforceSetCookie}. Lines are read as the gateway receives them:
 * bytes as ISO-8859-1 chars. The clock stands at the time of the captures, so that many Expires dates lie beyond
 * the cap and some in the past.
 */
class RealSetCookieCorpusTest {

    private static final Instant CAPTURE_TIME = Instant.parse("2016-05-29T05:23:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);

    private static List<String> lines() throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.corpus("set-cookie").resolve("real-set-cookie.txt"));
        List<String> lines = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.ISO_8859_1).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        assertEquals(705, lines.size());
        return lines;
    }

    private static CookiePolicy policy(CookieClassifier classifier) {
        return new CookiePolicy(classifier, Clock.fixed(CAPTURE_TIME, ZoneOffset.UTC));
    }

    @Test
    void everyLinePassesIdenticalWhenAllIsGrantedWithoutRetention() throws IOException {
        CookiePolicy policy = policy(Fixtures.classifier(List.of()));
        for (String line : lines()) {
            assertSame(line, policy.enforceSetCookie(line, everything()).orElseThrow(), line);
        }
    }

    @Test
    void underRetentionOnlyMaxAgeAndExpiresValuesChange() throws IOException {
        CookiePolicy policy = policy(Fixtures.classifier(List.of(Fixtures.rule(
                new NamePattern(NamePattern.Kind.GLOB, "*"), "functionality", Optional.of(RETENTION)))));
        String capSeconds = Long.toString(RETENTION.getSeconds());
        Instant capInstant = CAPTURE_TIME.plus(RETENTION);
        String capDate = CookieDate.format(capInstant);
        int changed = 0;
        for (String line : lines()) {
            String out = policy.enforceSetCookie(line, everything()).orElseThrow();
            String[] before = line.split(";", -1);
            String[] after = out.split(";", -1);
            if (hasValued(before, "expires") && !hasValued(before, "max-age")) {
                // a Max-Age written last beside the Expires (see LifetimeCap), at most the cap
                String added = after[after.length - 1].strip();
                assertTrue(added.startsWith("Max-Age="), out);
                assertTrue(Long.parseLong(added.substring(8)) <= RETENTION.getSeconds(), out);
                after = java.util.Arrays.copyOf(after, after.length - 1);
                if (line.stripTrailing().endsWith(";")) {
                    // written after the field's own last ';'
                    before = line.stripTrailing().substring(0, line.stripTrailing().length() - 1).split(";", -1);
                }
            }
            assertEquals(before.length, after.length, out);
            for (int i = 0; i < before.length; i++) {
                if (before[i].equals(after[i])) {
                    continue;
                }
                changed++;
                int eq = before[i].indexOf('=');
                String attribute = before[i].substring(0, eq).strip().toLowerCase(Locale.ROOT);
                assertTrue(i > 0 && (attribute.equals("max-age") || attribute.equals("expires")), out);
                assertEquals(before[i].substring(0, eq + 1), after[i].substring(0, eq + 1), out);
                String value = after[i].substring(eq + 1).strip();
                if (attribute.equals("expires") && !value.equals(capDate)) {
                    // a date within the cap in another form than IMF-fixdate: the same date, written as one
                    String original = before[i].substring(eq + 1).strip();
                    assertEquals(CookieDate.parse(original), CookieDate.parse(value), out);
                    assertEquals(CookieDate.format(CookieDate.parse(value).orElseThrow()), value, out);
                } else {
                    assertEquals(attribute.equals("max-age") ? capSeconds : capDate, value, out);
                }
            }
            assertLifetimeWithinCap(out, capInstant);
        }
        assertTrue(changed > 100, "only " + changed + " values capped: the clock or the corpus changed");
    }

    /** Whether an attribute named {@code name} (any case) has a value. */
    private static boolean hasValued(String[] segments, String name) {
        for (int i = 1; i < segments.length; i++) {
            int eq = segments[i].indexOf('=');
            if (eq >= 0 && segments[i].substring(0, eq).strip().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whatever a reader takes from the output, it is no later than the cap. */
    private static void assertLifetimeWithinCap(String field, Instant capInstant) {
        for (String segment : field.split(";")) {
            int eq = segment.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String attribute = segment.substring(0, eq).strip();
            String value = segment.substring(eq + 1).strip();
            if (attribute.equalsIgnoreCase("max-age")) {
                assertTrue(value.startsWith("-") || Long.parseLong(value) <= RETENTION.getSeconds(), field);
            } else if (attribute.equalsIgnoreCase("expires")) {
                Instant expires = CookieDate.parse(value).orElseThrow();
                assertTrue(!expires.isAfter(capInstant), field);
            }
        }
    }

    @Test
    void undeclaredNamesAreDroppedUnderEssentialOnly() throws IOException {
        CookiePolicy policy = policy(Fixtures.classifier(List.of(Fixtures.rule("JSESSIONID", "essential"))));
        int kept = 0;
        for (String line : lines()) {
            Optional<String> out = policy.enforceSetCookie(line, essentialOnly());
            if (CookiePolicy.setCookieName(line).equals("JSESSIONID")) {
                assertEquals(Optional.of(line), out);
                kept++;
            } else {
                assertEquals(Optional.empty(), out, line);
            }
        }
        assertTrue(kept > 0, "the corpus carries JSESSIONID lines");
    }
}
