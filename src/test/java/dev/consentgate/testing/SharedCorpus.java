package dev.consentgate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the test data written by others is read from, in place: {@code ../shared/corpus} beside the repository, or
 * the directory named by {@code -Dconsentgate.corpus=DIR}, laid out the same way ({@code pages/} with its
 * {@code manifest.json}, {@code html5lib-tokenizer/}, ...). The second lets the corpus tests judge other pages of the
 * same kind, such as pages held out of the repository; the tests of parts such a directory lacks skip, each with
 * its message.
 */
public final class SharedCorpus {

    /** The system property that names another corpus directory. */
    public static final String PROPERTY = "consentgate.corpus";

    private SharedCorpus() {
    }

    /**
     * Whether the corpus is ../shared/corpus, not another named by {@link #PROPERTY}; naming ../shared/corpus itself
     * (by any path to it) still reads it as the shared corpus, with what the tests know of it.
     */
    public static boolean isTheSharedCorpus() {
        String named = System.getProperty(PROPERTY);
        return named == null || named.isBlank() || sameDirectory(Path.of(named), sharedRoot());
    }

    /** The corpus directory, whether or not it exists. */
    public static Path root() {
        String named = System.getProperty(PROPERTY);
        if (named == null || named.isBlank()) {
            return sharedRoot();
        }
        return Path.of(named).toAbsolutePath();
    }

    private static Path sharedRoot() {
        return Path.of(System.getProperty("user.dir")).resolveSibling("shared").resolve("corpus");
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isDirectory(a) && Files.isDirectory(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** A part of the corpus ({@code "pages"}), whether or not it exists. */
    public static Path dir(String part) {
        return root().resolve(part);
    }

    /** How skip messages name a part: {@code ../shared/corpus/pages}, or its path under another corpus. */
    public static String describe(String part) {
        return isTheSharedCorpus() ? "../shared/corpus/" + part : dir(part).toString();
    }
}
