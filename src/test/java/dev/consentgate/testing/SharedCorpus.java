package dev.consentgate.testing;

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

    /** Whether the corpus is ../shared/corpus, not another named by {@link #PROPERTY}. */
    public static boolean isTheSharedCorpus() {
        String named = System.getProperty(PROPERTY);
        return named == null || named.isBlank();
    }

    /** The corpus directory, whether or not it exists. */
    public static Path root() {
        if (!isTheSharedCorpus()) {
            return Path.of(System.getProperty(PROPERTY)).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.dir")).resolveSibling("shared").resolve("corpus");
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
