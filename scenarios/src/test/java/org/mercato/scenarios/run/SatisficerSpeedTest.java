package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.Mercato;

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
        var scenario = Mercato.load(Path.of("speed-vs-satisficer.yaml"));
        var services = new java.util.ArrayList<>(scenario.market().services());
        var fast = services.get(0);
        services.set(
                0,
                new org.mercato.scenarios.model.ServiceConfig(
                        fast.id(),
                        fast.name(),
                        fast.description(),
                        java.util.Map.of(
                                "Tacos",
                                new java.math.BigDecimal("40.00"),
                                "Horchata",
                                new java.math.BigDecimal("3.00")),
                        fast.amenities(),
                        fast.rating(),
                        fast.reviews(),
                        fast.latency()));
        var market = new org.mercato.scenarios.model.MarketConfig(
                null, services, scenario.market().customers(), scenario.market().search());
        var changed = new org.mercato.scenarios.model.Scenario(
                scenario.name(), null, scenario.seed(), scenario.kernel(), market, scenario.agents());

        RunResult result = Mercato.writingTo(runs).run(changed);

        assertThat(Files.readString(result.eventLog()))
                .contains("\"type\":\"payment\"")
                .contains("\"service\":\"medium\",\"amount\":12.50");
    }
}
