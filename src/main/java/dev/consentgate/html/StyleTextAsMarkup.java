package dev.consentgate.html;

/**
 * The stylesheet a style element holds where its content is markup (in SVG or MathML, in a page parsed as XML): its
 * child text content, as the parser gives it. Text inside a child element is not part of it (an {@code <a>/*</a>}
 * opens no comment), nor are comments and processing instructions; a CDATA section's content is, as written; and
 * character references are decoded, so that {@code u<!---->rl(} and {@code &#117;rl(} read as {@code url(}. A start
 * tag ends at its first {@code >}, quoted or not, and one not written self-closing opens an element (in foreign
 * content and XML no element is void): the text up to its end tag is a child's.
 */
final class StyleTextAsMarkup {

    private StyleTextAsMarkup() {
    }

    /** {@code xml}: the page is parsed as XML, where a processing instruction ends at "?>" (in HTML, at ">"). */
    static String text(String content, boolean xml) {
        StringBuilder out = new StringBuilder(content.length());
        int n = content.length();
        int depth = 0;
        int i = 0;
        while (i < n) {
            int lt = content.indexOf('<', i);
            while (lt >= 0 && !startsMarkup(content, lt)) {
                lt = content.indexOf('<', lt + 1);
            }
            int textEnd = lt < 0 ? n : lt;
            if (depth == 0) {
                out.append(CharRefs.decode(content.substring(i, textEnd), false));
            }
            if (lt < 0) {
                break;
            }
            if (content.startsWith("<!--", lt)) {
                i = after(content, "-->", lt + 4);
            } else if (content.startsWith("<![CDATA[", lt)) {
                int end = content.indexOf("]]>", lt + 9);
                if (depth == 0) {
                    out.append(content, lt + 9, end < 0 ? n : end);
                }
                i = end < 0 ? n : end + 3;
            } else if (content.charAt(lt + 1) == '?') {
                i = after(content, xml ? "?>" : ">", lt + 2);
            } else if (content.charAt(lt + 1) == '!') {
                i = after(content, ">", lt + 2);
            } else {
                i = after(content, ">", lt + 1);
                if (content.charAt(lt + 1) == '/') {
                    depth = Math.max(0, depth - 1);
                } else if (!(i >= 2 && content.charAt(i - 1) == '>' && content.charAt(i - 2) == '/')) {
                    depth++;
                }
            }
        }
        return out.toString();
    }

    /** Whether the {@code <} at {@code lt} starts markup: a tag, an end tag, a comment, a declaration or PI. */
    private static boolean startsMarkup(String s, int lt) {
        if (lt + 1 >= s.length()) {
            return false;
        }
        char c = s.charAt(lt + 1);
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' || c == '?';
    }

    private static int after(String s, String end, int from) {
        int k = s.indexOf(end, from);
        return k < 0 ? s.length() : k + end.length();
    }
}
