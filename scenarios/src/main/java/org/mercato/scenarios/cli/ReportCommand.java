package org.mercato.scenarios.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.mercato.scenarios.run.RunReport;
import org.mercato.scenarios.run.RunSummary;
import org.mercato.scenarios.run.RunWriteException;
import org.mercato.sim.events.EventReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code mercato report RUN-FOLDER}: recomputes {@code summary.json}, {@code report.html} and the
 * tables the run's output settings ask for ({@code results.duckdb}, {@code csv/}, {@code parquet/})
 * from the folder's event log.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = MercatoCli.Version.class,
        description = {
            "Recompute a run's market metrics from its events.jsonl with the folds of a live run and rewrite"
                    + " its summary.json, report.html and, as the output settings in its scenario.resolved.yaml ask,"
                    + " results.duckdb, csv/ and parquet/.",
            "Kernel statistics, search cache, times and warnings are carried over from the existing summary.json.",
            "An empty or inconsistent log (an event before its proposal, time going back, an id logged twice) is"
                    + " refused with its file and line, and both files are left as they were."
        })
final class ReportCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "RUN-FOLDER", description = "a folder written by 'mercato run'")
    Path folder;

    @Override
    int execute() throws IOException {
        if (!Files.isDirectory(folder)) {
            return error(BAD_INPUT, folder + ": no such run folder");
        }
        Path events = folder.resolve("events.jsonl");
        if (!Files.isRegularFile(events)) {
            return error(BAD_INPUT, events + ": no such file");
        }
        RunReport.Rewritten rewritten;
        try {
            rewritten = RunReport.rewrite(folder);
        } catch (EventReader.EventLogException e) {
            return error(BAD_INPUT, e.getMessage() + " (summary.json left as it was)");
        } catch (RunReport.BadSummaryException e) {
            return error(BAD_INPUT, e.getMessage());
        } catch (RunWriteException e) {
            return error(FAILED, e.getMessage());
        }
        RunSummary summary = rewritten.summary();
        out().printf(
                        "%s: %d events, %d of %d customers served, welfare %s; wrote %s%n",
                        summary.scenario(),
                        summary.market().events(),
                        summary.market().customersServed(),
                        summary.market().customers(),
                        summary.market().welfare().total().toPlainString(),
                        rewritten.written().stream()
                                        .map(p -> p.getFileName().toString())
                                        .collect(Collectors.joining(", "))
                                + " in " + folder);
        out().flush();
        return OK;
    }
}
