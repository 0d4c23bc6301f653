package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.assertEachBlocked;
import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * The rewriter keeps at most 32 distinct bases naming a host; Chromium uses the document's first base, whatever a
 * template's content held before it (bases there are no base of the document).
 */
class BasesBeyondWhatThePagesListHoldsGoTest {

    private static String templateBases(int n) {
        StringBuilder bases = new StringBuilder("<template>");
        for (int k = 0; k < n; k++) {
            bases.append("<base href=\"https://cdn").append(k).append(".example/\">");
        }
        return bases.append("</template>").toString();
    }

    /**
     * Before (found by a review): past 32 bases, a later one was ignored: after 32 in a template's content, the
     * document's own base on www.facebook.com counted for nothing and {@code <img src="tr?id=1">}, Meta's pixel to
     * a browser, passed.
     */
    @Test
    void aBaseTheListCannotHoldGoes() {
        String page = templateBases(32) + "<base href=\"https://www.facebook.com/\"><img src=\"tr?id=1\">";
        String out = rewrite(page);
        assertFalse(out.contains("www.facebook.com"), out);
        assertEachBlocked(templateBases(40) + "<base href=\"https://www.facebook.com/\"><img src=\"tr?id=1\">");
    }

    /**
     * Before (found by a review): the base removed past the limit still counted as the document's, so the next base
     * was taken as one a browser ignores and stayed, unjudged; with the first gone, Chromium's document base is that
     * next one, on www.facebook.com, and {@code <img src="tr?id=1">} passed.
     */
    @Test
    void theBaseAfterARemovedOneIsTheDocumentsAndIsJudgedAsSuch() {
        String page = templateBases(32) + "<base href=\"https://cdn-more.example/\">"
                + "<base href=\"https://www.facebook.com/\"><img src=\"tr?id=1\">";
        String out = rewrite(page);
        assertFalse(out.contains("www.facebook.com"), out);
    }

    /** A page's bases up to the limit, and a base repeated past it, stay. */
    @Test
    void basesTheListHoldsStay() {
        String page = templateBases(31) + "<base href=\"https://www.example.com/\"><img src=\"a.png\">"
                + "<template><base href=\"https://cdn3.example/\"></template>";
        assertEquals(page, rewrite(page));
        PageBases bases = new PageBases();
        for (int k = 0; k < 32; k++) {
            bases.element("https://cdn" + k + ".example/", false);
        }
        assertEquals(true, bases.element("HTTPS://CDN7.example/", false), "a base the list has");
        assertEquals(true, bases.element("/relative/", false), "a base naming no host");
        assertEquals(false, bases.element("https://www.facebook.com/", true), "a host the list cannot hold");
    }
}
