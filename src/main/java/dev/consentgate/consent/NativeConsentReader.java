package dev.consentgate.consent;

import dev.consentgate.config.ConsentSettings;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the gateway's own cookie: {@code REVISION:CATEGORY+CATEGORY}, for example
 * {@code 2025-12-16:functionality+analytics}; {@code 2025-12-16:} is "essential only". When a signer is configured
 * the value must end with {@code .SIG} (see {@link ConsentSigner}); unsigned or badly signed values are malformed.
 */
public final class NativeConsentReader extends SingleCookieReader {

    /** Longer values are refused outright: no legitimate value comes close. */
    static final int MAX_VALUE_LENGTH = 512;

    private final Set<String> knownCategories;
    private final Optional<ConsentSigner> signer;

    public NativeConsentReader(String cookieName, Set<String> knownCategories) {
        this(cookieName, knownCategories, Optional.empty());
    }

    public NativeConsentReader(String cookieName, Set<String> knownCategories, Optional<ConsentSigner> signer) {
        super(ConsentSettings.NATIVE_SOURCE, cookieName, MAX_VALUE_LENGTH);
        this.knownCategories = Set.copyOf(knownCategories);
        this.signer = signer;
    }

    @Override
    SourceResult parse(String value) {
        String payload = value;
        int dot = value.lastIndexOf('.');
        boolean signed = dot >= 0 && value.length() - dot - 1 == ConsentSigner.SIGNATURE_LENGTH
                && value.indexOf(':') < dot;
        if (signer.isPresent()) {
            if (!signed) {
                return new SourceResult.Malformed("unsigned value");
            }
            payload = value.substring(0, dot);
            if (!signer.get().verify(payload, value.substring(dot + 1))) {
                return new SourceResult.Malformed("bad signature");
            }
        } else if (signed) {
            // Signed while no secret is configured (any more): the signature cannot be checked; read the payload.
            payload = value.substring(0, dot);
        }
        int colon = payload.indexOf(':');
        if (colon <= 0) {
            return new SourceResult.Malformed("no REVISION: prefix");
        }
        String revision = payload.substring(0, colon);
        String list = payload.substring(colon + 1);
        Set<String> categories = new HashSet<>();
        if (!list.isEmpty()) {
            for (String category : list.split("\\+", -1)) {
                if (!knownCategories.contains(category)) {
                    // An unknown id may be a typo or tampering: the whole value is untrustworthy.
                    return new SourceResult.Malformed("unknown category");
                }
                categories.add(category);
            }
        }
        return new SourceResult.Present(categories, Optional.of(revision));
    }
}
