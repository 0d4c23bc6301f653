package dev.consentgate.proxy;

import static dev.consentgate.proxy.HttpByteClasses.isHex;
import static dev.consentgate.proxy.HttpByteClasses.isTchar;

import java.nio.charset.StandardCharsets;

/**
 * The grammar of one chunk-size line without its CRLF (RFC 9112 section 7.1): a hexadecimal size, then chunk
 * extensions ({@code ; name [= token / quoted-string]}) that are checked but carry no meaning here. Only the size
 * is returned, because the framing passes on the line re-spelled without extensions.
 */
final class ChunkSizeLine {

    /** Longest chunk-size line (size and extensions), like the line limits of nginx and HAProxy. */
    static final int MAX_LENGTH = 4096;
    /** Hex digits of a chunk size after leading zeros: 15 keeps every size below 2^60, so sums cannot overflow. */
    private static final int MAX_SIZE_DIGITS = 15;

    private final byte[] line;
    private final int lineLength;

    private ChunkSizeLine(byte[] line, int lineLength) {
        this.line = line;
        this.lineLength = lineLength;
    }

    /**
     * The chunk size spelled by the first {@code lineLength} bytes of {@code line}.
     *
     * @throws RequestRejection when the line does not follow the grammar
     */
    static long parseSize(byte[] line, int lineLength) {
        return new ChunkSizeLine(line, lineLength).parse();
    }

    private long parse() {
        int digits = 0;
        while (digits < lineLength && isHex(line[digits])) {
            digits++;
        }
        if (digits == 0) {
            throw RequestRejection.badRequest("chunk size is not hexadecimal");
        }
        int significant = 0;
        while (significant < digits - 1 && line[significant] == '0') {
            significant++;
        }
        if (digits - significant > MAX_SIZE_DIGITS) {
            throw RequestRejection.badRequest("chunk size overflows");
        }
        long size = Long.parseLong(new String(line, significant, digits - significant, StandardCharsets.ISO_8859_1),
                16);
        int at = digits;
        while (true) {
            int k = skipWhitespace(at);
            if (k == lineLength) {
                if (k != at) {
                    throw RequestRejection.badRequest("whitespace at the end of a chunk-size line");
                }
                return size;
            }
            if (line[k] != ';') {
                throw RequestRejection.badRequest("junk after the chunk size");
            }
            k = skipWhitespace(k + 1);
            int nameEnd = tokenEnd(k);
            if (nameEnd == k) {
                throw RequestRejection.badRequest("empty chunk extension name");
            }
            at = nameEnd;
            k = skipWhitespace(nameEnd);
            if (k < lineLength && line[k] == '=') {
                k = skipWhitespace(k + 1);
                at = k < lineLength && line[k] == '"' ? quotedStringEnd(k) : tokenEnd(k);
                if (at == k) {
                    throw RequestRejection.badRequest("empty chunk extension value");
                }
            }
        }
    }

    private int quotedStringEnd(int openingQuote) {
        int i = openingQuote + 1;
        while (i < lineLength) {
            int b = line[i] & 0xff;
            if (b == '"') {
                return i + 1;
            }
            if (b == '\\') {
                i++;
                if (i == lineLength) {
                    break;
                }
                b = line[i] & 0xff;
            }
            if (b != '\t' && (b < 0x20 || b == 0x7f)) {
                throw RequestRejection.badRequest("control byte in a chunk extension");
            }
            i++;
        }
        throw RequestRejection.badRequest("unterminated quoted string in a chunk extension");
    }

    private int tokenEnd(int from) {
        int i = from;
        while (i < lineLength && isTchar(line[i])) {
            i++;
        }
        return i;
    }

    private int skipWhitespace(int from) {
        int i = from;
        while (i < lineLength && (line[i] == ' ' || line[i] == '\t')) {
            i++;
        }
        return i;
    }
}
