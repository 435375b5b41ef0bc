package org.mercato.metrics.strategyauction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mercato.sim.events.AuctionEvent;
import org.mercato.sim.events.BidEvent;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.ExecutionEvent;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.TaskEvent;

/**
 * Strategy-auction metrics from the {@code task}, {@code bid}, {@code auction} and {@code
 * execution} events: the share of tasks each bidder class won, the success rate, the cost of the
 * winners' plans against always using the largest bidder (the highest price per token, ties by
 * id; its first-round plan on every task), and these by task difficulty (five equal bins) and as
 * the memory grows (the run's auctions in four consecutive quarters). Events of other types are
 * ignored; a log without auctions gives {@code null}.
 */
public final class StrategyAuctionFold implements EventSink {
    static final int DIFFICULTY_BINS = 5;
    static final int PHASES = 4;

    private final Map<String, TaskRow> tasks = new LinkedHashMap<>();
    private final SortedMap<String, Double> prices = new TreeMap<>();
    private long refinedBids;

    private static final class TaskRow {
        final double difficulty;
        final Map<String, Double> firstCosts = new TreeMap<>();
        String winnerClass;
        String provisional;
        String winner;
        int memory;
        boolean executed;
        boolean success;
        double cost;

        TaskRow(double difficulty) {
            this.difficulty = difficulty;
        }
    }

    @Override
    public void accept(LoggedEvent logged) {
        var event = logged.event();
        if (event instanceof TaskEvent task) {
            tasks.put(task.id(), new TaskRow(task.difficulty()));
        } else if (event instanceof BidEvent bid) {
            TaskRow row = tasks.get(bid.task());
            if (row != null && bid.round() == 1) {
                row.firstCosts.put(bid.bidder(), bid.pricePerToken() * bid.tokens());
                prices.merge(bid.bidder(), bid.pricePerToken(), Math::max);
            } else if (bid.round() == 2) {
                refinedBids++;
            }
        } else if (event instanceof AuctionEvent auction) {
            TaskRow row = tasks.get(auction.task());
            if (row != null) {
                row.winnerClass = auction.winnerClass();
                row.provisional = auction.provisional();
                row.winner = auction.winner();
                row.memory = auction.memory();
            }
        } else if (event instanceof ExecutionEvent execution) {
            TaskRow row = tasks.get(execution.task());
            if (row != null) {
                row.executed = true;
                row.success = execution.success();
                row.cost = execution.cost();
            }
        }
    }

    /** The metrics, or null when the log holds no settled auction. */
    public StrategyAuctionMetrics result() {
        List<TaskRow> settled = tasks.values().stream()
                .filter(r -> r.executed && r.winnerClass != null)
                .toList();
        if (settled.isEmpty()) {
            return null;
        }
        String largest = largest();
        List<StrategyAuctionMetrics.Bucket> byDifficulty = new ArrayList<>();
        for (int b = 0; b < DIFFICULTY_BINS; b++) {
            double lo = (double) b / DIFFICULTY_BINS;
            double hi = (double) (b + 1) / DIFFICULTY_BINS;
            int bin = b;
            List<TaskRow> rows =
                    settled.stream().filter(r -> bin(r.difficulty) == bin).toList();
            byDifficulty.add(bucket("difficulty " + fmt(lo) + "-" + fmt(hi), rows, largest));
        }
        List<StrategyAuctionMetrics.Bucket> byPhase = new ArrayList<>();
        int n = settled.size();
        for (int p = 0; p < PHASES; p++) {
            int from = (int) ((long) n * p / PHASES);
            int to = (int) ((long) n * (p + 1) / PHASES);
            List<TaskRow> rows = settled.subList(from, to);
            String label = rows.isEmpty()
                    ? "auctions " + (from + 1) + "-" + to
                    : "auctions " + (from + 1) + "-" + to + " (memory " + rows.get(0).memory + "-"
                            + rows.get(rows.size() - 1).memory + ")";
            byPhase.add(bucket(label, rows, largest));
        }
        StrategyAuctionMetrics.Bucket all = bucket("all", settled, largest);
        long overturned =
                settled.stream().filter(r -> !r.winner.equals(r.provisional)).count();
        return new StrategyAuctionMetrics(
                all.tasks(),
                largest,
                all.wins(),
                all.share(),
                all.successRate(),
                all.cost(),
                all.largestCost(),
                all.costRatio(),
                refinedBids,
                overturned,
                settled.get(0).memory,
                settled.get(settled.size() - 1).memory + 1,
                byDifficulty,
                byPhase);
    }

    private String largest() {
        String best = null;
        for (var entry : prices.entrySet()) {
            if (best == null || entry.getValue() > prices.get(best)) {
                best = entry.getKey();
            }
        }
        return best;
    }

    private static int bin(double difficulty) {
        return Math.min(DIFFICULTY_BINS - 1, (int) Math.floor(difficulty * DIFFICULTY_BINS));
    }

    private static String fmt(double value) {
        return String.valueOf(Math.round(value * 100) / 100.0);
    }

    private static StrategyAuctionMetrics.Bucket bucket(String label, List<TaskRow> rows, String largest) {
        SortedMap<String, Long> wins = new TreeMap<>();
        long successes = 0;
        double cost = 0;
        double largestCost = 0;
        for (TaskRow row : rows) {
            wins.merge(row.winnerClass, 1L, Long::sum);
            successes += row.success ? 1 : 0;
            cost += row.cost;
            largestCost += row.firstCosts.getOrDefault(largest, 0.0);
        }
        SortedMap<String, Double> share = new TreeMap<>();
        wins.forEach((k, v) -> share.put(k, round(v / (double) rows.size())));
        return new StrategyAuctionMetrics.Bucket(
                label,
                rows.size(),
                wins,
                share,
                rows.isEmpty() ? null : round(successes / (double) rows.size()),
                round(cost),
                round(largestCost),
                largestCost == 0 ? null : round(cost / largestCost));
    }

    static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
