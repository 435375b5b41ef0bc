package org.mercato.scenarios.studies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.metrics.output.SummaryMetrics;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.scenarios.validate.ScenarioValidator;
import org.mercato.sim.kernel.KernelListener;

/**
 * The flattened names of real study summaries (docs/metrics.md lists them): each array of the
 * summary is keyed by its identifying field, and no two values share a name.
 */
class StudyMetricNamesTest {
    @TempDir
    Path dir;

    private SortedMap<String, Double> metrics(String study, String... sets) throws Exception {
        Path file = Path.of(study + ".yaml");
        RunResult result = new ScenarioRunner(PolicyRegistry.builtIn(), dir, KernelListener.NONE)
                .run(ScenarioValidator.load(file, List.of(sets), PolicyRegistry.builtIn()));
        SortedMap<String, Double> metrics = SummaryMetrics.flatten(new ObjectMapper()
                .readTree(result.folder().resolve("summary.json").toFile()));
        assertThat(metrics.keySet()).noneMatch(name -> name.contains("#"));
        return metrics;
    }

    @Test
    void anAcesStudyIsKeyedByPositionTagAndCoefficient() throws Exception {
        SortedMap<String, Double> metrics =
                metrics("position-and-tags", "market.generate.customers=40", "market.generate.services=8");

        assertThat(metrics)
                .containsKeys(
                        "market.firstProposal.byPosition.1.rate",
                        "market.position.byRank.8.share",
                        "market.position.byRow.2.share",
                        "market.position.byColumn.4.share",
                        "market.position.byTag.sponsored.share",
                        "market.position.byTag.overall-pick.share",
                        "market.choiceLogit.fit.coefficients.row2.coef",
                        "market.choiceLogit.fit.coefficients.row2.se",
                        "market.choiceLogit.fit.coefficients.logPrice.coef",
                        "market.choiceLogit.fit.coefficients.tag:sponsored.coef",
                        "market.choiceLogit.omitted.count",
                        "warnings.count")
                .containsEntry("market.choiceLogit.fit.converged", 1.0);
    }

    @Test
    void strategyAuctionsAreKeyedByDifficultyRangeAndPhase() throws Exception {
        SortedMap<String, Double> metrics =
                metrics("strategy-auction-routing", "market.strategyAuction.tasksPerCustomer=5");

        for (String range : List.of("0.0-0.2", "0.2-0.4", "0.4-0.6", "0.6-0.8", "0.8-1.0")) {
            assertThat(metrics).containsKey("strategyAuction.byDifficulty." + range + ".tasks");
        }
        for (int phase = 1; phase <= 4; phase++) {
            assertThat(metrics).containsKey("strategyAuction.byPhase." + phase + ".tasks");
        }
        assertThat(metrics.keySet())
                .anyMatch(name ->
                        name.matches("strategyAuction\\.byDifficulty\\.0\\.0-0\\.2\\.share\\.(small|medium|large)"))
                .contains("strategyAuction.share.small", "strategyAuction.costRatio");
        double tasks = 0;
        for (int phase = 1; phase <= 4; phase++) {
            tasks += metrics.get("strategyAuction.byPhase." + phase + ".tasks");
        }
        assertThat(tasks).isEqualTo(metrics.get("strategyAuction.tasks"));
    }

    @Test
    void everyServiceHasItsShareOfPaymentsAndMoney() throws Exception {
        SortedMap<String, Double> metrics =
                metrics("seller-rewriting", "market.generate.customers=20", "market.generate.services=6");

        double payments = 0;
        double money = 0;
        for (int s = 1; s <= 6; s++) {
            String service = "market.serviceShares.byService." + String.format("service_%04d", s);
            payments += metrics.get(service + ".paymentShare");
            money += metrics.get(service + ".amountShare");
        }
        assertThat(payments).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
        assertThat(money).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
        assertThat(metrics)
                .containsEntry("market.serviceShares.services", 6.0)
                .containsEntry("market.serviceShares.listed", 6.0);
    }

    @Test
    void pricingIsKeyedByBlockEndAndImpulsePeriod() throws Exception {
        SortedMap<String, Double> metrics = metrics(
                "algorithmic-pricing",
                "market.pricing.episodes=2",
                "market.pricing.policy.beta=1e-4",
                "market.pricing.convergence.stable=2000",
                "market.pricing.logEvery=10000");

        assertThat(metrics)
                .containsKeys(
                        "pricing.gain.mean",
                        "pricing.gain.low",
                        "pricing.gain.high",
                        "pricing.converged",
                        "pricing.nash.prices.1",
                        "pricing.monopoly.profits.2",
                        "pricing.prices.2",
                        "pricing.path.10000.prices.1",
                        "pricing.path.10000.episodes",
                        "pricing.impulse.-1.prices.1",
                        "pricing.impulse.0.prices.1",
                        "pricing.impulse.15.prices.2")
                .containsEntry("pricing.episodes", 2.0)
                .containsEntry("pricing.firms", 2.0);
    }
}
