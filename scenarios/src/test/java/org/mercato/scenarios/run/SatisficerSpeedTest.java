package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.ScenarioLoader;

/** One customer, three identical services of different speeds: the satisficer pays the fastest. */
class SatisficerSpeedTest {
    @Test
    void satisficerPaysTheFastestOfThreeIdenticalServices(@TempDir Path runs) throws IOException {
        var scenario = Mercato.load(Path.of("speed-vs-satisficer.yaml"));
        RunResult result = Mercato.writingTo(runs).run(scenario);

        List<String> payments = Files.readAllLines(result.eventLog()).stream()
                .filter(line -> line.contains("\"type\":\"payment\""))
                .toList();
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0)).contains("\"service\":\"fast\"").contains("\"amount\":12.50");
        assertThat(result.summary().market().customersServed()).isEqualTo(1);
        // utility = 2 x (10.00 + 3.50) - 12.50
        assertThat(result.summary().market().welfare().total()).isEqualByComparingTo("14.50");
    }

    @Test
    void withTheFastestTooExpensiveTheSatisficerPaysTheNextFastest(@TempDir Path runs) throws IOException {
        var changed = ScenarioLoader.load(
                Path.of("speed-vs-satisficer.yaml"), List.of("market.services[0].menu.Tacos=40.00"));

        RunResult result = Mercato.writingTo(runs).run(changed);

        assertThat(Files.readString(result.eventLog()))
                .contains("\"type\":\"payment\"")
                .contains("\"service\":\"medium\",\"amount\":12.50");
    }
}
