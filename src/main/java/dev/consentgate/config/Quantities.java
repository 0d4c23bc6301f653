package dev.consentgate.config;

import java.time.Duration;
import java.util.Locale;

/** Parses the human units the ruleset uses: durations ("30d", "10s", "500ms") and sizes ("16KiB", "1GiB"). */
final class Quantities {

    private Quantities() {
    }

    /** @throws IllegalArgumentException with a message that says what is accepted */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int unitStart = digitsEnd(t);
        if (unitStart == 0 || unitStart == t.length()) {
            throw new IllegalArgumentException("bad duration '" + text
                    + "': use a whole number and a unit: ms, s, m, h, d, w or y (365d), e.g. 30d");
        }
        long amount = parseAmount(t.substring(0, unitStart), text);
        try {
            return switch (t.substring(unitStart)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                case "w" -> Duration.ofDays(Math.multiplyExact(amount, 7));
                case "y" -> Duration.ofDays(Math.multiplyExact(amount, 365));
                default -> throw new IllegalArgumentException("bad duration '" + text
                        + "': unknown unit '" + t.substring(unitStart) + "' (use ms, s, m, h, d, w or y)");
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("bad duration '" + text + "': too large");
        }
    }

    /** Bytes: a plain number, or with B, KiB, MiB, GiB (KB/MB/GB are read as the binary units too). */
    static long size(String text) {
        String t = text.trim();
        int unitStart = digitsEnd(t);
        if (unitStart == 0) {
            throw new IllegalArgumentException("bad size '" + text + "': use a number of bytes or KiB, MiB, GiB");
        }
        long amount = parseAmount(t.substring(0, unitStart), text);
        long factor = switch (t.substring(unitStart).trim().toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1;
            case "k", "kb", "kib" -> 1024;
            case "m", "mb", "mib" -> 1024 * 1024;
            case "g", "gb", "gib" -> 1024L * 1024 * 1024;
            default -> throw new IllegalArgumentException("bad size '" + text
                    + "': unknown unit '" + t.substring(unitStart) + "' (use KiB, MiB or GiB)");
        };
        try {
            return Math.multiplyExact(amount, factor);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("bad size '" + text + "': too large");
        }
    }

    private static int digitsEnd(String t) {
        int i = 0;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static long parseAmount(String digits, String original) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + original + "' is too large");
        }
    }
}
