package dev.consentgate.consent;

/**
 * Thrown inside a reader when a value cannot be read; the reader turns it into {@link SourceResult.Malformed}.
 * The reason is a fixed text naming the kind of problem, never a piece of the hostile value, so logging it once
 * per kind stays bounded. No stack trace: it is expected control flow on hostile input.
 */
public final class MalformedValue extends RuntimeException {

    MalformedValue(String reason) {
        super(reason, null, false, false);
    }
}
