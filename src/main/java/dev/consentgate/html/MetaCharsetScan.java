package dev.consentgate.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the charset a page's meta elements give, as Chromium looks for it before it decodes a page whose
 * Content-Type names none: tag by tag (comments, raw text and RCDATA skipped, a script's text as the script data
 * states end it, attributes parsed and character references decoded), taking the first meta whose {@code charset}
 * (the last of several), or whose {@code content} with {@code http-equiv="content-type"} (compared untrimmed),
 * names an encoding a browser knows (one that names none is passed over). Names and labels are compared
 * ASCII-case-insensitively. It reads on for as long as the head lasts (only script, noscript, style, link, meta,
 * object, title and base tags, and html and head start tags) and at least 1024 bytes.
 */
final class MetaCharsetScan {

    /** Found a charset; found none, and none can follow; or the page so far ends before either is certain. */
    enum Outcome { FOUND, NONE, NEED_MORE }

    record Result(Outcome outcome, String label) {
        static final Result NONE = new Result(Outcome.NONE, "");
        static final Result NEED_MORE = new Result(Outcome.NEED_MORE, "");
    }

    /** Read for a meta even after the head ended (Chromium's kBytesToCheckUnconditionally). */
    private static final int UNCONDITIONAL_BYTES = 1024;
    private static final java.util.Set<String> HEAD_TAGS = java.util.Set.of("script", "noscript", "style", "link",
            "meta", "object", "title", "base");
    /** Elements whose content is text to the tokenizer (scripting off, as in Chromium's scan: noscript is not). */
    private static final java.util.Set<String> TEXT_CONTENT = java.util.Set.of("script", "style", "xmp", "iframe",
            "noembed", "noframes", "title", "textarea");

    private final byte[] page;
    private final int length;
    private int pos;

    private MetaCharsetScan(byte[] page, int length) {
        this.page = page;
        this.length = length;
    }

    /** Scans {@code page[0, length)}, the start of a page. */
    static Result scan(byte[] page, int length) {
        return new MetaCharsetScan(page, length).run();
    }

    private Result run() {
        boolean inHead = true;
        while (true) {
            int lt = indexOf('<', pos);
            if (lt < 0) {
                return !inHead && length >= UNCONDITIONAL_BYTES ? Result.NONE : Result.NEED_MORE;
            }
            if (!inHead && lt >= UNCONDITIONAL_BYTES) {
                return Result.NONE;
            }
            pos = lt;
            if (lt + 1 >= length) {
                return Result.NEED_MORE;
            }
            byte next = page[lt + 1];
            if (next == '!' || next == '?' || next == '/' && !isAsciiLetter(lt + 2)) {
                if (!skipCommentLike(lt)) {
                    return Result.NEED_MORE;
                }
                continue;
            }
            boolean end = next == '/';
            if (!isAsciiLetter(end ? lt + 2 : lt + 1)) {
                pos = lt + 1;
                continue;
            }
            List<String[]> attributes = new ArrayList<>();
            String name = readTag(end ? lt + 2 : lt + 1, attributes);
            if (name == null) {
                return Result.NEED_MORE;
            }
            if (!end && name.equals("meta")) {
                String label = charsetOf(attributes);
                if (EncodingLabels.isLabel(label)) {
                    return new Result(Outcome.FOUND, label);
                }
            }
            if (!HEAD_TAGS.contains(name) && (end || !name.equals("html") && !name.equals("head"))) {
                inHead = false;
            }
            if (!end && name.equals("plaintext")) {
                // everything after it is text: no meta can follow
                return Result.NONE;
            }
            if (!end && name.equals("script") && !skipScriptData()
                    || !end && TEXT_CONTENT.contains(name) && !name.equals("script") && !skipTextContent(name)) {
                return Result.NEED_MORE;
            }
        }
    }

    /**
     * The charset label a meta element's attributes give, in ASCII lower case, or "": as Chromium reads them, in
     * order: a charset attribute sets it (a later one again), a content attribute only while none has, and a content
     * counts only with an http-equiv of exactly "content-type" (any ASCII case).
     */
    private static String charsetOf(List<String[]> attributes) {
        boolean gotPragma = false;
        boolean hasCharset = false;
        boolean fromContent = false;
        String charset = "";
        for (String[] attribute : attributes) {
            String name = attribute[0];
            String value = attribute[1];
            if (name.equals("http-equiv")) {
                gotPragma |= asciiLower(value).equals("content-type");
            } else if (name.equals("charset")) {
                hasCharset = true;
                fromContent = false;
                charset = value;
            } else if (!hasCharset && name.equals("content")) {
                charset = charsetInContent(value);
                fromContent = !charset.isEmpty();
            }
        }
        if (hasCharset || fromContent && gotPragma) {
            return strip(charset);
        }
        return "";
    }

    /** The charset parameter of a content attribute ("text/html; charset=..."), or "". */
    private static String charsetInContent(String content) {
        // ASCII case only: a character whose lower case is longer must not move the positions
        String lower = asciiLower(content);
        int from = 0;
        while (true) {
            int at = lower.indexOf("charset", from);
            if (at < 0) {
                return "";
            }
            int i = at + "charset".length();
            from = i;
            while (i < content.length() && content.charAt(i) <= ' ') {
                i++;
            }
            if (i >= content.length() || content.charAt(i) != '=') {
                continue;
            }
            i++;
            while (i < content.length() && content.charAt(i) <= ' ') {
                i++;
            }
            if (i >= content.length()) {
                return "";
            }
            char quote = content.charAt(i) == '"' || content.charAt(i) == '\'' ? content.charAt(i) : 0;
            int start = quote != 0 ? i + 1 : i;
            int end = start;
            while (end < content.length() && (quote != 0 ? content.charAt(end) != quote
                    : content.charAt(end) > ' ' && content.charAt(end) != ';' && content.charAt(end) != '"'
                    && content.charAt(end) != '\'')) {
                end++;
            }
            if (quote != 0 && end >= content.length()) {
                return "";
            }
            return content.substring(start, end);
        }
    }

    /** Lower case for ASCII letters only (as encoding labels and attribute names compare). */
    static String asciiLower(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = new StringBuilder(s);
                }
                out.setCharAt(i, (char) (c + 32));
            }
        }
        return out == null ? s : out.toString();
    }

    private static String strip(String value) {
        int a = 0;
        int b = value.length();
        while (a < b && isSpace(value.charAt(a))) {
            a++;
        }
        while (b > a && isSpace(value.charAt(b - 1))) {
            b--;
        }
        return asciiLower(value.substring(a, b));
    }

    /**
     * A comment ({@code <!--}, ended as the tokenizer ends it) or a bogus comment ({@code <!x}, {@code <?x}, {@code </}
     * and no letter), which ends at the next '>'; false when the page so far ends inside it.
     */
    private boolean skipCommentLike(int lt) {
        if (startsWith(lt, "<!--")) {
            int body = lt + 4;
            if (startsWith(body, ">")) {
                pos = body + 1;
                return true;
            }
            if (startsWith(body, "->")) {
                pos = body + 2;
                return true;
            }
            for (int i = body; i + 2 < length; i++) {
                if (page[i] == '-' && page[i + 1] == '-' && page[i + 2] == '>') {
                    pos = i + 3;
                    return true;
                }
                if (i + 3 < length && page[i] == '-' && page[i + 1] == '-' && page[i + 2] == '!'
                        && page[i + 3] == '>') {
                    pos = i + 4;
                    return true;
                }
            }
            return false;
        }
        if (lt + 4 > length && startsWith(lt, "<!-".substring(0, Math.min(3, length - lt)))) {
            // "<!" or "<!-" at the end: a comment or a bogus one, not yet known
            return false;
        }
        int gt = indexOf('>', lt + 2);
        if (gt < 0) {
            return false;
        }
        pos = gt + 1;
        return true;
    }

    /**
     * Reads a tag's name and attributes from {@code at} to its '>'; returns the name in lower case, or null when the
     * page so far ends inside the tag.
     */
    private String readTag(int at, List<String[]> attributes) {
        int i = at;
        while (i < length && !isSpace(page[i]) && page[i] != '/' && page[i] != '>') {
            i++;
        }
        String name = asciiLower(latin1(at, i));
        while (true) {
            while (i < length && (isSpace(page[i]) || page[i] == '/')) {
                i++;
            }
            if (i >= length) {
                return null;
            }
            if (page[i] == '>') {
                pos = i + 1;
                return name;
            }
            int nameStart = i;
            // a '=' first is part of the name
            i++;
            while (i < length && !isSpace(page[i]) && page[i] != '/' && page[i] != '>' && page[i] != '=') {
                i++;
            }
            String attribute = asciiLower(latin1(nameStart, i));
            while (i < length && isSpace(page[i])) {
                i++;
            }
            String value = "";
            if (i < length && page[i] == '=') {
                i++;
                while (i < length && isSpace(page[i])) {
                    i++;
                }
                if (i >= length) {
                    return null;
                }
                if (page[i] == '"' || page[i] == '\'') {
                    int close = indexOf(page[i], i + 1);
                    if (close < 0) {
                        return null;
                    }
                    value = latin1(i + 1, close);
                    i = close + 1;
                } else {
                    int start = i;
                    while (i < length && !isSpace(page[i]) && page[i] != '>') {
                        i++;
                    }
                    value = latin1(start, i);
                }
                value = CharRefs.decode(value, true);
            }
            attributes.add(new String[] {attribute, value});
        }
    }

    /** Skips an element's text content to its end tag; false when the page so far ends first. */
    private boolean skipTextContent(String name) {
        for (int i = indexOf('<', pos); i >= 0; i = indexOf('<', i + 1)) {
            int after = i + 2 + name.length();
            if (after >= length) {
                return false;
            }
            if (page[i + 1] == '/' && asciiLower(latin1(i + 2, after)).equals(name)
                    && (isSpace(page[after]) || page[after] == '/' || page[after] == '>')) {
                pos = i;
                return true;
            }
        }
        return false;
    }

    /**
     * Skips a script's text to its end tag as the script data states find it: after {@code <!--} a {@code <script}
     * starts a double-escaped part, in which {@code </script} does not end the script; {@code -->} ends either. False
     * when the page so far ends first.
     */
    private boolean skipScriptData() {
        boolean escaped = false;
        boolean doubleEscaped = false;
        int dashes = 0;
        for (int i = pos; i < length; i++) {
            byte c = page[i];
            if (c == '-') {
                dashes++;
                continue;
            }
            if (c == '>' && dashes >= 2 && escaped) {
                escaped = false;
                doubleEscaped = false;
            }
            dashes = 0;
            if (c != '<') {
                continue;
            }
            if (!escaped && startsWith(i, "<!--")) {
                escaped = true;
                // the two dashes of "<!--" count towards a "-->" right after them
                dashes = 2;
                i += 3;
                continue;
            }
            boolean endTag = i + 1 < length && page[i + 1] == '/';
            int nameAt = endTag ? i + 2 : i + 1;
            int after = nameAt + 6;
            if (after >= length) {
                return false;
            }
            boolean script = asciiLower(latin1(nameAt, after)).equals("script")
                    && (isSpace(page[after]) || page[after] == '/' || page[after] == '>');
            if (!script) {
                continue;
            }
            if (endTag && !doubleEscaped) {
                pos = i;
                return true;
            }
            if (escaped) {
                doubleEscaped = !endTag;
            }
        }
        return false;
    }

    private int indexOf(int b, int from) {
        for (int i = from; i < length; i++) {
            if (page[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWith(int at, String s) {
        if (at + s.length() > length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (page[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean isAsciiLetter(int at) {
        if (at >= length) {
            return false;
        }
        int c = page[at] | 0x20;
        return c >= 'a' && c <= 'z';
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private String latin1(int from, int to) {
        return new String(page, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
