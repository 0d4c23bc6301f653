package dev.consentgate.consent;

import java.util.List;

/** The Global Privacy Control signal: {@code Sec-GPC: 1}, exactly; any one of several copies equal to "1" counts. */
public final class GlobalPrivacyControl {

    public static final String HEADER = "Sec-GPC";

    private GlobalPrivacyControl() {
    }

    public static boolean requested(ConsentInput input) {
        List<String> values = input.header(HEADER);
        if (values == null) {
            return false;
        }
        for (String value : values) {
            // Field values carry no surrounding whitespace (RFC 9110 5.5); an HTTP library may leave it.
            if (value != null && withoutOws(value).equals("1")) {
                return true;
            }
        }
        return false;
    }

    private static String withoutOws(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }
}
