package dev.consentgate.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short hex digest of configuration text: equal text, equal fingerprint, in every process. */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** The first 16 hex digits of SHA-256 over the parts, each preceded by its length so parts cannot run together. */
    public static String of(Iterable<String> parts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }
}
