package dev.consentgate.html;

import java.util.Locale;

/**
 * Whether a frame or embed shows nothing where it stands: the hidden attribute, a style of display:none or
 * visibility:hidden, or a width or height of 0 or 1 pixel. Such a frame is a tracking pixel by another name
 * (Floodlight's and many ad servers' frames are), and a placeholder box in its place would show the visitor
 * something the page never showed.
 */
final class HiddenElement {

    private HiddenElement() {
    }

    static boolean isHidden(TagToken tag) {
        if (tag.find("hidden") >= 0 || atMostOnePixel(tag.value("width")) || atMostOnePixel(tag.value("height"))) {
            return true;
        }
        String style = tag.value("style");
        if (style == null) {
            return false;
        }
        String declarations = style.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        return declarations.contains("display:none") || declarations.contains("visibility:hidden");
    }

    /** A dimension attribute of 0 or 1 pixel: its leading digits, as HTML reads them ("1", "0px"), not a percentage. */
    private static boolean atMostOnePixel(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        int digits = 0;
        while (digits < v.length() && v.charAt(digits) >= '0' && v.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0 || digits < v.length() && v.charAt(digits) == '%') {
            return false;
        }
        String number = v.substring(0, digits).replaceFirst("^0+(?=\\d)", "");
        return number.equals("0") || number.equals("1");
    }
}
