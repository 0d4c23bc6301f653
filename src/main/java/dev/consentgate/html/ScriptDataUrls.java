package dev.consentgate.html;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The data: URLs an inline script's strings hold, judged by what they carry as the same URL in an attribute is
 * ({@link EmbeddedContentJudge}): {@code import("data:text/javascript;base64,...")}, a created script's or frame's
 * {@code src}, a module an import map maps a name to, {@code new Worker("data:...")} run or show a content no
 * signature or URL of the script's text reveals (Chromium 150 runs each, by
 * DataUrlsNamedInScriptsAreJudgedE2ETest). Failing closed, a string that is a data: URL counts whatever the script
 * does with it: its content is judged as a script's code, and also as a frame's document unless a frame shows it as
 * no markup ({@link DataUrls#mayBeMarkupToAFrame}). The first that blocks is kept as the script's verdict.
 */
final class ScriptDataUrls implements CompactedCode.StringText {

    private static final String SCHEME = "data:";

    private final Supplier<EmbeddedContentJudge> judge;
    /** The encoding of the script's bytes, in which the URL is read. */
    private final Charset encoding;
    /** The longest URL read: the inspect limit, beyond which a script is not read either. */
    private final int limit;
    private byte[] text = new byte[64];
    private int length;
    /** The string being read may be a data: URL: its text so far is one, or white space and part of the scheme. */
    private boolean candidate = true;
    /** How much of the text was checked against the scheme, and how much of the scheme it matched. */
    private int checked;
    private int schemeMatched;
    private EmbeddedContentJudge.Match match;

    /** {@code judge}: made for each data: URL found (most scripts have none). */
    ScriptDataUrls(Supplier<EmbeddedContentJudge> judge, Charset encoding, int limit) {
        this.judge = judge;
        this.encoding = encoding;
        this.limit = limit;
    }

    void reset() {
        nextString();
        match = null;
    }

    private void nextString() {
        length = 0;
        candidate = true;
        checked = 0;
        schemeMatched = 0;
    }

    /** The first data: URL's content that blocks the script, null while none does. */
    EmbeddedContentJudge.Match match() {
        return match;
    }

    @Override
    public void text(byte[] a, int from, int to, boolean asWritten) {
        if (!candidate || match != null) {
            return;
        }
        int n = Math.min(to - from, limit - length);
        if (length + n > text.length) {
            text = Arrays.copyOf(text, Math.max(length + n, 2 * text.length));
        }
        System.arraycopy(a, from, text, length, n);
        length += n;
        candidate = mayStartDataUrl();
    }

    @Override
    public void end() {
        if (candidate && match == null && length > 0) {
            String url = BrowserDecoding.decode(text, 0, length, encoding);
            if (DataUrls.isDataUrl(url)) {
                EmbeddedContentJudge embedded = judge.get();
                match = embedded.dataUrl(url, false, null);
                if (match == null && DataUrls.mayBeMarkupToAFrame(url)) {
                    match = embedded.dataUrl(url, true, null);
                }
            }
        }
        nextString();
    }

    /**
     * Whether the text read so far starts a data: URL, as far as it goes: white space, then the scheme in any ASCII
     * case (tabs and line breaks in it aside, which a URL parser takes out). Each byte is checked once.
     */
    private boolean mayStartDataUrl() {
        for (; checked < length && schemeMatched < SCHEME.length(); checked++) {
            int b = text[checked] & 0xff;
            if (schemeMatched == 0 && b <= ' ' || b == '\t' || b == '\n' || b == '\r') {
                continue;
            }
            if ((b | 0x20) != SCHEME.charAt(schemeMatched)) {
                return false;
            }
            schemeMatched++;
        }
        return true;
    }
}
