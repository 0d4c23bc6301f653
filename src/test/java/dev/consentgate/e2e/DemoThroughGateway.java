package dev.consentgate.e2e;

import dev.consentgate.config.Ruleset;
import dev.consentgate.demo.DemoSite;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The embedded demo site with the real gateway in front of it (what a visitor of the demo sees), for the tests of
 * one class. The class holds it in a static {@link RegisterExtension} field; it starts before the class's first test
 * and stops after its last.
 */
final class DemoThroughGateway implements BeforeAllCallback, AfterAllCallback {

    private final Callable<Ruleset> rulesetToLoad;
    private DemoSite site;
    private GatewayInFront gateway;

    private DemoThroughGateway(Callable<Ruleset> rulesetToLoad) {
        this.rulesetToLoad = rulesetToLoad;
    }

    /** The gateway runs the shipped default ruleset. */
    static DemoThroughGateway withDefaultRuleset() {
        return new DemoThroughGateway(GatewayInFront::defaultRuleset);
    }

    /** The gateway runs the default ruleset with its own consent banner switched on, as --demo does. */
    static DemoThroughGateway withBanner() {
        return new DemoThroughGateway(GatewayInFront::defaultRulesetWithBanner);
    }

    /** The gateway runs the ruleset the test makes (typically the default one with a setting changed). */
    static DemoThroughGateway withRuleset(Callable<Ruleset> ruleset) {
        return new DemoThroughGateway(ruleset);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Ruleset ruleset = rulesetToLoad.call();
        site = DemoSite.start(0);
        gateway = GatewayInFront.start(ruleset, site.uri());
    }

    /** JUnit calls this also when {@link #beforeAll} failed half-way, so it closes only what was started. */
    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (gateway != null) {
                gateway.close();
            }
        } finally {
            if (site != null) {
                site.close();
            }
            // the static field holding this extension lives as long as the suite: keep no gateway in it
            gateway = null;
            site = null;
        }
    }

    /** The home page, through the gateway. */
    String home() {
        return origin() + "/";
    }

    String origin() {
        return running().origin();
    }

    Ruleset ruleset() {
        return running().ruleset();
    }

    private GatewayInFront running() {
        if (gateway == null) {
            throw new IllegalStateException("the demo starts before a test class: hold it in a static"
                    + " @RegisterExtension field");
        }
        return gateway;
    }
}
