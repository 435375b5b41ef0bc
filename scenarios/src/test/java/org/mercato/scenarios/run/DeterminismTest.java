package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.model.KernelConfig;
import org.mercato.scenarios.model.KernelMode;
import org.mercato.scenarios.model.Scenario;
import org.mercato.sim.kernel.KernelListener;

/** Same scenario and seed give a byte-identical event log, whatever the kernel's parallelism or mode. */
class DeterminismTest {
    @TempDir
    Path runs;

    private byte[] eventsOf(Scenario scenario) throws IOException {
        RunResult result = new ScenarioRunner(PolicyRegistry.builtIn(), runs, KernelListener.NONE).run(scenario);
        return Files.readAllBytes(result.eventLog());
    }

    private static Scenario market(long seed, Integer parallelism, KernelMode mode) {
        return new Scenario(
                "determinism",
                null,
                seed,
                new KernelConfig(parallelism, null, null, mode),
                Scenarios.generated(300, 30).market(),
                Scenarios.generated(300, 30).agents());
    }

    @Test
    void twoRunsWithTheSameSeedWriteIdenticalLogs() throws IOException {
        byte[] first = eventsOf(market(11, 4, KernelMode.ACTORS));
        byte[] second = eventsOf(market(11, 4, KernelMode.ACTORS));
        assertThat(first.length).isGreaterThan(10_000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void parallelismOneAndFourAndTheBareLoopWriteIdenticalLogs() throws IOException {
        byte[] one = eventsOf(market(5, 1, KernelMode.ACTORS));
        byte[] four = eventsOf(market(5, 4, KernelMode.ACTORS));
        byte[] bare = eventsOf(market(5, 1, KernelMode.BARE));
        assertThat(four).isEqualTo(one);
        assertThat(bare).isEqualTo(one);
    }

    @Test
    void differentSeedsWriteDifferentLogs() throws IOException {
        assertThat(eventsOf(market(1, 2, KernelMode.ACTORS))).isNotEqualTo(eventsOf(market(2, 2, KernelMode.ACTORS)));
    }
}
