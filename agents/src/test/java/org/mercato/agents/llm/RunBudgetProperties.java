package org.mercato.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The run's budget reads, at time t, exactly the charges keyed before t: whatever else has been
 * charged meanwhile (later keys, in any order) and in whatever order the times are asked.
 */
class RunBudgetProperties {
    private static final LlmResponse ANSWER = new LlmResponse("", List.of(), 100, 10);

    private record Step(double at, long key, boolean query) {}

    @Property(tries = 300)
    void aTurnReadsTheChargesKeyedBeforeItWhateverTheOrder(
            @ForAll @Size(max = 60) List<@IntRange(max = 50) Integer> chargeKeys,
            @ForAll @Size(max = 30) List<@IntRange(max = 60) Integer> queries,
            @ForAll @IntRange(min = 1, max = 40) int maxCalls,
            @ForAll long seed) {
        Random random = new Random(seed);
        List<Step> steps = new ArrayList<>();
        List<Double> chargedAt = new ArrayList<>();
        for (int key : chargeKeys) {
            double at = random.nextDouble();
            chargedAt.add(at);
            steps.add(new Step(at, key, false));
        }
        for (int t : queries) {
            // the kernel's promise: a turn at t starts after every turn keyed before t has charged
            double at = random.nextDouble();
            for (int i = 0; i < chargeKeys.size(); i++) {
                if (chargeKeys.get(i) < t) {
                    at = Math.max(at, chargedAt.get(i) + 1e-9);
                }
            }
            steps.add(new Step(at, t, true));
        }
        steps.sort(Comparator.comparingDouble(Step::at));

        RunBudget budget = new RunBudget(maxCalls, Long.MAX_VALUE, null, "calls", "tokens", "money");
        RunBudget.Meter meter = budget.meter(null, null);
        for (Step step : steps) {
            if (step.query()) {
                long before = chargeKeys.stream().filter(k -> k < step.key()).count();
                assertThat(budget.refusal(step.key())).isEqualTo(before >= maxCalls ? RunBudget.CALLS : null);
            } else {
                meter.charge(step.key(), ANSWER);
            }
        }
    }

    @Test
    void tokensAndMoneyAreChargedPerAnswerAndReadLikeCalls() {
        RunBudget budget = new RunBudget(1_000, 1_000, 0.000_3, "calls", "tokens", "money");
        // per million tokens: 100 x 1.0 + 10 x 2.0 = 120 millionths per answer
        RunBudget.Meter priced = budget.meter(1.0, 2.0);
        priced.charge(10, ANSWER);
        priced.charge(20, ANSWER);
        assertThat(budget.refusal(20)).isNull();
        assertThat(budget.refusal(21)).isNull();
        priced.charge(30, ANSWER);
        assertThat(budget.refusal(31)).isEqualTo(RunBudget.MONEY);
        assertThat(budget.refusal(30)).as("an earlier turn reads less").isNull();
        assertThat(budget.spent()).containsExactly(3, 330, 360_000);

        RunBudget tokens = new RunBudget(1_000, 220, null, "calls", "tokens", "money");
        RunBudget.Meter unpriced = tokens.meter(null, null);
        unpriced.charge(5, ANSWER);
        unpriced.charge(6, ANSWER);
        assertThat(tokens.refusal(7)).isEqualTo(RunBudget.TOKENS);
        assertThat(tokens.spent()[2]).as("no price, no money").isZero();
    }
}
