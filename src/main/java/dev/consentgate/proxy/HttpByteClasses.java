package dev.consentgate.proxy;

/**
 * The byte classes the HTTP grammar is built from (tchar of RFC 9110 section 5.6.2, DIGIT and HEXDIG of RFC 5234),
 * shared by the request framing and the header token lists so that all read a token the same way.
 */
final class HttpByteClasses {

    private HttpByteClasses() {
    }

    static boolean isTchar(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || isDigit(b) || "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
    }

    static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    static boolean isHex(byte b) {
        return isDigit(b) || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }
}
