package dev.consentgate.tls;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLException;

/**
 * The server side of TLS interception: for each site the browser asks for, a TLS context with a certificate for
 * that site signed by the local CA. All sites share one key pair made at start (signing a certificate takes about a
 * millisecond, making a key pair much longer), and contexts are cached until well before their certificates expire.
 * Certificates are made on the given executor, never on an event loop.
 */
public final class SiteCertificates {

    static final int CACHE_SIZE = 4096;

    private final CertificateAuthority authority;
    private final KeyPair siteKeys;
    private final AsyncLoadingCache<String, SslContext> contexts;

    public SiteCertificates(CertificateAuthority authority, Executor executor) {
        this.authority = authority;
        try {
            this.siteKeys = CertificateAuthority.newKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the site key pair: " + e.getMessage(), e);
        }
        this.contexts = Caffeine.newBuilder()
                .maximumSize(CACHE_SIZE)
                // a cached context is dropped with days of its certificate's validity left
                .expireAfterWrite(CertificateAuthority.SITE_VALIDITY.minus(Duration.ofDays(7)))
                .executor(executor)
                .buildAsync(this::contextFor);
    }

    /** The TLS context for {@code host} (a DNS name or an IP literal without brackets), made once. */
    public CompletableFuture<SslContext> forHost(String host) {
        return contexts.get(host.toLowerCase(Locale.ROOT));
    }

    private SslContext contextFor(String host) throws SSLException {
        return SslContextBuilder.forServer(siteKeys.getPrivate(), authority.issueFor(host, siteKeys.getPublic()),
                        authority.certificate())
                .protocols("TLSv1.3", "TLSv1.2")
                // HTTP/1.1 only: the gateway's request path is HTTP/1.1, and a browser that is offered no h2 uses it
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_1_1))
                .build();
    }

    /** The public key every site certificate carries (a browser can be told to trust it by its SPKI hash). */
    public java.security.PublicKey siteKey() {
        return siteKeys.getPublic();
    }
}
