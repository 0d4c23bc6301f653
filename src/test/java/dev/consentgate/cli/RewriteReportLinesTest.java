package dev.consentgate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code "line"} of {@code rewrite --report}: where the element starts in the saved page, as an editor counts
 * lines, however the page is read from stdin. Each case was found by a review and failed before; the comments say
 * what happened then.
 */
class RewriteReportLinesTest {

    /**
     * {@code rewrite --report} with the charset given, so the page's encoding is decided at once and the rewriter
     * gets the page as it is read (without it, the page's start is held, whole, until its encoding is known).
     */
    private static CommandRun report(byte[] page, int readSize) {
        return CommandRun.of(page, readSize, "rewrite", "--consent", "essential", "--report", "--charset", "utf-8");
    }

    private static final Pattern LINE = Pattern.compile("\"line\":(\\d+)");

    private static List<Integer> reportedLines(String report) {
        Matcher m = LINE.matcher(report);
        List<Integer> lines = new ArrayList<>();
        while (m.find()) {
            lines.add(Integer.parseInt(m.group(1)));
        }
        return lines;
    }

    private static final String GTM = "<script src=\"https://www.googletagmanager.com/gtm.js?id=GTM-1\"></script>";
    private static final String PIXEL = "<img src=\"https://www.facebook.com/tr?id=1\">";

    /*
     * Input: a page whose lines end with CR alone (classic Mac line ends, still produced by some CMS exports),
     *   "<html><head>\r<script src=GTM>\r<img src=facebook.com/tr>\r</head></html>", rewrite --consent essential --report.
     * Before (found by a review): both elements were reported on "line":1 (LineCounter counted only LF bytes).
     * Expected: lines 2 and 3. HTML's input stream preprocessing (WHATWG HTML 13.2.3.5) treats a CR not followed by
     *   LF as a newline, as editors do; the report's line is how an operator finds the element in the saved page.
     */
    @Test
    void reportCountsACarriageReturnAloneAsALineEnd() {
        byte[] page = ("<html><head>\r" + GTM + "\r" + PIXEL + "\r</head></html>").getBytes(StandardCharsets.US_ASCII);
        CommandRun r = CommandRun.of(page, 65536, "rewrite", "--consent", "essential", "--report");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of(2, 3), reportedLines(r.err()), r.err());
    }

    /** A CRLF is one line end, also when a read ends between its CR and its LF; LF and CR alone mix with it. */
    @Test
    void aCarriageReturnAndLineFeedCountOnceWhereverTheReadsEnd() {
        String text = "<html>\r\n<head>\r\n" + GTM + "\r\n\r\n" + PIXEL + "\n\r" + PIXEL + "\r\r\n" + GTM + "\r\n";
        byte[] page = text.getBytes(StandardCharsets.US_ASCII);
        for (int readSize = 1; readSize <= 16; readSize++) {
            CommandRun r = report(page, readSize);
            assertEquals(List.of(3, 5, 7, 9), reportedLines(r.err()), "reads of " + readSize + ": " + r.err());
        }
    }

    /*
     * Input: a tag longer than html.max_tag_bytes (16 KiB) that starts on line 3 and spans 12,000 lines
     *   (<img alt="x\nx\n..." src="https://www.facebook.com/tr">), piped in 4 KiB per read instead of the whole
     *   page in one read, with --charset utf-8 (with no charset known this page is held whole until its encoding
     *   is, and reaches the rewriter in one piece).
     * Before (found by a review): the "unread-past-limit" element was reported on line 10,233, inside the tag's
     *   attribute, while the same bytes read in one piece reported line 3. When the limit was reached the tag's
     *   start was no longer held, so LineCounter dropped its mark and answered the current line.
     * Expected: line 3 whatever the chunking (the report's "line" is where the element starts).
     */
    @Test
    void reportLineOfAnElementCutByTheTagLimitDoesNotDependOnHowStdinIsRead() {
        byte[] page = ("<p>\n</p>\n<img alt=\"" + "x\n".repeat(12_000) + "\" src=\"https://www.facebook.com/tr\">\n")
                .getBytes(StandardCharsets.US_ASCII);
        CommandRun whole = report(page, Integer.MAX_VALUE);
        assertTrue(whole.err().contains("\"rule\":\"unread-past-limit\""), whole.err());
        assertEquals(List.of(3), reportedLines(whole.err()), whole.err());
        for (int readSize : new int[] {256, 1000, 1460, 4096, 10_000}) {
            CommandRun piped = report(page, readSize);
            assertEquals(0, piped.status(), piped.err());
            assertArrayEquals(whole.out(), piped.out(), "the rewritten page itself does not depend on the reads");
            assertEquals(List.of(3), reportedLines(piped.err()), "reads of " + readSize + ": " + piped.err());
        }
    }

    /** An overflowed tag the limit passes unjudged is reported where it starts too, however it is read. */
    @Test
    void aTagPassedOverTheLimitIsReportedWhereItStarts() {
        byte[] page = ("<p>\n</p>\n<meta name=\"description\" content=\"" + "x\n".repeat(12_000) + "\">\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (int readSize : new int[] {512, 4096, Integer.MAX_VALUE}) {
            CommandRun r = report(page, readSize);
            assertEquals(0, r.status(), r.err());
            assertTrue(r.err().contains("\"action\":\"passed-over-limit\""), r.err());
            assertEquals(List.of(3), reportedLines(r.err()), "reads of " + readSize + ": " + r.err());
        }
    }
}
