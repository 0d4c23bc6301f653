package dev.consentgate.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of the command line as {@link Main} runs it: its exit status and what it wrote to stdout and stderr. */
record CommandRun(int status, byte[] out, String err) {

    /** The run with {@code stdin} delivered {@code readSize} bytes per read, as a pipe delivers it. */
    static CommandRun of(byte[] stdin, int readSize, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, readSize));
            }
        };
        int status = Main.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandRun(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /** The run with {@code stdin} delivered whole. */
    static CommandRun of(byte[] stdin, String... args) {
        return of(stdin, Integer.MAX_VALUE, args);
    }

    /** What it wrote to stdout, read as UTF-8. */
    String outText() {
        return new String(out, StandardCharsets.UTF_8);
    }
}
