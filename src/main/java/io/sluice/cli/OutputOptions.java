package io.sluice.cli;

import picocli.CommandLine.Option;

/** How an export reports: a progress line on a terminal, and the summary as text or JSON. */
final class OutputOptions {
    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Option(names = "--progress", negatable = true, description = "Show a progress line on stderr (default: when stderr is a terminal).")
    Boolean progress;

    boolean showProgress() {
        return progress != null ? progress : System.console() != null;
    }
}
