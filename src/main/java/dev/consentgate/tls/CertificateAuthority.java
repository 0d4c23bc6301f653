package dev.consentgate.tls;

import io.netty.util.NetUtil;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The browser proxy's local certificate authority: an EC P-256 key and a self-signed CA certificate kept as two PEM
 * files, made on first use. It signs a short-lived certificate for each site the browser visits through the proxy;
 * only a browser that was told to trust this CA accepts them.
 */
public final class CertificateAuthority {

    public static final String CERTIFICATE_FILE = "consentgate-ca.pem";
    public static final String KEY_FILE = "consentgate-ca.key";

    /** Browsers refuse site certificates valid for more than 398 days; a month is plenty for a proxy's cache. */
    static final Duration SITE_VALIDITY = Duration.ofDays(30);
    /** A site certificate is valid from a day back, so a client with a clock a little behind accepts it. */
    private static final Duration BACKDATE = Duration.ofDays(1);
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final String SIGNATURE = "SHA256withECDSA";
    /** The longest common name X.520 allows (ub-common-name). */
    private static final int MAX_COMMON_NAME = 64;

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private CertificateAuthority(X509Certificate certificate, PrivateKey key, Clock clock) {
        this.certificate = certificate;
        this.key = key;
        this.clock = clock;
    }

    /**
     * The CA kept in {@code dir}: both files read when both exist, a new CA written when neither does.
     *
     * @throws IllegalStateException naming the file when only one exists or a file cannot be read or written
     */
    public static CertificateAuthority loadOrCreate(Path dir, Clock clock) {
        Path certFile = dir.resolve(CERTIFICATE_FILE);
        Path keyFile = dir.resolve(KEY_FILE);
        boolean hasCert = Files.exists(certFile);
        boolean hasKey = Files.exists(keyFile);
        if (hasCert != hasKey) {
            throw new IllegalStateException((hasCert ? keyFile : certFile) + ": missing, while "
                    + (hasCert ? certFile : keyFile) + " exists; remove it to have a new CA made, or restore both");
        }
        return hasCert ? load(certFile, keyFile, clock) : create(certFile, keyFile, clock);
    }

    private static CertificateAuthority load(Path certFile, Path keyFile, Clock clock) {
        X509Certificate certificate;
        try (Reader reader = Files.newBufferedReader(certFile, StandardCharsets.US_ASCII);
             PEMParser pem = new PEMParser(reader)) {
            if (!(pem.readObject() instanceof X509CertificateHolder holder)) {
                throw new IllegalStateException(certFile + ": no PEM certificate in it");
            }
            certificate = new JcaX509CertificateConverter().getCertificate(holder);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(certFile + ": cannot be read: " + e.getMessage(), e);
        }
        PrivateKey key;
        try (Reader reader = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII);
             PEMParser pem = new PEMParser(reader)) {
            Object read = pem.readObject();
            if (read instanceof PEMKeyPair pair) {
                key = new JcaPEMKeyConverter().getPrivateKey(pair.getPrivateKeyInfo());
            } else if (read instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info) {
                key = new JcaPEMKeyConverter().getPrivateKey(info);
            } else {
                throw new IllegalStateException(keyFile + ": no unencrypted PEM private key in it");
            }
        } catch (IOException e) {
            throw new IllegalStateException(keyFile + ": cannot be read: " + e.getMessage(), e);
        }
        if (certificate.getBasicConstraints() < 0) {
            throw new IllegalStateException(certFile + ": not a CA certificate (no basicConstraints CA:true)");
        }
        if (!keyMatches(key, certificate)) {
            // every site certificate it signed would fail in the browser, with no word of why
            throw new IllegalStateException(keyFile + ": not the private key of " + certFile
                    + " (delete both files to make a new CA)");
        }
        try {
            certificate.checkValidity(Date.from(clock.instant()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(certFile + ": the CA is valid from " + certificate.getNotBefore().toInstant()
                    + " to " + certificate.getNotAfter().toInstant() + ", not now (delete both files to make a new CA)");
        }
        return new CertificateAuthority(certificate, key, clock);
    }

    private static CertificateAuthority create(Path certFile, Path keyFile, Clock clock) {
        try {
            KeyPair keys = newKeyPair();
            Instant now = clock.instant();
            SecureRandom random = new SecureRandom();
            // a name of its own: a browser must never take one machine's CA for another's
            X500Name name = new X500Name("CN=ConsentGate local CA " + Long.toHexString(random.nextLong() >>> 16)
                    + ", O=ConsentGate");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(random),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(CA_VALIDITY)), name, keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    ext.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(keys.getPrivate())));
            Files.createDirectories(certFile.toAbsolutePath().getParent());
            writeKey(keyFile, keys.getPrivate());
            writePem(certFile, certificate);
            return new CertificateAuthority(certificate, keys.getPrivate(), clock);
        } catch (IOException e) {
            throw new IllegalStateException(certFile.getParent() + ": cannot write the new CA: " + e.getMessage(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a CA key and certificate: " + e.getMessage(), e);
        }
    }

    /** The key is written readable by its owner only, before anything is in it. */
    private static void writeKey(Path keyFile, PrivateKey key) throws IOException {
        try {
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(keyFile);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(keyFile + " appeared while the CA was being made", e);
        }
        // PKCS#8 ("PRIVATE KEY"), which OpenSSL and the JDK's tools read as well
        writePem(keyFile, new JcaPKCS8Generator(key, null));
    }

    private static void writePem(Path file, Object value) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(value);
        }
    }

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    /** RFC 5280: a positive serial of at most 20 octets; 127 random bits keep it unique and unguessable. */
    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * A certificate for one site (a DNS name or an IP address literal) and the given public key, signed by this CA,
     * for TLS servers only, valid for {@link #SITE_VALIDITY} but never past the CA's own end.
     */
    public X509Certificate issueFor(String host, PublicKey siteKey) {
        try {
            Instant now = clock.instant();
            Date notAfter = Date.from(now.plus(SITE_VALIDITY));
            if (notAfter.after(certificate.getNotAfter())) {
                notAfter = certificate.getNotAfter();
            }
            X500Name issuer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(random),
                    Date.from(now.minus(BACKDATE)), notAfter, subjectFor(host), siteKey);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            int nameType = NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host) ? GeneralName.iPAddress : GeneralName.dNSName;
            builder.addExtension(Extension.subjectAlternativeName, host.length() > MAX_COMMON_NAME,
                    new GeneralNames(new GeneralName(nameType, host)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(certificate));
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(key)));
        } catch (GeneralSecurityException | OperatorCreationException | IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot sign a certificate for " + host + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code key} signs what the certificate's public key verifies. */
    private static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
        try {
            byte[] probe = "consentgate CA key check".getBytes(StandardCharsets.US_ASCII);
            java.security.Signature signer = java.security.Signature.getInstance(SIGNATURE);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            java.security.Signature verifier = java.security.Signature.getInstance(SIGNATURE);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The site certificate's subject: CN=host when it fits the 64 characters X.520 allows a common name, else empty
     * (browsers read only the subject alternative name, which then must be critical: RFC 5280, 4.2.1.6).
     */
    private static X500Name subjectFor(String host) {
        return host.length() <= MAX_COMMON_NAME ? new X500Name("CN=" + cnSafe(host))
                : new X500Name(new org.bouncycastle.asn1.x500.RDN[0]);
    }

    /** Host names are checked before they get here; this only keeps a name from breaking the X.500 syntax. */
    private static String cnSafe(String host) {
        return host.replaceAll("[^A-Za-z0-9.:\\-\\[\\]]", "_");
    }
}
