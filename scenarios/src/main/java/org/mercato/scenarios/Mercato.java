package org.mercato.scenarios;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.BundledScenarios;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.sim.kernel.KernelListener;

/** The embedded entry point: load a scenario, run it in this JVM, get the summary and the log path. */
public final class Mercato {
    /**
     * The overrides each scenario {@link #bundled} returned was loaded with, by identity (weak keys
     * compare by identity), so that {@link #run} records them in the summary's {@code condition}.
     */
    private static final Cache<Scenario, List<String>> LOADED_WITH =
            Caffeine.newBuilder().weakKeys().build();

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

    /**
     * Reads a bundled scenario by name ({@code first-proposal-bias}; see {@link BundledScenarios})
     * with {@code --set}-style overrides such as {@code market.search.pageSize=20}. Running the
     * scenario returned with {@link #run} records the overrides in the summary's {@code condition}
     * block and names the run folder by them, as {@code mercato run --set} does.
     *
     * @throws org.mercato.scenarios.load.ScenarioException for an unknown name (listing the known
     *     ones) or a bad override
     */
    public static Scenario bundled(String name, String... overrides) {
        Scenario scenario = ScenarioLoader.load(BundledScenarios.resolve(name), List.of(overrides));
        if (overrides.length > 0) {
            LOADED_WITH.put(scenario, List.of(overrides));
        }
        return scenario;
    }

    /** The bundled scenarios with their one-line descriptions, by name. */
    public static List<BundledScenarios.Entry> bundledScenarios() {
        return BundledScenarios.list();
    }

    public RunResult run(Scenario scenario) throws IOException {
        return run(scenario, KernelListener.NONE);
    }

    public RunResult run(Scenario scenario, KernelListener listener) throws IOException {
        return new ScenarioRunner(registry, outputRoot, listener).run(scenario, overridesOf(scenario));
    }

    /** The overrides {@code scenario} was loaded with by {@link #bundled}; none for any other. */
    private static List<String> overridesOf(Scenario scenario) {
        List<String> overrides = LOADED_WITH.getIfPresent(scenario);
        return overrides == null ? List.of() : overrides;
    }
}
