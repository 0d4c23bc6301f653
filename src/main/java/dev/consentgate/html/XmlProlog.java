package dev.consentgate.html;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The prolog of a page parsed as XML, read before its root element: the XML declaration, comments, processing
 * instructions and the DOCTYPE, whose internal subset ({@code <!DOCTYPE html [ ... ]>}) may declare general entities
 * and attribute defaults. Chromium's XML parser expands an internal entity where it is used, in an attribute
 * ({@code src="&t;"}), in a script's text and in content, where its replacement text is parsed as markup; and it gives
 * an element the attributes an ATTLIST declaration defaults ({@code <!ATTLIST script src CDATA "...">} makes
 * {@code <script/>} load that URL). The HTML tokenizer ends a DOCTYPE at its first {@code >}, so the subset is read
 * here instead, resumably, chunk by chunk, and the tokenizer starts at the root element.
 *
 * <p>External entities are not read: Chromium does not load one. Parameter entities are not expanded here, but
 * each reference to one between the subset's declarations is kept ({@link #parameterReferences}) to be taken out:
 * Chromium 156 reads the declarations a parameter entity holds where it is referenced in an SVG document (an entity
 * naming Meta's pixel, used in an image's href, or an ATTLIST default; found by a review, 2026-12-02), and a
 * declaration never made declares nothing.
 */
final class XmlProlog {

    /** The most of a prolog held: past it, the page is not rewritten (its prolog cannot be judged whole). */
    static final int MAX_BYTES = 64 * 1024;

    private static final int TOP = 0;
    private static final int PI = 1;
    private static final int COMMENT = 2;
    private static final int DOCTYPE = 3;
    private static final int SUBSET = 4;
    private static final int DECLARATION = 5;
    private static final int SUBSET_PI = 6;
    private static final int SUBSET_COMMENT = 7;
    private static final int AFTER_SUBSET = 8;
    private static final int SUBSET_REFERENCE = 9;

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** A general entity's literal value, {@code from} and {@code to} its bytes' offsets in the page. */
    record Entity(String name, String value, int from, int to) {
    }

    private byte[] held = new byte[1024];
    private int length;
    /** Where scanning goes on. */
    private int pos;
    private int state = TOP;
    /** The quote a value in a DOCTYPE or a declaration is inside, 0 when none. */
    private byte quote;
    /** Dashes just read in a comment (two and a '>' end it), or a '?' just read in a processing instruction (1). */
    private int marks;
    private int declarationStart;
    private final List<Entity> entities = new ArrayList<>();
    /** The ATTLIST declarations giving an attribute a default value, as offsets: start, end. */
    private final List<int[]> defaults = new ArrayList<>();
    /** The processing instructions outside the internal subset, as offsets: start, end. */
    private final List<int[]> instructions = new ArrayList<>();
    private int instructionStart;
    /** The parameter entity references between the subset's declarations ({@code %name;}), as offsets: start, end. */
    private final List<int[]> references = new ArrayList<>();
    private int referenceStart;

    /**
     * Reads {@code a[from, to)}, the next bytes of the page: returns the offset in the page (and in {@link #held})
     * where the root element starts, once the prolog ended before it, or -1 while all is prolog.
     *
     * @throws IllegalStateException past {@link #MAX_BYTES} of prolog
     */
    int read(byte[] a, int from, int to) {
        if (length + to - from > held.length) {
            held = Arrays.copyOf(held, Math.max(held.length * 2, length + to - from));
        }
        System.arraycopy(a, from, held, length, to - from);
        length += to - from;
        int end = scan();
        if (end >= 0) {
            return end;
        }
        if (length > MAX_BYTES) {
            throw new IllegalStateException("the XML prolog (DOCTYPE) of the page is longer than " + MAX_BYTES
                    + " bytes: its internal subset cannot be judged whole");
        }
        return -1;
    }

    /** The page's bytes read so far, from its start: {@code held()[0, length())}. */
    byte[] held() {
        return held;
    }

    int length() {
        return length;
    }

    /** The general entities declared, in order (a later declaration of a name declares nothing). */
    List<Entity> entities() {
        return entities;
    }

    /** The ATTLIST declarations that default an attribute's value: {start, end} offsets, in order. */
    List<int[]> attributeDefaults() {
        return defaults;
    }

    /** The parameter entity references between the internal subset's declarations: {start, end} offsets, in order. */
    List<int[]> parameterReferences() {
        return references;
    }

    /**
     * The processing instructions before the root element, outside the DOCTYPE's internal subset: {start, end}
     * offsets, in order. An {@code xml-stylesheet} one there makes Chromium load its {@code href}.
     */
    List<int[]> instructions() {
        return instructions;
    }

    /** Scans the held bytes from {@link #pos}: the offset the root element starts at, or -1 for more. */
    private int scan() {
        byte[] b = held;
        while (pos < length) {
            byte c = b[pos];
            switch (state) {
                case TOP -> {
                    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || pos < 3 && c == BYTE_ORDER_MARK[pos]) {
                        // spaces, and a UTF-8 byte order mark
                        pos++;
                    } else if (c != '<') {
                        // not well-formed: the tokenizer reads on as it can
                        return pos;
                    } else if (length - pos < 9) {
                        // "<!DOCTYPE" may be cut: wait for more, unless this cannot start one
                        return mayStart(b, pos, length) ? -1 : pos;
                    } else if (b[pos + 1] == '?') {
                        instructionStart = pos;
                        pos += 2;
                        marks = 0;
                        state = PI;
                    } else if (startsWith(b, pos, "<!--")) {
                        pos += 4;
                        marks = 0;
                        state = COMMENT;
                    } else if (startsWith(b, pos, "<!DOCTYPE")) {
                        pos += 9;
                        quote = 0;
                        state = DOCTYPE;
                    } else {
                        return pos;
                    }
                }
                case PI, SUBSET_PI -> {
                    pos++;
                    if (c == '>' && marks == 1) {
                        if (state == PI) {
                            instructions.add(new int[] {instructionStart, pos});
                        }
                        state = state == PI ? TOP : SUBSET;
                    }
                    marks = c == '?' ? 1 : 0;
                }
                case COMMENT, SUBSET_COMMENT -> {
                    pos++;
                    if (c == '>' && marks >= 2) {
                        state = state == COMMENT ? TOP : SUBSET;
                    }
                    marks = c == '-' ? marks + 1 : 0;
                }
                case DOCTYPE -> {
                    pos++;
                    if (quote != 0) {
                        quote = c == quote ? 0 : quote;
                    } else if (c == '"' || c == '\'') {
                        quote = c;
                    } else if (c == '[') {
                        state = SUBSET;
                    } else if (c == '>') {
                        state = TOP;
                    }
                }
                case SUBSET -> {
                    if (c == ']') {
                        pos++;
                        state = AFTER_SUBSET;
                    } else if (c == '%') {
                        referenceStart = pos;
                        pos++;
                        state = SUBSET_REFERENCE;
                    } else if (c != '<') {
                        // spaces
                        pos++;
                    } else if (length - pos < 4) {
                        return -1;
                    } else if (b[pos + 1] == '?') {
                        pos += 2;
                        marks = 0;
                        state = SUBSET_PI;
                    } else if (startsWith(b, pos, "<!--")) {
                        pos += 4;
                        marks = 0;
                        state = SUBSET_COMMENT;
                    } else {
                        declarationStart = pos;
                        pos++;
                        quote = 0;
                        state = DECLARATION;
                    }
                }
                case DECLARATION -> {
                    pos++;
                    if (quote != 0) {
                        quote = c == quote ? 0 : quote;
                    } else if (c == '"' || c == '\'') {
                        quote = c;
                    } else if (c == '>') {
                        declaration(declarationStart, pos);
                        state = SUBSET;
                    }
                }
                case SUBSET_REFERENCE -> {
                    // its name up to ';' (without one, not well-formed: what was read goes all the same)
                    if (c == ';') {
                        pos++;
                    }
                    if (c == ';' || !isNameByte(c)) {
                        references.add(new int[] {referenceStart, pos});
                        state = SUBSET;
                    } else {
                        pos++;
                    }
                }
                default -> {
                    // after the subset's ']', up to the DOCTYPE's '>'
                    pos++;
                    if (c == '>') {
                        state = TOP;
                    }
                }
            }
        }
        return -1;
    }

    /** Whether {@code b[from, to)}, shorter than "<!DOCTYPE", may be the start of a construct of the prolog. */
    private static boolean mayStart(byte[] b, int from, int to) {
        if (to - from < 2 || b[from + 1] == '?') {
            return true;
        }
        for (String construct : new String[] {"<!--", "<!DOCTYPE"}) {
            int n = Math.min(to - from, construct.length());
            if (new String(b, from, n, StandardCharsets.ISO_8859_1).equals(construct.substring(0, n))) {
                return true;
            }
        }
        return false;
    }

    /** A declaration of the internal subset, {@code held[from, to)}: a general entity or attribute defaults. */
    private void declaration(int from, int to) {
        String text = new String(held, from, to - from, StandardCharsets.ISO_8859_1);
        if (text.startsWith("<!ATTLIST")) {
            // a default is a quoted value (an enumeration's values are not quoted)
            if (text.indexOf('"') >= 0 || text.indexOf('\'') >= 0) {
                defaults.add(new int[] {from, to});
            }
            return;
        }
        if (!text.startsWith("<!ENTITY")) {
            return;
        }
        int i = skipSpaces(text, "<!ENTITY".length());
        if (i == "<!ENTITY".length() || i >= text.length() || text.charAt(i) == '%') {
            // not well-formed, or a parameter entity
            return;
        }
        int nameEnd = i;
        while (nameEnd < text.length() && !isSpace(text.charAt(nameEnd)) && text.charAt(nameEnd) != '>') {
            nameEnd++;
        }
        int q = skipSpaces(text, nameEnd);
        if (q >= text.length() || text.charAt(q) != '"' && text.charAt(q) != '\'') {
            // an external entity (SYSTEM, PUBLIC), which Chromium does not load
            return;
        }
        int close = text.indexOf(text.charAt(q), q + 1);
        if (close < 0) {
            return;
        }
        String name = text.substring(i, nameEnd);
        for (Entity e : entities) {
            if (e.name().equals(name)) {
                return;
            }
        }
        entities.add(new Entity(name, new String(held, from + q + 1, close - q - 1, StandardCharsets.UTF_8),
                from + q + 1, from + close));
    }

    /** A byte of an XML name: letters, digits, '.', '-', '_', ':', or one of a character past ASCII. */
    private static boolean isNameByte(byte c) {
        return c < 0 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                || c == '_' || c == ':';
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (b[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
