package org.mercato.scenarios.sweep;

import java.io.IOException;
import java.nio.file.Path;

/** Opens the sweep fixtures to tests in sub-packages. */
public final class SweepFixturesAccess {
    private SweepFixturesAccess() {}

    public static Path scenarioWithSweep(Path dir, String sweepYaml) throws IOException {
        return SweepFixtures.scenarioWithSweep(dir, sweepYaml);
    }
}
