package dev.consentgate.config;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects every problem of one ruleset file so that `check` can report them all at once. */
final class Problems {

    private final String file;
    /** Each once: a node shared through YAML aliases is read (and found wrong) for every rule that names it. */
    private final Set<ConfigProblem> found = new LinkedHashSet<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void at(Node node, String message) {
        at(node.getStartMark().orElse(null), message);
    }

    void at(Mark mark, String message) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        found.add(new ConfigProblem(file, line, column, message));
    }

    /** "FILE:LINE:COLUMN" of a node, kept in records so later messages can point back to the rule. */
    String origin(Node node) {
        Mark mark = node.getStartMark().orElse(null);
        return mark == null ? file : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    /** Takes over the problems found in another file (a list the ruleset imports), under that file's name. */
    void addAll(Problems other) {
        found.addAll(other.found);
    }

    boolean any() {
        return !found.isEmpty();
    }

    /** In file order, as an editor would walk them, the ruleset's first and then those of the lists it imports. */
    List<ConfigProblem> list() {
        return found.stream().sorted(Comparator.comparing((ConfigProblem p) -> !p.file().equals(file))
                .thenComparing(ConfigProblem::file).thenComparingInt(ConfigProblem::line)
                .thenComparingInt(ConfigProblem::column)).toList();
    }
}
