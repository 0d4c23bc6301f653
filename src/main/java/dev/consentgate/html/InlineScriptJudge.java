package dev.consentgate.html;

import dev.consentgate.consent.ConsentDecision;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Judges the code of one inline script at a time as it streams in, up to the inspect limit: the signatures it holds
 * (in the code as written, as {@link CompactedCode} reads it, without the layout between its tokens, and in the code
 * its strings hold, {@link CodeInStrings}) first, then the URLs it loads or names, then what the data: URLs its
 * strings hold carry ({@link ScriptDataUrls}). For a script inside SVG or MathML it also keeps the code, to be judged
 * again as the text a browser runs there ({@link ForeignScriptText}) and read as markup by the rewriter. What is done
 * with a blocked script is the rewriter's business.
 */
final class InlineScriptJudge {

    private final TagPolicy policy;
    private final int limit;
    /** What the signatures in the script decide. */
    private final SignatureVerdict signed;
    /** Finds the URLs the script loads or names. */
    private final ScriptUrlMentions mentions;
    /** What those URLs decide. */
    private final MentionedUrlVerdict mentioned;
    private int matcherState;
    /** The script's text for the URL search, with the escapes of its strings written out. */
    private final StringEscapes escapes = StringEscapes.forUrls();
    /** The script's bytes before the piece being read, for signatures that must start a name. */
    private final SignatureMatcher.Lookback lookback;
    /** The code the script's strings hold, where signatures are looked for too. */
    private final CodeInStrings codeInStrings;
    /** The data: URLs the script's strings hold, judged by what they carry. */
    private final ScriptDataUrls dataUrls;
    /** The script's code compacted, where signatures are looked for too: a call laid out over lines reads as one. */
    private final CompactedCode compacted;
    private int compactedMatcherState;
    /** The compacted code is still the code as written: nothing has been left out of it. */
    private boolean compactedAsWritten;
    private final SignatureMatcher.Lookback compactedLookback;
    private long inspected;
    private boolean importMap;
    /**
     * The script is a speculation rule set: judged here by signatures only, its text kept to be read whole as the
     * rule set it is, by the URLs Chromium fetches for it.
     */
    private boolean speculationRules;
    private boolean keepsCode;
    /** Keep rules count: the script is HTML's, not SVG's (whose text a site's own code would not be). */
    private boolean keepRulesCount;
    private byte[] kept = new byte[0];
    private int keptLength;
    /** The host that blocked the script, "" when a signature did. */
    private String host = "";
    /** The entities a page parsed as XML declares, expanded in the text run (see DeclaredEntities); null: none. */
    private DeclaredEntities entities;
    /** The encoding of the page's bytes. */
    private final Charset encoding;

    /** {@code encoding}: the encoding of the page's bytes, in which a browser reads the script's URLs. */
    InlineScriptJudge(TagPolicy policy, ConsentDecision consent, PageSite site, Charset encoding) {
        this.policy = policy;
        this.limit = policy.settings().inlineScriptInspectLimit();
        this.signed = new SignatureVerdict(policy, consent);
        this.mentioned = new MentionedUrlVerdict(policy, consent, site);
        this.mentions = new ScriptUrlMentions(encoding, policy.rulesAreAscii());
        this.lookback = policy.signatures().newLookback();
        this.encoding = encoding;
        this.compactedLookback = policy.signatures().newLookback();
        this.codeInStrings = new CodeInStrings(policy.signatures());
        this.dataUrls = new ScriptDataUrls(() -> new EmbeddedContentJudge(policy, consent, site, encoding), encoding,
                limit);
        this.compacted = new CompactedCode(CompactedCode.StringText.both(codeInStrings, dataUrls));
    }

    /** The page parsed as XML declares these entities, which the text a browser runs has expanded. */
    void declaredEntities(DeclaredEntities declared) {
        this.entities = declared;
    }

    /**
     * A new script: an import map is judged by the URLs it maps, speculation rules by signatures and then as the
     * rule set they are ({@link #text}); {@code keepCode} keeps its code (SVG, MathML).
     */
    void start(boolean importMap, boolean speculationRules, boolean keepCode) {
        this.importMap = importMap;
        this.speculationRules = speculationRules;
        this.keepsCode = keepCode;
        this.keepRulesCount = !keepCode;
        keptLength = 0;
        readAfresh();
    }

    private void readAfresh() {
        matcherState = 0;
        lookback.reset();
        compacted.reset();
        codeInStrings.reset();
        dataUrls.reset();
        compactedMatcherState = 0;
        compactedAsWritten = true;
        compactedLookback.reset();
        escapes.reset();
        inspected = 0;
        host = "";
        signed.reset(keepRulesCount);
        mentions.reset();
        mentioned.reset(importMap);
    }

    /**
     * Reads the next piece of code, {@code a[from, to)}: returns -1 when a signature decides at once, keeping the
     * script ({@link #keepRule}) or blocking it ({@link #rule}), else how far it read, {@code to} or less where the
     * inspect limit cut the piece.
     */
    int read(byte[] a, int from, int to) {
        int readTo = (int) Math.min(to, from + (limit - inspected));
        if (keepsCode || speculationRules) {
            keep(a, from, readTo);
        }
        int next = policy.signatures().scan(a, from, readTo, matcherState, signed, lookback);
        if (next < 0) {
            host = "";
            return -1;
        }
        matcherState = next;
        // the compacted code and the code in strings block only at the script's end (see SignatureVerdict)
        signed.laterReading(true);
        try {
            if (readLaterReadings(a, from, readTo) < 0) {
                return -1;
            }
        } finally {
            signed.laterReading(false);
        }
        // a URL's verdict waits for the script's end, where a signature found later still decides first: acting at
        // once would make the verdict depend on chunking
        if (mentioned.rule() < 0 && !speculationRules) {
            escapes.decode(a, from, readTo);
            mentions.scan(escapes.text(), escapes.offset(), escapes.offset() + escapes.length(), mentioned);
        }
        inspected += readTo - from;
        return readTo;
    }

    /** The compacted code and the code in strings of {@code a[from, readTo)}: -1 when a keep rule decided. */
    private int readLaterReadings(byte[] a, int from, int readTo) {
        codeInStrings.clear();
        compacted.compact(a, from, readTo);
        if (compactedAsWritten && compacted.wasVerbatim()) {
            // nothing left out yet (code without spaces, most small scripts): the scan above stands for this one
            compactedMatcherState = matcherState;
            compactedLookback.append(a, from, readTo);
        } else {
            compactedAsWritten = false;
            int next = policy.signatures().scan(compacted.bytes(), 0, compacted.length(), compactedMatcherState,
                    signed, compactedLookback);
            if (next < 0) {
                host = "";
                return -1;
            }
            compactedMatcherState = next;
        }
        if (!codeInStrings.scan(signed.blockingOnly)) {
            host = "";
            return -1;
        }
        return readTo;
    }

    /** The rule that blocked the script at once, after {@link #read} returned -1. */
    int rule() {
        return signed.blockingNow();
    }

    /** After {@link #read} returned -1: the keep rule whose signature kept the site's own script, or -1. */
    int keepRule() {
        return signed.keptBy();
    }

    /**
     * The rule that blocks the script read so far as a whole (its end, or the limit, counts as its end: a URL still
     * being read ends there): a signature first, then a URL; -1 when none. {@link #host} says which host blocked it.
     */
    int ruleAtEnd() {
        if (signed.blockingAtEnd() >= 0) {
            host = "";
            return signed.blockingAtEnd();
        }
        if (speculationRules) {
            // its URLs are judged as the rule set it is (SpeculationRules): a URL it names only to exclude it ("not")
            // is fetched by nobody
            host = "";
            return -1;
        }
        if (mentioned.rule() < 0) {
            escapes.end();
            mentions.scan(escapes.text(), escapes.offset(), escapes.offset() + escapes.length(), mentioned);
        }
        if (mentioned.rule() < 0) {
            mentions.end(mentioned);
        }
        host = mentioned.rule() >= 0 ? mentioned.host() : "";
        return mentioned.rule();
    }

    /**
     * After {@link #ruleAtEnd} found none: the content of a data: URL the script's strings hold that blocks it
     * (a string the end left open included); null when none does.
     */
    EmbeddedContentJudge.Match dataUrlAtEnd() {
        if (speculationRules) {
            return null;
        }
        compacted.end();
        return dataUrls.match();
    }

    /** The host of the URL that blocked the script, "" when a signature did. */
    String host() {
        return host;
    }

    /**
     * For a script whose code was kept and read to its end: the rule that blocks the text a browser runs for it in
     * SVG or MathML, when that differs from the bytes; -1 when none.
     */
    int ruleAsRunnableText() {
        byte[] code = kept;
        int length = keptLength;
        if (entities != null) {
            // expanded before the text is read as markup, as the XML parser parses an entity's replacement text
            code = entities.expand(new String(kept, 0, keptLength, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            length = code.length;
        }
        byte[] text = ForeignScriptText.runnableText(code, 0, length);
        if (Arrays.equals(text, 0, text.length, kept, 0, keptLength)) {
            return -1;
        }
        // the kept code stays, for the rewriter to read as markup (and a rule set's JSON, as the bytes are)
        keepsCode = false;
        speculationRules = false;
        keepRulesCount = false;
        readAfresh();
        if (read(text, 0, text.length) < 0) {
            return rule();
        }
        return ruleAtEnd();
    }

    /** The text of a speculation rule set read to its end, as the page's encoding reads it. */
    String text() {
        return BrowserDecoding.decode(kept, 0, keptLength, encoding);
    }

    /** The code kept, {@code [0, keptLength())}. */
    byte[] kept() {
        return kept;
    }

    int keptLength() {
        return keptLength;
    }

    private void keep(byte[] a, int from, int to) {
        int n = to - from;
        if (keptLength + n > kept.length) {
            kept = Arrays.copyOf(kept, Math.max(keptLength + n, 2 * kept.length));
        }
        System.arraycopy(a, from, kept, keptLength, n);
        keptLength += n;
    }
}
