package dev.consentgate.html;

/**
 * The stylesheet a style element holds where its content is markup (in SVG or MathML, in a page parsed as XML): its
 * text, as the parser gives it. Comments and tags go, a CDATA section's content stays as written, and character
 * references are decoded, so that {@code u<!---->rl(} and {@code &#117;rl(} read as {@code url(}. A tag is taken to
 * end at its first {@code >}, quoted or not: ending one early only keeps more text to judge (failing closed).
 */
final class StyleTextAsMarkup {

    private StyleTextAsMarkup() {
    }

    static String text(String content) {
        StringBuilder out = new StringBuilder(content.length());
        int n = content.length();
        int i = 0;
        while (i < n) {
            int lt = content.indexOf('<', i);
            while (lt >= 0 && !startsMarkup(content, lt)) {
                lt = content.indexOf('<', lt + 1);
            }
            int textEnd = lt < 0 ? n : lt;
            out.append(CharRefs.decode(content.substring(i, textEnd), false));
            if (lt < 0) {
                break;
            }
            if (content.startsWith("<!--", lt)) {
                i = after(content, "-->", lt + 4);
            } else if (content.startsWith("<![CDATA[", lt)) {
                int end = content.indexOf("]]>", lt + 9);
                out.append(content, lt + 9, end < 0 ? n : end);
                i = end < 0 ? n : end + 3;
            } else {
                i = after(content, ">", lt + 1);
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
