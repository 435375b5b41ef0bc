package org.mercato.metrics.strategyauction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercato.sim.events.AuctionEvent;
import org.mercato.sim.events.BidEvent;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.ExecutionEvent;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.TaskEvent;

class StrategyAuctionFoldTest {
    /** One auction: both bidders bid; the winner executes at its first-round plan's cost. */
    private static List<Event> auction(String task, double difficulty, String winner, boolean success, int memory) {
        List<Event> events = new ArrayList<>();
        events.add(new TaskEvent(task, "c1", difficulty, "text"));
        events.add(bid(task, "large", 3.0, 100));
        events.add(bid(task, "small", 0.5, 100));
        double cost = winner.equals("large") ? 300 : 50;
        events.add(new AuctionEvent(task, "large", winner, winner, -1, winner.equals("small") ? 1 : 0, memory));
        events.add(new ExecutionEvent(task, winner, winner, success, cost));
        return events;
    }

    private static BidEvent bid(String task, String bidder, double price, int tokens) {
        return new BidEvent(task, bidder, bidder, 1, price, tokens, 1, List.of(3.0), 0, 0, 0, List.of());
    }

    private static StrategyAuctionMetrics fold(List<Event> events) {
        StrategyAuctionFold fold = new StrategyAuctionFold();
        long seq = 0;
        fold.accept(new LoggedEvent(0, seq++, new DoneEvent("c1", "bought")));
        for (Event event : events) {
            fold.accept(new LoggedEvent(seq, seq++, event));
        }
        return fold.result();
    }

    @Test
    void sharesCostsAndSuccessAreFoldedByClassDifficultyAndPhase() {
        List<Event> events = new ArrayList<>();
        events.addAll(auction("t1", 0.1, "small", true, 0));
        events.addAll(auction("t2", 0.15, "small", true, 1));
        events.addAll(auction("t3", 0.9, "large", false, 2));
        events.addAll(auction("t4", 0.95, "large", true, 3));

        StrategyAuctionMetrics m = fold(events);

        assertThat(m.tasks()).isEqualTo(4);
        assertThat(m.largestBidder()).isEqualTo("large");
        assertThat(m.share()).containsEntry("small", 0.5).containsEntry("large", 0.5);
        assertThat(m.successRate()).isEqualTo(0.75);
        assertThat(m.cost()).isEqualTo(700);
        assertThat(m.largestCost()).isEqualTo(1200);
        assertThat(m.costRatio()).isEqualTo(Math.round(700 / 1200.0 * 1e6) / 1e6);
        assertThat(m.overturned()).isEqualTo(2);
        assertThat(m.memoryAtStart()).isZero();
        assertThat(m.memoryAtEnd()).isEqualTo(4);
        assertThat(m.byDifficulty()).hasSize(5);
        assertThat(m.byDifficulty().get(0).share()).containsOnlyKeys("small");
        assertThat(m.byDifficulty().get(0).costRatio()).isEqualTo(Math.round(100 / 600.0 * 1e6) / 1e6);
        assertThat(m.byDifficulty().get(2).tasks()).isZero();
        assertThat(m.byDifficulty().get(2).successRate()).isNull();
        assertThat(m.byDifficulty().get(4).share()).containsOnlyKeys("large");
        assertThat(m.byPhase())
                .extracting(StrategyAuctionMetrics.Bucket::label)
                .containsExactly(
                        "auctions 1-1 (memory 0-0)",
                        "auctions 2-2 (memory 1-1)",
                        "auctions 3-3 (memory 2-2)",
                        "auctions 4-4 (memory 3-3)");
    }

    @Test
    void aLogWithoutAuctionsHasNoBlock() {
        assertThat(fold(List.of())).isNull();
    }
}
