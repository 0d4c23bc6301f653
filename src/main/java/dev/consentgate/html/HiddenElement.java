package dev.consentgate.html;

import java.util.Locale;

/**
 * Whether a frame or embed shows nothing where it stands: hidden (the attribute, or display:none or
 * visibility:hidden/collapse in its style), or at most 1 pixel wide or high (by its style, else by its width and
 * height attributes, as a browser reads a dimension: "0", "1px", "0%"). Such a frame is a tracking pixel by another
 * name (Floodlight's and many ad servers' frames are), and a placeholder box in its place would show the visitor
 * something the page never showed. Only the element's own attributes count: a hidden parent is not seen here.
 */
final class HiddenElement {

    private HiddenElement() {
    }

    static boolean isHidden(TagToken tag) {
        Style style = Style.of(tag.value("style"));
        if (style.display != null) {
            if (style.display.equals("none")) {
                return true;
            }
        } else if (tag.find("hidden") >= 0) {
            return true;
        }
        if (style.visibility != null && (style.visibility.equals("hidden") || style.visibility.equals("collapse"))) {
            return true;
        }
        return (style.width != null ? cssAtMostOnePixel(style.width) : attributeAtMostOnePixel(tag.value("width")))
                || (style.height != null ? cssAtMostOnePixel(style.height)
                        : attributeAtMostOnePixel(tag.value("height")));
    }

    /** A width or height attribute of at most 1 pixel, or 0%: its leading number, as HTML reads it ("1", "0px"). */
    private static boolean attributeAtMostOnePixel(String value) {
        if (value == null) {
            return false;
        }
        int start = 0;
        while (start < value.length() && AttributeSyntax.isSpace(value.charAt(start))) {
            start++;
        }
        int end = numberEnd(value, start);
        if (end == start) {
            return false;
        }
        double number = Double.parseDouble(value.substring(start, end));
        return end < value.length() && value.charAt(end) == '%' ? number == 0 : number <= 1;
    }

    /** A CSS width or height of at most 1 pixel: "1px", "0", "0em", "0%" (other units are not converted). */
    private static boolean cssAtMostOnePixel(String value) {
        int end = numberEnd(value, 0);
        if (end == 0) {
            return false;
        }
        double number = Double.parseDouble(value.substring(0, end));
        String unit = value.substring(end).strip();
        return number == 0 || number <= 1 && (unit.isEmpty() || unit.equals("px"));
    }

    /** End of the digits (at most one '.' among them) from {@code start}; {@code start} when there is no number. */
    private static int numberEnd(String value, int start) {
        int i = start;
        boolean digits = false;
        boolean dot = false;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (isDigit(c)) {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
            i++;
        }
        return digits ? i : start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The last value of each declaration that matters here, in a style attribute. */
    private record Style(String display, String visibility, String width, String height) {

        static Style of(String attribute) {
            String display = null;
            String visibility = null;
            String width = null;
            String height = null;
            if (attribute != null) {
                String text = attribute.replaceAll("(?s)/\\*.*?\\*/", "").toLowerCase(Locale.ROOT);
                for (String declaration : text.split(";")) {
                    int colon = declaration.indexOf(':');
                    if (colon < 0) {
                        continue;
                    }
                    String value = declaration.substring(colon + 1).replace("!important", "").strip();
                    switch (declaration.substring(0, colon).strip()) {
                        case "display" -> display = value;
                        case "visibility" -> visibility = value;
                        case "width" -> width = value;
                        case "height" -> height = value;
                        default -> {
                        }
                    }
                }
            }
            return new Style(display, visibility, width, height);
        }
    }
}
