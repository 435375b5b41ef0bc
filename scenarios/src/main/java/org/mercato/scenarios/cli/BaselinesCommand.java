package org.mercato.scenarios.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mercato.agents.PolicyRegistry;
import org.mercato.metrics.baselines.MagenticBaselines;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.magentic.MagenticDataset;
import org.mercato.scenarios.magentic.MagenticFormatException;
import org.mercato.scenarios.magentic.MagenticImporter;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.AtomicFiles;
import org.mercato.scenarios.run.CatalogFactory;
import org.mercato.scenarios.validate.ScenarioValidator;
import org.mercato.sim.domain.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mercato baselines FOLDER|FILE [--seed N] [--draws N] [--json FILE]}. */
@Command(
        name = "baselines",
        mixinStandardHelpOptions = true,
        versionProvider = MercatoCli.Version.class,
        description = {
            "Compute Magentic Marketplace's four welfare baselines for a market: optimal, cheapest,"
                    + " random-feasible and random-any.",
            "The market is a Magentic dataset folder (holding businesses/ and customers/) or a scenario file's market."
        })
final class BaselinesCommand extends CliCommand {
    @Parameters(
            index = "0",
            paramLabel = "FOLDER|FILE",
            description = "A Magentic dataset folder, or a scenario file (YAML).")
    Path source;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of the random baselines (default: the scenario's seed; 1 for a folder).")
    Long seed;

    @Option(
            names = "--draws",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Draws of the market sum for the random baselines (default: ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the baselines to FILE as JSON.")
    Path json;

    @Override
    int execute() throws IOException {
        if (draws < 1) {
            throw new ScenarioException("--draws", "must be at least 1, was " + draws);
        }
        if (json != null) {
            Path parent = json.toAbsolutePath().getParent();
            if (Files.isDirectory(json) || parent == null || !Files.isDirectory(parent)) {
                throw new ScenarioException(
                        "--json " + json, Files.isDirectory(json) ? "is a directory" : "its folder does not exist");
            }
        }
        Catalog catalog;
        List<String> warnings;
        long seedUsed;
        if (Files.isDirectory(source)) {
            MagenticDataset dataset = read(source);
            catalog = dataset.catalog();
            warnings = dataset.warnings();
            seedUsed = seed != null ? seed : 1L;
        } else if (!Files.exists(source)) {
            throw new ScenarioException(source.toString(), "no such folder or file");
        } else {
            Scenario scenario = ScenarioValidator.load(source, List.of(), PolicyRegistry.withPlugins());
            catalog = CatalogFactory.catalog(scenario);
            warnings = scenario.market().magentic() != null ? MagenticImporter.unservable(catalog) : List.of();
            seedUsed = seed != null ? seed : scenario.seed();
        }
        MagenticBaselines.Result result = MagenticBaselines.compute(catalog, seedUsed, draws);
        out().print(table(source.toString(), result));
        out().flush();
        for (String warning : warnings) {
            err().println("warning: " + warning);
        }
        err().flush();
        if (json != null) {
            AtomicFiles.writeString(json, json(source.toString(), result, warnings));
        }
        return OK;
    }

    /** Reads a dataset folder; its problems are bad input, reported like a scenario's. */
    private static MagenticDataset read(Path folder) {
        try {
            return MagenticImporter.read(folder);
        } catch (MagenticFormatException e) {
            throw new ScenarioException(e.file(), e.line(), e.column(), e.field(), e.problem());
        }
    }

    static String table(String source, MagenticBaselines.Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Magentic baselines for %s: %s customers, %s businesses, seed %d, %s draws%n%n",
                source,
                Format.count(r.customers()),
                Format.count(r.businesses()),
                r.seed(),
                Format.count(r.draws())));
        out.append(String.format(
                Locale.ROOT,
                "  %-16s %12s   %-26s %12s %12s%n",
                "baseline",
                "welfare",
                "95% CI of median",
                "min",
                "max"));
        out.append(String.format(Locale.ROOT, "  %-16s %12s%n", "optimal", plain(r.optimal())));
        out.append(String.format(Locale.ROOT, "  %-16s %12s%n", "cheapest", plain(r.cheapest())));
        row(out, "random-feasible", r.randomFeasible());
        row(out, "random-any", r.randomAny());
        out.append(System.lineSeparator());
        out.append(String.format(
                Locale.ROOT,
                "  random: median of %s draws of the market sum, percentile bootstrap interval (%s resamples)%n",
                Format.count(r.draws()),
                Format.count(MagenticBaselines.BOOTSTRAP_RESAMPLES)));
        if (r.cheapestTied() > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "  cheapest: %s customer%s with several businesses at the lowest total count the mean over them%n",
                    Format.count(r.cheapestTied()),
                    r.cheapestTied() == 1 ? "" : "s"));
        }
        if (r.unserved() > 0 || r.withoutFeasible() > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "  unserved: %s customer%s no business sells all items to, %s more no such business has the"
                            + " amenities for (they count 0 where they cannot buy)%n",
                    Format.count(r.unserved()),
                    r.unserved() == 1 ? "" : "s",
                    Format.count(r.withoutFeasible())));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, MagenticBaselines.Draws d) {
        out.append(String.format(
                Locale.ROOT,
                "  %-16s %12s   %-26s %12s %12s%n",
                name,
                plain(d.median()),
                "[" + plain(d.ciLower()) + ", " + plain(d.ciUpper()) + "]",
                plain(d.min()),
                plain(d.max())));
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    static String json(String source, MagenticBaselines.Result r, List<String> warnings) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("source", source);
        root.put("customers", r.customers());
        root.put("businesses", r.businesses());
        root.put("seed", r.seed());
        root.put("draws", r.draws());
        root.put("bootstrapResamples", MagenticBaselines.BOOTSTRAP_RESAMPLES);
        root.put("optimal", r.optimal());
        root.put("cheapest", r.cheapest());
        root.put("randomFeasible", draws(r.randomFeasible()));
        root.put("randomAny", draws(r.randomAny()));
        root.put("unserved", r.unserved());
        root.put("withoutFeasible", r.withoutFeasible());
        root.put("cheapestTied", r.cheapestTied());
        root.put("warnings", warnings);
        List<Map<String, Object>> customers = new ArrayList<>();
        for (MagenticBaselines.CustomerBaseline c : r.perCustomer()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", c.id());
            entry.put("carriers", c.carriers());
            entry.put("feasible", c.feasible());
            entry.put("optimal", c.optimal());
            entry.put("cheapest", c.cheapest());
            entry.put("cheapestTied", c.cheapestTied());
            customers.add(entry);
        }
        root.put("perCustomer", customers);
        return new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                        .writeValueAsString(root)
                + "\n";
    }

    private static Map<String, Object> draws(MagenticBaselines.Draws d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("median", d.median());
        out.put("ciLower", d.ciLower());
        out.put("ciUpper", d.ciUpper());
        out.put("min", d.min());
        out.put("max", d.max());
        out.put("mean", d.mean());
        return out;
    }
}
