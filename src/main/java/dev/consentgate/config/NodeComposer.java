package dev.consentgate.config;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
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
     * @param language       "YAML" or "JSON", for the messages
     * @param maxAliases     aliases allowed for collections (a bound against alias bombs)
     * @param codePointLimit the longest text read
     * @return the document's root; empty for an empty document or when a problem was reported
     */
    static Optional<Node> compose(String text, Problems problems, String language, int maxAliases,
                                  int codePointLimit) {
        LoadSettings settings = LoadSettings.builder().setLabel(problems.file()).setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(maxAliases).setCodePointLimit(codePointLimit).build();
        try {
            return new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            problems.at(e.getProblemMark().orElse(null), language + " syntax: " + e.getProblem());
        } catch (YamlEngineException e) {
            Mark alias = e.getMessage() != null && e.getMessage().contains("aliases")
                    ? aliasPastLimit(text, settings, maxAliases) : null;
            problems.at(alias, language + ": " + e.getMessage());
        } catch (StackOverflowError e) {
            problems.at((Mark) null, language + " nested too deeply to read");
        }
        return Optional.empty();
    }

    /**
     * Where the first alias of a collection past the limit is: the composer refuses the document without saying. Read
     * again as events, which expand nothing.
     */
    private static Mark aliasPastLimit(String text, LoadSettings settings, int maxAliases) {
        Set<String> collectionAnchors = new HashSet<>();
        int aliases = 0;
        try {
            for (Event event : new Parse(settings).parseString(text)) {
                if (event instanceof CollectionStartEvent start) {
                    start.getAnchor().ifPresent(anchor -> collectionAnchors.add(anchor.getValue()));
                } else if (event instanceof AliasEvent alias && collectionAnchors.contains(alias.getAlias().getValue())
                        && ++aliases > maxAliases) {
                    return alias.getStartMark().orElse(null);
                }
            }
        } catch (YamlEngineException e) {
            return null;
        }
        return null;
    }
}
