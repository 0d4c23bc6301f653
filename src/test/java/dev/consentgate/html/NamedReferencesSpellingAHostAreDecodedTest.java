package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.assertEachBlocked;
import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A named character reference in an address is decoded before the URL is parsed, and a host's IDNA mapping reads
 * many of HTML's names as ASCII letters or digits, or as nothing: Chromium 150 fetched each address below from
 * www.googletagmanager.com or www.facebook.com (by hand, and UrlReadingsReachNoTrackerE2ETest).
 */
class NamedReferencesSpellingAHostAreDecodedTest {

    /**
     * Before (found by a review): only names spelling ASCII punctuation were decoded; a mathematical letter
     * ({@code &gopf;}), a ligature ({@code &fjlig;}), a letterlike symbol, a superscript or an invisible character
     * ({@code &shy;}, {@code &ZeroWidthSpace;}) stayed literal, the host matched no rule and the tag passed.
     */
    @Test
    void aHostSpeltWithNamedReferencesIsTheHostFetched() {
        assertEachBlocked(
                "<script src=\"https://www.&gopf;oogletagmanager.com/x.js\"></script>",
                "<script src=\"https://www.&Gopf;oogletagmanager.com/x.js\"></script>",
                "<script src=\"https://www.&gfr;oogletagmanager.com/x.js\"></script>",
                "<script src=\"https://www.&gscr;oogletagmanager.com/x.js\"></script>",
                // letters Unicode had among its letterlike symbols before the mathematical alphabets
                "<script src=\"https://www.googl&escr;tagmanager.com/x.js\"></script>",
                "<script src=\"https://www.googletagmanage&real;.com/x.js\"></script>",
                "<script src=\"https://www.google&shy;tagmanager.com/x.js\"></script>",
                "<script src=\"https://www.googletagmanager.com&shy/x.js\"></script>",
                "<script src=\"https://www.google&ZeroWidthSpace;tagmanager.com/x.js\"></script>",
                "<script src=\"https://www.google&InvisibleTimes;tagmanager.com/x.js\"></script>",
                "<img src=\"https://www.&fopf;acebook.com/tr?id=1\">",
                "<img src=\"https://www.f&ordf;cebook.com/tr?id=1\">",
                "<img src=\"https://www.faceb&oscr;ok.com/tr?id=1\">",
                "<iframe src=\"https://www.&yopf;outube.com/embed/x\"></iframe>",
                "<base href=\"https://www.googletagmanage&rscr;.com/\"><script src=\"x.js\"></script>");
    }

    /** The decoding changes no page of the site's own: a name that spells no host, or none HTML knows, stays. */
    @Test
    void namesOutsideAHostChangeNothing() {
        String page = "<img src=\"/img/&fopf;.png\" alt=\"&gopf;\"><a href=\"/?a=1&trade;\">x</a>"
                + "<img src=\"https://cdn.example/&notaname;x.png\">";
        assertEquals(page, rewrite(page));
        assertEquals("https://www.\uD835\uDD58oogle.com/", CharRefs.decode("https://www.&gopf;oogle.com/", true));
        assertEquals("fj \u2102 \u212F x", CharRefs.decode("&fjlig; &Copf; &escr; x", true));
    }
}
