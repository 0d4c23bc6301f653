package dev.consentgate.config;

import java.util.List;
import java.util.stream.Collectors;

/** A ruleset that cannot be used, with every problem found (not only the first). */
public final class RulesetException extends Exception {

    private final transient List<ConfigProblem> problems;

    public RulesetException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
