package dev.consentgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * How {@code rewrite} fails, and what it keeps: output that cannot be written, a ruleset path that cannot be read,
 * and a page of many changed elements without {@code --report}. Each case was found by a review of the command line
 * against the proxy and failed before; the comments say what happened then.
 */
class RewriteCommandFailuresTest {


    /*
     * Input: rewrite --consent essential < page.html > /dev/full (a full disk, a closed pipe, a quota): every write
     *   to stdout fails. Here stdout is a PrintStream over a stream whose writes throw, as System.out is.
     * Before (found by a review): exit status 0 and nothing on stderr: RewriteCommand writes through the PrintStream, which swallows
     *   IOExceptions (it only sets checkError()), and never checks it.
     * Expected: a non-zero status (1, a runtime failure) and a message: the operator's out.html is empty or
     *   truncated, and a script that tests a ruleset on saved pages would take the missing output for a success.
     *   (The proxy, for its part, aborts a response it cannot send.)
     * Severity: misread (exit status).
     */
    @Test
    void rewriteFailsWhenItsOutputCannotBeWritten() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        byte[] page = "<p>hello</p><img src=\"https://www.facebook.com/tr?id=1\">".getBytes(StandardCharsets.US_ASCII);
        int status = Main.run(new String[] {"rewrite", "--consent", "essential"}, new ByteArrayInputStream(page),
                new PrintStream(full, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status, "stderr: " + err.toString(StandardCharsets.UTF_8));
    }

    /*
     * Input: --config PATH where PATH cannot be read as a file for a reason other than its absence (here
     *   README.md/x.yaml: "Not a directory"; an unreadable file, AccessDeniedException, takes the same path, but the
     *   tests run as root, which reads any file).
     * Before (found by a review): exit status 1 ("runtime failure") with "consentgate: README.md/x.yaml: Not a directory"; for
     *   AccessDeniedException the message would be the bare path, without a reason. Main catches only
     *   NoSuchFileException as a file problem; any other FileSystemException falls into the generic branch.
     * Expected: exit status 2, which README ("exit 2 for a ruleset, file or usage problem") and --help ("2 invalid
     *   ruleset or usage") give to a ruleset file that cannot be used, as for a missing file or a directory.
     * Severity: misread (exit status).
     */
    @Test
    void aRulesetPathThatCannotBeReadExitsTwoLikeAMissingOne() {
        CommandRun r = CommandRun.of(new byte[0], 65536, "rewrite", "--config", "README.md/x.yaml", "--consent", "essential");
        assertEquals(2, r.status(), r.err());
    }


    /*
     * Input: a 72 MB page of 1,600,000 Meta pixels (<img src="https://www.facebook.com/tr?id=1">, one a line),
     *   rewrite --consent essential WITHOUT --report, in a JVM of 48 MiB heap.
     * Before (found by a review): java.lang.OutOfMemoryError, exit 1, half a page on stdout. RewriteCommand always installs a
     *   RewriteReportJson listener, which keeps one RewriteEvent (and its strings) per element changed until the
     *   end, whether or not --report was asked; the proxy passes RewriteListener.NONE. (A page of the same size
     *   without trackers goes through in the same heap: see the assumption.) With --report, the JSON is built
     *   whole in memory at the end as well, rather than written as the elements come.
     * Expected: memory bounded by the rewriter's limits, as README says the rewrite streams ("Memory is bounded by
     *   the tag size and inline-script inspection limits, whatever the body size"): an operator runs it on a
     *   saved page of any size, and the events are only needed for --report.
     * Severity: cost (unbounded memory, linear in the attacker- or page-sized count of blocked elements).
     */
    @Test
    void withoutReportTheCommandKeepsNothingPerElement() throws Exception {
        byte[] pixel = "<img src=\"https://www.facebook.com/tr?id=1\">\n".getBytes(StandardCharsets.US_ASCII);
        byte[] filler = "<p>plain paragraph text, nothing to judge...</p>\n".getBytes(StandardCharsets.US_ASCII);
        int lines = 1_600_000;
        ProcessRun control = runInSmallHeap(filler, lines);
        Assumptions.assumeTrue(control.status() == 0,
                "48 MiB should hold the ruleset and a tracker-free page; it did not: " + control.err());
        ProcessRun pixels = runInSmallHeap(pixel, lines);
        assertFalse(pixels.err().contains("OutOfMemoryError"), pixels.err());
        assertEquals(0, pixels.status(), pixels.err());
    }

    private record ProcessRun(int status, String err) {
    }

    private static ProcessRun runInSmallHeap(byte[] line, int times) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "rewrite", "--consent", "essential")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread feeder = new Thread(() -> {
            try (OutputStream stdin = p.getOutputStream()) {
                byte[] block = new byte[line.length * 1000];
                for (int i = 0; i < 1000; i++) {
                    System.arraycopy(line, 0, block, i * line.length, line.length);
                }
                for (int i = 0; i < times / 1000; i++) {
                    stdin.write(block);
                }
            } catch (IOException e) {
                // the process died (out of memory): its status says so
            }
        });
        feeder.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "rewrite did not finish in 120 s");
        feeder.join();
        return new ProcessRun(p.exitValue(), err.length() > 2000 ? err.substring(0, 2000) : err);
    }
}
