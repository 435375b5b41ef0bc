package org.mercato.scenarios.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mercato.scenarios.model.Scenario;

/** Reads scenario files. */
public final class ScenarioLoader {
    private ScenarioLoader() {}

    public static Scenario load(Path file) throws IOException {
        return load(file, List.of());
    }

    /** Loads {@code file} and applies {@code overrides} of the form {@code a.b.c=value}. */
    public static Scenario load(Path file, List<String> overrides) throws IOException {
        if (!overrides.isEmpty()) {
            throw new UnsupportedOperationException("overrides are not implemented yet");
        }
        return ScenarioYaml.mapper().readValue(file.toFile(), Scenario.class);
    }
}
