package dev.consentgate.consent;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict percent-decoding of cookie values: bad escapes, non-ASCII input or invalid UTF-8 are malformed. */
final class UrlDecoding {

    private UrlDecoding() {
    }

    /**
     * @param plusAsSpace decode '+' as a space (form and query-string encoding) instead of keeping it
     * @throws MalformedValue when the value is not valid percent-encoded UTF-8
     */
    static String decode(String value, boolean plusAsSpace) {
        if (value.indexOf('%') < 0 && !(plusAsSpace && value.indexOf('+') >= 0)) {
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) > 0x7e) {
                    throw new MalformedValue("non-ASCII character in an encoded value");
                }
            }
            return value;
        }
        byte[] bytes = new byte[value.length()];
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new MalformedValue("truncated percent escape");
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0 || value.charAt(i + 1) > 0x7f || value.charAt(i + 2) > 0x7f) {
                    throw new MalformedValue("bad percent escape");
                }
                bytes[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusAsSpace) {
                bytes[n++] = ' ';
            } else if (c <= 0x7e) {
                bytes[n++] = (byte) c;
            } else {
                throw new MalformedValue("non-ASCII character in an encoded value");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedValue("percent escapes are not UTF-8");
        }
    }
}
