package dev.consentgate.cookie;

/**
 * One cookie of a request's Cookie header.
 *
 * @param name  the name, whitespace-trimmed; "" for a piece without '=' (browsers send a nameless cookie as its
 *              bare value)
 * @param value the value, whitespace-trimmed, quotes kept; the whole piece for a nameless cookie
 * @param raw   the exact text of the piece as sent, without the surrounding whitespace and separators
 */
public record RequestCookie(String name, String value, String raw) {
}
