package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ReturnPathTest {

    static Stream<Arguments> table() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = ReturnPathTest.class.getResourceAsStream("/consent/return-paths.tsv")) {
            assertNotNull(in, "consent/return-paths.tsv on the test class path");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int tab = line.lastIndexOf('\t');
                rows.add(Arguments.of(unescape(line.substring(0, tab)), line.substring(tab + 1).equals("yes")));
            }
        }
        assertTrue(rows.size() > 20);
        return rows.stream();
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "tnr0u".indexOf(s.charAt(i + 1)) >= 0) {
                char e = s.charAt(++i);
                switch (e) {
                    case 't' -> out.append('\t');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case '0' -> out.append('\0');
                    default -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @ParameterizedTest(name = "[{index}] {0} safe={1}")
    @MethodSource("table")
    void onlySameSiteRelativePathsAreSafe(String raw, boolean safe) {
        assertEquals(safe ? Optional.of(raw) : Optional.empty(), ReturnPath.check(raw));
    }

    @Test
    void refusesNullAndOverlongValues() {
        assertEquals(Optional.empty(), ReturnPath.check(null));
        assertEquals(Optional.empty(), ReturnPath.check("/" + "a".repeat(ReturnPath.MAX_LENGTH)));
    }
}
