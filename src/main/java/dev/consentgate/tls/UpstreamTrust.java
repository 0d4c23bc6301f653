package dev.consentgate.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The client side of TLS towards the sites: their certificates are verified, host name included, against the JDK's
 * trusted CAs or, when a file is given, against the certificates in that PEM file only. Nothing is ever trusted
 * blindly: a site whose certificate does not verify gets a 502 naming the failure.
 */
public final class UpstreamTrust {

    private UpstreamTrust() {
    }

    public static SslContext clientContext(Optional<Path> trustedPem) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forClient()
                .protocols("TLSv1.3", "TLSv1.2")
                .endpointIdentificationAlgorithm("HTTPS");
        if (trustedPem.isPresent()) {
            builder.trustManager(certificates(trustedPem.get()));
        }
        return builder.build();
    }

    private static List<X509Certificate> certificates(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) {
                throw new IllegalStateException(pem + ": no PEM certificate in it");
            }
            return certificates;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(pem + ": cannot be read as PEM certificates: " + e.getMessage(), e);
        }
    }
}
