package dev.consentgate.e2e;

import dev.consentgate.config.Ruleset;
import dev.consentgate.demo.DemoSite;

/** The embedded demo site with the real gateway in front of it: what a visitor of the demo sees. */
final class DemoThroughGateway implements AutoCloseable {

    private final DemoSite site;
    private final GatewayInFront gateway;

    private DemoThroughGateway(DemoSite site, GatewayInFront gateway) {
        this.site = site;
        this.gateway = gateway;
    }

    static DemoThroughGateway start(Ruleset ruleset) throws Exception {
        DemoSite site = DemoSite.start(0);
        try {
            return new DemoThroughGateway(site, GatewayInFront.start(ruleset, site.uri()));
        } catch (Exception | Error e) {
            site.close();
            throw e;
        }
    }

    /** The home page, through the gateway. */
    String home() {
        return origin() + "/";
    }

    String origin() {
        return gateway.origin();
    }

    Ruleset ruleset() {
        return gateway.ruleset();
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            site.close();
        }
    }
}
