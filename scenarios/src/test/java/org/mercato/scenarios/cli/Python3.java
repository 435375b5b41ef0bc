package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * python3 for the tests that run the Python client. CI runs them for sure: where {@code CI} or
 * {@code MERCATO_REQUIRE_PYTHON} is set (.ci/run sets it), a missing python3 fails the test; on a
 * user's machine without it, the test is skipped with a message.
 */
final class Python3 {
    /** The Python client folder of this checkout (tests run in the module folder). */
    static final Path CLIENTS =
            Path.of("..", "clients", "python").toAbsolutePath().normalize();

    /** The example agents. */
    static final Path EXAMPLES = CLIENTS.resolve("examples");

    private Python3() {}

    static void require() {
        boolean found;
        try {
            Process p = new ProcessBuilder("python3", "--version")
                    .redirectErrorStream(true)
                    .start();
            found = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            found = false;
        }
        if (!found && (System.getenv("CI") != null || System.getenv("MERCATO_REQUIRE_PYTHON") != null)) {
            throw new AssertionError("python3 is not on the PATH, and CI must run the Python client's tests");
        }
        assumeThat(found)
                .as("python3 is not on the PATH: the Python client's tests are skipped")
                .isTrue();
    }
}
