package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentRecordLogTest {

    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock(Instant.parse("2025-12-16T23:59:58.250Z"));
    private final AtomicInteger ids = new AtomicInteger();

    private ConsentRecordLog log(boolean recordIp, ConsentRecordLog.ChannelOpener opener) {
        return new ConsentRecordLog(dir.resolve("records/consent.jsonl"), recordIp, clock,
                () -> "id-" + ids.incrementAndGet(), opener);
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Test
    void writesOneJsonLinePerRecord() throws Exception {
        ConsentRecordLog log = log(false, ConsentRecordLogTest::open);
        assertEquals("id-1", log.append(List.of("essential", "analytics"), "2025-12-16", "cg_consent",
                "Mozilla/5.0", Optional.of("203.0.113.7")));
        log.append(List.of("essential"), "2025-12-16", "cg_consent", "", Optional.empty());
        Path file = dir.resolve("records/consent-2025-12-16.jsonl");
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        // SHA-256 of "Mozilla/5.0", computed with sha256sum.
        assertEquals("{\"time\":\"2025-12-16T23:59:58.250Z\",\"id\":\"id-1\",\"granted\":[\"essential\","
                + "\"analytics\"],\"revision\":\"2025-12-16\",\"source\":\"cg_consent\",\"userAgentSha256\":"
                + "\"1066b48224bb188ceb955605f4fcff98893be2688d7e965afb04d36d17e7f0d7\"}", lines.get(0));
        Map<String, Object> first = JsonReader.parseObject(lines.get(0));
        assertFalse(first.containsKey("ip"), "no IP unless configured");
        assertFalse(lines.get(0).contains("Mozilla"));
    }

    @Test
    void recordsTheAddressOnlyWhenConfigured() throws Exception {
        log(true, ConsentRecordLogTest::open).append(List.of("essential"), "r1", "onetrust", "UA",
                Optional.of("203.0.113.7"));
        String line = Files.readAllLines(dir.resolve("records/consent-2025-12-16.jsonl")).get(0);
        assertEquals("203.0.113.7", JsonReader.parseObject(line).get("ip"));
    }

    @Test
    void rotatesDailyByTheInjectedClock() throws Exception {
        ConsentRecordLog log = log(false, ConsentRecordLogTest::open);
        log.append(List.of("essential"), "r", "cg_consent", "UA", Optional.empty());
        clock.now = Instant.parse("2025-12-17T00:00:01Z");
        log.append(List.of("essential"), "r", "cg_consent", "UA", Optional.empty());
        log.append(List.of("essential"), "r", "cg_consent", "UA", Optional.empty());
        assertEquals(1, Files.readAllLines(log.fileFor(LocalDate.of(2025, 12, 16))).size());
        assertEquals(2, Files.readAllLines(log.fileFor(LocalDate.of(2025, 12, 17))).size());
        assertEquals(dir.resolve("records/consent-2025-12-17.jsonl"), log.fileFor(LocalDate.of(2025, 12, 17)));
    }

    @Test
    void namesFilesWithoutExtension() {
        ConsentRecordLog log = new ConsentRecordLog(dir.resolve("proof"), false, clock);
        assertEquals(dir.resolve("proof-2025-12-16"), log.fileFor(LocalDate.of(2025, 12, 16)));
    }

    @Test
    void forcesEveryRecordToDiskBeforeReturning() throws Exception {
        List<String> events = new ArrayList<>();
        ConsentRecordLog log = log(false, file -> new RecordingChannel(open(file), events));
        log.append(List.of("essential"), "r", "cg_consent", "UA", Optional.empty());
        events.add("returned");
        assertEquals(List.of("write", "force", "close", "returned"), events);
    }

    @Test
    void aFailedWriteThrowsAndIsCounted() throws Exception {
        Files.writeString(dir.resolve("records"), "a file where the directory should be");
        ConsentRecordLog log = log(false, ConsentRecordLogTest::open);
        ConsentRecordException e = assertThrows(ConsentRecordException.class,
                () -> log.append(List.of("essential"), "r", "cg_consent", "UA", Optional.empty()));
        assertTrue(e.getMessage().contains("consent-2025-12-16.jsonl"), e.getMessage());
        assertEquals(1, log.failures());
    }

    @Test
    void aFailedForceThrowsAndIsCounted() {
        ConsentRecordLog log = log(false, file -> new RecordingChannel(open(file), new ArrayList<>()) {
            @Override
            public void force(boolean metaData) throws IOException {
                throw new IOException("disk gone");
            }
        });
        assertThrows(ConsentRecordException.class,
                () -> log.append(List.of("essential"), "r", "cg_consent", "UA", Optional.empty()));
        assertEquals(1, log.failures());
    }

    @Test
    void writesNothingBeforeTheFirstRecord() {
        new ConsentRecordLog(dir.resolve("later/consent.jsonl"), false, clock);
        assertFalse(Files.exists(dir.resolve("later")));
    }

    /** Delegates to a real channel and records the calls that matter for durability. */
    static class RecordingChannel extends FileChannel {
        private final FileChannel delegate;
        private final List<String> events;

        RecordingChannel(FileChannel delegate, List<String> events) {
            this.delegate = delegate;
            this.events = events;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            events.add("write");
            return delegate.write(src);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            events.add("force");
            delegate.force(metaData);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            events.add("close");
            delegate.close();
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return delegate.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return delegate.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            events.add("write");
            return delegate.write(srcs, offset, length);
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            delegate.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            delegate.truncate(size);
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return delegate.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return delegate.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return delegate.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            events.add("write");
            return delegate.write(src, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return delegate.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return delegate.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return delegate.tryLock(position, size, shared);
        }
    }
}
