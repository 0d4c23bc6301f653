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

    /** Collections nested in each other that a text may have (a ruleset has five or six). */
    static final int MAX_DEPTH = 1000;

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
            if (refusedAsEvents(text, settings, maxAliasedNodes, language, problems)) {
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
     * Reads the text as events, which expand nothing, and refuses it where it nests deeper than {@link #MAX_DEPTH}
     * (no configuration does; the composer would run out of stack, and the parser takes seconds over such a text) or
     * where the nodes all aliases stand for pass {@code budget}: each anchored node's size is known when it ends,
     * and an alias adds that size.
     *
     * @return whether a problem was reported
     */
    private static boolean refusedAsEvents(String text, LoadSettings settings, int budget, String language,
                                           Problems problems) {
        Map<String, Long> anchoredSizes = new HashMap<>();
        Deque<OpenCollection> open = new ArrayDeque<>();
        long aliased = 0;
        for (Event event : new Parse(settings).parseString(text)) {
            long size;
            if (event instanceof CollectionStartEvent start) {
                if (open.size() == MAX_DEPTH) {
                    problems.at(start.getStartMark().orElse(null), language + " nested deeper than " + MAX_DEPTH
                            + " levels");
                    return true;
                }
                open.push(new OpenCollection(start.getAnchor().map(Anchor::getValue)));
                continue;
            } else if (event instanceof CollectionEndEvent) {
                OpenCollection ended = open.pop();
                size = ended.size;
                ended.anchor.ifPresent(anchor -> anchoredSizes.put(anchor, ended.size));
            } else if (event instanceof ScalarEvent scalar) {
                size = 1;
                scalar.getAnchor().ifPresent(anchor -> anchoredSizes.put(anchor.getValue(), 1L));
            } else if (event instanceof AliasEvent alias) {
                // an alias of an unknown anchor is the composer's error to report
                size = anchoredSizes.getOrDefault(alias.getAlias().getValue(), 1L);
                aliased += size;
                if (aliased > budget) {
                    problems.at(alias.getStartMark().orElse(null), language + ": aliases stand for more than "
                            + budget + " nodes in all (a bound against alias bombs)");
                    return true;
                }
            } else {
                continue;
            }
            if (!open.isEmpty()) {
                open.peek().size += size;
            }
        }
        return false;
    }

    /** A collection whose end is not read yet: its anchor, and the nodes read in it so far, itself included. */
    private static final class OpenCollection {
        final Optional<String> anchor;
        long size = 1;

        OpenCollection(Optional<String> anchor) {
            this.anchor = anchor;
        }
    }
}
