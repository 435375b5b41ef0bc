package org.mercato.scenarios.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.sweep.SweepResults;
import org.mercato.scenarios.sweep.SweepStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mercato sweep merge FILES... [--out DIR]}: combines shard databases into one sweep. */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        versionProvider = MercatoCli.Version.class,
        description = {
            "Combine sweep databases (the shards of 'mercato sweep --shard I/N') into <DIR>/sweep.duckdb.",
            "Then write the report and the CSV and Parquet exports. A cell in several files is taken once"
                    + " (an ok result over a failed one)."
        })
final class SweepMergeCommand extends CliCommand {
    @Parameters(arity = "1..*", paramLabel = "FILES", description = "The .duckdb files to combine.")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where the merged sweep goes (default: the first file's folder).")
    Path out;

    @Override
    int execute() throws Exception {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new ScenarioException(f.toString(), "no such file");
            }
            SweepStore.checkMergeable(f);
        }
        Path folder = out != null ? out : files.get(0).toAbsolutePath().getParent();
        Path database = folder.resolve("sweep.duckdb");
        int taken = 0;
        SweepResults.Written written;
        long cells;
        try (SweepStore store = SweepStore.open(database)) {
            for (Path f : files) {
                if (!Files.isSameFile(f, database)) {
                    taken += store.mergeFrom(f);
                }
            }
            written = SweepResults.write(store, folder, null);
            cells = store.cells().size();
        }
        out().printf("Merged %d files: %d cells taken, %d in the sweep%n", files.size(), taken, cells);
        out().print(written.headlines().text());
        out().print(String.format("  %-11s %s%n", "database", database));
        out().print(String.format("  %-11s %s%n", "report", written.report()));
        out().print(String.format("  %-11s %s%n", "export", folder.resolve("export") + " (CSV and Parquet)"));
        out().flush();
        return OK;
    }
}
