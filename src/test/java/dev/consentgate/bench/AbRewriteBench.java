package dev.consentgate.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Before/after comparison on a busy machine: two builds of the main classes, each in its own class loader in one
 * process, rewrite the benchmark pages (and the real pages of ../shared/corpus, when it is there) in alternating
 * rounds ({@link QuickRewriteBench#cpuNanosPerPage}); prints the median and best MiB/s by thread CPU time per build,
 * past the first third of the rounds (warm-up). Load from other processes hits both builds alike, which separate
 * runs minutes apart do not.
 *
 * <pre>
 * cp -r target/classes /tmp/before    # then change, rebuild, and:
 * java -cp target/test-classes:$(cat target/cp.txt) dev.consentgate.bench.AbRewriteBench /tmp/before target/classes 40
 * </pre>
 * The class path must not hold target/classes, so that each build's loader reads its own main classes.
 */
public final class AbRewriteBench {

    private static final int REPS = 3;

    private AbRewriteBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        String[] classPath = System.getProperty("java.class.path").split(File.pathSeparator);
        Method[] builds = new Method[2];
        for (int v = 0; v < 2; v++) {
            URL[] urls = new URL[classPath.length + 1];
            urls[0] = Path.of(args[v]).toUri().toURL();
            for (int k = 0; k < classPath.length; k++) {
                urls[k + 1] = Path.of(classPath[k]).toUri().toURL();
            }
            // a sibling of the application loader: everything, dependencies included, loaded once per build
            ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
            builds[v] = loader.loadClass(QuickRewriteBench.class.getName()).getMethod("cpuNanosPerPage", int.class);
        }
        long[] bytes = (long[]) builds[0].getDeclaringClass().getMethod("groupBytes").invoke(null);
        int groups = bytes.length;
        double[][][] rates = new double[2][groups][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int turn = 0; turn < 2; turn++) {
                int v = r % 2 == 0 ? turn : 1 - turn;
                long[] nanos = (long[]) builds[v].invoke(null, REPS);
                for (int p = 0; p < groups; p++) {
                    rates[v][p][r] = REPS * (double) bytes[p] / (1 << 20) / (nanos[p] / 1e9);
                }
            }
        }
        String[] pages = {"tracker-heavy", "no-match", "corpus pages"};
        for (int v = 0; v < 2; v++) {
            for (int p = 0; p < groups; p++) {
                double[] warm = Arrays.copyOfRange(rates[v][p], rounds / 3, rounds);
                Arrays.sort(warm);
                System.out.printf(Locale.ROOT, "%s %-14s cpu MiB/s median %7.1f  best %7.1f%n", args[v], pages[p],
                        warm[warm.length / 2], warm[warm.length - 1]);
            }
        }
    }
}
