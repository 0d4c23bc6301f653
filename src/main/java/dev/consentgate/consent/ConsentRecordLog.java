package dev.consentgate.consent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proof of consent: one JSON line per consent POST, appended to a file per UTC day
 * ({@code consent.jsonl} becomes {@code consent-2025-12-16.jsonl}) and forced to disk before
 * {@link #append} returns. A line holds the time, a random consent id, the granted categories, the policy revision,
 * the source, the SHA-256 of the User-Agent and, only when configured, the client address. No I/O happens before the
 * first append. Thread-safe.
 */
public final class ConsentRecordLog {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentRecordLog.class);

    /** Opens the day's file for appending; a seam so tests can observe that records are forced to disk. */
    interface ChannelOpener {
        FileChannel open(Path file) throws IOException;
    }

    private final Path base;
    private final boolean recordIp;
    private final Clock clock;
    private final Supplier<String> ids;
    private final ChannelOpener opener;
    private final LongAdder failures = new LongAdder();

    public ConsentRecordLog(Path base, boolean recordIp, Clock clock) {
        this(base, recordIp, clock, () -> UUID.randomUUID().toString(), ConsentRecordLog::openForAppend);
    }

    ConsentRecordLog(Path base, boolean recordIp, Clock clock, Supplier<String> ids, ChannelOpener opener) {
        this.base = base;
        this.recordIp = recordIp;
        this.clock = clock;
        this.ids = ids;
        this.opener = opener;
    }

    /**
     * Appends one record and forces it to disk.
     *
     * @param granted   granted category ids, in the order to record them (essential first)
     * @param userAgent the request's User-Agent, empty string when absent; only its hash is stored
     * @param clientIp  the client address; stored only when the log is configured to record addresses
     * @return the record's consent id
     * @throws ConsentRecordException when the record could not be written; counted in {@link #failures()}
     */
    public String append(List<String> granted, String revision, String source, String userAgent,
                         Optional<String> clientIp) throws ConsentRecordException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = ids.get();
        StringBuilder line = new StringBuilder(256)
                .append("{\"time\":").append(Json.quote(now.toString()))
                .append(",\"id\":").append(Json.quote(id))
                .append(",\"granted\":").append(Json.stringArray(granted))
                .append(",\"revision\":").append(Json.quote(revision))
                .append(",\"source\":").append(Json.quote(source))
                .append(",\"userAgentSha256\":").append(Json.quote(sha256(userAgent)));
        if (recordIp && clientIp.isPresent()) {
            line.append(",\"ip\":").append(Json.quote(clientIp.get()));
        }
        line.append("}\n");
        Path file = fileFor(LocalDate.ofInstant(now, ZoneOffset.UTC));
        try {
            write(file, line.toString());
        } catch (IOException | RuntimeException e) {
            failures.increment();
            LOG.error("could not write the consent record to {}: {}", file, e.toString());
            throw new ConsentRecordException("consent record not written to " + file, e);
        }
        return id;
    }

    /** Records that could not be written so far. */
    public long failures() {
        return failures.sum();
    }

    /** The file records of this UTC day go to. */
    public Path fileFor(LocalDate day) {
        String name = base.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String dated = dot > 0 ? name.substring(0, dot) + "-" + day + name.substring(dot) : name + "-" + day;
        return base.resolveSibling(dated);
    }

    private synchronized void write(Path file, String line) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = opener.open(file)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    private static FileChannel openForAppend(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> ownerAndGroupRead = PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-r-----"));
            return FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND), ownerAndGroupRead);
        }
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
