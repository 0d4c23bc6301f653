package dev.consentgate.testing;

import dev.consentgate.config.Listener;
import dev.consentgate.config.Ruleset;
import dev.consentgate.config.RulesetLoader;
import dev.consentgate.proxy.Gateway;
import dev.consentgate.proxy.GatewayServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/** The shipped default ruleset, pointed at a test upstream, served on a free loopback port. */
public final class RunningGateway implements AutoCloseable {

    /** Null once closed: a test class's static field must not hold the compiled rules for the rest of the suite. */
    private GatewayServer server;

    private RunningGateway(GatewayServer server) {
        this.server = server;
    }

    public static RunningGateway in(URI upstream) throws Exception {
        return in(upstream, UnaryOperator.identity());
    }

    /** Starts with the default ruleset after {@code adjust} (e.g. shorter timeouts). */
    public static RunningGateway in(URI upstream, UnaryOperator<Ruleset> adjust) throws Exception {
        return serving(new Gateway(adjust.apply(defaultRuleset(upstream)), Clock.systemUTC()));
    }

    /** Starts the given gateway (built by the test from {@link #defaultRuleset(URI)}). */
    public static RunningGateway serving(Gateway gateway) throws Exception {
        return new RunningGateway(GatewayServer.start(gateway));
    }

    /** The default ruleset pointed at {@code upstream}, listening on a free loopback port. */
    public static Ruleset defaultRuleset(URI upstream) throws Exception {
        Ruleset ruleset = defaultRuleset();
        return ruleset.withRoutes(List.of(ruleset.routes().get(0).withUpstream(upstream)))
                .withListeners(List.of(new Listener("127.0.0.1", 0)));
    }

    public static Ruleset defaultRuleset() throws Exception {
        return RulesetLoader.load(Path.of("config/consentgate.yaml"));
    }

    public InetSocketAddress address() {
        return server.addresses().get(0);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + address().getPort() + path);
    }

    public RawClient rawClient() throws java.io.IOException {
        return new RawClient(address());
    }

    public GatewayServer server() {
        return server;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
