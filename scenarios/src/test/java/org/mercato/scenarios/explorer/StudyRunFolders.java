package org.mercato.scenarios.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.scenarios.validate.ScenarioValidator;
import org.mercato.sim.kernel.KernelListener;

/** Run folders of bundled studies, written by the real runner (as {@code mercato run}) at a small size, for explorer tests. */
public final class StudyRunFolders {
    private static final Map<List<String>, Path> SHARED = new HashMap<>();
    private static Path sharedRoot;

    private StudyRunFolders() {}

    /**
     * Like {@link #run}, but once per test JVM: test classes that only read a run share it. The
     * folders live under one temporary folder deleted when the JVM exits. Tests must not change it.
     */
    public static synchronized Path shared(String name, String... overrides) {
        List<String> key = new ArrayList<>(List.of(name));
        key.addAll(List.of(overrides));
        Path folder = SHARED.get(key);
        if (folder == null) {
            folder = run(sharedRoot().resolve(Integer.toString(SHARED.size())), name, overrides);
            SHARED.put(key, folder);
        }
        return folder;
    }

    private static Path sharedRoot() {
        if (sharedRoot == null) {
            try {
                sharedRoot = Files.createTempDirectory("explorer-runs");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path root = sharedRoot;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
        }
        return sharedRoot;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

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
