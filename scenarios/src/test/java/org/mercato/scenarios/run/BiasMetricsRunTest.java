package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.metrics.MarketMetrics;
import org.mercato.metrics.bias.FirstProposalFold;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.load.ScenarioYaml;

/** The bias blocks of real runs. */
class BiasMetricsRunTest {
    @TempDir
    Path runs;

    @Test
    void theSatisficerPaysItsFirstProposal() throws IOException {
        MarketMetrics market = Mercato.writingTo(runs)
                .run(Mercato.load(Path.of("speed-vs-satisficer.yaml")))
                .summary()
                .market();

        FirstProposalFold.FirstProposal first = market.firstProposal();
        assertThat(first.delivery()).isEqualTo("proposal");
        assertThat(first.payingCustomers()).isEqualTo(1);
        FirstProposalFold.Position one = first.byPosition().get(0);
        assertThat(one.position()).isEqualTo(1);
        assertThat(one.customers()).isEqualTo(1);
        assertThat(one.paid()).isEqualTo(1);
        assertThat(one.rate()).isEqualTo(1.0);
        assertThat(market.concentration().hhi()).isEqualTo(10_000.0);
        assertThat(market.concentration().top1Percent()).isEqualTo(100.0);
        assertThat(market.concentration().sales()).isEqualByComparingTo("12.50");
    }

    @Test
    void generatedGridPagesPlaceEveryChoice() throws IOException {
        Path file = runs.resolve("generated.yaml");
        Files.writeString(file, ScenarioYaml.write(Scenarios.generated(120, 20)));
        var scenario = ScenarioLoader.load(
                file,
                List.of(
                        "market.search.pageSize=6",
                        "market.presentation.layout=grid",
                        "market.presentation.rows=2",
                        "market.presentation.columns=3",
                        "market.presentation.mode=full",
                        "market.reveal.policy=batched",
                        "market.reveal.window=1s"));
        MarketMetrics market = Mercato.writingTo(runs).run(scenario).summary().market();

        assertThat(market.firstProposal().delivery()).isEqualTo("reveal");
        var position = market.position();
        assertThat(position.choices()).isPositive();
        assertThat(position.choices() + position.unshown())
                .isEqualTo(market.payments().count());
        long impressions =
                position.byRank().stream().mapToLong(cell -> cell.impressions()).sum();
        assertThat(impressions).isEqualTo(market.eventsByType().get("impression"));
        assertThat(position.byRow()).extracting(cell -> cell.value()).containsExactly(1, 2);
        assertThat(position.byColumn()).extracting(cell -> cell.value()).containsExactly(1, 2, 3);
        assertThat(market.concentration().sellers()).isBetween(1, 20);
        assertThat(market.concentration().hhi()).isBetween(500.0, 10_000.0);
        var logit = market.choiceLogit();
        assertThat(logit.choiceSets()).isPositive().isLessThanOrEqualTo((int) position.choices() * 20);
        assertThat(logit.fit() != null || logit.reason() != null).isTrue();
    }
}
