package io.sluice.cli;

/**
 * The sub-command a command line names: its first word that is not an option, since the root's own
 * options ({@code --verbose}, {@code -h}, {@code -V}) may come before it. Used by the parser and by the
 * launcher, which decides from it, before any parsing, whether the command gets the tuned JVM and the
 * warm-up.
 */
public final class CommandWord {
    private CommandWord() {}

    /** The sub-command's word, or "" when there is none. */
    public static String of(String... args) {
        int i = index(args);
        return i < args.length ? args[i] : "";
    }

    /** The position of the sub-command's word, or {@code args.length} when there is none. */
    static int index(String... args) {
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            i++;
        }
        return i;
    }
}
