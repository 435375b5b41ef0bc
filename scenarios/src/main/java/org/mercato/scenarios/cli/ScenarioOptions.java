package org.mercato.scenarios.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.BundledScenarios;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.GeneratorConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.CatalogFactory;
import org.mercato.scenarios.validate.ScenarioValidator;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario file and its {@code --set} overrides, shared by {@code run} and {@code validate}. */
final class ScenarioOptions {
    /** The help of {@code --set}, which {@code run}, {@code validate} and {@code sweep} share. */
    static final String SET_HELP = "Override a key of the scenario (repeatable; later ones win). KEY is a dotted path,"
            + " list entries by index: agents.assistants[0].params.inquiries"
            + " (agents.assistants.0.params.inquiries works too). VALUE is read as YAML:"
            + " 5, true, 20ms, {min: 20ms, max: 2s}.";

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "The scenario file (YAML), or the name of a bundled scenario (see 'mercato list').")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = SET_HELP)
    List<String> overrides = new ArrayList<>();

    /** Loads, overrides and validates against the built-in policies. */
    Scenario load(PolicyRegistry registry) {
        return ScenarioValidator.validated(read(), registry);
    }

    /**
     * Loads and overrides without validating: cheap (validating wires the market, 8 s for a million
     * customers), for decisions taken before it; {@link ScenarioValidator#validated} finishes it.
     */
    ScenarioLoader.Loaded read() {
        return ScenarioLoader.read(BundledScenarios.resolveArgument(file), overrides);
    }

    static int customers(Scenario scenario) {
        GeneratorConfig g = scenario.market().generate();
        if (scenario.market().magentic() != null) {
            return CatalogFactory.catalog(scenario).customers().size();
        }
        return g != null ? g.customers() : scenario.market().customers().size();
    }

    static int services(Scenario scenario) {
        GeneratorConfig g = scenario.market().generate();
        if (scenario.market().magentic() != null) {
            return CatalogFactory.catalog(scenario).services().size();
        }
        return g != null ? g.services() : scenario.market().services().size();
    }
}
