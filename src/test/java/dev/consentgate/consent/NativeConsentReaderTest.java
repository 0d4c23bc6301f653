package dev.consentgate.consent;

import static dev.consentgate.consent.Results.assertAbsent;
import static dev.consentgate.consent.Results.assertGranted;
import static dev.consentgate.consent.Results.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class NativeConsentReaderTest {

    private static final Set<String> CATEGORIES = Set.of("essential", "functionality", "analytics", "advertising");
    private static final String SECRET = "correct horse battery staple";

    private final NativeConsentReader unsigned = new NativeConsentReader("cg_consent", CATEGORIES);
    private final NativeConsentReader signed = new NativeConsentReader("cg_consent", CATEGORIES,
            Optional.of(new ConsentSigner(SECRET)));

    private static SourceResult read(NativeConsentReader reader, String value) {
        return reader.read(Inputs.cookie("cg_consent", value));
    }

    /** HMAC computed independently of the production signer. */
    private static String hmac(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsRevisionAndCategories() {
        SourceResult result = read(unsigned, "2025-12-16:functionality+analytics");
        assertGranted(Set.of("functionality", "analytics"), result);
        assertEquals(Optional.of("2025-12-16"), ((SourceResult.Present) result).revision());
        assertGranted(Set.of(), read(unsigned, "2025-12-16:"));
    }

    @Test
    void malformedUnsignedValues() {
        assertMalformed(read(unsigned, "functionality+analytics"));
        assertMalformed(read(unsigned, ":analytics"));
        assertMalformed(read(unsigned, "2025-12-16:analytics+tracking"));
        assertMalformed(read(unsigned, "2025-12-16:analytics++advertising"));
        assertMalformed(read(unsigned, "2025-12-16:" + "analytics+".repeat(60)));
    }

    @Test
    void duplicates() {
        assertMalformed(unsigned.read(Inputs.request().withCookie("cg_consent", "2025-12-16:analytics")
                .withCookie("cg_consent", "2025-12-16:").build()));
        assertGranted(Set.of("analytics"), unsigned.read(Inputs.request()
                .withCookie("cg_consent", "2025-12-16:analytics").withCookie("cg_consent", "2025-12-16:analytics")
                .build()));
        assertAbsent(unsigned.read(Inputs.none()));
    }

    @Test
    void acceptsAGoodSignature() throws Exception {
        String payload = "2025-12-16:advertising+analytics";
        assertGranted(Set.of("advertising", "analytics"), read(signed, payload + "." + hmac(SECRET, payload)));
    }

    @Test
    void signerOutputMatchesAnIndependentHmac() throws Exception {
        assertEquals("2025-12-16:analytics." + hmac(SECRET, "2025-12-16:analytics"),
                new ConsentSigner(SECRET).sign("2025-12-16:analytics"));
    }

    @Test
    void refusesMissingBadAndForeignSignatures() throws Exception {
        String payload = "2025-12-16:advertising+analytics";
        String good = hmac(SECRET, payload);
        assertEquals("unsigned value", assertMalformed(read(signed, payload)));
        assertEquals("bad signature", assertMalformed(read(signed, payload + "." + hmac("another secret value!", payload))));
        char last = good.charAt(good.length() - 1);
        String flipped = good.substring(0, good.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertEquals("bad signature", assertMalformed(read(signed, payload + "." + flipped)));
        assertMalformed(read(signed, "2025-12-16:analytics." + good));
        assertMalformed(read(signed, payload + "." + good.substring(1)));
        assertMalformed(read(signed, payload + "." + good + "="));
    }

    @Test
    void withoutASecretASignedValueIsReadForItsPayload() throws Exception {
        String payload = "2025-12-16:analytics";
        assertGranted(Set.of("analytics"), read(unsigned, payload + "." + hmac(SECRET, payload)));
    }

    @Test
    void comparesSignaturesThroughTheConstantTimeComparator() throws Exception {
        List<byte[]> compared = new ArrayList<>();
        ConsentSigner spy = new ConsentSigner(SECRET, (a, b) -> {
            compared.add(b);
            return MessageDigest.isEqual(a, b);
        });
        String payload = "2025-12-16:analytics";
        String good = hmac(SECRET, payload);
        assertTrue(spy.verify(payload, good));
        assertFalse(spy.verify(payload, good.substring(0, 42) + (good.charAt(42) == 'A' ? 'B' : 'A')));
        assertFalse(spy.verify(payload, "short"));
        assertEquals(3, compared.size());
        assertEquals("short", new String(compared.get(2), StandardCharsets.US_ASCII));
    }

    @Test
    void refusesShortSecrets() {
        assertThrows(IllegalArgumentException.class, () -> new ConsentSigner("too short"));
    }
}
