package dev.consentgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An address that cannot be listened on is named in the one line that says so, for every command that listens. */
class PortInUseErrorNamesTheAddressTest {

    private static String stderrOf(String... args) {
        CommandRun r = CommandRun.of(new byte[0], args);
        assertEquals(1, r.status());
        return r.err();
    }

    /**
     * Before (found by a review): "consentgate: cannot listen: Address already in use (is another process using the
     * port?)": which address and port were taken was not said (the ruleset may list several listeners).
     */
    @Test
    void theBrowserProxySaysWhichAddressIsTaken(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + taken.getLocalPort();
            assertEquals("consentgate: cannot listen on " + address + ": Address already in use"
                    + " (is another process using the port?)\n",
                    stderrOf("browse", "--listen", address, "--ca-dir", dir.toString()));
        }
    }

    /** Before (found by a review): the same line without the address for the reverse proxy. */
    @Test
    void theGatewaySaysWhichAddressIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + taken.getLocalPort();
            assertEquals("consentgate: cannot listen on " + address + ": Address already in use"
                    + " (is another process using the port?)\n",
                    stderrOf("--listen", address, "--upstream", "http://127.0.0.1:9"));
        }
    }
}
