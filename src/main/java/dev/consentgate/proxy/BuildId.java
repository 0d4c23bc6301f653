package dev.consentgate.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Which code this gateway runs: a digest of its own classes and resources (everything under {@code dev/consentgate}
 * and {@code demo}), from the jar or the classes directory it was loaded from. The same code gives the same id
 * wherever it is built and however often; changed code gives another, so the pages it makes are new variants.
 */
final class BuildId {

    /** Where the gateway's own entries are (set before {@link #VALUE}, which reads it). */
    private static final List<String> OWN = List.of("dev/consentgate/", "demo/");

    static final String VALUE = compute();

    private BuildId() {
    }

    private static String compute() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            CodeSource source = BuildId.class.getProtectionDomain().getCodeSource();
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                digestDirectory(location, sha);
            } else {
                digestJar(location, sha);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            // no id to compare: every start is then a new build, which costs revalidations but never serves a stale page
            return "unread-" + System.nanoTime();
        }
    }

    private static void digestJar(Path jar, MessageDigest sha) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<JarEntry> entries = file.stream().filter(e -> !e.isDirectory() && isOwn(e.getName()))
                    .sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
            for (JarEntry entry : entries) {
                try (InputStream in = file.getInputStream(entry)) {
                    add(sha, entry.getName(), in.readAllBytes());
                }
            }
        }
    }

    private static void digestDirectory(Path root, MessageDigest sha) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            if (isOwn(name)) {
                add(sha, name, Files.readAllBytes(file));
            }
        }
    }

    private static boolean isOwn(String name) {
        return OWN.stream().anyMatch(name::startsWith);
    }

    private static void add(MessageDigest sha, String name, byte[] bytes) {
        sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Long.toString(bytes.length).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        sha.update((byte) 0);
        sha.update(bytes);
    }
}
