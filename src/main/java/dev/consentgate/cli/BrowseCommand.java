package dev.consentgate.cli;

import dev.consentgate.config.Listener;
import dev.consentgate.config.Ruleset;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.proxy.AuditLog;
import dev.consentgate.proxy.BrowseMode;
import dev.consentgate.proxy.Gateway;
import dev.consentgate.proxy.GatewayServer;
import dev.consentgate.tls.CertificateAuthority;
import dev.consentgate.tls.SiteCertificates;
import dev.consentgate.tls.UpstreamTrust;
import io.netty.handler.ssl.SslContext;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;

/**
 * {@code browse}: the browser proxy for auditing a site. A browser set to use it as its HTTP and HTTPS proxy sees
 * every site as a visitor with the given consent would through the gateway, and the report lists what was kept from
 * it.
 */
final class BrowseCommand {

    static final String DEFAULT_LISTEN = "127.0.0.1:8888";

    private BrowseCommand() {
    }

    static int run(Ruleset ruleset, String consent, Optional<String> listen, Path caDir, Optional<Path> report,
                   Optional<Path> upstreamCa, PrintStream out) throws Exception {
        // the options first, so that a usage error leaves no CA or report file behind
        ConsentDecision decision = CommandLineConsent.answered(ruleset, consent);
        Listener listener = Main.parseListen(listen.orElse(DEFAULT_LISTEN));
        SslContext upstreamTls = UpstreamTrust.clientContext(upstreamCa);
        Clock clock = Clock.systemUTC();
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(caDir, clock);
        SiteCertificates certificates = new SiteCertificates(ca, ForkJoinPool.commonPool());
        AuditLog audit = report.map(file -> AuditLog.toFile(file, clock)).orElse(AuditLog.counting(clock));
        BrowseMode mode = new BrowseMode(decision, certificates, upstreamTls, audit);
        GatewayServer server = GatewayServer.start(new Gateway(ruleset.withListeners(List.of(listener)), clock, mode));
        InetSocketAddress bound = server.addresses().get(0);
        String proxy = bound.getHostString() + ":" + bound.getPort();
        Path caFile = caDir.resolve(CertificateAuthority.CERTIFICATE_FILE).toAbsolutePath();
        out.println("ConsentGate browser proxy on " + proxy + ", consent: " + consent);
        out.println("CA certificate: " + caFile + " (trust it in the browser you audit with, and only there)");
        if (!bound.getAddress().isLoopbackAddress()) {
            // it asks no credentials: whoever reaches it can fetch through it, from this machine's network too
            out.println("WARNING: listening on " + bound.getAddress().getHostAddress() + ", not loopback: anyone"
                    + " who can reach this port can use it as a proxy to any host this machine can reach");
        }
        out.println("Report: " + report.map(p -> p.toAbsolutePath().toString()).orElse("none (give --report-file FILE)"));
        out.println();
        out.println("Try:");
        out.println("  curl --proxy http://" + proxy + " --cacert " + caFile + " -s https://www.example.com/");
        out.println("  chromium --user-data-dir=$(mktemp -d) --proxy-server=http://" + proxy
                + " --ignore-certificate-errors-spki-list=" + spkiHash(certificates) + " https://www.example.com/");
        out.println();
        out.println("Stop with Ctrl-C.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            out.println("ConsentGate browser proxy stopped: " + audit.summary());
            try {
                audit.close();
            } catch (Exception e) {
                System.err.println("consentgate: the report was not closed cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "consentgate-shutdown"));
        stopped.await();
        return 0;
    }

    /** Chromium's form of the site key: base64 of the SHA-256 of its SubjectPublicKeyInfo. */
    static String spkiHash(SiteCertificates certificates) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificates.siteKey().getEncoded());
        return Base64.getEncoder().encodeToString(digest);
    }
}
