package dev.consentgate.consent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.BiPredicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the gateway's consent cookie: {@code PAYLOAD.SIG} with SIG = base64url without padding of
 * HMAC-SHA256(secret, PAYLOAD). Signatures are compared in constant time.
 */
public final class ConsentSigner {

    /** Length of an HMAC-SHA256 in base64url without padding. */
    static final int SIGNATURE_LENGTH = 43;
    static final int MIN_SECRET_LENGTH = 16;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final BiPredicate<byte[], byte[]> equality;

    public ConsentSigner(String secret) {
        this(secret, MessageDigest::isEqual);
    }

    /** @param equality how signatures are compared; production uses {@link MessageDigest#isEqual} */
    ConsentSigner(String secret, BiPredicate<byte[], byte[]> equality) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the consent signing secret must be at least " + MIN_SECRET_LENGTH
                    + " characters long");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.equality = equality;
    }

    /** {@code payload + "." + signature}. */
    public String sign(String payload) {
        return payload + "." + encode(mac(payload));
    }

    /** True when {@code signature} is the base64url HMAC of {@code payload}, compared in constant time. */
    boolean verify(String payload, String signature) {
        byte[] expected = encode(mac(payload)).getBytes(StandardCharsets.US_ASCII);
        // Canonical text compared as bytes: no second, non-canonical spelling of a signature is accepted.
        return equality.test(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String encode(byte[] mac) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
