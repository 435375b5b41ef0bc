package org.mercato.scenarios.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mercato.metrics.estimation.ConditionalLogit;
import org.mercato.metrics.estimation.LogitFit;
import org.mercato.metrics.estimation.LongFormatChoices;
import org.mercato.scenarios.run.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mercato fit clogit}: a conditional logit on choice data from elsewhere. */
@Command(
        name = "fit",
        mixinStandardHelpOptions = true,
        versionProvider = MercatoCli.Version.class,
        description = "Fit a choice model to data from a CSV file.",
        subcommands = {FitCommand.Clogit.class, FitChoicesCommand.class})
final class FitCommand {
    @Command(
            name = "clogit",
            mixinStandardHelpOptions = true,
            description = {
                "Fit McFadden's conditional logit by Newton-Raphson to long-format choice data (one row per"
                        + " alternative), print the coefficient table and write it as JSON.",
                "Standard errors are from the inverse information matrix, or cluster-robust (sandwich, no"
                        + " small-sample factor) with --cluster."
            })
    static final class Clogit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CHOICES.csv", description = "long-format CSV with a header")
        Path csv;

        @Option(names = "--set", required = true, description = "column naming the choice set")
        String set;

        @Option(names = "--chosen", required = true, description = "0/1 column marking the chosen alternative")
        String chosen;

        @Option(names = "--cluster", description = "column for cluster-robust standard errors (e.g. customer)")
        String cluster;

        @Option(
                names = "--covariates",
                split = ",",
                description = "covariate columns (default: every other column but --ignore)")
        List<String> covariates;

        @Option(names = "--ignore", split = ",", description = "columns that are not covariates (e.g. alt)")
        List<String> ignored = List.of();

        @Option(names = "--json", description = "where to write the fit (default: <CSV name>.clogit.json here)")
        Path json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(csv)) {
                err.println("error: " + csv + ": no such file");
                return 2;
            }
            Path target = json != null
                    ? json
                    : Path.of(csv.getFileName().toString().replaceAll("\\.csv$", "") + ".clogit.json");
            String unwritable = unwritable(target);
            if (unwritable != null) {
                err.println("error: cannot write " + target + ": " + unwritable);
                return 2;
            }
            LogitFit fit;
            try {
                var data = LongFormatChoices.read(csv, set, chosen, cluster, covariates, ignored);
                fit = new ConditionalLogit().fit(data.covariates(), data.sets(), cluster != null);
            } catch (IllegalArgumentException | ArithmeticException e) {
                err.println("error: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                err.println("error: " + csv + ": " + e.getMessage());
                return 2;
            }
            print(out, fit);
            try {
                AtomicFiles.writeString(
                        target,
                        new ObjectMapper()
                                        .enable(SerializationFeature.INDENT_OUTPUT)
                                        .writeValueAsString(fit) + "\n");
            } catch (IOException e) {
                err.println("error: cannot write " + target + ": " + e.getMessage());
                return 1;
            }
            out.println("written to " + target);
            return fit.converged() ? 0 : 1;
        }

        /** Why the fit could not be written to {@code target}, checked before fitting; null if it can. */
        private static String unwritable(Path target) {
            if (Files.isDirectory(target)) {
                return "it is a folder";
            }
            Path folder = target.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                return "no such folder " + folder;
            }
            if (!Files.isWritable(folder)) {
                return "the folder is not writable";
            }
            if (Files.exists(target) && !Files.isWritable(target)) {
                return "the file is not writable";
            }
            return null;
        }

        private static void print(PrintWriter out, LogitFit fit) {
            out.printf(
                    Locale.ROOT,
                    "conditional logit: %d choice sets, %d alternatives%s%n",
                    fit.choiceSets(),
                    fit.alternatives(),
                    fit.clusters() == null ? "" : ", " + fit.clusters() + " clusters (robust standard errors)");
            out.printf(Locale.ROOT, "%n  %-20s %12s %12s %10s %10s%n", "covariate", "coef", "se", "z", "p");
            for (LogitFit.Coefficient c : fit.covariates()) {
                if (c.se() == null || c.z() == null || c.p() == null) {
                    out.printf(
                            Locale.ROOT,
                            "  %-20s %12s %12s %10s %10s%n",
                            c.name(),
                            c.coef() == null ? "NA" : String.format(Locale.ROOT, "%.6f", c.coef()),
                            "NA",
                            "NA",
                            "NA");
                } else {
                    out.printf(
                            Locale.ROOT,
                            "  %-20s %12.6f %12.6f %10.3f %10.4g%n",
                            c.name(),
                            c.coef(),
                            c.se(),
                            c.z(),
                            c.p());
                }
            }
            if (fit.converged()) {
                out.printf(
                        Locale.ROOT,
                        "%n  log-likelihood %.4f (null %.4f), pseudo-R2 %.4f, converged after %d iterations%n",
                        fit.logLikelihood(),
                        fit.logLikelihoodNull(),
                        fit.pseudoR2(),
                        fit.iterations());
            } else {
                out.printf(
                        Locale.ROOT,
                        "%n  log-likelihood %s (null %.4f), pseudo-R2 %s, NOT converged (%s) after %d iterations%n",
                        fit.logLikelihood() == null ? "NA" : String.format(Locale.ROOT, "%.4f", fit.logLikelihood()),
                        fit.logLikelihoodNull(),
                        fit.pseudoR2() == null ? "NA" : String.format(Locale.ROOT, "%.4f", fit.pseudoR2()),
                        fit.status().label(),
                        fit.iterations());
                out.println("  " + fit.reason());
                if (fit.covariates().stream().allMatch(c -> c.se() == null)) {
                    out.println("  no standard errors or p-values: the estimates are not valid");
                }
            }
        }
    }
}
