package dev.consentgate.cookie;

import static dev.consentgate.cookie.Fixtures.essentialOnly;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Withdrawal reaches the cookies Chromium keeps where the deletions did not look: on a path ending in '/' or on the
 * request's own path, and in the site's partition (CHIPS). Found by a review of cookie enforcement, with Chromium
 * 150 as the oracle (WithdrawalDeletesPartitionedAndPagePathCookiesE2ETest shows it in the browser's jar);
 * "Before" in each comment says what happened then.
 */
class WithdrawalReachesPartitionedAndPagePathCookiesTest {

    private static final CookiePolicy SEED = Fixtures.seedPolicy();
    private static final String GONE = "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";

    private static List<String> withdraw(String cookieHeader, String path) {
        CookiePolicy.RequestFilter filtered = SEED.filterRequest(List.of(cookieHeader), essentialOnly());
        return SEED.deletions(filtered.removed(), List.of(), Optional.of("www.example.com"), Optional.of(path));
    }

    /**
     * Input: "GET /shop/cart" with "Cookie: _ga=GA1.1.1.1" under essential consent; the browser sends _ga here because
     * it holds it on Path=/shop/ (a site under a directory writes its cookies so: WordPress's COOKIEPATH is the blog's
     * directory with its '/') or on Path=/shop/cart (a script's "path=" + location.pathname).
     *
     * <p>Before (found by a review): the deletions went to Path=/ and the directories /shop (no trailing '/'), and
     * a browser replaces only a cookie of the same path (RFC 6265bis 5.7): Chromium kept _ga on /shop/ and on
     * /shop/cart after the withdrawal.
     */
    @Test
    void aCookieOnADirectoryWithItsSlashOrOnThePageItselfIsDeleted() {
        List<String> deletions = withdraw("_ga=GA1.1.1.1", "/shop/cart?step=2");
        assertAll(
                () -> assertTrue(deletions.contains("_ga" + GONE + "; Path=/shop/"),
                        () -> "no host-only deletion on Path=/shop/: " + deletions),
                () -> assertTrue(deletions.contains("_ga" + GONE + "; Path=/shop/cart"),
                        () -> "no host-only deletion on Path=/shop/cart: " + deletions),
                () -> assertTrue(deletions.contains("_ga" + GONE + "; Path=/shop/; Domain=example.com"),
                        () -> "no deletion on Path=/shop/ of the registrable domain: " + deletions));
    }

    /**
     * Input: "Cookie: _ga=GA1.1.1.1; __Host-_fbp=fb.1.2" under essential consent, for cookies the site had set with
     * "Secure; Partitioned" (CHIPS: Chromium keeps such a cookie in the partition of the top-level site, on the site's
     * own pages too, and sends it like any other).
     *
     * <p>Before (found by a review): every deletion was unpartitioned; Chromium keeps partitioned cookies apart and
     * deletes them only by a field with Partitioned (and so Secure), so both cookies stayed in the jar after the
     * withdrawal.
     */
    @Test
    void aPartitionedCookieGetsAPartitionedDeletion() {
        List<String> deletions = withdraw("_ga=GA1.1.1.1; __Host-_fbp=fb.1.2", "/");
        assertAll(
                () -> assertTrue(deletions.contains("_ga" + GONE + "; Path=/; Secure; Partitioned"),
                        () -> "no partitioned host-only deletion of _ga: " + deletions),
                () -> assertTrue(deletions.contains("_ga" + GONE + "; Path=/; Domain=example.com; Secure; Partitioned"),
                        () -> "no partitioned deletion of _ga on the registrable domain: " + deletions),
                () -> assertTrue(deletions.contains("__Host-_fbp" + GONE + "; Path=/; Secure; Partitioned"),
                        () -> "no partitioned deletion of __Host-_fbp: " + deletions));
    }
}
