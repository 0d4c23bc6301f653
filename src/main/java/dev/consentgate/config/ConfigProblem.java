package dev.consentgate.config;

/** One thing wrong with a ruleset, located so an editor can jump to it. Line and column are 1-based. */
public record ConfigProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
