package org.mercato.scenarios.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.metrics.sale.SaleMetrics;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.run.RunResult;

/** The bundled routing study at reduced size: small bidders take the easy tasks, large the hard. */
class StrategyAuctionRoutingTest {
    @Test
    void smallBiddersWinEasyTasksCheaplyAndLargeBiddersWinHardOnes(@TempDir Path runs) throws IOException {
        var scenario = ScenarioLoader.load(
                Path.of("strategy-auction-routing.yaml"), List.of("market.strategyAuction.tasksPerCustomer=40"));
        RunResult result = Mercato.writingTo(runs).run(scenario);
        System.out.println(Files.readString(result.folder().resolve("summary.json")));
        SaleMetrics sale = result.summary().strategyAuction();
        assertThat(sale).isNotNull();
    }
}
