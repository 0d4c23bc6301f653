package dev.consentgate.html;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptUrlMentionsTest {

    /** Reads the text in chunks of {@code size} bytes, then ends the script. */
    private static void scan(String text, int size, ScriptUrlMentions.Found found) {
        byte[] a = text.getBytes(StandardCharsets.UTF_8);
        ScriptUrlMentions mentions = new ScriptUrlMentions();
        for (int from = 0; from < a.length; from += size) {
            mentions.scan(a, from, Math.min(a.length, from + size), found);
        }
        mentions.end(found);
    }

    /** What {@code read} finds in the whole text, checked to be the same in chunks of 1 to 5 bytes. */
    private static List<String> inAnyChunks(String text, BiFunction<String, Integer, List<String>> read) {
        List<String> whole = read.apply(text, Integer.MAX_VALUE);
        for (int size = 1; size <= 5; size++) {
            assertEquals(whole, read.apply(text, size), "chunks of " + size);
        }
        return whole;
    }

    /** Every script URL the text loads. */
    private static List<String> found(String text) {
        return inAnyChunks(text, (t, size) -> {
            List<String> urls = new ArrayList<>();
            scan(t, size, url -> !urls.add(url));
            return urls;
        });
    }

    /** Every URL found: "loads URL" or "names URL". */
    private static List<String> reported(String text) {
        return inAnyChunks(text, (t, size) -> {
            List<String> urls = new ArrayList<>();
            scan(t, size, new ScriptUrlMentions.Found() {
                @Override
                public boolean onLoadedUrl(String url) {
                    return !urls.add("loads " + url);
                }

                @Override
                public boolean onNamedUrl(String url) {
                    return !urls.add("names " + url);
                }
            });
            return urls;
        });
    }

    @Test
    void absoluteUrlsTheScriptOnlyNamesAreReportedApart() {
        assertEquals(List.of("names https://www.google-analytics.com/g/collect?v=2"),
                reported("navigator.sendBeacon('https://www.google-analytics.com/g/collect?v=2', b)"));
        // scheme and host only, at a quote or at the end of the script
        assertEquals(List.of("names https://www.googletagmanager.com/", "names https://ib.adnxs.com/"),
                reported("var a = \"https://www.googletagmanager.com\"; var b = '//ib.adnxs.com"));
        assertEquals(List.of("loads https://cdn.example.net/tag.js", "names https://cdn.example.net/api/hit"),
                reported("s.src = '//cdn.example.net/tag.js'; fetch('//cdn.example.net/api/hit')"));
        // a path on the page's own host counts only when loaded; a host without a dot is a piece of one
        assertEquals(List.of(), reported("go('/collect/page'); var p = \"https://sb\" + \".example.com\";"));
    }

    @Test
    void aUrlGivenToSetAttributeSrcIsLoaded() {
        // a click-to-load facade creating the player frame
        assertEquals(List.of("loads https://www.youtube.com/embed/", "names https://www.youtube.com/watch?v="),
                reported("f.setAttribute( \"src\", \"https://www.youtube.com/embed/\"+ id +\"?autoplay=1\" );"
                        + " f.setAttribute('title', 'https://www.youtube.com/watch?v=' + id);"));
        assertEquals(List.of("loads https://cdn.example.net/x", "loads /js/tag.js"),
                reported("e.setAttribute('data-src', proto + '//cdn.example.net/x'); s.setAttribute(\"src\",'/js/tag.js')"));
    }

    @Test
    void aSrcSetToTheLongestSchemeLessHostIsLoadedInAnyChunks() {
        // the assignment lies further back than the host: the bytes kept between chunks must reach it
        String host = ("a".repeat(62) + ".").repeat(3) + "b".repeat(50) + ".youtube.com";
        assertEquals(List.of("loads https://" + host + "/embed/1"), reported("f.src='" + host + "/embed/1';"));
        assertEquals(List.of("loads https://" + host + "/embed/1"),
                reported("f.setAttribute('src'        , '" + host + "/embed/1');"));
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
    void findsSchemeLessUrlsAfterAQuote() {
        // the protocol is chosen at run time and the host starts a string of its own
        assertEquals(List.of("https://scorecardresearch.com/beacon.js"),
                found("document.write(unescape(\"%3Cscript src='\" + (https ? \"https://sb\" : \"http://b\")"
                        + " + \".scorecardresearch.com/beacon.js'%3E\"));"));
        assertEquals(List.of("https://static.crowdscience.com/start-1.js"),
                found("s.src = proto + 'static.crowdscience.com/start-1.js';"));
        assertEquals(List.of("https://cdn.example.com/x.js"), found("u = `cdn.example.com\\/x.js`"));
        assertEquals(List.of(), found("load('js/app.js'); load('jquery.min.js'); x = a.b/c.js; y = '-x.com/a.js'"));
    }

    @Test
    void anyUrlASrcIsSetToIsReported() {
        assertEquals(List.of("https://ib.adnxs.com/ttj?id=1"),
                found("document.write('<scr'+'ipt src=\"http://ib.adnxs.com/ttj?id=1\"></scr'+'ipt>');"));
        assertEquals(List.of("https://beacon.krxd.net/pixel.gif?x=1"), found("img.src = '//beacon.krxd.net/pixel.gif?x=1';"));
        assertEquals(List.of("https://www.youtube.com/embed/"), found("f.src = proto + '//www.youtube.com/embed/' + id;"));
        assertEquals(List.of("https://a.ligatus.com/?ids=1"), found("d.write('<script SRC=\\\"https:\\/\\/a.ligatus.com\\/?ids=1')"));
        assertEquals(List.of(), found("var u = 'https://www.youtube.com/watch?v=1'; if (x.src == '//a.example/p') {}"));
        assertEquals(List.of(), found("{\"src\": \"https://www.youtube.com/embed/x\", \"href\": \"https://b.example/\"}"));
        assertEquals(List.of(), found("img.src = a; var share = 'https://www.facebook.com/sharer.php?u=';"));
    }

    @Test
    void pathsOnThePagesOwnHostAreReportedWithoutAHost() {
        // the site serves the tracker itself; the rules with only a path judge these
        assertEquals(List.of("/js/utag.js"), found("var s = d.createElement('script'); s.src = '/js/utag.js';"));
        // a URL joined from pieces: the piece that starts with the path counts on its own
        assertEquals(List.of("https://scripts.example.de/iqd/", "/iqadcontroller.js"),
                found("s.src = 'scripts.example.de/iqd/' + v + '/iqadcontroller.js';"));
        assertEquals(List.of("/wp-content/tracking/wt.js?v=1"),
                found("{\"src\":\"\\/wp-content\\/tracking\\/wt.js?v=1\"}"));
        assertEquals(List.of("/b/ss/suite/1/pixel"), found("document.write('<img src=\"/b/ss/suite/1/pixel\">');"));
        // not a script and not what a src is set to; a regular expression; a bare slash
        assertEquals(List.of(), found("location.href = '/about'; s.replace(/'/g, ''); var root = '/';"));
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
        assertEquals(List.of("https://a.example/x.js", "https://b.example:8443/y/js", "/local.js"),
                found("['https://a.example/x.js','http://b.example:8443/y/js','/local.js']"));
    }

    @Test
    void aUrlLongerThanTheLimitIsReportedAsFarAsItWasRead() {
        String longPath = "a".repeat(ScriptUrlMentions.MAX_URL);
        String cut = "https://cdn.example.com/" + "a".repeat(ScriptUrlMentions.MAX_URL - "cdn.example.com/".length());
        assertEquals(List.of(cut), found("'//cdn.example.com/" + longPath + ".js'"));
        assertEquals(List.of(cut, "https://cdn.example.com/ok.js"),
                found("'//cdn.example.com/" + longPath + ".js' '//cdn.example.com/ok.js'"));
        // cut in its query: loaded or named as its path says
        assertEquals(List.of("names https://cdn.example.com/p?" + "a".repeat(ScriptUrlMentions.MAX_URL
                - "cdn.example.com/p?".length())), reported("'//cdn.example.com/p?" + longPath + "'"));
        // a path on the page's own host that long is given up
        assertEquals(List.of(), found("'/" + longPath + ".js'"));
    }

    @Test
    void whereALongUrlIsCutDoesNotDependOnChunking() {
        // found() compares chunk sizes 1..5 with the whole: the "//" after the limit is read the same way in each
        String longPath = "a".repeat(ScriptUrlMentions.MAX_URL);
        assertEquals(List.of("https://a.example/" + "a".repeat(ScriptUrlMentions.MAX_URL - "a.example/".length()),
                "https://b.example/x.js"), found("'https://a.example/" + longPath + "//b.example/x.js'"));
    }

    @Test
    void stopsWhenAsked() {
        byte[] a = "'//a.example/1.js' '//b.example/2.js'".getBytes(StandardCharsets.UTF_8);
        List<String> urls = new ArrayList<>();
        assertTrue(new ScriptUrlMentions().scan(a, 0, a.length, urls::add));
        assertEquals(List.of("https://a.example/1.js"), urls);
    }
}
