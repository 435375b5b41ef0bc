package org.mercato.sim.strategyauction;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * One past auction as the shared memory keeps it: the task (id, difficulty, text), the winner and
 * its class, the winning plan's text, tokens and mean jury score, and whether execution succeeded.
 */
@JsonPropertyOrder({"task", "difficulty", "text", "winner", "winnerClass", "plan", "tokens", "juryMean", "success"})
public record MemoryEntry(
        String task,
        double difficulty,
        String text,
        String winner,
        String winnerClass,
        String plan,
        int tokens,
        double juryMean,
        boolean success) {
    public MemoryEntry {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(winner, "winner");
        Objects.requireNonNull(winnerClass, "winnerClass");
        Objects.requireNonNull(plan, "plan");
    }

    public static MemoryEntry of(AuctionOutcome outcome, boolean success) {
        PlanBid won = outcome.winningBid();
        double mean =
                won.jury().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Task task = outcome.task();
        return new MemoryEntry(
                task.id(),
                task.difficulty(),
                task.text(),
                won.bidder(),
                won.bidderClass(),
                won.plan().text(),
                won.plan().tokens(),
                mean,
                success);
    }

    List<String> terms() {
        return AuctionMemory.terms(text);
    }
}
