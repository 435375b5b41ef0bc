package org.mercato.scenarios.cli;

import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mercato validate FILE [--set KEY=VALUE]...}: checks a scenario without running it. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = MercatoCli.Version.class,
        description = "Check a scenario file (schema, values, policies and their parameters) without running it.")
final class ValidateCommand extends CliCommand {
    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Override
    int execute() {
        Scenario loaded = scenario.load(PolicyRegistry.withPlugins());
        out().printf(
                        "ok: %s, %d customers, %d services%n",
                        loaded.name(), ScenarioOptions.customers(loaded), ScenarioOptions.services(loaded));
        out().flush();
        return OK;
    }
}
