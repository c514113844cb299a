package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.Cli;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The parser is built for the sub-command a command line names, and for all of them otherwise. */
class SluiceCliTest {
    private static List<String> subcommands(String... args) {
        return List.copyOf(SluiceCli.commandLine(new SluiceCli(), args).getSubcommands().keySet());
    }

    @Test
    void onlyTheNamedSubCommandIsBuilt() {
        assertEquals(List.of("export"), subcommands("export", "--dsn", "mysql://u@h/db", "--table", "t"));
        assertEquals(List.of("run"), subcommands("--verbose", "run", "job.json"));
    }

    @Test
    void theHelpAndAMisspeltCommandGetThemAll() {
        List<String> all = List.of("probe", "preview", "export", "run", "demo", "help");
        assertEquals(all, subcommands());
        assertEquals(all, subcommands("--help"));
        assertEquals(all, subcommands("exprot", "--dsn", "x"));
        assertEquals(all, subcommands("help", "export"));
        assertEquals(all, subcommands("--help", "export"));
        assertEquals(List.of("export"), subcommands("export", "--help"));
        Cli.Run help = Cli.run("", "--help");
        assertEquals(0, help.code());
        for (String command : all) {
            assertTrue(help.out().contains("  " + command + " "), help.out());
        }
    }

    @Test
    void helpNamesACommandsOptionsWithoutAskingForThem() {
        Cli.Run help = Cli.run("", "help", "export");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("Usage: sluice export "), help.out());
        assertTrue(help.out().contains("--dsn=DSN"), help.out());
    }

    @Test
    void theSharedOptionsSpeakOfTheirOwnCommand() {
        Cli.Run preview = Cli.run("", "preview", "--help");
        assertTrue(preview.out().contains("A SELECT to preview instead of a table"), preview.out());
        Cli.Run export = Cli.run("", "export", "--help");
        assertTrue(export.out().contains("A SELECT to export instead of a table"), export.out());
    }

    /** Every example a command's help shows parses as that command, so the examples cannot rot. */
    @Test
    void everyHelpExampleIsACommandLineThatParses() {
        int examples = 0;
        for (String command : List.of("probe", "preview", "export", "run")) {
            String[] footer = SluiceCli.commandLine(new SluiceCli(), command).getSubcommands().get(command)
                    .getCommandSpec().usageMessage().footer();
            String joined = String.join("\n", footer).replace("\\\n", " ");
            for (String line : joined.split("\n")) {
                if (!line.startsWith("  sluice ")) {
                    continue;
                }
                String[] args = shellWords(line.strip().substring("sluice ".length()));
                CommandLine.ParseResult parsed = SluiceCli.commandLine(new SluiceCli(), args).parseArgs(args);
                assertEquals(command, parsed.subcommand().commandSpec().name(), line);
                examples++;
            }
        }
        assertEquals(11, examples);
        for (String command : List.of("probe", "preview", "export", "run")) {
            Cli.Run help = Cli.run("", command, "--help");
            String examplesOnward = help.out().substring(help.out().indexOf("Examples:"));
            for (String line : examplesOnward.split("\n")) {
                assertTrue(line.length() <= 80, "wrapped by picocli: " + line);
            }
        }
    }

    /** Words as a POSIX shell splits them, for the examples' quoting: spaces, and '…' around a word. */
    private static String[] shellWords(String line) {
        List<String> words = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }

    @Test
    void theLauncherFindsTheCommandAfterTheRootsOptions() {
        assertEquals("export", CommandWord.of("--verbose", "export", "--dsn", "x"));
        assertEquals("", CommandWord.of("--verbose"));
        assertEquals("", CommandWord.of());
    }

    @Test
    void anInheritedOptionStillReachesTheSubCommand() {
        // --verbose is the root's, inherited: after the sub-command it parses, and a failure then has its trace
        Cli.Run r = Cli.run("", "run", "--verbose", "no-such-job.json");
        assertEquals(SluiceCli.EXIT_FAILURE, r.code(), r.err());
        assertTrue(r.err().contains("\tat "), r.err());
    }
}
