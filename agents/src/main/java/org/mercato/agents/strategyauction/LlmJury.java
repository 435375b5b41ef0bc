package org.mercato.agents.strategyauction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mercato.agents.llm.LlmClient;
import org.mercato.agents.llm.LlmException;
import org.mercato.agents.llm.LlmMessage;
import org.mercato.agents.llm.LlmRequest;
import org.mercato.agents.llm.RunBudget;
import org.mercato.agents.transcript.TurnOrigin;
import org.mercato.sim.strategyauction.Jury;
import org.mercato.sim.strategyauction.Plan;
import org.mercato.sim.strategyauction.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A jury of model calls: juror j is asked, as juror j of n, to score the plan for the task from 0 to
 * 5. The first number in the answer is the score (clipped to [0, 5], rounded to two places); an
 * answer without a number or a failed call scores 0. The bidder's name is not shown, so identical
 * plans get identical requests (and, under record/replay, identical answers).
 */
public final class LlmJury implements Jury {
    private static final Logger log = LoggerFactory.getLogger(LlmJury.class);
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    static final String SYSTEM = "You are juror %d of %d in a strategy auction. Score how well the plan would"
            + " solve the task, from 0 (useless) to 5 (excellent). Answer with the number only.";

    private final LlmClient client;
    private final RunBudget.Meter budget;
    private final int jurors;

    /** A jury with no run-wide bound on its model use (outside a scenario). */
    public LlmJury(LlmClient client, int jurors) {
        this(client, RunBudget.unlimited().meter(null, null), jurors);
    }

    /** A jury whose calls are charged to the run's bounds; past one, its calls are refused (score 0). */
    public LlmJury(LlmClient client, RunBudget.Meter budget, int jurors) {
        if (jurors < 1) {
            throw new IllegalArgumentException("a jury needs at least one juror");
        }
        this.client = client;
        this.budget = budget;
        this.jurors = jurors;
    }

    @Override
    public List<Double> judge(Task task, String bidder, Plan plan, int round) {
        List<Double> scores = new ArrayList<>(jurors);
        for (int j = 1; j <= jurors; j++) {
            LlmRequest request = new LlmRequest(
                    List.of(
                            LlmMessage.system(SYSTEM.formatted(j, jurors)),
                            LlmMessage.user("Task: " + task.text() + "\nPlan:\n" + plan.text())),
                    null);
            double score = 0;
            try {
                score = score(budget.serialChat(client, request, new TurnOrigin(bidder, null, -1, -1))
                        .text());
            } catch (LlmException e) {
                log.warn("juror {} could not score {}'s plan for task {}: {}", j, bidder, task.id(), e.getMessage());
            }
            scores.add(score);
        }
        return scores;
    }

    /** The first number in an answer, clipped to [0, 5] and rounded to two places; 0 without one. */
    static double score(String answer) {
        Matcher number = NUMBER.matcher(answer);
        if (!number.find()) {
            return 0;
        }
        double value = Math.max(0, Math.min(5, Double.parseDouble(number.group())));
        return Math.round(value * 100) / 100.0;
    }
}
