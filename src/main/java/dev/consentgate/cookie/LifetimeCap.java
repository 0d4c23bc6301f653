package dev.consentgate.cookie;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Caps the lifetime a Set-Cookie field asks for, rewriting only the values of its Max-Age and Expires attributes.
 *
 * <p>Choices: every Max-Age and every Expires attribute is capped, not only the last one browsers use, because
 * other readers pick differently. A Max-Age that is a decimal integer (optionally negative, leading zeros, any
 * length) is kept when it is at most the cap, so 0 and negative deletions pass untouched; larger ones, including
 * ones too large for a long, become the cap in seconds. An Expires no later than start + cap (start: now, or the
 * response's Date when earlier, see CookiePolicy) is kept when it is an
 * IMF-fixdate, which every reader reads alike; in another form it is rewritten as the IMF-fixdate of the date read,
 * since browsers' lenient readers differ on odd forms (Chromium takes a five-digit number for the year where RFC
 * 6265 skips it, so "01 Jan 10000 1999" is 1999 here, a deletion, and year 10000 in Chromium, clamped to 400 days).
 * Later dates become start + cap as IMF-fixdate. A
 * value that is not a valid number or date (empty, "abc", "+5", "\"100\"") is replaced by the capped value: a
 * browser would ignore it, but a lenient reader might not, and no reader may see more than the cap. An attribute
 * without '=' has no value anyone reads and stays. Fields with neither attribute (session cookies) are unchanged.
 *
 * <p>A field with an Expires and no Max-Age value gets one, written last: the seconds from when a browser reads the
 * Expires against ({@code expiresReadFrom}: the response's first Date, or now) to the last Expires as sent (the cap's
 * end when it cannot be read), at most the cap, 0 when it has passed (a deletion stays one). A browser takes a
 * Max-Age before any Expires, and counts it from its own clock: else Chromium moves an Expires by the distance
 * between its clock and the response's Date, which it reads more leniently than the gateway can ("Thu, 01 Jan 2015"
 * without a time, a year before 1601, a numeric date), and kept a 30-minute cookie 400 days behind such a Date
 * (found by a review, 2026-12-02).
 */
final class LifetimeCap {

    /** More digits than this cannot fit a long; such a Max-Age is certainly above any cap. */
    private static final int MAX_LONG_DIGITS = 18;

    private LifetimeCap() {
    }

    static String apply(SetCookieField field, Duration retention, Instant start, Instant expiresReadFrom) {
        long capSeconds = Math.max(0, retention.getSeconds());
        Instant capInstant = start.truncatedTo(ChronoUnit.SECONDS).plusSeconds(capSeconds);
        String text = field.text();
        StringBuilder out = null;
        int copied = 0;
        boolean maxAge = false;
        Instant lastExpires = null;
        for (SetCookieField.Attribute attribute : field.attributes()) {
            if (!attribute.hasValue()) {
                continue;
            }
            String replacement = null;
            String value = field.valueOf(attribute);
            if (attribute.is("Max-Age")) {
                maxAge = true;
                if (!maxAgeWithin(value, capSeconds)) {
                    replacement = Long.toString(capSeconds);
                }
            } else if (attribute.is("Expires")) {
                replacement = expiresReplacement(value, capInstant);
                // as the browser would count it (one it cannot read is written as the cap)
                lastExpires = CookieDate.parse(value).orElse(capInstant);
            }
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, copied, attribute.valueStart()).append(replacement);
                copied = attribute.valueEnd();
            }
        }
        String capped = out == null ? text : out.append(text, copied, text.length()).toString();
        if (maxAge || lastExpires == null) {
            return capped;
        }
        long seconds = Math.max(0, Math.min(capSeconds,
                Duration.between(expiresReadFrom.truncatedTo(ChronoUnit.SECONDS), lastExpires).getSeconds()));
        String kept = capped.stripTrailing();
        return kept + (kept.endsWith(";") ? " " : "; ") + "Max-Age=" + seconds;
    }

    static boolean maxAgeWithin(String value, long capSeconds) {
        return maxAgeSeconds(value).map(seconds -> seconds <= capSeconds).orElse(false);
    }

    /**
     * The Max-Age a browser reads: -?DIGIT+, saturated at Long.MAX_VALUE, any negative value as -1 (expire now);
     * empty when a browser ignores the attribute.
     */
    static Optional<Long> maxAgeSeconds(String value) {
        boolean negative = value.startsWith("-");
        int start = negative ? 1 : 0;
        if (start == value.length()) {
            return Optional.empty();
        }
        for (int i = start; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        if (negative) {
            return Optional.of(-1L);
        }
        int firstSignificant = start;
        while (firstSignificant < value.length() - 1 && value.charAt(firstSignificant) == '0') {
            firstSignificant++;
        }
        String digits = value.substring(firstSignificant);
        return Optional.of(digits.length() > MAX_LONG_DIGITS ? Long.MAX_VALUE : Long.parseLong(digits));
    }

    /** The Expires value to write instead of {@code value}, or null to keep it. */
    private static String expiresReplacement(String value, Instant capInstant) {
        Optional<Instant> expires = CookieDate.parse(value);
        if (expires.isEmpty() || expires.get().isAfter(capInstant)) {
            return CookieDate.format(capInstant);
        }
        String canonical = CookieDate.format(expires.get());
        return canonical.equals(value) ? null : canonical;
    }
}
