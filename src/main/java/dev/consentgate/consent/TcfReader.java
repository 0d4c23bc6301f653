package dev.consentgate.consent;

import java.util.Optional;

/**
 * IAB TCF v2.2 {@code euconsent-v2}: decodes the core segment and maps consented purposes (and, when configured,
 * vendors) to categories through {@link PurposeRules}.
 */
final class TcfReader extends SingleCookieReader {

    static final String COOKIE = "euconsent-v2";

    private final PurposeRules rules;

    TcfReader(PurposeRules rules) {
        super("tcf", COOKIE, MAX_COOKIE_LENGTH);
        this.rules = rules;
    }

    @Override
    SourceResult parse(String value) {
        TcfString tcf = TcfString.decode(value);
        return new SourceResult.Present(rules.granted(tcf::purpose, tcf::vendor, tcf::allowed), Optional.empty());
    }
}
