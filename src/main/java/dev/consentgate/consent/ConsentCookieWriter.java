package dev.consentgate.consent;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the gateway's consent cookie: value {@code REVISION:CAT+CAT} (signed with {@code .SIG} when a secret is
 * configured) and the Set-Cookie header value with Path=/, Max-Age = retention, SameSite=Lax, HttpOnly (only the
 * gateway reads it) and Secure when the request came over TLS.
 */
public final class ConsentCookieWriter {

    private final String cookieName;
    private final String revision;
    private final Duration retention;
    private final Optional<ConsentSigner> signer;

    public ConsentCookieWriter(String cookieName, String revision, Duration retention,
                               Optional<ConsentSigner> signer) {
        this.cookieName = cookieName;
        this.revision = revision;
        this.retention = retention;
        this.signer = signer;
    }

    /** The cookie value for these granted non-essential categories (sorted, so equal choices give equal values). */
    public String value(Set<String> categories) {
        String payload = revision + ":" + String.join("+", new TreeSet<>(categories));
        return signer.map(s -> s.sign(payload)).orElse(payload);
    }

    /** The whole Set-Cookie header value. */
    public String setCookie(Set<String> categories, boolean tls) {
        return cookieName + "=" + value(categories) + "; Path=/; Max-Age=" + retention.toSeconds()
                + "; SameSite=Lax; HttpOnly" + (tls ? "; Secure" : "");
    }
}
