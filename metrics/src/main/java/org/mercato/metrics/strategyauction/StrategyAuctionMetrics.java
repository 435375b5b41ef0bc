package org.mercato.metrics.strategyauction;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.SortedMap;

/**
 * The strategy auctions of a run: tasks auctioned, the largest bidder (highest price per token),
 * wins and share of tasks by bidder class, the winners' success rate, the cost of the winners'
 * plans (price per token × tokens, summed) against always using the largest bidder and their
 * ratio, how many refined bids there were and how many auctions refinement overturned, the memory's
 * size at the first auction and after the last, then the same by task difficulty and by phase of
 * the run (as the memory grows).
 */
@JsonPropertyOrder({
    "tasks",
    "largestBidder",
    "wins",
    "share",
    "successRate",
    "cost",
    "largestCost",
    "costRatio",
    "refinedBids",
    "overturned",
    "memoryAtStart",
    "memoryAtEnd",
    "byDifficulty",
    "byPhase"
})
public record StrategyAuctionMetrics(
        long tasks,
        String largestBidder,
        SortedMap<String, Long> wins,
        SortedMap<String, Double> share,
        Double successRate,
        double cost,
        double largestCost,
        Double costRatio,
        long refinedBids,
        long overturned,
        int memoryAtStart,
        int memoryAtEnd,
        List<Bucket> byDifficulty,
        List<Bucket> byPhase) {

    /** One slice of the auctions; rates and ratios are null when the slice is empty. */
    @JsonPropertyOrder({"label", "tasks", "wins", "share", "successRate", "cost", "largestCost", "costRatio"})
    public record Bucket(
            String label,
            long tasks,
            SortedMap<String, Long> wins,
            SortedMap<String, Double> share,
            Double successRate,
            double cost,
            double largestCost,
            Double costRatio) {}
}
