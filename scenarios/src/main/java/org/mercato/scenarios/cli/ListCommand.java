package org.mercato.scenarios.cli;

import java.util.List;
import org.mercato.scenarios.load.BundledScenarios;
import picocli.CommandLine.Command;

/** {@code mercato list}: the bundled scenarios and studies, one line each, by name. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = MercatoCli.Version.class,
        description = {
            "List the bundled scenarios (the studies among them), one line each.",
            "Run one by name: mercato run <name> [--set KEY=VALUE]..."
        })
final class ListCommand extends CliCommand {
    @Override
    int execute() {
        List<BundledScenarios.Entry> entries = BundledScenarios.list();
        int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        for (BundledScenarios.Entry entry : entries) {
            out().printf("%-" + width + "s  %s%n", entry.name(), entry.description());
        }
        out().flush();
        return OK;
    }
}
