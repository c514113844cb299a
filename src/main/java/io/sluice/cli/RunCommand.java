package io.sluice.cli;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.error.SluiceException;
import io.sluice.core.export.ExportRequest;
import io.sluice.core.export.TableOutcome;
import io.sluice.core.job.Job;
import io.sluice.core.job.JobFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a saved job again (export --save-job, or Save job… in the window).")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    SluiceCli root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JOB", description = "The job file.")
    Path jobFile;

    @Option(names = {"-p", "--password"}, description = "Ask for the password (no echo).")
    boolean prompt;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--dsn", paramLabel = "DSN", description = "Run against this server instead of the job's (same tables).")
    String dsn;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Option(names = "--progress", negatable = true, description = "Show a progress line on stderr (default: when stderr is a terminal).")
    Boolean progress;

    @Override
    public Integer call() {
        Job job = JobFiles.read(jobFile);
        ConnectionSpec cs;
        List<ExportRequest> requests;
        try {
            ConnectionSpec.Builder b = job.connection().toSpec();
            if (dsn != null) {
                b.dsn(io.sluice.core.connect.Dsn.parse(dsn));
            }
            cs = b.password(ConnectionOptions.password(spec, prompt, passwordStdin, dsn)).build();
            requests = job.requests();
        } catch (IllegalArgumentException e) {
            throw new SluiceException("The job file " + jobFile.getFileName() + ": " + e.getMessage(), e);
        }
        boolean showProgress = progress != null ? progress : System.console() != null;
        List<TableOutcome> outcomes = ExportCommand.runAll(root, spec, cs, requests, showProgress);
        BatchReport.print(spec.commandLine().getOut(), outcomes, json);
        return BatchReport.exitCode(outcomes);
    }
}
