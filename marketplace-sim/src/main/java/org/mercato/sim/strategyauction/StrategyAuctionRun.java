package org.mercato.sim.strategyauction;

import java.util.ArrayList;
import java.util.List;
import org.mercato.sim.events.AuctionEvent;
import org.mercato.sim.events.BidEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.ExecutionEvent;
import org.mercato.sim.events.JsonLine;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.TaskEvent;

/**
 * Runs tasks through a {@link StrategyAuction} one after the other in virtual time: task i is
 * posted at {@code start + i · interval} and its events ({@code task}, the {@code bid}s of round 1
 * then round 2, {@code auction}, {@code execution}) carry that time and consecutive sequence
 * numbers from {@code firstSeq}. The loop is sequential, so the events are a pure function of the
 * tasks and the bidders' and jury's random streams.
 */
public final class StrategyAuctionRun {
    private StrategyAuctionRun() {}

    /** Returns the sequence number after the last event written. */
    public static long run(
            StrategyAuction auction,
            List<Task> tasks,
            long start,
            long interval,
            long firstSeq,
            List<EventSink> sinks) {
        long seq = firstSeq;
        for (int i = 0; i < tasks.size(); i++) {
            long t = start + i * interval;
            AuctionOutcome outcome = auction.auction(tasks.get(i));
            boolean success = auction.settle(outcome);
            for (Event event : events(outcome, success)) {
                LoggedEvent logged = new LoggedEvent(t, seq++, event);
                for (EventSink sink : sinks) {
                    sink.accept(logged);
                }
            }
        }
        return seq;
    }

    /** The events one settled auction writes, in log order. */
    public static List<Event> events(AuctionOutcome outcome, boolean success) {
        Task task = outcome.task();
        List<Event> events = new ArrayList<>();
        events.add(new TaskEvent(task.id(), task.customer(), JsonLine.round6(task.difficulty()), task.text()));
        outcome.firstRound().forEach(b -> events.add(bid(task, b, 1)));
        outcome.refinements().forEach(b -> events.add(bid(task, b, 2)));
        PlanBid won = outcome.winningBid();
        events.add(new AuctionEvent(
                task.id(),
                outcome.provisional().bidder(),
                won.bidder(),
                won.bidderClass(),
                JsonLine.round6(outcome.winner().score().total()),
                outcome.refinements().size(),
                outcome.memorySize()));
        events.add(new ExecutionEvent(
                task.id(),
                won.bidder(),
                won.bidderClass(),
                success,
                JsonLine.round6(won.pricePerToken() * won.plan().tokens())));
        return events;
    }

    private static BidEvent bid(Task task, ScoredBid scored, int round) {
        PlanBid bid = scored.bid();
        return new BidEvent(
                task.id(),
                bid.bidder(),
                bid.bidderClass(),
                round,
                bid.pricePerToken(),
                bid.plan().tokens(),
                JsonLine.round6(bid.plan().entropy()),
                bid.jury(),
                JsonLine.round6(scored.score().cost()),
                JsonLine.round6(scored.score().value()),
                JsonLine.round6(scored.score().total()),
                bid.memory());
    }
}
