package dev.consentgate.cli;

import dev.consentgate.config.ConfigProblem;
import dev.consentgate.config.ConsentSettings;
import dev.consentgate.config.Listener;
import dev.consentgate.config.Route;
import dev.consentgate.config.Ruleset;
import dev.consentgate.config.RulesetException;
import dev.consentgate.config.RulesetLoader;
import dev.consentgate.config.ShadowedTagRules;
import dev.consentgate.config.TagListImport;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.demo.DemoSite;
import dev.consentgate.html.PageSite;
import dev.consentgate.proxy.Gateway;
import dev.consentgate.proxy.GatewayServer;
import dev.consentgate.proxy.HostSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** Entry point: {@code java -jar consentgate.jar [COMMAND] [OPTIONS]}. */
public final class Main {

    static final String DEFAULT_CONFIG = "config/consentgate.yaml";

    private static final Set<String> COMMANDS = Set.of("run", "check", "rewrite", "browse");
    private static final Set<String> VALUED = Set.of("--config", "--upstream", "--listen", "--consent",
            "--charset", "--site", "--ca-dir", "--report-file", "--upstream-ca");
    private static final Set<String> FLAGS = Set.of("--demo", "--help", "-h", "--verbose", "--report",
            "--unanswered", "--stylesheet");

    private static final String HELP = """
            ConsentGate: enforces a site's cookie policy on the wire, in front of its web servers.

            Usage: java -jar target/consentgate.jar [COMMAND] [OPTIONS]

            Commands:
              run (default)   run the gateway with the ruleset
              check           validate the ruleset: prints OK, or every problem as FILE:LINE:COLUMN: message
              rewrite         rewrite an HTML page from stdin to stdout as the proxy would:
                                rewrite --consent essential|all|CAT+CAT [--charset NAME] [--site HOST] [--report]
                                        < in > out
                                rewrite --unanswered [--consent DEFAULT] ...
                                writes the body the proxy sends a visitor with that consent, its Consent Mode
                                defaults included when consent_mode is on; --unanswered stands for a visitor who
                                has not answered yet (the ruleset's default, essential only unless its fallback
                                region is opt-out, or DEFAULT), who also gets the banner when banner.enabled
                                (returning to "/"); only the body: no headers (Set-Cookie, Link), no
                                Content-Security-Policy nonce on the Consent Mode script
                                --site names the host the page came from (www.example.com), as the proxy knows it:
                                rules naming that whole site then spare the site's own URLs
                                --report prints every element removed, neutralized or replaced as JSON on stderr
                                --stylesheet reads the input as a stylesheet the site serves (site.css), as the
                                proxy reads a text/css response: each blocked address in it becomes none
              browse          a browser proxy for auditing any site as a visitor with the given consent:
                                browse [--consent essential|all|CAT+CAT] [--listen H:P] [--ca-dir DIR]
                                       [--report-file FILE] [--upstream-ca FILE]
                                (defaults: essential, 127.0.0.1:8888, certs); HTTPS is intercepted with a local CA
                                made in DIR on first use; requests to tag hosts without consent are answered 403;
                                --report-file appends what was kept from the browser, one JSON object per line;
                                --upstream-ca trusts only the CA certificates in FILE for the sites (default: the
                                JDK's trusted CAs)

            Options:
              --config FILE     ruleset (default config/consentgate.yaml); accepted by every command
              --upstream URL    replace the first route's upstream, e.g. http://127.0.0.1:8081
              --listen H:P      replace the listen addresses, e.g. 0.0.0.0:8080
              --demo            start an embedded demo site and the gateway in front of it on 127.0.0.1:8080
              --verbose         print stack traces of start-up failures
              --help            this text

            Exit status: 0 success, 1 runtime failure, 2 invalid ruleset or usage.
            """;

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.in, System.out, System.err));
    }

    /** Runs a command to completion and returns the exit status (the gateway runs until SIGTERM). */
    static int run(String[] argv, InputStream in, PrintStream out, PrintStream err) {
        Args args;
        try {
            args = Args.parse(argv, COMMANDS, VALUED, FLAGS);
        } catch (Args.UsageException e) {
            err.println("consentgate: " + e.getMessage());
            return 2;
        }
        if (args.flag("--help") || args.flag("-h")) {
            out.print(HELP);
            return 0;
        }
        Path config = Path.of(args.option("--config").orElse(DEFAULT_CONFIG));
        try {
            return switch (args.command()) {
                case "check" -> check(config, out, err);
                case "rewrite" -> {
                    Ruleset ruleset = RulesetLoader.load(config);
                    yield RewriteCommand.run(ruleset, rewriteConsent(ruleset, args), args.option("--charset"),
                            site(args.option("--site")), args.flag("--report"), args.flag("--stylesheet"), in, out,
                            err);
                }
                case "browse" -> BrowseCommand.run(RulesetLoader.load(config),
                        args.option("--consent").orElse("essential"), args.option("--listen"),
                        Path.of(args.option("--ca-dir").orElse("certs")), args.option("--report-file").map(Path::of),
                        args.option("--upstream-ca").map(Path::of), out);
                default -> serve(args, config, out, err);
            };
        } catch (RulesetException e) {
            e.problems().stream().map(ConfigProblem::toString).forEach(err::println);
            return 2;
        } catch (Args.UsageException e) {
            err.println("consentgate: " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("consentgate: " + e.getFile() + ": file not found" + (args.option("--config").isEmpty()
                    && config.toString().equals(e.getFile()) ? defaultConfigHint() : ""));
            return 2;
        } catch (FileSystemException e) {
            // a path that is not a directory, a file the user may not read: a file problem, like a missing one
            err.println("consentgate: " + e.getFile() + ": " + (e.getReason() != null ? e.getReason()
                    : e.getClass().getSimpleName().replace("Exception", "")));
            return 2;
        } catch (Exception e) {
            err.println("consentgate: " + describe(e));
            if (args.flag("--verbose")) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    /** The default ruleset is looked for relative to the working directory, which a missing file may not make plain. */
    private static String defaultConfigHint() {
        return " (the default, looked for in " + Path.of("").toAbsolutePath() + "; give another with --config FILE)";
    }

    /** {@code --consent CONSENT} (a visitor who answered so), or {@code --unanswered [--consent DEFAULT]}. */
    private static ConsentDecision rewriteConsent(Ruleset ruleset, Args args) {
        if (args.flag("--unanswered")) {
            return CommandLineConsent.unanswered(ruleset, args.option("--consent"));
        }
        return CommandLineConsent.answered(ruleset, args.option("--consent").orElseThrow(() -> new Args.UsageException(
                "rewrite needs --consent essential|all|CATEGORY+CATEGORY, or --unanswered")));
    }

    /** {@code --site HOST[:PORT]}, read as the proxy reads a Host header. */
    private static PageSite site(Optional<String> site) {
        if (site.isEmpty()) {
            return PageSite.NONE;
        }
        if (!HostSyntax.isValid(site.get())) {
            throw new Args.UsageException("--site takes the host a page was served from, such as www.example.com"
                    + " (no scheme or path): '" + site.get() + "'");
        }
        return PageSite.ofAuthority(site.get());
    }

    private static int check(Path config, PrintStream out, PrintStream err) throws IOException, RulesetException {
        Ruleset ruleset = RulesetLoader.load(config);
        // warnings do not fail the check: the ruleset works, though not as it reads
        ShadowedTagRules.warnings(ruleset.ownTagRules()).forEach(err::println);
        out.println("OK");
        for (TagListImport list : ruleset.tagLists()) {
            out.println("tag list " + list.file() + " (" + list.format() + "): " + list.rules() + " host rules; "
                    + list.note());
        }
        return 0;
    }

    private static int serve(Args args, Path config, PrintStream out, PrintStream err) throws Exception {
        Ruleset ruleset = RulesetLoader.load(config);
        ShadowedTagRules.warnings(ruleset.ownTagRules()).forEach(w -> err.println("consentgate: " + w));
        DemoSite demo = null;
        if (args.flag("--demo")) {
            demo = DemoSite.start(0);
            ruleset = withUpstream(ruleset, demo.uri());
            ConsentSettings.Banner banner = ruleset.consent().banner();
            // The demo shows the gateway's own banner, which the shipped ruleset leaves off.
            ruleset = ruleset.withConsent(ruleset.consent().withBanner(new ConsentSettings.Banner(true,
                    banner.title(), banner.text(), banner.declarationPath(), banner.stylesheetPath())));
        }
        if (args.option("--upstream").isPresent()) {
            ruleset = withUpstream(ruleset, parseUpstream(args.option("--upstream").get()));
        }
        if (args.option("--listen").isPresent()) {
            ruleset = ruleset.withListeners(List.of(parseListen(args.option("--listen").get())));
        }
        GatewayServer server;
        try {
            server = GatewayServer.start(new Gateway(ruleset, Clock.systemUTC()));
        } catch (Exception e) {
            if (demo != null) {
                demo.close();
            }
            throw e;
        }
        InetSocketAddress bound = server.addresses().get(0);
        String gatewayUrl = "http://" + bound.getHostString() + ":" + bound.getPort();
        if (demo != null) {
            printDemo(out, demo.uri().toString(), gatewayUrl, ruleset.consent().revision());
        } else {
            out.println("ConsentGate listening on " + server.addresses().stream().map(Object::toString).toList()
                    + ", upstream " + ruleset.routes().get(0).upstream() + " (ruleset " + config + ")");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        DemoSite site = demo;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (site != null) {
                site.close();
            }
            stopped.countDown();
        }, "consentgate-shutdown"));
        stopped.await();
        return 0;
    }

    private static void printDemo(PrintStream out, String site, String gateway, String revision) {
        out.println("Demo site (direct):      " + site + "/");
        out.println("Through ConsentGate:     " + gateway + "/");
        out.println();
        out.println("Try:");
        out.println("  curl -s -o /dev/null -D - " + site + "/               # direct: every cookie is set");
        out.println("  curl -s -o /dev/null -D - " + gateway + "/               # no consent: essential only");
        out.println("  curl -s -o /dev/null -D - -b 'cg_consent=" + revision + ":functionality+analytics' "
                + gateway + "/   # consent: capped");
        out.println("  curl -s -D - -b '_ga=GA1.1.1.1; JSESSIONID=abc' " + gateway
                + "/echo   # _ga never reaches the site, and is deleted");
        out.println();
        out.println("Stop with Ctrl-C.");
    }

    private static Ruleset withUpstream(Ruleset ruleset, URI upstream) {
        if (ruleset.routes().isEmpty()) {
            return ruleset.withRoutes(List.of(new Route("*", "/", upstream, 64, "--upstream")));
        }
        List<Route> routes = new java.util.ArrayList<>(ruleset.routes());
        routes.set(0, routes.get(0).withUpstream(upstream));
        return ruleset.withRoutes(routes);
    }

    private static URI parseUpstream(String text) {
        try {
            return RulesetLoader.upstream(text);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--upstream: " + e.getMessage());
        }
    }

    static Listener parseListen(String text) {
        try {
            return RulesetLoader.listener(text);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--listen: " + e.getMessage());
        }
    }

    private static String describe(Exception e) {
        if (e instanceof BindException) {
            // GatewayServer names the address: "cannot listen on 127.0.0.1:8888: Address already in use"
            return e.getMessage() + " (is another process using the port?)";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
