package org.mercato.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.validate.ScenarioValidator;

/** Scenario text written to {@code <dir>/scenario.yaml} and checked as {@code mercato validate} checks it. */
public final class ScenarioFiles {
    private ScenarioFiles() {}

    /** The scenario, loaded and validated with the built-in policies. */
    public static Scenario validated(Path dir, String text) throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, text);
        return ScenarioValidator.load(file, List.of(), PolicyRegistry.builtIn());
    }

    /** The one-line message validation fails with (the test fails if it does not). */
    public static String failure(Path dir, String text) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> validated(dir, text));
        assertThat(e).as("validation should fail").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n");
        return e.getMessage();
    }
}
