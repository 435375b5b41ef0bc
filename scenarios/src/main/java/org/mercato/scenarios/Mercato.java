package org.mercato.scenarios;

import java.io.IOException;
import java.nio.file.Path;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.sim.kernel.KernelListener;

/** The embedded entry point: load a scenario, run it in this JVM, get the summary and the log path. */
public final class Mercato {
    private final PolicyRegistry registry;
    private final Path outputRoot;

    private Mercato(PolicyRegistry registry, Path outputRoot) {
        this.registry = registry;
        this.outputRoot = outputRoot;
    }

    /** Runs write into {@code outputRoot/<name>-<timestamp>/}; policies are the built-in ones and plugins. */
    public static Mercato writingTo(Path outputRoot) {
        return new Mercato(PolicyRegistry.withPlugins(), outputRoot);
    }

    /** The same, with a registry that may hold the caller's own policies. */
    public Mercato withPolicies(PolicyRegistry policies) {
        return new Mercato(policies, outputRoot);
    }

    /**
     * Reads and checks a scenario file.
     *
     * @throws org.mercato.scenarios.load.ScenarioException with file, line, column and key when the
     *     file is missing, malformed, or breaks the schema
     */
    public static Scenario load(Path scenarioFile) {
        return ScenarioLoader.load(scenarioFile);
    }

    public RunResult run(Scenario scenario) throws IOException {
        return new ScenarioRunner(registry, outputRoot, KernelListener.NONE).run(scenario);
    }

    public RunResult run(Scenario scenario, KernelListener listener) throws IOException {
        return new ScenarioRunner(registry, outputRoot, listener).run(scenario);
    }
}
