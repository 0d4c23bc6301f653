package dev.consentgate.consent;

import java.util.Collection;

/** Writes JSON text: string quoting for the little JSON the gateway produces. */
final class Json {

    private Json() {
    }

    /** The string as a JSON string literal; escapes controls, quotes, and '<' so it is safe inside HTML too. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String stringArray(Collection<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String v : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(v));
        }
        return out.append(']').toString();
    }
}
