package dev.consentgate.testing;

import dev.consentgate.tls.CertificateAuthority;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS for test sites: a CA of their own (in a temporary folder) and server or client contexts built on it. */
public final class SiteTls {

    private final Path dir;
    private final CertificateAuthority ca;

    private SiteTls(Path dir, CertificateAuthority ca) {
        this.dir = dir;
        this.ca = ca;
    }

    public static SiteTls newCa(Path dir) {
        return new SiteTls(dir, CertificateAuthority.loadOrCreate(dir, Clock.systemUTC()));
    }

    public CertificateAuthority ca() {
        return ca;
    }

    /** The CA certificate's PEM file. */
    public Path caFile() {
        return dir.resolve(CertificateAuthority.CERTIFICATE_FILE);
    }

    /** A server context whose certificate, for {@code host}, this CA signed. */
    public SSLContext serverContext(String host) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair keys = generator.generateKeyPair();
        X509Certificate leaf = ca.issueFor(host, keys.getPublic());
        char[] password = "test".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("site", keys.getPrivate(), password, new X509Certificate[] {leaf, ca.certificate()});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, new SecureRandom());
        return context;
    }

    /** A client context that trusts this CA and nothing else. */
    public static SSLContext trusting(X509Certificate caCertificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", caCertificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), new SecureRandom());
        return context;
    }
}
