package dev.consentgate.html;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptUrlMentionsTest {

    /** Every script URL found in the text, read in chunks of {@code size} bytes. */
    private static List<String> found(String text, int size) {
        byte[] a = text.getBytes(StandardCharsets.UTF_8);
        List<String> urls = new ArrayList<>();
        ScriptUrlMentions mentions = new ScriptUrlMentions();
        for (int from = 0; from < a.length; from += size) {
            mentions.scan(a, from, Math.min(a.length, from + size), url -> !urls.add(url));
        }
        mentions.end(url -> !urls.add(url));
        return urls;
    }

    private static List<String> found(String text) {
        List<String> whole = found(text, Integer.MAX_VALUE);
        for (int size = 1; size <= 5; size++) {
            assertEquals(whole, found(text, size), "chunks of " + size);
        }
        return whole;
    }

    @Test
    void findsTheScriptUrlsOfAnAsyncLoader() {
        assertEquals(List.of("https://www.googletagmanager.com/gtm.js?id="),
                found("j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;"));
        assertEquals(List.of("https://connect.facebook.net/en_US/sdk.js#xfbml=1"),
                found("js.src = \"//connect.facebook.net/en_US/sdk.js#xfbml=1\";"));
        assertEquals(List.of("https://www.googletagmanager.com/gtag/js?id=G-1"),
                found("s.src=`https://www.googletagmanager.com/gtag/js?id=G-1`"));
        assertEquals(List.of("https://cdn.example.net/m/app.mjs"), found("import('https://cdn.example.net/m/app.mjs')"));
    }

    @Test
    void readsJsonEscapedSlashes() {
        assertEquals(List.of("https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=X"),
                found("var urls = [\"https:\\/\\/static.klaviyo.com\\/onsite\\/js\\/klaviyo.js?company_id=X\"];"));
    }

    @Test
    void urlsThatLoadNoScriptAreNotReported() {
        assertEquals(List.of(), found("window.open('https://www.facebook.com/sharer.php?u=' + u);"));
        assertEquals(List.of(), found("{\"video\":\"https:\\u002F\\u002Fwww.youtube.com\\u002Fwatch?v=1\"}"));
        assertEquals(List.of(), found("// a comment about //www.example.com and http://x.js.example.com/"));
        assertEquals(List.of(), found("if (url.hostname.includes('www.googletagmanager.com')) {}"));
        assertEquals(List.of(), found("var re = /\\/\\/[a-z]+\\.js/;"));
    }

    @Test
    void aUrlRunningToTheEndOfTheScriptCounts() {
        assertEquals(List.of("https://cdn.example.com/tag.js"), found("load(//cdn.example.com/tag.js"));
    }

    @Test
    void severalUrlsAreReportedInOrder() {
        assertEquals(List.of("https://a.example/x.js", "https://b.example:8443/y/js"),
                found("['https://a.example/x.js','http://b.example:8443/y/js','/local.js']"));
    }

    @Test
    void aCandidateLongerThanTheLimitIsGivenUp() {
        String longPath = "a".repeat(ScriptUrlMentions.MAX_URL);
        assertEquals(List.of(), found("'//cdn.example.com/" + longPath + ".js'"));
        assertEquals(List.of("https://cdn.example.com/ok.js"),
                found("'//cdn.example.com/" + longPath + ".js' '//cdn.example.com/ok.js'"));
    }

    @Test
    void stopsWhenAsked() {
        byte[] a = "'//a.example/1.js' '//b.example/2.js'".getBytes(StandardCharsets.UTF_8);
        List<String> urls = new ArrayList<>();
        assertTrue(new ScriptUrlMentions().scan(a, 0, a.length, urls::add));
        assertEquals(List.of("https://a.example/1.js"), urls);
    }
}
