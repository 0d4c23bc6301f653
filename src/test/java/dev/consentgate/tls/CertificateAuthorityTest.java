package dev.consentgate.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.SslContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void isMadeOnFirstUseAndTheSameCaIsLoadedAfterwards() throws Exception {
        CertificateAuthority made = CertificateAuthority.loadOrCreate(dir, CLOCK);
        CertificateAuthority loaded = CertificateAuthority.loadOrCreate(dir, CLOCK);

        assertEquals(made.certificate(), loaded.certificate());
        assertEquals(0, made.certificate().getBasicConstraints());
        assertTrue(made.certificate().getKeyUsage()[5], "keyCertSign");
        made.certificate().verify(made.certificate().getPublicKey());
        // a certificate the loaded CA signs verifies with the made one's key: the key was loaded too
        KeyPair keys = CertificateAuthority.newKeyPair();
        loaded.issueFor("shop.example", keys.getPublic()).verify(made.certificate().getPublicKey());
    }

    @Test
    void twoCasMadeAtTheSameInstantHaveDifferentNames(@TempDir Path other) {
        CertificateAuthority a = CertificateAuthority.loadOrCreate(dir, CLOCK);
        CertificateAuthority b = CertificateAuthority.loadOrCreate(other, CLOCK);

        assertNotEquals(a.certificate().getSubjectX500Principal(), b.certificate().getSubjectX500Principal());
    }

    @Test
    void theKeyFileIsReadableByItsOwnerOnly() throws Exception {
        CertificateAuthority.loadOrCreate(dir, CLOCK);

        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(dir.resolve(CertificateAuthority.KEY_FILE)));
        assertTrue(Files.readString(dir.resolve(CertificateAuthority.CERTIFICATE_FILE))
                .startsWith("-----BEGIN CERTIFICATE-----"));
    }

    @Test
    void aMissingKeyBesideACertificateIsNamedAndNothingIsOverwritten() throws Exception {
        CertificateAuthority.loadOrCreate(dir, CLOCK);
        String certificate = Files.readString(dir.resolve(CertificateAuthority.CERTIFICATE_FILE));
        Files.delete(dir.resolve(CertificateAuthority.KEY_FILE));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CertificateAuthority.loadOrCreate(dir, CLOCK));
        assertTrue(e.getMessage().startsWith(dir.resolve(CertificateAuthority.KEY_FILE) + ": missing"), e.getMessage());
        assertEquals(certificate, Files.readString(dir.resolve(CertificateAuthority.CERTIFICATE_FILE)));
        assertFalse(Files.exists(dir.resolve(CertificateAuthority.KEY_FILE)));
    }

    @Test
    void aFileThatIsNotPemIsNamed() throws Exception {
        Files.writeString(dir.resolve(CertificateAuthority.CERTIFICATE_FILE), "not a certificate\n");
        Files.writeString(dir.resolve(CertificateAuthority.KEY_FILE), "not a key\n");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CertificateAuthority.loadOrCreate(dir, CLOCK));
        assertTrue(e.getMessage().startsWith(dir.resolve(CertificateAuthority.CERTIFICATE_FILE).toString()),
                e.getMessage());
    }

    @Test
    void aSiteCertificateNamesItsHostIsForServersOnlyAndIsShortLived() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir, CLOCK);
        KeyPair keys = CertificateAuthority.newKeyPair();

        X509Certificate site = ca.issueFor("www.shop.example", keys.getPublic());

        site.verify(ca.certificate().getPublicKey());
        assertEquals(ca.certificate().getSubjectX500Principal(), site.getIssuerX500Principal());
        assertEquals(List.of(List.of(2, "www.shop.example")), site.getSubjectAlternativeNames().stream()
                .map(n -> List.copyOf(n)).toList());
        assertEquals(-1, site.getBasicConstraints());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), site.getExtendedKeyUsage());
        assertEquals(NOW.minus(Duration.ofDays(1)), site.getNotBefore().toInstant());
        assertEquals(NOW.plus(Duration.ofDays(30)), site.getNotAfter().toInstant());
        assertEquals(keys.getPublic(), site.getPublicKey());
    }

    @Test
    void serialsDifferAndAnIpAddressGetsAnIpName() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir, CLOCK);
        KeyPair keys = CertificateAuthority.newKeyPair();

        X509Certificate a = ca.issueFor("127.0.0.1", keys.getPublic());
        X509Certificate b = ca.issueFor("127.0.0.1", keys.getPublic());

        assertNotEquals(a.getSerialNumber(), b.getSerialNumber());
        assertTrue(a.getSerialNumber().signum() > 0 && a.getSerialNumber().bitLength() <= 159);
        assertEquals(List.of(List.of(7, "127.0.0.1")), a.getSubjectAlternativeNames().stream()
                .map(n -> List.copyOf(n)).toList());
    }

    @Test
    void siteContextsAreMadeOncePerHostWhateverItsCase() throws Exception {
        SiteCertificates certificates = new SiteCertificates(CertificateAuthority.loadOrCreate(dir, CLOCK),
                Runnable::run);

        SslContext first = certificates.forHost("Shop.Example").get();
        SslContext again = certificates.forHost("shop.example").get();

        assertSame(first, again);
        assertTrue(first.isServer());
    }
}
