package io.sluice.cli;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.connect.Dsn;
import io.sluice.core.error.SluiceException;
import io.sluice.core.export.ExportRequest;
import io.sluice.core.export.TableOutcome;
import io.sluice.core.job.Job;
import io.sluice.core.job.JobFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a saved job again (export --save-job, or Save job… in the window).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  sluice run shop.json",
            "  sluice run shop.json --dsn mysql://me@staging/shop"})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    SluiceCli root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JOB", description = "The job file.")
    Path jobFile;

    @Mixin
    PasswordOptions password;

    @Option(names = "--dsn", paramLabel = "DSN", description = "Run against this server instead of the job's (same tables).")
    String dsn;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Dsn otherServer = null;
        if (dsn != null) {
            try {
                otherServer = Dsn.parse(dsn);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage()); // the command line's, not the job file's
            }
        }
        Job job = JobFiles.read(jobFile);
        ConnectionSpec cs;
        List<ExportRequest> requests;
        try {
            ConnectionSpec.Builder b = job.connection().toSpec();
            if (otherServer != null) {
                b.dsn(otherServer);
            }
            cs = b.password(ConnectionOptions.password(spec, password, dsn)).build();
            requests = job.requests();
        } catch (IllegalArgumentException e) {
            throw new SluiceException("The job file " + jobFile.getFileName() + ": " + e.getMessage(), e);
        }
        List<TableOutcome> outcomes = ExportCommand.runAll(root, spec, cs, requests, output.showProgress(),
                done -> BatchReport.print(spec.commandLine().getOut(), done, output.json));
        return BatchReport.exitCode(outcomes);
    }
}
