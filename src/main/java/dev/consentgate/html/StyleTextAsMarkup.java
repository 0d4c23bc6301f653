package dev.consentgate.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The stylesheet a style element holds where its content is markup (in SVG or MathML, in a page parsed as XML): its
 * child text content, as the parser gives it. Text inside a child element is not part of it (an {@code <a>/*</a>}
 * opens no comment), nor are comments and processing instructions; a CDATA section's content is, as written; and
 * character references are decoded, so that {@code u<!---->rl(} and {@code &#117;rl(} read as {@code url(}. A start
 * tag ends at the first {@code >} outside a quoted value, and one not written self-closing opens an element (in
 * foreign content and XML no element is void); an end tag closes the innermost open element of its name, and those
 * opened after it, as the HTML parser does in foreign content, and is ignored when none is open.
 */
final class StyleTextAsMarkup {

    private StyleTextAsMarkup() {
    }

    /**
     * The style's text; null when the content ends inside a comment, a CDATA section, a processing instruction or a
     * tag: the markup reading then runs on past the end tag the raw text reading stopped at (an SVG style's
     * {@code <![CDATA[</style>]]>}), and the content cannot be judged. {@code xml}: the page is parsed as XML, where a
     * processing instruction ends at "?>" (in HTML, at ">").
     */
    static String text(String content, boolean xml) {
        StringBuilder out = new StringBuilder(content.length());
        int n = content.length();
        List<String> open = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int lt = content.indexOf('<', i);
            while (lt >= 0 && !startsMarkup(content, lt)) {
                lt = content.indexOf('<', lt + 1);
            }
            int textEnd = lt < 0 ? n : lt;
            if (open.isEmpty()) {
                out.append(CharRefs.decode(content.substring(i, textEnd), false));
            }
            if (lt < 0) {
                break;
            }
            int end;
            if (content.startsWith("<!--", lt)) {
                // <!--> and <!---> end at once, as HTML reads them
                end = content.startsWith(">", lt + 4) ? lt + 5 : content.startsWith("->", lt + 4) ? lt + 6
                        : after(content, "-->", lt + 4);
            } else if (content.startsWith("<![CDATA[", lt)) {
                end = after(content, "]]>", lt + 9);
                if (open.isEmpty() && end > 0) {
                    out.append(content, lt + 9, end - 3);
                }
            } else if (content.charAt(lt + 1) == '?') {
                end = after(content, xml ? "?>" : ">", lt + 2);
            } else if (content.charAt(lt + 1) == '!') {
                end = after(content, ">", lt + 2);
            } else {
                end = tagEnd(content, lt + 1);
                if (end > 0) {
                    tag(content, lt, end, open);
                }
            }
            if (end < 0) {
                return null;
            }
            i = end;
        }
        return out.toString();
    }

    /** A start or end tag {@code content[lt, end)}: opens or closes elements on {@code open}. */
    private static void tag(String content, int lt, int end, List<String> open) {
        boolean endTag = content.charAt(lt + 1) == '/';
        int nameStart = lt + (endTag ? 2 : 1);
        int nameEnd = nameStart;
        while (nameEnd < end - 1 && !Character.isWhitespace(content.charAt(nameEnd))
                && content.charAt(nameEnd) != '/' && content.charAt(nameEnd) != '>') {
            nameEnd++;
        }
        String name = content.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        if (endTag) {
            int k = open.lastIndexOf(name);
            if (k >= 0) {
                open.subList(k, open.size()).clear();
            }
        } else if (content.charAt(end - 2) != '/') {
            open.add(name);
        }
    }

    /** After the {@code >} that ends the tag whose name starts at {@code from}, outside quoted values; -1 if none. */
    private static int tagEnd(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            i++;
            if (c == '=') {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                    int close = s.indexOf(s.charAt(i), i + 1);
                    if (close < 0) {
                        return -1;
                    }
                    i = close + 1;
                }
            }
        }
        return -1;
    }

    /** Whether the {@code <} at {@code lt} starts markup: a tag, an end tag, a comment, a declaration or PI. */
    private static boolean startsMarkup(String s, int lt) {
        if (lt + 1 >= s.length()) {
            return false;
        }
        char c = s.charAt(lt + 1);
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' || c == '?';
    }

    /** After the first {@code end} from {@code from} on; -1 when there is none. */
    private static int after(String s, String end, int from) {
        int k = s.indexOf(end, from);
        return k < 0 ? -1 : k + end.length();
    }
}
