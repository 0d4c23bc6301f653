package dev.consentgate.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects rewrite events and writes them as the JSON report of {@code rewrite --report}: one object per element,
 * in document order, for example
 * <pre>
 * {"elements":[{"line":12,"element":"script","host":"www.googletagmanager.com","category":"analytics",
 *   "rule":"google-tag-manager","action":"neutralized"}],"count":1}
 * </pre>
 * {@code action} is one of removed, neutralized, placeholder, passed-over-limit. Not thread-safe (one per run).
 */
public final class RewriteReportJson implements RewriteListener {

    private final List<RewriteEvent> events = new ArrayList<>();

    @Override
    public void onAction(RewriteEvent event) {
        events.add(event);
    }

    public List<RewriteEvent> events() {
        return List.copyOf(events);
    }

    public String toJson() {
        return toJson(events);
    }

    public static String toJson(List<RewriteEvent> events) {
        StringBuilder sb = new StringBuilder(64 + events.size() * 160);
        sb.append("{\"elements\":[");
        for (int i = 0; i < events.size(); i++) {
            RewriteEvent e = events.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"line\":").append(e.line());
            field(sb, "element", e.element());
            field(sb, "host", e.host());
            field(sb, "category", e.category());
            field(sb, "rule", e.ruleId());
            field(sb, "action", actionName(e.action()));
            sb.append('}');
        }
        sb.append("],\"count\":").append(events.size()).append('}');
        return sb.toString();
    }

    public static String actionName(RewriteEvent.Action action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Appends {@code ,"name":"value"} with the value escaped as a JSON string. */
    public static void field(StringBuilder sb, String name, String value) {
        sb.append(",\"").append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
