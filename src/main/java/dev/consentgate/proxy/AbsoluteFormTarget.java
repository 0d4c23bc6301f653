package dev.consentgate.proxy;

/** Where the parts of an absolute-form request target ({@code http://host:port/path?query}) are. */
final class AbsoluteFormTarget {

    private AbsoluteFormTarget() {
    }

    /** Index after {@code http://} or {@code https://} (any case), or -1 when the target is neither. */
    static int authorityStart(String target) {
        if (target.regionMatches(true, 0, "http://", 0, 7)) {
            return 7;
        }
        return target.regionMatches(true, 0, "https://", 0, 8) ? 8 : -1;
    }

    /** Index of the '/' or '?' that ends the authority starting at {@code from}, or the target's length. */
    static int authorityEnd(String target, int from) {
        int end = from;
        while (end < target.length() && target.charAt(end) != '/' && target.charAt(end) != '?') {
            end++;
        }
        return end;
    }
}
