package dev.consentgate.cookie;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells operators, once per name, which cookies their ruleset does not declare. Bounded: a site (or an attacker)
 * sending endless new names gets {@link #MAX_NAMES} lines and then one line saying logging stopped.
 */
final class UndeclaredCookieLog {

    private static final Logger LOG = LoggerFactory.getLogger(UndeclaredCookieLog.class);
    static final int MAX_NAMES = 1_000;
    /** Names are attacker-controlled: shown shortened and with control and non-ASCII characters escaped. */
    private static final int MAX_SHOWN = 100;

    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean full = new AtomicBoolean();

    /** Logs the name unless it was logged already; returns whether it logged. */
    boolean record(String name) {
        if (logged.size() >= MAX_NAMES) {
            if (full.compareAndSet(false, true)) {
                LOG.warn("more than {} undeclared cookie names seen; no longer logging new ones", MAX_NAMES);
            }
            return false;
        }
        if (!logged.add(name)) {
            return false;
        }
        LOG.info("undeclared cookie \"{}\": declare it in the ruleset's cookie rules (logged once)", printable(name));
        return true;
    }

    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        int shown = Math.min(name.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = name.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '\\' && c != '"') {
                out.append(c);
            } else {
                out.append(String.format("\\x%02X", (int) c & 0xFFFF));
            }
        }
        if (name.length() > shown) {
            out.append("...(").append(name.length()).append(" chars)");
        }
        return out.toString();
    }
}
