package org.mercato.scenarios.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.scenarios.validate.ScenarioValidator;
import org.mercato.sim.kernel.KernelListener;

/** Run folders of bundled studies, written by the real runner (as {@code mercato run}) at a small size, for explorer tests. */
public final class StudyRunFolders {
    private StudyRunFolders() {}

    /**
     * Runs the bundled study {@code name} ({@code scenarios/<name>.yaml}) with {@code overrides}
     * (such as {@code market.generate.customers=40}) into a new folder under {@code parent}, and
     * returns that run folder.
     */
    public static Path run(Path parent, String name, String... overrides) {
        Scenario scenario =
                ScenarioValidator.load(Path.of(name + ".yaml"), List.of(overrides), PolicyRegistry.builtIn());
        try {
            return new ScenarioRunner(PolicyRegistry.builtIn(), parent, KernelListener.NONE)
                    .run(scenario)
                    .folder();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
