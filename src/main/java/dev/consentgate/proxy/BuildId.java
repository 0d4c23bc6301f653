package dev.consentgate.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Which build of the gateway this is (version and build time), as the build wrote it into build.properties. */
final class BuildId {

    static final String VALUE = read();

    private BuildId() {
    }

    private static String read() {
        try (InputStream in = BuildId.class.getResourceAsStream("/dev/consentgate/build.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("build", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
