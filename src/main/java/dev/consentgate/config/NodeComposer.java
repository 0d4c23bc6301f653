package dev.consentgate.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Composes a YAML 1.2 text (JSON included) into nodes only: no object is constructed, so no tag can instantiate
 * anything. A syntax problem is reported where it is, as FILE:LINE:COLUMN.
 */
final class NodeComposer {

    private NodeComposer() {
    }

    /**
     * @param language         "YAML" or "JSON", for the messages
     * @param maxAliasedNodes  nodes all aliases together may stand for, counted as if each alias were a copy of what
     *                         it names (a bound against alias bombs, whose few aliases of aliases stand for millions)
     * @param codePointLimit   the longest text read
     * @return the document's root; empty for an empty document or when a problem was reported
     */
    static Optional<Node> compose(String text, Problems problems, String language, int maxAliasedNodes,
                                  int codePointLimit) {
        // the composer's own bound counts aliases, which refuses a short list shared by many rules; what costs is
        // the nodes a reader visits again for each alias, so those are counted instead
        LoadSettings settings = LoadSettings.builder().setLabel(problems.file()).setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(Integer.MAX_VALUE).setCodePointLimit(codePointLimit).build();
        try {
            Optional<Mark> bomb = aliasPastBudget(text, settings, maxAliasedNodes);
            if (bomb.isPresent()) {
                problems.at(bomb.get(), language + ": aliases stand for more than " + maxAliasedNodes
                        + " nodes in all (a bound against alias bombs)");
                return Optional.empty();
            }
            return new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            problems.at(e.getProblemMark().orElse(null), language + " syntax: " + e.getProblem());
        } catch (YamlEngineException e) {
            problems.at((Mark) null, language + ": " + e.getMessage());
        } catch (StackOverflowError e) {
            problems.at((Mark) null, language + " nested too deeply to read");
        }
        return Optional.empty();
    }

    /**
     * The alias at which the nodes all aliases stand for pass {@code budget}, read as events (which expand nothing):
     * each anchored node's size is known when it ends, and an alias adds that size.
     */
    private static Optional<Mark> aliasPastBudget(String text, LoadSettings settings, int budget) {
        Map<String, Long> anchoredSizes = new HashMap<>();
        Deque<long[]> open = new ArrayDeque<>();
        Deque<String> openAnchors = new ArrayDeque<>();
        long aliased = 0;
        for (Event event : new Parse(settings).parseString(text)) {
            long size;
            if (event instanceof CollectionStartEvent start) {
                open.push(new long[] {1});
                openAnchors.push(start.getAnchor().map(Anchor::getValue).orElse(""));
                continue;
            } else if (event instanceof CollectionEndEvent) {
                size = open.pop()[0];
                String anchor = openAnchors.pop();
                if (!anchor.isEmpty()) {
                    anchoredSizes.put(anchor, size);
                }
            } else if (event instanceof ScalarEvent scalar) {
                size = 1;
                scalar.getAnchor().ifPresent(anchor -> anchoredSizes.put(anchor.getValue(), 1L));
            } else if (event instanceof AliasEvent alias) {
                // an alias of an unknown anchor is the composer's error to report
                size = anchoredSizes.getOrDefault(alias.getAlias().getValue(), 1L);
                aliased += size;
                if (aliased > budget) {
                    return alias.getStartMark();
                }
            } else {
                continue;
            }
            if (!open.isEmpty()) {
                open.peek()[0] += size;
            }
        }
        return Optional.empty();
    }
}
