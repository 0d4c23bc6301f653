package dev.consentgate.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML mapping read with its positions: typed getters report wrong types, bad units, duplicate and unknown keys
 * to {@link Problems} with the exact line and column, and return a default so reading can go on and find more.
 */
final class YamlSection {

    private final MappingNode node;
    private final String name;
    private final Problems problems;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Node> keys = new LinkedHashMap<>();

    YamlSection(MappingNode node, String name, Problems problems) {
        this.node = node;
        this.name = name;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.at(tuple.getKeyNode(), "keys in " + where() + " must be plain names");
                continue;
            }
            if (values.containsKey(key.getValue())) {
                problems.at(key, "duplicate key '" + key.getValue() + "' in " + where());
                continue;
            }
            values.put(key.getValue(), tuple.getValueNode());
            keys.put(key.getValue(), key);
        }
    }

    /** Reads a node as a mapping, or reports that it is not one. */
    static Optional<YamlSection> of(Node node, String name, Problems problems) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new YamlSection(mapping, name, problems));
        }
        problems.at(node, name + " must be a mapping (key: value lines)");
        return Optional.empty();
    }

    Node node() {
        return node;
    }

    String name() {
        return name;
    }

    Problems problems() {
        return problems;
    }

    /** How messages name this section; the top level has the empty name. */
    String where() {
        return name.isEmpty() ? "the ruleset" : name;
    }

    Set<String> keys() {
        return values.keySet();
    }

    Node keyNode(String key) {
        return keys.get(key);
    }

    Optional<Node> get(String key) {
        Node value = values.get(key);
        return value == null || isNull(value) ? Optional.empty() : Optional.of(value);
    }

    /** Reports every key not in {@code known}, suggesting the closest known key. */
    void rejectUnknownKeys(Set<String> known) {
        for (Map.Entry<String, Node> key : keys.entrySet()) {
            if (!known.contains(key.getKey())) {
                String hint = closest(key.getKey(), known).map(k -> " (did you mean '" + k + "'?)").orElse("");
                problems.at(key.getValue(), "unknown key '" + key.getKey() + "' in " + where() + hint
                        + "; allowed: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    Optional<String> string(String key) {
        return get(key).flatMap(v -> scalar(v, key));
    }

    String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    Optional<String> requiredString(String key) {
        Optional<String> value = string(key);
        if (value.isEmpty() && !values.containsKey(key)) {
            problems.at(node, where() + " needs '" + key + "'");
        } else if (value.isEmpty() && get(key).isEmpty()) {
            problems.at(values.get(key), "'" + key + "' in " + where() + " must not be empty");
        }
        return value;
    }

    boolean bool(String key, boolean fallback) {
        Optional<Node> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.get() instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.getValue());
        }
        problems.at(value.get(), "'" + key + "' in " + where() + " must be true or false");
        return fallback;
    }

    int integer(String key, int fallback, int min, int max) {
        Optional<Node> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.get() instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                int parsed = Integer.parseInt(s.getValue());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        problems.at(value.get(), "'" + key + "' in " + where() + " must be a whole number from " + min + " to " + max);
        return fallback;
    }

    Duration duration(String key, Duration fallback) {
        return unit(key, Quantities::duration).orElse(fallback);
    }

    Optional<Duration> duration(String key) {
        return unit(key, Quantities::duration);
    }

    long size(String key, long fallback) {
        return unit(key, Quantities::size).orElse(fallback);
    }

    private <T> Optional<T> unit(String key, Function<String, T> parse) {
        Optional<Node> value = get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> text = scalar(value.get(), key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(text.get()));
        } catch (IllegalArgumentException e) {
            problems.at(value.get(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A list under {@code key}; a single scalar is accepted as a list of one. */
    List<Node> list(String key) {
        Optional<Node> value = get(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof SequenceNode seq) {
            return seq.getValue();
        }
        if (value.get() instanceof ScalarNode) {
            return List.of(value.get());
        }
        problems.at(value.get(), "'" + key + "' in " + where() + " must be a list");
        return List.of();
    }

    List<String> stringList(String key) {
        List<String> out = new ArrayList<>();
        for (Node item : list(key)) {
            scalar(item, key).ifPresent(out::add);
        }
        return out;
    }

    Optional<YamlSection> section(String key) {
        return get(key).flatMap(v -> of(v, name.isEmpty() ? key : name + "." + key, problems));
    }

    Optional<String> scalar(Node value, String key) {
        if (value instanceof ScalarNode s) {
            return Optional.of(s.getValue());
        }
        problems.at(value, "'" + key + "' in " + where() + " must be a single value, not a "
                + (value instanceof SequenceNode ? "list" : "mapping"));
        return Optional.empty();
    }

    private static boolean isNull(Node value) {
        return value instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    private static Optional<String> closest(String key, Set<String> known) {
        return known.stream()
                .filter(k -> editDistance(k, key) <= Math.max(2, key.length() / 3))
                .min(Comparator.comparingInt(k -> editDistance(k, key)));
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
