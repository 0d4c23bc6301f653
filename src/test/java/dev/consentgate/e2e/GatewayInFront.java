package dev.consentgate.e2e;

import dev.consentgate.config.Listener;
import dev.consentgate.config.Ruleset;
import dev.consentgate.config.RulesetException;
import dev.consentgate.config.RulesetLoader;
import dev.consentgate.proxy.Gateway;
import dev.consentgate.proxy.GatewayServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real gateway on 127.0.0.1 and a free port, in front of one upstream, with a ruleset the test chose. */
final class GatewayInFront implements AutoCloseable {

    /** Null once closed: a test class's static field must not hold the compiled rules for the rest of the suite. */
    private GatewayServer server;
    private final Ruleset ruleset;

    private GatewayInFront(GatewayServer server, Ruleset ruleset) {
        this.server = server;
        this.ruleset = ruleset;
    }

    /** The shipped default ruleset (config/consentgate.yaml), which encodes the seed policy. */
    static Ruleset defaultRuleset() throws IOException, RulesetException {
        return RulesetLoader.load(configFile());
    }

    /**
     * The default ruleset with the gateway's own consent banner switched on, as --demo does (the shipped file has
     * {@code consent: banner: enabled: false}): the same YAML with that one value turned to true.
     */
    static Ruleset defaultRulesetWithBanner() throws IOException, RulesetException {
        String yaml = Files.readString(configFile(), StandardCharsets.UTF_8);
        Matcher off = Pattern.compile("(?m)^(  banner:[^\\n]*\\n(?:    [^\\n]*\\n)*?    enabled:)[ \\t]*false")
                .matcher(yaml);
        if (!off.find()) {
            throw new IllegalStateException("config/consentgate.yaml has no 'consent: banner: enabled: false' to turn on");
        }
        String withBanner = yaml.substring(0, off.start()) + off.group(1) + " true" + yaml.substring(off.end());
        return RulesetLoader.parse(configFile() + " (banner enabled by the browser test)", withBanner);
    }

    private static Path configFile() {
        return Path.of(System.getProperty("user.dir"), "config", "consentgate.yaml");
    }

    static GatewayInFront start(Ruleset ruleset, URI upstream) throws InterruptedException, java.net.BindException {
        Ruleset pointed = ruleset.withListeners(List.of(new Listener("127.0.0.1", 0)))
                .withRoutes(ruleset.routes().stream().map(r -> r.withUpstream(upstream)).toList());
        return new GatewayInFront(GatewayServer.start(new Gateway(pointed, Clock.systemUTC())), pointed);
    }

    /** Where the browser goes: http://127.0.0.1:PORT, no trailing slash. */
    String origin() {
        return "http://127.0.0.1:" + server.addresses().get(0).getPort();
    }

    Ruleset ruleset() {
        return ruleset;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
