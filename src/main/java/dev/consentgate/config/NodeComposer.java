package dev.consentgate.config;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
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
            problems.at((Mark) null, language + ": " + e.getMessage());
        } catch (StackOverflowError e) {
            problems.at((Mark) null, language + " nested too deeply to read");
        }
        return Optional.empty();
    }
}
