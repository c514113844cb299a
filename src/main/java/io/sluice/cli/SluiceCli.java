package io.sluice.cli;

import io.sluice.core.error.CancelledException;
import io.sluice.core.export.Version;
import io.sluice.core.service.ErrorMessages;
import io.sluice.core.service.SluiceService;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The headless face of Sluice. Exit codes: 0 success, 1 failure (one plain sentence on stderr),
 * 2 bad usage, 130 cancelled.
 */
@Command(name = "sluice", mixinStandardHelpOptions = true, versionProvider = SluiceCli.VersionProvider.class,
        description = "Stream MySQL/MariaDB tables into exact Parquet files.")
public final class SluiceCli {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_CANCELLED = 130;

    /**
     * The sub-commands, in the order the help lists them. Only the one a command line names gets its
     * model built (picocli reads every option's annotations by reflection); the help, {@code help
     * COMMAND} and a misspelt command get them all. With {@link #quickerPicocli} this took the time
     * from picocli's first class to the engine from 0.18–0.28 s to 0.03–0.10 s on a cold JVM
     * (docs/benchmarks.md, twelfth pass).
     */
    private static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("probe", ProbeCommand.class);
        COMMANDS.put("preview", PreviewCommand.class);
        COMMANDS.put("export", ExportCommand.class);
        COMMANDS.put("run", RunCommand.class);
        COMMANDS.put("demo", DemoCommand.class);
    }

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Add the stack trace to errors.")
    boolean verbose;

    private SluiceService service;

    /** The engine, shared by the sub-commands of this run. */
    SluiceService service() {
        return service;
    }

    /** Asked for only when needed: the warm-up sets logging up on its own thread while this one parses. */
    private static Logger log() {
        return LoggerFactory.getLogger(SluiceCli.class);
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        SluiceCli root = new SluiceCli();
        CommandLine cli = commandLine(root, args);
        cli.setOut(out);
        cli.setErr(err);
        if (passesAPasswordValue(args)) {
            // said before parsing, so no parser message can echo the value
            err.println("-p and --password take no value (it would show in ps and the shell history): use -p alone to be"
                    + " asked, --password-stdin, or the SLUICE_PASSWORD environment variable.");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        cli.setParameterExceptionHandler((e, a) -> {
            // one sentence and where to look, not the whole usage text
            CommandLine c = e.getCommandLine();
            String said = e.getMessage().strip();
            if (e instanceof CommandLine.UnmatchedArgumentException u) {
                // name what looks like an option; anything else could be a secret typed in the wrong place
                List<String> options = u.getUnmatched().stream().filter(w -> w.matches("--?[a-zA-Z][a-zA-Z0-9-]*")).toList();
                boolean command = c.getCommandSpec().parent() == null && u.getUnmatched().size() >= 1
                        && u.getUnmatched().get(0).matches("[a-z][a-z-]*");
                said = command ? "Unknown command '" + u.getUnmatched().get(0) + "'."
                        : !options.isEmpty() ? "Unknown option " + String.join(", ", options) + "."
                        : "'" + c.getCommandSpec().qualifiedName() + "' does not take one of the words given (not shown: it could be a secret).";
                if (!u.getSuggestions().isEmpty()) {
                    said += " Did you mean " + String.join(" or ", nearestFirst(u.getUnmatched().get(0), u.getSuggestions())) + "?";
                }
            } else {
                // picocli speaks of Java's types (and says so of a number too large for one)
                said = said.replaceAll("is not an? (long|int)$", "is not a whole number, or is too large")
                        .replace("Value for option option ", "Value for option "); // picocli's own slip, for a map option
                said += said.endsWith(".") ? "" : ".";
            }
            c.getErr().println(said + " Run '" + c.getCommandSpec().qualifiedName() + " --help' for the options.");
            c.getErr().flush();
            return CommandLine.ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CancelledException) {
                commandLine.getErr().println(e.getMessage());
                return EXIT_CANCELLED;
            }
            if (e instanceof IllegalArgumentException) {
                commandLine.getErr().println(e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            log().warn("command failed", e);
            commandLine.getErr().println(ErrorMessages.describe(e, null));
            if (((SluiceCli) commandLine.getCommandSpec().root().userObject()).verbose) {
                e.printStackTrace(commandLine.getErr());
            }
            return EXIT_FAILURE;
        });
        SluiceService service = new SluiceService();
        root.service = service;
        try {
            return cli.execute(args);
        } finally {
            try {
                service.close();
            } catch (RuntimeException e) {
                log().warn("closing the engine failed (Arrow memory still held)", e); // the command's outcome stands
            }
        }
    }

    /** The parser for these arguments: the root and the sub-command they name, or all of them. */
    static CommandLine commandLine(SluiceCli root, String... args) {
        quickerPicocli();
        CommandLine cli = new CommandLine(root);
        // the root's own help or version before the command word prints the root's list: all of them
        boolean rootAsked = java.util.Arrays.stream(args, 0, CommandWord.index(args))
                .anyMatch(a -> a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version"));
        Class<?> named = rootAsked ? null : COMMANDS.get(CommandWord.of(args));
        if (named != null) {
            cli.addSubcommand(named);
        } else { // the list, a suggestion for a misspelt word, or 'help COMMAND'
            COMMANDS.values().forEach(cli::addSubcommand);
            cli.addSubcommand(CommandLine.HelpCommand.class);
        }
        return cli;
    }

    /**
     * Two of picocli's own switches, unless the user set them: no look for Groovy's closure class (a
     * failed class lookup through every jar of the class path), and no converters for java.sql and
     * java.time types, which no option here has (each is looked up by reflection): 30–40 ms of a cold
     * start between them.
     */
    private static void quickerPicocli() {
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
        }
    }

    /**
     * picocli's suggestions, the fewest edits from what was typed first (it ranks "exprot" nearer to
     * probe than to export).
     */
    static List<String> nearestFirst(String typed, List<String> suggestions) {
        List<String> sorted = new java.util.ArrayList<>(suggestions);
        sorted.sort(java.util.Comparator.comparingInt(s -> edits(typed, s))); // stable: picocli's order breaks ties
        return sorted;
    }

    /** The edit distance (Levenshtein) between two words. */
    static int edits(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    /** {@code --password=x}, or {@code -p}/{@code --password} followed by something that is not an option. */
    static boolean passesAPasswordValue(String... args) {
        int command = CommandWord.index(args);
        // 'run JOB' takes one word that is not an option: after -p it is the job, not a password
        long words = java.util.Arrays.stream(args).skip(command + 1L).filter(a -> !a.startsWith("-")).count();
        boolean runWithItsJob = command < args.length && args[command].equals("run") && words == 1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--password=") || a.startsWith("--password-stdin=")
                    || (a.startsWith("-p") && a.length() > 2 && !a.startsWith("-p-"))) {
                return true;
            }
            boolean flag = a.equals("-p") || a.equals("--password") || a.equals("--password-stdin");
            if (flag && i + 1 < args.length && !args[i + 1].startsWith("--") && !runWithItsJob) {
                return true;
            }
        }
        return false;
    }

    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sluice " + Version.current()};
        }
    }
}
