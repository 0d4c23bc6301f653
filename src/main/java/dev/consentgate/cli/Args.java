package dev.consentgate.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Command-line words: the command, --options with a value, and --flags. Unknown options are usage errors. */
final class Args {

    private final String command;
    private final Map<String, String> options = new HashMap<>();
    private final List<String> flags = new ArrayList<>();

    private Args(String command) {
        this.command = command;
    }

    static Args parse(String[] argv, Set<String> commands, Set<String> valued, Set<String> flagNames) {
        int i = 0;
        String command = "run";
        if (argv.length > 0 && commands.contains(argv[0])) {
            command = argv[0];
            i = 1;
        }
        Args args = new Args(command);
        for (; i < argv.length; i++) {
            String word = argv[i];
            String name = word;
            String inline = null;
            int eq = word.indexOf('=');
            if (word.startsWith("--") && eq > 0) {
                name = word.substring(0, eq);
                inline = word.substring(eq + 1);
            }
            if (valued.contains(name)) {
                if (inline == null && i + 1 >= argv.length) {
                    throw new UsageException(name + " needs a value");
                }
                args.options.put(name, inline != null ? inline : argv[++i]);
            } else if (flagNames.contains(name) && inline == null) {
                args.flags.add(name);
            } else {
                throw new UsageException("unknown option '" + word + "' (see --help)");
            }
        }
        return args;
    }

    String command() {
        return command;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** A mistake in how the command was called: printed as one line, exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
