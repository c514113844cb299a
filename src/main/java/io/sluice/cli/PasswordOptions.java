package io.sluice.cli;

import picocli.CommandLine.Option;

/** How the password is given, shared by every command that connects: there is deliberately no --password VALUE. */
final class PasswordOptions {
    @Option(names = {"-p", "--password"}, description = "Ask for the password (no echo).")
    boolean prompt;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;
}
