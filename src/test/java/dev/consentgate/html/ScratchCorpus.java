package dev.consentgate.html;

import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.config.HtmlSettings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.util.*;

public class ScratchCorpus {
    public static void main(String[] args) throws Exception {
        List<byte[]> pages = new ArrayList<>();
        try (var s = Files.list(Path.of("../shared/corpus/pages"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".html")).sorted().toList()) pages.add(Files.readAllBytes(p));
        }
        long total = pages.stream().mapToLong(b -> b.length).sum();
        var m = Class.forName("dev.consentgate.bench.HtmlRewriteBenchmark");
        var dr = m.getDeclaredMethod("defaultRules"); dr.setAccessible(true); var rules = (List) dr.invoke(null);
        var dc = m.getDeclaredMethod("categories"); dc.setAccessible(true); var cats = (Map) dc.invoke(null);
        TagPolicy policy = new TagPolicy(rules, cats, HtmlSettings.defaults());
        TagPolicy empty = new TagPolicy(List.of(), cats, HtmlSettings.defaults());
        ConsentDecision c = new ConsentDecision(Set.of("essential"), "bench", Optional.empty(), false, Optional.empty());
        var th = ManagementFactory.getThreadMXBean();
        double b1 = 0, b2 = 0; long sink = 0;
        for (int r = 0; r < 60; r++) {
            for (int w = 0; w < 2; w++) {
                long c0 = th.getCurrentThreadCpuTime();
                for (int k = 0; k < 4; k++) for (byte[] p : pages) sink += run(p, w == 0 ? policy : empty, c);
                double mib = 4.0 * total / (1 << 20) / ((th.getCurrentThreadCpuTime() - c0) / 1e9);
                if (w == 0) b1 = Math.max(b1, mib); else b2 = Math.max(b2, mib);
            }
        }
        System.out.printf("corpus %d bytes: default rules %.0f MiB/s, no rules %.0f MiB/s (%d)%n", total, b1, b2, sink);
    }
    static long run(byte[] page, TagPolicy policy, ConsentDecision c) {
        long[] t = {0};
        HtmlRewriter rw = new HtmlRewriter(policy, c, Optional.empty(), RewriteListener.NONE);
        for (int pos = 0; pos < page.length; pos += 65536)
            rw.feed(Unpooled.wrappedBuffer(page, pos, Math.min(65536, page.length - pos)), b -> { t[0] += b.readableBytes(); b.release(); });
        rw.finish(b -> { t[0] += b.readableBytes(); b.release(); });
        return t[0];
    }
}
