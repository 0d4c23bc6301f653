package dev.consentgate.consent;

import dev.consentgate.config.ConsentSettings;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of resolving consent per request, for the sources a real request carries. Run with
 * {@code java -cp target/test-classes:target/classes:$(deps) org.openjdk.jmh.Main ConsentResolverBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConsentResolverBenchmark {

    private final ConsentResolver resolver = ConsentSources.build(ConsentSettings.defaults().withSources(
            List.of("cg_consent", "onetrust", "cookiebot", "cc_cookie", "cookieyes", "tcf")),
            Fixtures.categories(), name -> null).resolver();

    private final ConsentInput noConsent = Inputs.none();
    private final ConsentInput nativeCookie = Inputs.cookie("cg_consent", "2025-12-16:analytics+functionality");
    private final ConsentInput oneTrust = Inputs.cookie("OptanonConsent",
            OneTrustReaderTest.optanon("C0001%3A1%2CC0002%3A1%2CC0003%3A0%2CC0004%3A0"));
    private final ConsentInput cookiebot = Inputs.cookie("CookieConsent",
            CookiebotReaderTest.cookieConsent(false, true, false));
    private final ConsentInput tcf = Inputs.cookie("euconsent-v2",
            TcfEncoder.core(880, TcfReaderTest.purposes(1, 11), "DE").vendorBitfield(900, Set.of(1, 755)).encode());

    @Benchmark
    public ConsentDecision noConsent() {
        return resolver.resolve(noConsent);
    }

    @Benchmark
    public ConsentDecision nativeCookie() {
        return resolver.resolve(nativeCookie);
    }

    @Benchmark
    public ConsentDecision oneTrust() {
        return resolver.resolve(oneTrust);
    }

    @Benchmark
    public ConsentDecision cookiebot() {
        return resolver.resolve(cookiebot);
    }

    @Benchmark
    public ConsentDecision tcf() {
        return resolver.resolve(tcf);
    }
}
