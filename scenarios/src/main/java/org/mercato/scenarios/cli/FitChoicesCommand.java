package org.mercato.scenarios.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mercato.metrics.bias.ChoiceLogitFold;
import org.mercato.metrics.bias.LogitSpec;
import org.mercato.metrics.estimation.LongFormatChoices;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.run.AtomicFiles;
import org.mercato.sim.events.EventReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mercato fit choices RUN-FOLDER}: a run's choice sets, as its {@code choiceLogit} block
 * builds them, in the long format {@code mercato fit clogit} reads.
 */
@Command(
        name = "choices",
        mixinStandardHelpOptions = true,
        versionProvider = MercatoCli.Version.class,
        description = {
            "Write a run's choice sets, as its summary's choiceLogit block builds them from events.jsonl (with the"
                    + " covariates of its scenario's output.logit), as long-format CSV: set, customer, chosen, then"
                    + " one column per covariate the fit keeps; one row per alternative shown.",
            "Fit it with: mercato fit clogit FILE --set set --chosen chosen --cluster customer"
        })
final class FitChoicesCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "RUN-FOLDER", description = "a folder written by 'mercato run'")
    Path folder;

    @Option(names = "--out", paramLabel = "FILE", description = "the CSV (default: RUN-FOLDER/choices.csv)")
    Path target;

    @Override
    int execute() throws IOException {
        Path events = folder.resolve("events.jsonl");
        if (!Files.isRegularFile(events)) {
            return error(BAD_INPUT, events + ": no such file (not a run folder?)");
        }
        Path resolved = folder.resolve("scenario.resolved.yaml");
        LogitSpec spec = Files.isRegularFile(resolved)
                ? ScenarioLoader.load(resolved).output().logit().spec()
                : LogitSpec.DEFAULT;
        ChoiceLogitFold fold = new ChoiceLogitFold(spec);
        try {
            EventReader.read(events, fold);
        } catch (EventReader.EventLogException e) {
            return error(BAD_INPUT, e.getMessage());
        }
        LongFormatChoices.Data data = fold.choiceData();
        if (data == null) {
            return error(
                    FAILED,
                    events + ": nothing to fit: " + fold.result().reason()
                            + " (see the choiceLogit block of summary.json)");
        }
        Path csv = target != null ? target : folder.resolve("choices.csv");
        AtomicFiles.writeString(csv, LongFormatChoices.csv(data));
        long rows = data.sets().stream().mapToLong(set -> set.alternatives()).sum();
        out().printf(
                        "%d choice sets, %d alternatives, covariates %s; wrote %s%n",
                        data.sets().size(), rows, String.join(",", data.covariates()), csv);
        out().flush();
        return OK;
    }
}
