package org.mercato.scenarios.generate;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.random.Gaussian;

/** Small helpers shared by the generators. */
final class Draws {
    private static final String[] PERSONAS = {
        "busy parent who values speed", "student on a tight budget", "retiree who reads every review",
        "professional who wants the best quality", "first-time buyer, cautious", "deal hunter who compares prices"
    };

    private Draws() {}

    /** Zero-padded ids that sort in creation order: {@code customer_0042}. */
    static String id(String prefix, int number, int count) {
        int width = Math.max(4, String.valueOf(count).length());
        String digits = String.valueOf(number);
        return prefix + "_" + "0".repeat(width - digits.length()) + digits;
    }

    static double logNormal(SplittableRandom random, double sigma) {
        return Math.exp(sigma * Gaussian.next(random));
    }

    static double roundTenth(double value) {
        return Math.round(10 * value) / 10.0;
    }

    static String persona(SplittableRandom random) {
        return PERSONAS[random.nextInt(PERSONAS.length)];
    }

    /** Each of {@code items} in turn with probability {@code p} (one draw per item, in order), sorted. */
    static TreeSet<String> subset(SplittableRandom random, String[] items, double p) {
        TreeSet<String> chosen = new TreeSet<>();
        for (String item : items) {
            if (random.nextDouble() < p) {
                chosen.add(item);
            }
        }
        return chosen;
    }

    /** What an hour of waiting costs a customer, in cents: 5 to 40 currency units. */
    static long timeCostPerHour(SplittableRandom random) {
        return random.nextLong(500, 4_001);
    }

    /**
     * {@code draft} made whole: its budget becomes what fulfilling its whole request is worth, then
     * its time cost and persona are drawn from {@code random}, in that order.
     */
    static Customer completed(SplittableRandom random, Customer draft) {
        return draft.withBudget(draft.fulfilledValue(), timeCostPerHour(random), persona(random));
    }
}
