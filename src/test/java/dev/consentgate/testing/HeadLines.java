package dev.consentgate.testing;

import java.util.ArrayList;
import java.util.List;

/** Reads header values out of a raw HTTP/1.1 message head, as recorded on a socket. */
final class HeadLines {

    private HeadLines() {
    }

    /** Every value of a header, by case-insensitive name, in order, trimmed. */
    static List<String> values(String head, String name) {
        List<String> values = new ArrayList<>();
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                values.add(line.substring(colon + 1).trim());
            }
        }
        return values;
    }
}
