package dev.consentgate.html;

import dev.consentgate.testing.SharedCorpus;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test corpus ({@code ../shared/corpus} or another, see {@link SharedCorpus}), read in place. */
final class Corpus {

    private Corpus() {
    }

    static Path dir(String sub) {
        Path dir = SharedCorpus.dir(sub);
        if (!Files.isDirectory(dir)) {
            // a test factory or class set-up that gives up shows in Maven's summary as "Tests run: 0", without the
            // reason, so the reason is printed too
            String message = SharedCorpus.describe(sub) + " absent: skipping " + caller();
            System.err.println(message);
            Assumptions.abort(message);
        }
        return dir;
    }

    /** The test class that asked, for the skip message. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> !name.equals(Corpus.class.getName())).findFirst().orElse("its tests"));
    }
}
