package org.mercato.agents.strategyauction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercato.sim.strategyauction.AuctionMemory;
import org.mercato.sim.strategyauction.AuctionOutcome;
import org.mercato.sim.strategyauction.MemoryEntry;
import org.mercato.sim.strategyauction.ScoreWeights;
import org.mercato.sim.strategyauction.StrategyAuction;
import org.mercato.sim.strategyauction.Task;

class BehaviouralBiddersTest {
    static final BidderProfile SMALL = new BidderProfile("small", 0.15, 120, 2.0, 0.35, 8, 0.7);
    static final BidderProfile LARGE = new BidderProfile("large", 3.0, 200, 2.4, 0.9, 8, 0.2);
    static final ScoreWeights WEIGHTS = new ScoreWeights(0.005, 0.1, List.of(1.0, 1.0));

    private static double largeShare(double difficulty, long seed) {
        StrategyAuction auction = new StrategyAuction(
                List.of(new BehaviouralBidder("small", SMALL, seed), new BehaviouralBidder("large", LARGE, seed)),
                new BehaviouralJury(2, 0.3, seed),
                WEIGHTS,
                0,
                new AuctionMemory());
        int large = 0;
        int n = 60;
        for (int i = 0; i < n; i++) {
            AuctionOutcome outcome = auction.auction(new Task("t" + i, "c", difficulty, "write unit tests"));
            auction.settle(outcome);
            large += outcome.winningBid().bidderClass().equals("large") ? 1 : 0;
        }
        return large / (double) n;
    }

    @Test
    void asTasksGetHarderTheLargeBidderWinsMore() {
        double easy = largeShare(0.05, 3);
        double middle = largeShare(0.25, 3);
        double hard = largeShare(0.9, 3);
        assertThat(easy).isLessThan(0.2);
        assertThat(middle).isGreaterThan(easy);
        assertThat(hard).isGreaterThan(middle).isGreaterThan(0.8);
    }

    @Test
    void aBidderAnswersATaskTheSameWayWhateverCameBefore() {
        Task task = new Task("c1-t7", "c1", 0.6, "debug the payment webhook");
        BehaviouralBidder fresh = new BehaviouralBidder("small", SMALL, 11);
        BehaviouralBidder used = new BehaviouralBidder("small", SMALL, 11);
        for (int i = 0; i < 5; i++) {
            used.plan(new Task("other" + i, "c1", 0.2, "something else"));
        }
        assertThat(used.plan(task)).isEqualTo(fresh.plan(task));
        assertThat(used.execute(task, fresh.plan(task))).isEqualTo(fresh.execute(task, fresh.plan(task)));
        assertThat(new BehaviouralBidder("small", SMALL, 12).plan(task)).isNotEqualTo(fresh.plan(task));
    }

    @Test
    void memoryOfSimilarSuccessesRaisesQualityMostJustBeyondCapability() {
        Task near = new Task("t", "c", 0.5, "thoroughly debug the payment webhook");
        Task far = new Task("t", "c", 0.95, "expertly debug the payment webhook");
        List<MemoryEntry> successes = new ArrayList<>();
        List<MemoryEntry> failures = new ArrayList<>();
        for (Task past : List.of(near, far)) {
            successes.add(
                    new MemoryEntry("p", past.difficulty(), past.text(), "large", "large", "plan", 200, 4.5, true));
            failures.add(
                    new MemoryEntry("p", past.difficulty(), past.text(), "large", "large", "plan", 200, 4.5, false));
        }
        double nearBase = SMALL.skill(near.difficulty());
        double farBase = SMALL.skill(far.difficulty());
        double nearGain = SMALL.refinedQuality(near, nearBase, successes) - nearBase;
        double farGain = SMALL.refinedQuality(far, farBase, successes) - farBase;
        assertThat(nearGain).isGreaterThan(0.1);
        assertThat(farGain).isGreaterThan(0).isLessThan(nearGain / 4);
        assertThat(SMALL.refinedQuality(near, nearBase, failures)).isEqualTo(nearBase);
        assertThat(SMALL.refinedQuality(near, nearBase, List.of())).isEqualTo(nearBase);
    }

    @Test
    void planEntropyIsTheShannonEntropyOfItsWords() {
        assertThat(LlmStrategyBidder.entropy("")).isZero();
        assertThat(LlmStrategyBidder.entropy("step step step")).isZero();
        assertThat(LlmStrategyBidder.entropy("one two Three four")).isEqualTo(2.0);
        assertThat(LlmStrategyBidder.entropy("a a b")).isCloseTo(0.9183, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void aJurorsScoreIsTheFirstNumberInItsAnswerClippedToTheScale() {
        assertThat(LlmJury.score("4")).isEqualTo(4.0);
        assertThat(LlmJury.score("Score: 3.456 of 5")).isEqualTo(3.46);
        assertThat(LlmJury.score("7")).isEqualTo(5.0);
        assertThat(LlmJury.score("no idea")).isZero();
    }
}
