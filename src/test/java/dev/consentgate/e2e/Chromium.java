package dev.consentgate.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A headless Chromium process started for the tests, with a fresh profile, no background networking and a host
 * resolver that knows only the names the test maps; reached over its DevTools WebSocket.
 */
final class Chromium implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Chromium.class);
    private static final String LISTENING = "DevTools listening on ";
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    /** Debian's package installs it here; -De2e.chromium=PATH points elsewhere for a local run. */
    static Path executable() {
        return Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    }

    /**
     * Skips the calling tests when there is no Chromium, except on CI (CI=true), where a missing browser is a
     * broken build: .ci/run installs it.
     */
    static void assumeAvailable() {
        Path browser = executable();
        if (Files.isExecutable(browser)) {
            return;
        }
        String install = "Install it with `sudo apt-get install -y chromium chromium-driver` (Debian/Ubuntu) or "
                + "point -De2e.chromium=PATH at a Chromium or Chrome binary.";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail("CI=true but there is no Chromium at " + browser + ": the browser tests cannot run. "
                    + install);
        }
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("No Chromium at {}: the browser tests (*E2ETest) are SKIPPED. {}", browser, install);
        }
        Assumptions.abort("no Chromium at " + browser + ": browser test skipped. " + install);
    }

    private final Process process;
    private final Path profile;
    private final CdpConnection cdp;

    private Chromium(Process process, Path profile, CdpConnection cdp) {
        this.process = process;
        this.profile = profile;
        this.cdp = cdp;
    }

    /**
     * Starts the browser.
     *
     * @param hostResolverRules Chromium's --host-resolver-rules value: which names go where, everything else fails
     */
    static Chromium launch(String hostResolverRules) throws IOException, InterruptedException {
        return launch(List.of("--no-proxy-server", "--host-resolver-rules=" + hostResolverRules,
                // Only the stand-in third parties use TLS, with the test's own self-signed certificate.
                "--ignore-certificate-errors"));
    }

    /**
     * Starts the browser set to send every request, loopback ones included, through the HTTP proxy at
     * {@code proxy} (host:port), resolving no name itself, and accepting only certificates with the public key whose
     * SHA-256 is {@code spkiHash} (base64) besides those a real CA issued: no --ignore-certificate-errors.
     */
    static Chromium launchThroughProxy(String proxy, String spkiHash) throws IOException, InterruptedException {
        return launch(List.of("--proxy-server=http://" + proxy, "--proxy-bypass-list=<-loopback>",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--ignore-certificate-errors-spki-list=" + spkiHash));
    }

    private static Chromium launch(List<String> networkFlags) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("consentgate-e2e-chromium-");
        // Third-party cookies allowed, in the separate browser contexts too, as in a default Chrome profile
        // (cookie_controls_mode 0 = off; the default blocks them in incognito-like contexts): the embeds and pixels
        // must be able to set theirs, or their absence from the jar would prove nothing about the gateway.
        Files.createDirectories(profile.resolve("Default"));
        Files.writeString(profile.resolve("Default").resolve("Preferences"),
                "{\"profile\":{\"cookie_controls_mode\":0}}", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(
                executable().toString(),
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-domain-reliability",
                "--disable-client-side-phishing-detection",
                "--metrics-recording-only",
                "--mute-audio",
                "--hide-scrollbars",
                // One renderer per page instead of one per site: iframes then report their requests on the page's
                // own DevTools session, and the 2-core CI machine runs fewer processes.
                "--disable-site-isolation-trials",
                "--disable-features=IsolateOrigins,site-per-process,Translate,OptimizationHints,MediaRouter,"
                        + "InterestFeedContentSuggestions,AutofillServerCommunication,PrivacySandboxSettings4",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
                "--user-data-dir=" + profile,
                "--window-size=1280,900"));
        command.addAll(networkFlags);
        command.add("about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // If the test JVM is stopped before the run ends, the browser must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (process.isAlive()) {
                kill(process);
            }
        }, "chromium-reaper"));
        Deque<String> tail = new ArrayDeque<>();
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> readStderr(process, tail, endpoint), "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            URI ws = endpoint.get(60, TimeUnit.SECONDS);
            return new Chromium(process, profile, CdpConnection.open(ws));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            kill(process);
            deleteTree(profile);
            throw new IllegalStateException("Chromium did not start; its last output:\n" + String.join("\n", tail),
                    e);
        }
    }

    private static void readStderr(Process process, Deque<String> tail, CompletableFuture<URI> endpoint) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 40) {
                        tail.removeFirst();
                    }
                }
                int at = line.indexOf(LISTENING);
                if (at >= 0) {
                    endpoint.complete(URI.create(line.substring(at + LISTENING.length()).strip()));
                }
            }
        } catch (IOException e) {
            endpoint.completeExceptionally(e);
        }
        // stderr can close a moment before the process is gone: exitValue() would throw then
        endpoint.completeExceptionally(new IOException("Chromium closed its output"
                + (process.isAlive() ? "" : " and exited with " + process.exitValue())));
    }

    CdpConnection cdp() {
        return cdp;
    }

    /** Opens a new tab in its own browser context: a cookie jar and cache nobody else shares. */
    Tab newTab() {
        return Tab.open(cdp);
    }

    String version() {
        return String.valueOf(cdp.call("Browser.getVersion", Map.of()).get("product"));
    }

    @Override
    public void close() {
        try {
            cdp.send(null, "Browser.close", Map.of());
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("Chromium did not close itself, killing it: {}", e.toString());
        } finally {
            cdp.close();
            if (process.isAlive()) {
                kill(process);
                process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
            }
            deleteTree(profile);
        }
    }

    /** This browser's own renderer and helper processes first, then the browser itself: only what we started. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete the browser profile {}: {}", root, e.toString());
        }
    }
}
