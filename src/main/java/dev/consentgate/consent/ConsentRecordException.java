package dev.consentgate.consent;

/** A proof-of-consent record could not be written durably; the consent POST must fail (503), not pass silently. */
public final class ConsentRecordException extends Exception {

    public ConsentRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
