package dev.consentgate.html;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test corpus beside the repository ({@code ../shared/corpus}), read in place. */
final class Corpus {

    private Corpus() {
    }

    static Path dir(String sub) {
        Path dir = Path.of(System.getProperty("user.dir")).resolveSibling("shared").resolve("corpus").resolve(sub);
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/corpus/" + sub + " absent: skipping");
        return dir;
    }
}
