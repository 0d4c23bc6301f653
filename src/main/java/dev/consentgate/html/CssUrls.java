package dev.consentgate.html;

import java.nio.charset.Charset;

/**
 * The addresses a browser may load from CSS text (a style element's content, a style attribute's value):
 * {@code url()} in either form, {@code src("...")}, and every string outside a {@code [...]} block, as an import's
 * string, an image set's and one a custom property carries into either
 * ({@code --u:"...";background:image-set(var(--u) 1x)}) all load. Read as CSS Syntax Level 3 tokenizes: comments and
 * strings hide what they hold, escapes count in names ({@code u\72 l(} is {@code url(}), in strings and in unquoted
 * URLs, a name directly after a name character belongs to that name ({@code 1url(} is a dimension), and one after
 * {@code #} or {@code @} is a hash's or an at-keyword's.
 *
 * <p>Failing closed: a bad URL (a quote or space inside an unquoted one), which a browser does not load, is reported
 * too. Each address comes with the span of text to replace so that it loads nothing: the whole {@code url(...)}, or
 * the string.
 */
final class CssUrls {

    /**
     * Receives each address found, with the span {@code [start, end)} of the text that loads it; {@code imported}:
     * it is an {@code @import}'s, a stylesheet whatever its type says.
     */
    interface Visitor {
        void url(int start, int end, String url, boolean imported);
    }

    /** What replaces a span so that it loads nothing: an image, an import or a font that is none. */
    static final String NONE = "none";

    /**
     * Where a scan of text that goes on stopped: the state between two tokens, from which a scan of the text from
     * that point on reads what a scan of the whole would (see {@link #findSettled}); or, past the start of a token
     * too long to hold ({@link #openAt}), inside it: {@code open} says which ({@code quote} a string's quote).
     */
    record Resume(int brackets, boolean inName, boolean afterImport, Open open, char quote) {
        static final Resume START = new Resume(0, false, false, Open.NONE, '\0');

        Resume(int brackets, boolean inName, boolean afterImport) {
            this(brackets, inName, afterImport, Open.NONE, '\0');
        }
    }

    /**
     * The token a scan stands inside: none (between tokens, or inside a name, which {@link Resume#inName} says), a
     * comment, a string (a url()'s argument or any other), a url( before its argument, an unquoted URL.
     */
    enum Open {
        NONE, COMMENT, STRING, URL_ARGUMENT, URL_UNQUOTED
    }

    /**
     * How far past the end of a token the scanner may look to read the next one ({@code <!--}, an escape after
     * {@code -}): a token that ends closer to the end of the text read so far is read again when more comes.
     */
    private static final int LOOK_AHEAD = 8;

    /** The text, copied out of its CharSequence: a scan reads each char a few times, and an array read is cheapest. */
    private final char[] chars;
    private final int length;
    /** The encoding of raw bytes when {@link #chars} holds a page's bytes one per char; null when it holds text. */
    private final Charset rawEncoding;
    private final Visitor visitor;
    /** The text goes on past {@link #length}: only tokens that end well before it are read (and reported). */
    private final boolean goesOn;
    /** Addresses of the token being read, reported once it is settled (when {@link #goesOn}). */
    private final java.util.List<Object[]> unsettled = new java.util.ArrayList<>();
    /** A token looked ahead to the end of the text (white space after a url()'s string). */
    private boolean sawEnd;
    private int pos;
    private int settled;
    /** The token the text ended inside, for {@link #openAt}, and a string's quote. */
    private Open openAtEnd = Open.NONE;
    private char openQuote;
    /** The state where {@link #scan} ended. */
    private int endBrackets;
    private boolean endInName;
    private boolean endAfterImport;
    private int settledBrackets;
    private boolean settledInName;
    private boolean settledAfterImport;

    private CssUrls(CharSequence css, Charset rawEncoding, Visitor visitor, boolean goesOn) {
        this.length = css.length();
        this.chars = toChars(css);
        this.rawEncoding = rawEncoding;
        this.visitor = visitor;
        this.goesOn = goesOn;
    }

    /**
     * Finds every address in {@code css}. {@code rawEncoding}: when not null, {@code css} holds bytes as chars
     * 0-255 (see {@link CssBytes#latin1}), and a run of bytes past ASCII in an address is decoded with it.
     */
    static void find(CharSequence css, Charset rawEncoding, Visitor visitor) {
        new CssUrls(css, rawEncoding, visitor, false).scan(Resume.START);
    }

    /**
     * Where {@link #findSettled} stopped: the text is read up to {@code offset}, and goes on from {@code resume};
     * {@code openEnd}: where the token it started inside ended (-1: it started inside none, or it goes on).
     */
    record Settled(int offset, Resume resume, int openEnd) {
    }

    /**
     * {@link #find} for the start of a text that goes on (a stylesheet as it streams), begun in state {@code from}:
     * reports the addresses of the tokens that end far enough before the end of {@code css} for more text not to
     * change how they read, and returns where the next scan starts (between two tokens, never inside a character a
     * two-byte encoding pairs) and in what state. Scanning on from there reads as one scan of the whole would.
     * {@code atEnd}: the text ends here; every address is reported.
     */
    static Settled findSettled(CharSequence css, Charset rawEncoding, Resume from, boolean atEnd, Visitor visitor) {
        CssUrls scanner = new CssUrls(css, rawEncoding, visitor, !atEnd);
        scanner.settledBrackets = from.brackets();
        scanner.settledInName = from.inName();
        scanner.settledAfterImport = from.afterImport();
        int openEnd = -1;
        if (from.open() != Open.NONE) {
            Resume inside = scanner.finishOpen(from);
            if (inside.open() != Open.NONE) {
                return new Settled(scanner.pos, inside, -1);
            }
            openEnd = scanner.pos;
            scanner.settled = scanner.pos;
            scanner.settledAfterImport = inside.afterImport();
            scanner.settledInName = false;
            from = inside;
        }
        scanner.scan(from);
        return atEnd ? new Settled(css.length(), Resume.START, openEnd) : new Settled(scanner.settled,
                new Resume(scanner.settledBrackets, scanner.settledInName, scanner.settledAfterImport), openEnd);
    }

    /**
     * Reads {@code css}, the start of a text whose last token is too long to hold, as if it ended there: reports every
     * address (the last one's as far as it came), and returns the state at its end, inside that token, from which
     * {@link #findSettled} goes on (passing over the rest of the token without reading an address in it). The end
     * must not cut an escape, a CR LF or a comment's end, nor a character a two-byte encoding pairs.
     */
    static Resume openAt(CharSequence css, Charset rawEncoding, Resume from, Visitor visitor) {
        CssUrls scanner = new CssUrls(css, rawEncoding, visitor, false);
        if (from.open() != Open.NONE) {
            // a long token in a long token's wake: the scan still stands inside the first one
            Resume inside = scanner.finishOpen(from);
            if (inside.open() != Open.NONE) {
                return inside;
            }
            from = inside;
        }
        scanner.scan(from);
        return new Resume(scanner.endBrackets, scanner.endInName, scanner.endAfterImport, scanner.openAtEnd,
                scanner.openQuote);
    }

    /**
     * Passes over the rest of the token a scan stands inside ({@code from.open()}), reading no address in it. When it
     * ends ({@link #pos} after it): the state between tokens a scan goes on from (still after an import only past a
     * comment). Else the state inside it where a scan of text that goes on stops, never between an escape's
     * backslash and what it escapes ({@link #pos} there).
     */
    private Resume finishOpen(Resume from) {
        Resume ended = new Resume(from.brackets(), false, from.open() == Open.COMMENT && from.afterImport());
        Open open = from.open();
        char quote = from.quote();
        while (true) {
            if (goesOn && pos > length - LOOK_AHEAD) {
                // (never inside a character a two-byte encoding pairs: a second byte is marked past 0xFF)
                pos = Math.max(0, pos < length && chars[pos] >= 0x100 ? pos - 1 : pos);
                return new Resume(from.brackets(), false, from.afterImport(), open, quote);
            }
            if (pos >= length) {
                return ended;
            }
            char c = chars[pos];
            switch (open) {
                case COMMENT -> {
                    pos++;
                    if (c == '*' && pos < length && chars[pos] == '/') {
                        pos++;
                        return ended;
                    }
                }
                case STRING -> {
                    if (c == quote) {
                        pos++;
                        return ended;
                    }
                    if (isNewline(c)) {
                        return ended;
                    }
                    pos += c == '\\' && pos + 1 < length
                            ? (chars[pos + 1] == '\r' && pos + 2 < length && chars[pos + 2] == '\n' ? 3 : 2) : 1;
                }
                case URL_ARGUMENT -> {
                    if (isWhitespace(c)) {
                        pos++;
                    } else if (c == '"' || c == '\'') {
                        open = Open.STRING;
                        quote = c;
                        pos++;
                    } else {
                        open = Open.URL_UNQUOTED;
                    }
                }
                case URL_UNQUOTED -> {
                    pos += c == '\\' && pos + 1 < length ? 2 : 1;
                    if (c == ')') {
                        return ended;
                    }
                }
                case NONE -> {
                    return ended;
                }
            }
        }
    }

    private static char[] toChars(CharSequence css) {
        if (css instanceof String s) {
            return s.toCharArray();
        }
        if (css instanceof CssBytes.Latin1Text t) {
            char[] chars = new char[t.length()];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) (t.bytes()[i] & 0xff);
            }
            return chars;
        }
        char[] chars = new char[css.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = css.charAt(i);
        }
        return chars;
    }

    /** Whether {@code css} may hold an address at all: every form needs a '(' or a quote written as such. */
    static boolean mayLoad(CharSequence css) {
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '(' || c == '"' || c == '\'') {
                return true;
            }
        }
        return false;
    }


    private void scan(Resume from) {
        // how deep in [...] blocks: a string there (an attribute selector's, a[href^="https://..."]) loads nothing,
        // as a block runs to its ']' whatever it holds (or to the end), and no var() can take a string out of one
        int brackets = from.brackets();
        // the last character read continues a name (or a number's unit): a name does not start at the next one
        boolean inName = from.inName();
        // an @import was read, and only white space or comments since
        boolean afterImport = from.afterImport();
        while (pos < length) {
            char c = chars[pos];
            if (goesOn) {
                if (sawEnd || pos > length - LOOK_AHEAD) {
                    // the last token may read otherwise once more text comes: it is read again then
                    break;
                }
                if (c < 0x100) {
                    settle(brackets, inName, afterImport);
                }
            }
            boolean continuesName = inName;
            inName = false;
            boolean importing = afterImport;
            afterImport = false;
            if (c == '/' && pos + 1 < length && chars[pos + 1] == '*') {
                skipComment();
                afterImport = importing;
            } else if (isWhitespace(c)) {
                pos++;
                afterImport = importing;
            } else if (c == '"' || c == '\'') {
                // every other string: an import's, an image set's, and one a custom property carries into either
                int start = pos;
                String value = string();
                if (brackets == 0) {
                    report(start, pos, value, importing);
                }
            } else if (c == '[' || c == ']') {
                brackets = c == '[' ? brackets + 1 : Math.max(0, brackets - 1);
                pos++;
            } else if ((c == '#' || c == '@') && pos + 1 < length
                    && (isNameChar(chars[pos + 1]) || chars[pos + 1] == '\\' && isValidEscape(pos + 1))) {
                // a hash or an at-keyword: the name that follows is its own, never a function's (#url( is no url()
                // but a hash and a '(')
                pos++;
                afterImport = name().equals("import") && c == '@';
            } else if (c == '<' && startsWith("<!--") || c == '-' && startsWith("-->")) {
                // CDO and CDC, tokens of their own: a url( after them is one
                pos += c == '<' ? 4 : 3;
            } else if (!continuesName && startsIdent(pos)) {
                int start = pos;
                String name = name();
                if (pos < length && chars[pos] == '(' && (name.equals("url") || name.equals("src"))) {
                    pos++;
                    urlFunction(start, name.equals("url"), importing);
                }
            } else {
                // the rest of a name (or a number's unit) that does not start here, or anything else
                pos++;
                // a backslash before a newline escapes nothing: a delimiter, and the newline white space after it
                boolean escapes = c == '\\' && isValidEscape(pos - 1);
                if (escapes) {
                    escape(null);
                }
                inName = escapes || isNameChar(c);
            }
        }
        endBrackets = brackets;
        // (a name that ran to the end of the text may go on)
        endInName = openAtEnd == Open.NONE && length > 0 && (inName || isNameChar(chars[length - 1]));
        endAfterImport = afterImport;
    }

    /**
     * After {@code url(} or {@code src(} at {@code start}: a string argument is the address, the function up to its
     * closing paren the span (or up to the string's end when something else follows it); {@code url(} without one
     * holds an unquoted URL up to its ')'.
     */
    private void urlFunction(int start, boolean unquotedAllowed, boolean imported) {
        int afterParen = pos;
        while (pos < length && isWhitespace(chars[pos])) {
            pos++;
        }
        if (pos == length) {
            openAtEnd = Open.URL_ARGUMENT;
        }
        if (pos < length && (chars[pos] == '"' || chars[pos] == '\'')) {
            String value = string();
            int end = pos;
            while (end < length && isWhitespace(chars[end])) {
                end++;
            }
            if (end < length && chars[end] == ')') {
                pos = end + 1;
            }
            sawEnd |= end == length;
            report(start, pos, value, imported);
            return;
        }
        if (!unquotedAllowed) {
            pos = afterParen;
            return;
        }
        UrlText url = new UrlText();
        openAtEnd = Open.URL_UNQUOTED;
        while (pos < length) {
            char c = chars[pos];
            if (c == ')') {
                pos++;
                openAtEnd = Open.NONE;
                break;
            }
            if (isWhitespace(c)) {
                pos++;
                continue;
            }
            if (c == '\\' && isValidEscape(pos)) {
                pos++;
                escape(url);
                continue;
            }
            // a quote, '(', a backslash before a newline or a control character makes it a bad URL, which loads
            // nothing: it runs to the next ')' all the same, and what it holds is reported, failing closed
            url.raw(c);
            pos++;
        }
        // (spaces inside make it a bad URL too)
        report(start, pos, url.text(), imported);
    }

    /** A string at {@link #pos}, up to its closing quote, an unescaped newline or the end; its value. */
    private String string() {
        char quote = chars[pos++];
        UrlText value = new UrlText();
        openAtEnd = Open.STRING;
        openQuote = quote;
        while (pos < length) {
            char c = chars[pos];
            if (c == quote) {
                pos++;
                openAtEnd = Open.NONE;
                break;
            }
            if (isNewline(c)) {
                // a bad string: it ends here, the newline left for what follows
                openAtEnd = Open.NONE;
                break;
            }
            pos++;
            if (c == '\\') {
                if (pos == length) {
                    break;
                }
                char next = chars[pos];
                if (isNewline(next)) {
                    // an escaped newline continues the string
                    pos += next == '\r' && pos + 1 < length && chars[pos + 1] == '\n' ? 2 : 1;
                } else {
                    escape(value);
                }
                continue;
            }
            value.raw(c);
        }
        return value.text();
    }

    /**
     * A name at {@link #pos}, lower-cased ASCII, escapes decoded; {@link #pos} after it. Only the names of the
     * functions that load something and {@code import} are told apart: any other comes back as "" (a page's
     * stylesheet is mostly names, and this makes no string for them).
     */
    private String name() {
        int start = pos;
        while (pos < length && isNameChar(chars[pos])) {
            pos++;
        }
        if (pos < length && chars[pos] == '\\' && isValidEscape(pos)) {
            pos = start;
            return escapedName();
        }
        if (pos - start == 6) {
            return is(start, "import") ? "import" : "";
        }
        if (pos - start != 3) {
            return "";
        }
        return is(start, "url") ? "url" : is(start, "src") ? "src" : "";
    }

    /** Whether the text at {@code start} is {@code lower} in any ASCII case. */
    private boolean is(int start, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            char c = chars[start + k];
            if ((c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #name()} for a name with an escape in it. */
    private String escapedName() {
        StringBuilder sb = new StringBuilder(12);
        while (pos < length) {
            char c = chars[pos];
            if (isNameChar(c)) {
                if (sb.length() < 32) {
                    sb.append(c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c);
                }
                pos++;
            } else if (c == '\\' && isValidEscape(pos)) {
                pos++;
                UrlText escaped = new UrlText();
                escape(escaped);
                String s = escaped.text();
                if (sb.length() < 32) {
                    sb.append(s.length() == 1 && s.charAt(0) >= 'A' && s.charAt(0) <= 'Z'
                            ? String.valueOf((char) (s.charAt(0) | 0x20)) : s);
                }
            } else {
                break;
            }
        }
        return sb.toString();
    }

    /** After a backslash: the escaped code point, appended to {@code into} when given. */
    private void escape(UrlText into) {
        if (pos == length) {
            if (into != null) {
                into.codePoint(0xFFFD);
            }
            return;
        }
        char c = chars[pos];
        int hexDigits = 0;
        int value = 0;
        while (hexDigits < 6 && pos < length && Character.digit(chars[pos], 16) >= 0
                && chars[pos] < 0x80) {
            value = value * 16 + Character.digit(chars[pos], 16);
            pos++;
            hexDigits++;
        }
        if (hexDigits > 0) {
            if (pos < length && isWhitespace(chars[pos])) {
                pos += chars[pos] == '\r' && pos + 1 < length && chars[pos + 1] == '\n' ? 2 : 1;
            }
            if (value == 0 || value >= 0xD800 && value <= 0xDFFF || value > 0x10FFFF) {
                value = 0xFFFD;
            }
            if (into != null) {
                into.codePoint(value);
            }
            return;
        }
        pos++;
        if (into != null) {
            into.raw(c);
        }
    }

    private void skipComment() {
        int end = indexOf("*/", pos + 2);
        pos = end < 0 ? length : end + 2;
        if (end < 0) {
            openAtEnd = Open.COMMENT;
        }
    }

    private boolean startsWith(String s) {
        if (pos + s.length() > length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (chars[pos + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(String s, int from) {
        outer:
        for (int i = from; i + s.length() <= length; i++) {
            for (int k = 0; k < s.length(); k++) {
                if (chars[i + k] != s.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void report(int start, int end, String url, boolean imported) {
        if (url.isBlank()) {
            return;
        }
        if (goesOn) {
            unsettled.add(new Object[] {start, end, url, imported});
        } else {
            visitor.url(start, end, url, imported);
        }
    }

    /**
     * The tokens read so far are settled: their addresses are reported, and a later scan starts at {@link #pos} in
     * the state given (kept as primitives: this runs at every token).
     */
    private void settle(int brackets, boolean inName, boolean afterImport) {
        if (!unsettled.isEmpty()) {
            for (Object[] u : unsettled) {
                visitor.url((Integer) u[0], (Integer) u[1], (String) u[2], (Boolean) u[3]);
            }
            unsettled.clear();
        }
        settled = pos;
        settledBrackets = brackets;
        settledInName = inName;
        settledAfterImport = afterImport;
    }

    /** Whether an identifier starts at {@code i}: a name start, a '-' before one, "--", or a valid escape. */
    private boolean startsIdent(int i) {
        if (i >= length) {
            return false;
        }
        char c = chars[i];
        if (c == '-') {
            if (i + 1 >= length) {
                return false;
            }
            char next = chars[i + 1];
            return isNameStart(next) || next == '-' || next == '\\' && isValidEscape(i + 1);
        }
        return isNameStart(c) || c == '\\' && isValidEscape(i);
    }

    /** Whether the backslash at {@code i} starts a valid escape (not one before a newline). */
    private boolean isValidEscape(int i) {
        return i + 1 >= length || !isNewline(chars[i + 1]);
    }

    /** (NUL counts: CSS reads it as U+FFFD, a name character, so \0url( is a function of another name.) */
    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80 || c == 0;
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || c >= '0' && c <= '9' || c == '-';
    }

    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || isNewline(c);
    }

    /** An address as read: escapes decoded, and runs of raw bytes past ASCII decoded with {@link #rawEncoding}. */
    private final class UrlText {
        private final StringBuilder text = new StringBuilder();
        private byte[] rawRun = new byte[0];
        private int rawLength;

        void raw(char c) {
            // (a second byte CssBytes.pageText marked is its value plus 256)
            if (rawEncoding != null && c >= 0x80 && c <= 0x1ff) {
                if (rawLength == rawRun.length) {
                    rawRun = java.util.Arrays.copyOf(rawRun, Math.max(16, 2 * rawLength));
                }
                rawRun[rawLength++] = (byte) c;
                return;
            }
            flush();
            text.append(c);
        }

        void codePoint(int cp) {
            flush();
            text.appendCodePoint(cp);
        }

        String text() {
            flush();
            return text.toString();
        }

        private void flush() {
            if (rawLength > 0) {
                text.append(BrowserDecoding.decode(rawRun, 0, rawLength, rawEncoding));
                rawLength = 0;
            }
        }
    }
}
