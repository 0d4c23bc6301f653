package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.assertEachBlocked;
import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * An import map's address that ends in '/' maps every specifier with its prefix ({@code "ads/"}) to the URLs under
 * it, so a module may import any of them.
 */
class ImportMapPrefixesAreJudgedTest {

    /**
     * Before (found by a review, 2026-12-01): the address was judged as the one URL it is, on its own path, so a
     * prefix mapped to a tracker's host root passed, and Chromium 155 loaded
     * {@code https://www.google.com/pagead/conversion_async.js} for {@code import "ads/pagead/conversion_async.js"}.
     */
    @Test
    void aPrefixUnderWhichATrackerLiesBlocksTheMap() {
        assertEachBlocked(
                "<script type=\"importmap\">{\"imports\": {\"ads/\": \"https://www.google.com/\"}}</script>",
                "<script type=\"importmap\">{\"scopes\": {\"/app/\": {\"ads/\": \"//www.google.com/\"}}}</script>",
                "<script type=\"importmap\">{\"imports\": {\"pa/\": \"https://www.google.com/pagead/js/\"}}</script>",
                "<script type=\"importmap\">{\"imports\": {\"t/\": \"https://www.googletagmanager.com/\"}}</script>");
    }

    /**
     * A prefix no blocked rule reaches passes: one that only an essential rule holds whole, and one deeper in a shared
     * CDN where a tracker's package has a rule of its own (sites map their libraries so; taking the map whole would
     * break every module of the page).
     */
    @Test
    void librariesAndEssentialPrefixesPass() {
        String page = "<script type=\"importmap\">{\"imports\": {\"cap/\": \"https://www.google.com/recaptcha/\","
                + " \"lib/\": \"https://cdn.jsdelivr.net/npm/\", \"esm/\": \"https://esm.sh/\", \"own/\": \"/js/\"}}"
                + "</script>";
        assertEquals(page, rewrite(page));
    }
}
