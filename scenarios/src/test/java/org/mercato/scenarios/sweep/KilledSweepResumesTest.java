package org.mercato.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;

/**
 * Killing the sweep process (SIGKILL, mid-sweep) and starting it again loses no finished cell: a
 * sweep JVM runs one cell at a time and is killed once its progress line shows three cells done;
 * the rerun reuses at least those three and completes the rest.
 */
class KilledSweepResumesTest {
    private static final Pattern DONE = Pattern.compile("cells (\\d+)/12");

    @TempDir
    Path dir;

    @Test
    void aKilledSweepLosesNoFinishedCell() throws Exception {
        Path file = SweepFixtures.scenarioWithSweep(dir, SweepFixtures.GRID);
        Path out = dir.resolve("out");
        Path progress = dir.resolve("progress.txt");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // the killed JVM cannot delete its temporary files (DuckDB's unpacked 57 MB library): keep them here
        Path scratch = Files.createDirectory(dir.resolve("jvm-tmp"));
        Process sweep = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-Djava.io.tmpdir=" + scratch,
                        "-cp",
                        classpath,
                        "org.mercato.scenarios.cli.MercatoCli",
                        "sweep",
                        file.toString(),
                        "--out",
                        out.toString(),
                        "--parallelism",
                        "1",
                        "--progress")
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(progress.toFile())
                .start();
        int seen = 0;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (seen < 3 && sweep.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                Matcher m = DONE.matcher(Files.exists(progress) ? Files.readString(progress) : "");
                while (m.find()) {
                    seen = Math.max(seen, Integer.parseInt(m.group(1)));
                }
            }
        } finally {
            sweep.destroyForcibly();
            sweep.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(seen).as("cells the killed sweep reported done").isGreaterThanOrEqualTo(3);
        assertThat(seen).as("killed before the end").isLessThan(12);

        SweepPlan plan = SweepPlan.of(SweepSpec.load(file), PolicyRegistry.builtIn(), CodeVersion.current());
        SweepRun.Outcome rerun = LocalSweepTest.run(plan, out.resolve("sweep.duckdb"), false, PolicyRegistry.builtIn());
        assertThat(rerun.reused()).isGreaterThanOrEqualTo(seen);
        assertThat(rerun.reused() + rerun.ran()).isEqualTo(12);
        assertThat(rerun.failed()).isZero();
        try (SweepStore store = SweepStore.open(out.resolve("sweep.duckdb"))) {
            assertThat(store.cellRowsAndIds()).containsExactly(12, 12);
        }
    }
}
