package dev.consentgate.cookie;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Expires dates: read with the browsers' lenient cookie-date algorithm (RFC 6265 section 5.1.1), written as
 * IMF-fixdate (RFC 9110 section 5.6.7), e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
 */
final class CookieDate {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String[] MONTHS =
            {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    /** Longer values are no dates; refusing them keeps the work per attribute small. */
    private static final int MAX_LENGTH = 256;

    private CookieDate() {
    }

    static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /** The instant a browser reads from an Expires value, or empty when a browser would ignore the attribute. */
    static Optional<Instant> parse(String value) {
        if (value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int[] time = null;
        int day = -1;
        int month = -1;
        int year = -1;
        int i = 0;
        while (i < value.length()) {
            while (i < value.length() && isDelimiter(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < value.length() && !isDelimiter(value.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            String token = value.substring(start, i);
            int[] parsedTime;
            int number;
            if (time == null && (parsedTime = time(token)) != null) {
                time = parsedTime;
            } else if (day < 0 && (number = leadingNumber(token, 1, 2)) >= 0) {
                day = number;
            } else if (month < 0 && month(token) >= 0) {
                month = month(token);
            } else if (year < 0 && (number = leadingNumber(token, 2, 4)) >= 0) {
                year = number;
            }
        }
        if (year >= 70 && year <= 99) {
            year += 1900;
        } else if (year >= 0 && year <= 69) {
            year += 2000;
        }
        if (time == null || day < 1 || day > 31 || month < 0 || year < 1601
                || time[0] > 23 || time[1] > 59 || time[2] > 59) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(year, month + 1, day, time[0], time[1], time[2])
                    .toInstant(ZoneOffset.UTC));
        } catch (DateTimeException noSuchDay) {
            return Optional.empty();
        }
    }

    /** delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E */
    private static boolean isDelimiter(char c) {
        return c == 0x09 || (c >= 0x20 && c <= 0x2F) || (c >= 0x3B && c <= 0x40) || (c >= 0x5B && c <= 0x60)
                || (c >= 0x7B && c <= 0x7E);
    }

    /** hms-time = time-field ":" time-field ":" time-field, time-field = 1*2DIGIT, then a non-digit or the end. */
    private static int[] time(String token) {
        int[] fields = new int[3];
        int i = 0;
        for (int f = 0; f < 3; f++) {
            int start = i;
            int n = 0;
            while (i < token.length() && i - start < 2 && isDigit(token.charAt(i))) {
                n = n * 10 + token.charAt(i) - '0';
                i++;
            }
            if (i == start) {
                return null;
            }
            fields[f] = n;
            if (f < 2) {
                if (i >= token.length() || token.charAt(i) != ':') {
                    return null;
                }
                i++;
            }
        }
        return i < token.length() && isDigit(token.charAt(i)) ? null : fields;
    }

    /** min*max DIGIT followed by a non-digit or the end; -1 when the token does not start so. */
    private static int leadingNumber(String token, int min, int max) {
        int n = 0;
        int i = 0;
        while (i < token.length() && isDigit(token.charAt(i))) {
            if (i == max) {
                return -1;
            }
            n = n * 10 + token.charAt(i) - '0';
            i++;
        }
        return i >= min ? n : -1;
    }

    private static int month(String token) {
        if (token.length() < 3) {
            return -1;
        }
        for (int m = 0; m < MONTHS.length; m++) {
            if (token.regionMatches(true, 0, MONTHS[m], 0, 3)) {
                return m;
            }
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
