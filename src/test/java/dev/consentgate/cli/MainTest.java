package dev.consentgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as an operator uses it: exit statuses and the exact lines printed. */
class MainTest {

    private record Result(int status, String out, String err) {
    }

    private static Result run(byte[] stdin, String... args) {
        CommandRun r = CommandRun.of(stdin, args);
        return new Result(r.status(), r.outText(), r.err());
    }

    private static Result run(String... args) {
        return run(new byte[0], args);
    }

    @Test
    void checkOfTheShippedRulesetPrintsOk() {
        Result r = run("check", "--config", "config/consentgate.yaml");
        assertEquals(new Result(0, "OK\n", ""), r);
    }

    @Test
    void checkNamesARuleThatNeverDecidesButPasses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dead.yaml");
        Files.writeString(file, """
                routes:
                  - upstream: http://127.0.0.1:9
                categories:
                  essential: {essential: true}
                  analytics: {}
                tags:
                  - {id: hotjar, host: hotjar.com, path: /c/, category: analytics}
                  - {id: hotjar-static, host: static.hotjar.com, path: /c/hotjar-, category: essential}
                """);
        Result r = run("check", "--config", file.toString());
        assertEquals(new Result(0, "OK\n", file + ":8:5: warning: rule 'hotjar-static' never decides: rule 'hotjar'"
                + " (" + file + ":7:5) comes first and matches every URL it matches\n"), r);
    }

    @Test
    void checkOfABrokenRulesetPrintsEveryProblemLocatedAndExits2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                routes:
                  - upstream: http://127.0.0.1:9
                categories:
                  essential: {essential: true}
                cookies:
                  - {name: _ga, category: analytic, retention: 2 years}
                """);
        Result r = run("check", "--config", file.toString());
        assertEquals(2, r.status());
        String[] lines = r.err().split("\n");
        assertEquals(2, lines.length, r.err());
        assertTrue(lines[0].startsWith(file + ":6:27: unknown category 'analytic'"), lines[0]);
        assertTrue(lines[1].startsWith(file + ":6:48: bad duration '2 years'"), lines[1]);
    }

    @Test
    void missingRulesetIsOneLineAndExit2() {
        Result r = run("--config", "no/such/file.yaml");
        assertEquals(2, r.status());
        assertEquals("consentgate: no/such/file.yaml: file not found\n", r.err());
    }

    @Test
    void aRulesetThatIsNotUtf8OrIsADirectoryIsNamedAndExits2(@TempDir Path dir) throws Exception {
        // before (found by a review): "consentgate: Input length = 3" and "Is a directory", exit 1, no file named
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, ("routes:\n  - upstream: http://127.0.0.1:9\ncategories:\n  essential: {essential: true,"
                + " description: \"Pr\u00e4ferenzen\"}\n").getBytes(StandardCharsets.ISO_8859_1));
        Result notUtf8 = run("check", "--config", latin1.toString());
        assertEquals(new Result(2, "", latin1 + ":1:1: is not UTF-8: save the ruleset as UTF-8\n"), notUtf8);
        Result directory = run("check", "--config", dir.toString());
        assertEquals(new Result(2, "", dir + ":1:1: is a directory, not a ruleset file\n"), directory);
    }

    @Test
    void missingDefaultRulesetSaysWhereItWasLookedFor(@TempDir Path elsewhere) throws Exception {
        // the default path is relative to the working directory, so this runs in a process started elsewhere
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "check")
                .directory(elsewhere.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor());
        assertEquals("consentgate: config/consentgate.yaml: file not found (the default, looked for in "
                + elsewhere.toRealPath() + "; give another with --config FILE)\n", output);
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result r = run("--frobnicate");
        assertEquals(2, r.status());
        assertEquals("consentgate: unknown option '--frobnicate' (see --help)\n", r.err());
    }

    @Test
    void portInUseIsOneClearLineWithoutStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result r = run("--listen", "127.0.0.1:" + taken.getLocalPort(), "--upstream", "http://127.0.0.1:9");
            assertEquals(1, r.status());
            assertTrue(r.err().startsWith("consentgate: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "), r.err());
            assertEquals(1, r.err().split("\n").length, r.err());
        }
    }

    @Test
    void browseWithAnUnknownCategoryIsAUsageErrorAndMakesNoCa(@TempDir Path dir) {
        Result r = run("browse", "--consent", "ads", "--ca-dir", dir.resolve("ca").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("consentgate: --consent: unknown category 'ads'"), r.err());
        assertFalse(Files.exists(dir.resolve("ca")));
    }

    @Test
    void browseNamesTheMissingHalfOfItsCa(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("consentgate-ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        Result r = run("browse", "--ca-dir", dir.toString(), "--listen", "127.0.0.1:0");
        assertEquals(1, r.status());
        assertEquals("consentgate: " + dir.resolve("consentgate-ca.key") + ": missing, while "
                + dir.resolve("consentgate-ca.pem") + " exists; remove it to have a new CA made, or restore both\n",
                r.err());
    }

    @Test
    void browseNamesAnUnreadableUpstreamCaFile(@TempDir Path dir) {
        Result r = run("browse", "--ca-dir", dir.toString(), "--upstream-ca", dir.resolve("no.pem").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("consentgate: " + dir.resolve("no.pem") + ": cannot be read as PEM certificates"),
                r.err());
        assertFalse(Files.exists(dir.resolve("consentgate-ca.key")), "no CA made before the options were checked");
    }

    @Test
    void helpListsTheCommands() {
        Result r = run("--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("check") && r.out().contains("rewrite") && r.out().contains("browse")
                && r.out().contains("--config"));
    }

    @Test
    void rewriteWithEssentialConsentNeutralizesTagsAndReports() throws Exception {
        byte[] page;
        try (InputStream in = MainTest.class.getResourceAsStream("/demo/index.html")) {
            page = in.readAllBytes();
        }
        Result r = run(page, "rewrite", "--consent", "essential", "--report");
        assertEquals(0, r.status(), r.err());
        assertFalse(r.out().contains(" src=\"https://www.googletagmanager.com"), r.out());
        assertTrue(r.out().contains("data-cg-src=\"https://www.googletagmanager.com/gtag/js?id=G-DEMO12345\""));
        assertTrue(r.err().startsWith("{\"elements\":[{\"line\":7,\"element\":\"link\""), r.err());
        Result all = run(page, "rewrite", "--consent", "all");
        assertEquals(new String(page, StandardCharsets.UTF_8), all.out());
    }

    @Test
    void checkSaysWhatEachTagListGave(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hosts.txt"), "||pixel.example^\n||x.example^$script\n");
        Path file = dir.resolve("r.yaml");
        Files.writeString(file, """
                routes:
                  - upstream: http://127.0.0.1:9
                categories:
                  essential: {essential: true}
                  advertising: {}
                tag_lists:
                  - {adblock: hosts.txt, category: advertising}
                """);
        Result r = run("check", "--config", file.toString());
        assertEquals(new Result(0, "OK\ntag list " + dir.resolve("hosts.txt")
                + " (adblock): 1 host rules; 1 rule lines not blocking a whole host skipped\n", ""), r);
    }

    @Test
    void rewriteWithSiteSparesTheSitesOwnUrls() {
        String script = "<script src=\"https://www.youtube.com/s/player/base.js\"></script>";
        byte[] page = script.getBytes(StandardCharsets.UTF_8);
        assertEquals(new Result(0, script, ""), run(page, "rewrite", "--consent", "essential", "--site",
                "www.youtube.com"));
        assertEquals(new Result(0, script, ""), run(page, "rewrite", "--consent", "essential", "--site",
                "www.youtube.com:443"));
        Result url = run(page, "rewrite", "--consent", "essential", "--site", "https://www.youtube.com/");
        assertEquals(2, url.status());
        assertTrue(url.err().contains("--site takes the host a page was served from"), url.err());
        Result elsewhere = run(page, "rewrite", "--consent", "essential", "--site", "news.example");
        assertTrue(elsewhere.out().contains("type=\"text/plain\""), elsewhere.out());
    }

    @Test
    void rewriteRejectsAnUnknownCategory() {
        Result r = run("rewrite", "--consent", "analytics+marketing");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("unknown category 'marketing'"), r.err());
    }

    @Test
    void rewriteSaysWhenItsCharsetIsNoEncodingAndReadsThePageAsWithoutOne() {
        byte[] page = "<p>caf\u00e9</p><script src=\"https://www.googletagmanager.com/gtm.js\"></script>"
                .getBytes(StandardCharsets.UTF_8);
        Result typo = run(page, "rewrite", "--consent", "essential", "--charset", "utf-88");
        Result none = run(page, "rewrite", "--consent", "essential");
        assertEquals(0, typo.status(), typo.err());
        assertEquals("consentgate: --charset 'utf-88' is not an encoding a browser knows; it is ignored, as in a"
                + " Content-Type, and the page's encoding is found without it\n", typo.err());
        assertEquals(none.out(), typo.out());
        assertTrue(typo.out().contains("<script type=\"text/plain\""), typo.out());
        // labels are read as a browser reads them: case and surrounding spaces do not matter
        Result label = run(page, "rewrite", "--consent", "essential", "--charset", " Latin1 ");
        assertEquals("", label.err());
    }

    @Test
    void rewriteOfAStylesheetReplacesEachBlockedAddressAndReportsIt() {
        String css = "@import url(https://connect.facebook.net/a.css);\n.a{background:url(/x.png)}\n"
                + ".b{background:url(\"https://www.facebook.com/tr?id=1\")}\n";
        Result r = run(css.getBytes(StandardCharsets.UTF_8), "rewrite", "--config", "config/consentgate.yaml",
                "--consent", "essential", "--stylesheet", "--report");
        assertEquals(0, r.status(), r.err());
        assertEquals("@import none;\n.a{background:url(/x.png)}\n.b{background:none}\n", r.out());
        assertTrue(r.err().contains("\"line\":3,\"element\":\"stylesheet\",\"host\":\"www.facebook.com\""), r.err());
        assertEquals(css, run(css.getBytes(StandardCharsets.UTF_8), "rewrite", "--config", "config/consentgate.yaml",
                "--consent", "all", "--stylesheet").out());
    }
}
