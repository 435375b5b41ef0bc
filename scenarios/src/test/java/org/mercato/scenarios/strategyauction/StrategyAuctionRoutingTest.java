package org.mercato.scenarios.strategyauction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.metrics.strategyauction.StrategyAuctionMetrics;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.run.RunResult;

/**
 * The bundled routing study at reduced size: the small bidder takes most easy tasks, the large one
 * most hard tasks, routing costs a fraction of always using the large bidder, and the auction
 * memory shifts wins to the small bidder.
 */
class StrategyAuctionRoutingTest {
    @Test
    void smallBiddersWinEasyTasksCheaplyAndLargeBiddersWinHardOnes(@TempDir Path runs) throws IOException {
        var scenario = ScenarioLoader.load(
                Path.of("strategy-auction-routing.yaml"),
                List.of("market.strategyAuction.tasksPerCustomer=20", "output.duckdb=false"));
        RunResult result = Mercato.writingTo(runs).run(scenario);

        StrategyAuctionMetrics sale = result.summary().strategyAuction();
        assertThat(sale.tasks()).isEqualTo(160);
        assertThat(sale.largestBidder()).isEqualTo("large");
        StrategyAuctionMetrics.Bucket easiest = sale.byDifficulty().get(0);
        StrategyAuctionMetrics.Bucket hardest = sale.byDifficulty().get(4);
        assertThat(easiest.share().get("small")).isGreaterThan(0.5);
        assertThat(easiest.share()).doesNotContainKey("large");
        assertThat(hardest.share().get("large")).isGreaterThan(0.5);
        assertThat(hardest.share().getOrDefault("small", 0.0))
                .isLessThan(easiest.share().get("small"));
        assertThat(easiest.costRatio()).isLessThan(0.15);
        assertThat(sale.costRatio()).isLessThan(0.5);
        assertThat(sale.successRate()).isBetween(0.5, 1.0);
        assertThat(sale.overturned()).isPositive();
    }

    @Test
    void theAuctionMemoryLetsTheSmallBidderWinMoreAtLowerCost(@TempDir Path runs) throws IOException {
        StrategyAuctionMetrics withMemory = run(runs, "market.strategyAuction.k=3");
        StrategyAuctionMetrics without = run(runs, "market.strategyAuction.k=0");

        assertThat(withMemory.share().get("small"))
                .isGreaterThan(without.share().get("small") + 0.05);
        assertThat(withMemory.costRatio()).isLessThan(without.costRatio());
        assertThat(without.overturned()).isLessThan(withMemory.overturned());
    }

    private static StrategyAuctionMetrics run(Path runs, String override) throws IOException {
        var scenario = ScenarioLoader.load(
                Path.of("strategy-auction-routing.yaml"),
                List.of("market.strategyAuction.tasksPerCustomer=10", "output.duckdb=false", override));
        return Mercato.writingTo(runs).run(scenario).summary().strategyAuction();
    }
}
