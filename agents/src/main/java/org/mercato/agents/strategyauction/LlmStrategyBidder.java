package org.mercato.agents.strategyauction;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.mercato.agents.llm.LlmClient;
import org.mercato.agents.llm.LlmException;
import org.mercato.agents.llm.LlmMessage;
import org.mercato.agents.llm.LlmRequest;
import org.mercato.agents.llm.LlmResponse;
import org.mercato.agents.llm.RunBudget;
import org.mercato.agents.transcript.TurnOrigin;
import org.mercato.sim.strategyauction.MemoryEntry;
import org.mercato.sim.strategyauction.Plan;
import org.mercato.sim.strategyauction.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bidder that asks a chat model for its plan (and, when refining, shows it the most similar past
 * tasks and their winning plans). The plan's length is the model's output tokens (its word count
 * when the provider reports none) and its entropy the Shannon entropy, in bits, of its words. Its
 * quality, which a behavioural jury scores and execution succeeds with, comes from the class's
 * {@link BidderProfile}, like a behavioural bidder's. Calls go through the {@link LlmClient}, so
 * record and replay apply; a failed call bids a one-token plan of quality 0 and the auction goes
 * on.
 */
public final class LlmStrategyBidder extends ProfiledBidder {
    private static final Logger log = LoggerFactory.getLogger(LlmStrategyBidder.class);
    static final String SYSTEM = "You bid in a strategy auction for tasks. You are %s. Answer with a short numbered"
            + " plan (at most %d steps) that would solve the task; no preamble.";

    private final LlmClient client;
    private final RunBudget.Meter budget;
    private final int maxSteps;

    /** A bidder with no run-wide bound on its model use (outside a scenario). */
    public LlmStrategyBidder(String id, BidderProfile profile, LlmClient client, int maxSteps, long seed) {
        this(id, profile, client, RunBudget.unlimited().meter(null, null), maxSteps, seed);
    }

    /** A bidder whose calls are charged to the run's bounds; past one, its calls are refused (failed plans). */
    public LlmStrategyBidder(
            String id, BidderProfile profile, LlmClient client, RunBudget.Meter budget, int maxSteps, long seed) {
        super(id, profile, seed);
        this.client = client;
        this.budget = budget;
        this.maxSteps = maxSteps;
    }

    @Override
    public Plan plan(Task task) {
        String prompt = "Task " + task.id() + " (difficulty " + task.difficulty() + "): " + task.text();
        return ask(task, prompt, profile.skill(task.difficulty()));
    }

    @Override
    public Plan refine(Task task, Plan first, Plan provisionalWinner, List<MemoryEntry> similar) {
        StringBuilder prompt =
                new StringBuilder("Task " + task.id() + " (difficulty " + task.difficulty() + "): " + task.text()
                        + "\nYour first plan:\n" + first.text() + "\nSimilar past tasks and their winning plans:");
        for (MemoryEntry entry : similar) {
            prompt.append("\n- ")
                    .append(entry.text())
                    .append(entry.success() ? " (succeeded): " : " (failed): ")
                    .append(entry.plan());
        }
        prompt.append("\nImprove your plan.");
        return ask(task, prompt.toString(), profile.refinedQuality(task, first.quality(), similar));
    }

    private Plan ask(Task task, String prompt, double quality) {
        LlmRequest request = new LlmRequest(
                List.of(LlmMessage.system(SYSTEM.formatted(id, maxSteps)), LlmMessage.user(prompt)), null);
        LlmResponse response;
        try {
            response = budget.serialChat(client, request, new TurnOrigin(id, null, -1, -1));
        } catch (LlmException e) {
            log.warn("bidder {} got no plan for task {}: {}", id, task.id(), e.getMessage());
            return new Plan("llm-error", 1, 0, 0);
        }
        String text = response.text().strip();
        int words = words(text).size();
        int tokens = (int) Math.max(1, response.outputTokens() > 0 ? response.outputTokens() : words);
        return new Plan(text, tokens, Math.round(entropy(text) * 1e4) / 1e4, quality);
    }

    @Override
    public boolean execute(Task task, Plan plan) {
        SplittableRandom random = stream(task, "execute");
        return random.nextDouble() < plan.quality();
    }

    /** The Shannon entropy, in bits, of the distribution of a text's (lower-cased) words. */
    static double entropy(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return 0;
        }
        Map<String, Integer> counts = new TreeMap<>();
        words.forEach(w -> counts.merge(w, 1, Integer::sum));
        double h = 0;
        for (int count : counts.values()) {
            double p = (double) count / words.size();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    private static List<String> words(String text) {
        return java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
